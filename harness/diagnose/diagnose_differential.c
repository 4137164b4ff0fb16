/* Differential diagnosis: catalogue mutants run a FAIL case's own calls in
 * the sandbox; an entry matches where the candidate's outputs agree with
 * the mutant's (diagnose.h). */
#include "diagnose_internal.h"
#include "dtype.h"
#include "rope_type.h"
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An entry is named when it agrees with the candidate on this much of the
 * case and reproduces this much of what the candidate got wrong. */
#define MATCH_MIN 0.95
#define EXPLAIN_MIN 0.90

/* ---- running a mutant on the case ---------------------------------------- */

typedef struct mut_run {
    rc_call calls[RC_CASE_MAX_CALLS];
    rc_call_result res[RC_CASE_MAX_CALLS];
    rc_tensor out[RC_CASE_MAX_CALLS];
    void *buf[RC_CASE_MAX_CALLS][2];
} mut_run;

static void mut_free(mut_run *m)
{
    for (int i = 0; i < RC_CASE_MAX_CALLS; i++) {
        free(m->buf[i][0]);
        free(m->buf[i][1]);
    }
}

/* Each mutant keeps one worker for the whole run (ctx->mutants): a fork
 * per case and mutant made a failing run several times slower than a
 * passing one.  Every case starts the mutant from fresh state (a call
 * group of its own: fini, then init), so its outputs for a case never
 * depend on the cases before it: the same in any --jobs worker or shard. */
struct rc_mutant_pool {
    size_t n;
    struct mutant_worker {
        const rc_adapter *ad;
        rc_candidate cand;
        rc_sandbox *sb;
        int group;
    } w[];
};

static struct mutant_worker *mutant_worker(rc_ctx *ctx, const rc_adapter *ad)
{
    if (!ctx->mutants) {
        ctx->mutants = calloc(1, sizeof *ctx->mutants + rc_catalogue_count * sizeof ctx->mutants->w[0]);
        if (!ctx->mutants)
            return NULL;
    }
    struct rc_mutant_pool *pool = ctx->mutants;
    for (size_t i = 0; i < pool->n; i++)
        if (pool->w[i].ad == ad)
            return &pool->w[i];
    if (pool->n == rc_catalogue_count)
        return NULL;
    struct mutant_worker *w = &pool->w[pool->n];
    char label[160];
    snprintf(label, sizeof label, "catalogue:%s", ad->name);
    rc_candidate_builtin(&w->cand, label, ad);
    rc_limits lim;
    rc_limits_default(&lim);
    lim.cpu_s = ctx->opts->timeout > 0 ? ctx->opts->timeout : 10.0;
    w->sb = rc_sandbox_open(&w->cand, &lim);
    if (!w->sb)
        return NULL;
    w->ad = ad;
    pool->n++;
    return w;
}

void rc_diagnose_release(rc_ctx *ctx)
{
    if (!ctx->mutants)
        return;
    for (size_t i = 0; i < ctx->mutants->n; i++)
        rc_sandbox_close(ctx->mutants->w[i].sb);
    free(ctx->mutants);
    ctx->mutants = NULL;
}

static int mut_exec(rc_ctx *ctx, const rc_case *c, const rc_adapter *ad, mut_run *m)
{
    memset(m, 0, sizeof *m);
    struct mutant_worker *w = mutant_worker(ctx, ad);
    if (!w)
        return -1;
    w->group++;
    const size_t es = rc_dtype_size(c->dtype);
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        m->calls[i] = cc->call;
        m->calls[i].group = w->group;
        if (rc_diag_has_outputs(cc->call.kind)) {
            m->out[i] = cc->out;
            m->out[i].data = m->buf[i][0] = calloc(rc_tensor_span(&cc->out) + 1, es);
            m->calls[i].out = &m->out[i];
            if (!m->buf[i][0])
                return -1;
        } else if (cc->call.kind == RC_CALL_COS_SIN) {
            size_t cnt = (size_t)(cc->call.n_positions * (cc->params.rotary_dim / 2)) + 1;
            m->calls[i].cos_out = m->buf[i][0] = calloc(cnt, es);
            m->calls[i].sin_out = m->buf[i][1] = calloc(cnt, es);
            if (!m->buf[i][0] || !m->buf[i][1])
                return -1;
        }
    }
    return rc_sandbox_exec(w->sb, m->calls, (size_t)c->n_calls, m->res);
}

