/* Case construction: buffers, positions and seeded inputs. */
#include "plan.h"
#include "dtype.h"

#include <math.h>
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
    rc_case *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->suite = suite;
    c->cfg = *cfg;
    rc_config_rebind(&c->cfg);
    c->dtype = dtype;
    c->ordinal = (int64_t)plan->n;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->name, sizeof c->name, fmt, ap);
    va_end(ap);
    plan->cases[plan->n++] = c;
    return c;
}

void rc_case_release(rc_case *c)
{
    for (int i = 0; i < c->n_calls; i++) {
        rc_case_call *cc = &c->calls[i];
        free(cc->positions);
        free(cc->in.data);
        free(cc->out.data);
        free(cc->cos);
        free(cc->sin);
        cc->positions = NULL;
        cc->in.data = cc->out.data = cc->cos = cc->sin = NULL;
    }
}

static void case_free(rc_case *c)
{
    rc_case_release(c);
    free(c);
}

void rc_plan_free(rc_plan *plan)
{
    for (size_t i = 0; i < plan->n; i++)
        case_free(plan->cases[i]);
    free(plan->cases);
    memset(plan, 0, sizeof *plan);
}

static rc_case_call *next_call(rc_case *c, rc_call_kind kind, const int64_t *positions, int64_t n)
{
    if (c->n_calls >= RC_CASE_MAX_CALLS)
        return NULL;
    rc_case_call *cc = &c->calls[c->n_calls];
    memset(cc, 0, sizeof *cc);
    cc->positions = malloc((size_t)(n > 0 ? n : 1) * sizeof *cc->positions);
    if (!cc->positions)
        return NULL;
    memcpy(cc->positions, positions, (size_t)n * sizeof *cc->positions);
    cc->params = c->cfg.params;
    cc->call.kind = kind;
    cc->call.params = &cc->params;
    cc->call.dtype = c->dtype;
    cc->call.positions = cc->positions;
    cc->call.n_positions = n;
    c->n_calls++;
    return cc;
}

static void init_tensor(rc_tensor *t, rc_dtype dt, int64_t n_tokens, int64_t n_heads, int64_t head_dim)
{
    t->dtype = dt;
    t->n_tokens = n_tokens;
    t->n_heads = n_heads;
    t->head_dim = head_dim;
    t->head_stride = head_dim;
    t->token_stride = n_heads * head_dim;
}

rc_case_call *rc_case_add_call(rc_case *c, rc_call_kind kind, const int64_t *positions,
                               int64_t n_tokens, int64_t n_heads)
{
    rc_case_call *cc = next_call(c, kind, positions, n_tokens);
    if (!cc)
        return NULL;
    int64_t hd = c->cfg.params.head_dim;
    size_t bytes = (size_t)(n_tokens * n_heads * hd) * rc_dtype_size(c->dtype);
    init_tensor(&cc->in, c->dtype, n_tokens, n_heads, hd);
    init_tensor(&cc->out, c->dtype, n_tokens, n_heads, hd);
    cc->in.data = calloc(1, bytes ? bytes : 1);
    cc->out.data = calloc(1, bytes ? bytes : 1);
    if (!cc->in.data || !cc->out.data)
        return NULL;
    cc->call.in = &cc->in;
    cc->call.out = &cc->out;
    return cc;
}

rc_case_call *rc_case_add_cos_sin(rc_case *c, const int64_t *positions, int64_t n)
{
    rc_case_call *cc = next_call(c, RC_CALL_COS_SIN, positions, n);
    if (!cc)
        return NULL;
    size_t bytes = (size_t)(n * (c->cfg.params.rotary_dim / 2)) * rc_dtype_size(c->dtype);
    cc->cos = calloc(1, bytes ? bytes : 1);
    cc->sin = calloc(1, bytes ? bytes : 1);
    if (!cc->cos || !cc->sin)
        return NULL;
    cc->call.cos_out = cc->cos;
    cc->call.sin_out = cc->sin;
    return cc;
}

/* Activations of real models: mostly O(1) with a spread of magnitudes, so
 * values are uniform in [-1, 1) scaled by 2^e, e in [-4, 4], then rounded to
 * the dtype (the golden takes the rounded values as exact inputs). */
void rc_case_fill_random(const rc_case *c, rc_case_call *cc, uint64_t seed)
{
    char key[200];
    snprintf(key, sizeof key, "%s#%d", c->name, (int)(cc - c->calls));
    rc_prng g = rc_prng_keyed(seed, key);
    static const double scale[9] = { 0x1p-4, 0x1p-3, 0x1p-2, 0x1p-1, 1.0, 0x1p1, 0x1p2, 0x1p3, 0x1p4 };
    size_t n = rc_tensor_span(&cc->in);
    for (size_t i = 0; i < n; i++) {
        double v = (2.0 * rc_prng_unit(&g) - 1.0) * scale[rc_prng_below(&g, 9)];
        rc_store(cc->in.data, cc->in.dtype, i, v);
    }
}

void rc_case_copy_input(rc_case_call *to, const rc_case_call *from)
{
    memcpy(to->in.data, from->in.data, rc_tensor_span(&from->in) * rc_dtype_size(from->in.dtype));
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
