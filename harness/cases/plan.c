/* Planning cases as recipes (plan.h): a suite's calls and fill steps are
 * recorded, with configurations and positions shared through the plan's
 * store; plan_make.c makes the buffers when the case runs. */
#include "plan.h"
#include "plan_store.h"
#include "rope_mrope.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rc_case *rc_plan_add(rc_plan *plan, const struct rc_suite_def *suite,
                     const rc_config *cfg, rc_dtype dtype, const char *fmt, ...)
{
    if (plan->n == plan->cap) {
        size_t cap = plan->cap ? plan->cap * 2 : 64;
        rc_case **p = realloc(plan->cases, cap * sizeof *p);
        if (!p)
            return NULL;
        plan->cases = p;
        plan->cap = cap;
    }
    if (!plan->store && !(plan->store = rc_plan_store_new()))
        return NULL;
    rc_case *c = calloc(1, sizeof *c);
    if (!c || !(c->cfg = rc_plan_store_config(plan->store, cfg))) {
        free(c);
        return NULL;
    }
    c->store = plan->store;
    c->suite = suite;
    c->dtype = dtype;
    c->ordinal = (int64_t)plan->n;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->name, sizeof c->name, fmt, ap);
    va_end(ap);
    plan->cases[plan->n++] = c;
    return c;
}

void rc_case_free(rc_case *c)
{
    if (!c)
        return;
    rc_case_release(c);
    free(c);
}

void rc_plan_free(rc_plan *plan)
{
    for (size_t i = 0; i < plan->n; i++)
        rc_case_free(plan->cases[i]);
    free(plan->cases);
    rc_plan_store_free(plan->store);
    memset(plan, 0, sizeof *plan);
}

/* A call passing n_positions positions (the plan keeps the one copy of
 * them) for n_tokens tokens of n_heads heads. */
static rc_call_recipe *next_call(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                 int64_t n_positions, int64_t n_tokens, int64_t n_heads)
{
    if (c->n_calls >= RC_CASE_MAX_CALLS)
        return NULL;
    rc_call_recipe *cc = &c->recipe[c->n_calls];
    memset(cc, 0, sizeof *cc);
    if (!(cc->positions = rc_plan_store_positions(c->store, positions, n_positions)))
        return NULL;
    cc->kind = kind;
    cc->n_positions = n_positions;
    cc->n_tokens = n_tokens;
    cc->n_heads = n_heads;
    c->n_calls++;
    return cc;
}

/* APPLY/BACKWARD: with M-RoPE params axes * n_tokens positions laid out
 * [axis][token], given (per_axis) or the n_tokens replicated on every axis
 * (equal axes: the 1-D RoPE a text token sees). */
static rc_call_recipe *add_call(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                int64_t n_tokens, int64_t n_heads, int per_axis)
{
    const int64_t axes = rc_mrope_axes(&c->cfg->params);
    if (axes == 1 || per_axis)
        return next_call(c, kind, positions, axes * n_tokens, n_tokens, n_heads);
    int64_t *all = malloc((size_t)(n_tokens > 0 ? axes * n_tokens : 1) * sizeof *all);
    if (!all)
        return NULL;
    for (int64_t a = 0; a < axes; a++)
        memcpy(all + a * n_tokens, positions, (size_t)n_tokens * sizeof *all);
    rc_call_recipe *cc = next_call(c, kind, all, axes * n_tokens, n_tokens, n_heads);
    free(all);
    return cc;
}

rc_call_recipe *rc_case_add_call(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                 int64_t n_tokens, int64_t n_heads)
{
    return add_call(c, kind, positions, n_tokens, n_heads, 0);
}

rc_call_recipe *rc_case_add_call_axes(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                      int64_t n_tokens, int64_t n_heads)
{
    return add_call(c, kind, positions, n_tokens, n_heads, 1);
}

rc_call_recipe *rc_case_add_call_flat(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                      int64_t n_tokens, int64_t n_heads)
{
    rc_call_recipe *cc = next_call(c, kind, positions, n_tokens, n_tokens, n_heads);
    if (cc)
        cc->flat = 1;
    return cc;
}

rc_call_recipe *rc_case_add_cos_sin(rc_case *c, const int64_t *positions, int64_t n)
{
    return next_call(c, RC_CALL_COS_SIN, positions, n, n, 1);
}

void rc_call_set_seq_len(rc_call_recipe *cc, int64_t seq_len)
{
    cc->has_seq_len = 1;
    cc->seq_len = seq_len;
}

static int add_step(rc_case *c, int kind, const rc_call_recipe *cc, const rc_call_recipe *from,
                    rc_fill_fn fn)
{
    if (c->n_fills >= RC_CASE_MAX_FILLS || !cc)
        return -1;
    rc_fill_step *s = &c->fills[c->n_fills++];
    s->kind = kind;
    s->call = (int)(cc - c->recipe);
    s->from = from ? (int)(from - c->recipe) : -1;
    s->fn = fn;
    return 0;
}

int rc_case_fill_random(rc_case *c, const rc_call_recipe *cc, uint64_t seed)
{
    c->seed = seed;
    return add_step(c, RC_FILL_RANDOM, cc, NULL, NULL);
}

int rc_case_copy_input(rc_case *c, const rc_call_recipe *to, const rc_call_recipe *from)
{
    return from ? add_step(c, RC_FILL_COPY, to, from, NULL) : -1;
}

int rc_case_fill_with(rc_case *c, const rc_call_recipe *cc, rc_fill_fn fn)
{
    return fn ? add_step(c, RC_FILL_WITH, cc, NULL, fn) : -1;
}

int rc_position_bucket(int64_t p)
{
    if (p <= 0)
        return 0;
    int b = 1;
    while (p > 1 && b < 32) {
        p >>= 1;
        b++;
    }
    return b;
}