/* Score one mutant's run against the candidate's. */
static void score(const rc_case *c, const call_ref *cr, const mut_run *m, rc_diag_match *out)
{
    int64_t n = 0, bad = 0, agree = 0, agree_bad = 0;
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        const call_ref *r = &cr[i];
        if (!r->used)
            continue;
        if (!rc_diag_has_values(cc->res.outcome) || r->invalid) {
            int same = m->res[i].outcome == cc->res.outcome;
            n++, bad++, agree += same, agree_bad += same;
            continue;
        }
        unsigned char *ok = rc_diag_has_values(m->res[i].outcome) ? calloc((size_t)r->n + 1, 1) : NULL;
        if (ok)
            rc_diag_compare(cc, r, cc->call.kind == RC_CALL_COS_SIN ? cc->cos : cc->out.data, cc->sin,
                    m->buf[i][0], m->buf[i][1], ok);
        for (int64_t v = 0; v < r->n; v++) {
            int a = ok && ok[v];
            n++, bad += r->bad[v], agree += a, agree_bad += a && r->bad[v];
        }
        free(ok);
    }
    out->match = n ? (double)agree / (double)n : 0.0;
    out->explained = bad ? (double)agree_bad / (double)bad : 0.0;
}

/* Entries that cannot apply to this case are not run: a type's scaling
 * bugs need that type, backward bugs a backward call. */
int rc_diag_relevant(const rc_cat_entry *e, const rc_case *c)
{
    const rc_rope_params *p = &c->calls[0].params;
    const rc_rope_type_info *typed = rc_rope_type_by_class(e->cls);
    if (typed && p->type != typed->type)
        return 0;
    /* API bugs show on the non-default types (a wrong dispatch) or on
     * invalid params (missing validation) */
    char err[160];
    if (strcmp(e->cls, "api") == 0 && p->type == RC_ROPE_DEFAULT && rc_params_validate(p, err, sizeof err) == 0)
        return 0;
    if (strcmp(e->cls, "backward") == 0) {
        for (int i = 0; i < c->n_calls; i++)
            if (c->calls[i].call.kind == RC_CALL_BACKWARD)
                return 1;
        return 0;
    }
    return 1;
}

/* Higher scores first; on a tie, the entry whose row names this case's
 * suite (a backward bug over a direction bug in the backward suite). */
static double rank(const rc_diag_match *d, const rc_case *c)
{
    return d->match + d->explained + (strcmp(d->entry->suite, c->suite->name) == 0 ? 1e-9 : 0.0);
}

static int better(const rc_diag_match *a, const rc_diag_match *b, const rc_case *c)
{
    return rank(a, c) > rank(b, c);
}

/* Run `entries` on c and keep the matches, best first. */
int rc_diag_differential(rc_ctx *ctx, const rc_case *c, const call_ref *cr, const rc_cat_entry *const *entries,
                        size_t n_entries, rc_diag_match *out, size_t cap)
{
    size_t found = 0;
    for (size_t j = 0; j < n_entries; j++) {
        mut_run m;
        int rc = mut_exec(ctx, c, entries[j]->table(), &m);
        rc_diag_match d = { entries[j], 0, 0 };
        if (rc == 0)
            score(c, cr, &m, &d);
        mut_free(&m);
        if (rc != 0)
            return -1;
        if (d.match < MATCH_MIN || d.explained < EXPLAIN_MIN)
            continue;
        size_t at = found < cap ? found++ : cap;
        if (at == cap) {
            if (cap == 0 || !better(&d, &out[cap - 1], c))
                continue;
            at = cap - 1;
        }
        while (at > 0 && better(&d, &out[at - 1], c)) {
            out[at] = out[at - 1];
            at--;
        }
        out[at] = d;
    }
    return (int)found;
}

int rc_diagnose_differential(rc_ctx *ctx, const rc_case *c, rc_diag_match *out, size_t cap)
{
    call_ref cr[RC_CASE_MAX_CALLS];
    const rc_cat_entry **list = malloc(rc_catalogue_count * sizeof *list);
    int rc = -1;
    if (list && rc_diag_refs_init(ctx, c, cr) == 0) {
        size_t n = 0;
        for (size_t i = 0; i < rc_catalogue_count; i++)
            if (rc_diag_relevant(&rc_catalogue[i], c))
                list[n++] = &rc_catalogue[i];
        rc = rc_diag_differential(ctx, c, cr, list, n, out, cap);
    }
    rc_diag_refs_free(cr, c->n_calls);
    free(list);
    return rc;
}

