/* Diagnosis of failing cases against the bug catalogue (diagnose.h). */
#include "diagnose.h"
#include "dtype.h"
#include "errmodel.h"
#include "golden.h"
#include "sandbox.h"
#include "variants.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An entry is named when it agrees with the candidate on this much of the
 * case and reproduces this much of what the candidate got wrong. */
#define MATCH_MIN 0.95
#define EXPLAIN_MIN 0.90
/* Diagnosis time per run; past it FAIL cases say so instead of waiting. */
#define BUDGET_SECONDS 60.0

static struct {
    int disabled;
    const void *ctx;            /* the run the memory below belongs to    */
    char cand[1024];
    double spent;
    const rc_cat_entry *seen[16];   /* entries that matched, latest first */
    size_t n_seen;
    /* failures without outputs (crash, exit, error...) that no entry
     * explained: the same outcome again gets the same answer, not another
     * full differential run */
    struct { int outcome, signo; char phase[16]; } unexplained[16];
    size_t n_unexplained;
    int misses;                 /* numeric failures in a row no entry matched */
} g_diag;

/* Correct code judged by a stricter profile, or a bug the catalogue does
 * not hold, fails many cases that no entry matches: after this many in a
 * row, the rest are not searched. */
#define MAX_MISSES 8

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int rc_diagnose_enable(int on)
{
    int was = !g_diag.disabled;
    g_diag.disabled = !on;
    return was;
}

void rc_diagnose_reset(void)
{
    int disabled = g_diag.disabled;
    memset(&g_diag, 0, sizeof g_diag);
    g_diag.disabled = disabled;
}

/* ---- what the candidate got wrong ---------------------------------------- */

static int has_outputs(rc_call_kind k) { return k == RC_CALL_APPLY || k == RC_CALL_BACKWARD; }

static int skipped(rc_outcome o) { return o == RC_OUTCOME_UNSUPPORTED || o == RC_OUTCOME_NOT_PROVIDED; }

/* Per call: the golden (exact and rounded) and, per compared value, whether
 * the candidate's is wrong.  Values: for APPLY/BACKWARD every rotary pair
 * then every pass-through element; for COS_SIN every (cos, sin) entry; for
 * a call that did not return OK, its outcome alone. */
typedef struct call_ref {
    int used;
    int invalid;                /* params the golden rejects               */
    rc_errmodel em;
    rc_golden *g;
    void *gx, *gr;              /* exact (f64) and rounded golden outputs  */
    unsigned char *bad;
    int64_t n;
} call_ref;

static int64_t n_values(const rc_case_call *cc)
{
    const rc_rope_params *p = &cc->params;
    if (cc->call.kind == RC_CALL_COS_SIN)
        return cc->call.n_positions * (p->rotary_dim / 2);
    return cc->in.n_tokens * cc->in.n_heads * (p->head_dim - p->rotary_dim / 2);
}

static void pair_at(const rc_tensor *t, const void *data, rc_dtype dt, const rc_rope_params *p,
                    int64_t tok, int64_t h, int k, double v[2])
{
    int i0, i1;
    rc_pair_channels(p, k, &i0, &i1);
    v[0] = rc_load(data, dt, rc_tensor_index(t, tok, h, i0));
    v[1] = rc_load(data, dt, rc_tensor_index(t, tok, h, i1));
}

/* Compare `y` (the candidate's outputs of call cc) value by value with a
 * reference: the golden (ref NULL: gx/gr) or another adapter's outputs
 * (ref: taken as exact).  flags[v] = 1 where they agree within the error
 * model. */
static void compare(const rc_case_call *cc, const call_ref *cr, const void *y_data, const void *y_sin,
                    const void *ref, const void *ref_sin, unsigned char *agree)
{
    const rc_rope_params *p = &cc->params;
    const rc_dtype dt = cc->in.dtype;
    const int r2 = p->rotary_dim / 2;
    int64_t v = 0;
    if (cc->call.kind == RC_CALL_COS_SIN) {
        const double *gc = cr->gx, *gs = (const double *)cr->gx + cc->call.n_positions * r2;
        for (int64_t i = 0; i < cc->call.n_positions; i++)
            for (int k = 0; k < r2; k++, v++) {
                size_t e = (size_t)(i * r2 + k);
                double x[2] = { 1.0, 0.0 }, g[2], y[2] = { rc_load(y_data, dt, e), rc_load(y_sin, dt, e) };
                if (ref) {
                    g[0] = rc_load(ref, dt, e);
                    g[1] = rc_load(ref_sin, dt, e);
                } else {
                    g[0] = gc[e];
                    g[1] = gs[e];
                }
                double gq[2] = { ref ? g[0] : rc_load(cr->gr, dt, e),
                                 ref ? g[1] : rc_load(cr->gr, dt, e + (size_t)(cc->call.n_positions * r2)) };
                rc_pair_error pe;
                rc_pair_error_eval(&cr->em, k, (double)cc->positions[i] * rc_golden_inv_freq(cr->g, k), x, g,
                                   gq, y, &pe);
                agree[v] = (unsigned char)pe.ok;
            }
        return;
    }
    const rc_tensor *in = &cc->in;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            for (int k = 0; k < r2; k++, v++) {
                double x[2], g[2], gq[2], y[2];
                pair_at(in, in->data, dt, p, t, h, k, x);
                pair_at(in, y_data, dt, p, t, h, k, y);
                if (ref) {
                    pair_at(in, ref, dt, p, t, h, k, g);
                    gq[0] = g[0];
                    gq[1] = g[1];
                } else {
                    pair_at(in, cr->gx, RC_F64, p, t, h, k, g);
                    pair_at(in, cr->gr, dt, p, t, h, k, gq);
                }
                rc_pair_error pe;
                rc_pair_error_eval(&cr->em, k, (double)cc->positions[t] * rc_golden_inv_freq(cr->g, k), x, g,
                                   gq, y, &pe);
                agree[v] = (unsigned char)pe.ok;
            }
            for (int64_t ch = p->rotary_dim; ch < p->head_dim; ch++, v++) {
                size_t e = rc_tensor_index(in, t, h, ch);
                agree[v] = rc_load_bits(y_data, dt, e) == rc_load_bits(ref ? ref : in->data, dt, e);
            }
        }
}

static void refs_free(call_ref *cr, int n)
{
    for (int i = 0; i < n; i++) {
        free(cr[i].gx);
        free(cr[i].gr);
        free(cr[i].bad);
    }
}

/* The golden and the candidate's wrong values of every call of c. */
static int refs_init(rc_ctx *ctx, const rc_case *c, call_ref *cr)
{
    memset(cr, 0, sizeof *cr * RC_CASE_MAX_CALLS);
    char err[256];
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        if (cc->call.kind == RC_CALL_SUPPORTS || skipped(cc->res.outcome))
            continue;
        call_ref *r = &cr[i];
        r->used = 1;
        if (cc->res.outcome != RC_OUTCOME_OK) {
            r->n = 1;   /* the outcome itself is the one wrong value */
            continue;
        }
        if (rc_params_validate(&cc->params, err, sizeof err) != 0) {
            /* invalid params have no golden: the right outcome is an error,
             * so returning OK is the one wrong value */
            r->invalid = 1;
            r->n = 1;
            continue;
        }
        r->g = rc_ctx_golden(ctx, &cc->params, err, sizeof err);
        const rc_profile_row *row = rc_profile_find(ctx->opts->profile, c->dtype);
        if (!r->g || !row)
            return -1;
        rc_errmodel_init(&r->em, row, &cc->params, rc_golden_magnitude(r->g), c->dtype);
        r->n = n_values(cc);
        r->bad = calloc((size_t)r->n + 1, 1);
        if (!r->bad)
            return -1;
        const size_t es = rc_dtype_size(c->dtype);
        if (cc->call.kind == RC_CALL_COS_SIN) {
            size_t cnt = (size_t)r->n;
            r->gx = malloc(2 * cnt * sizeof(double));
            r->gr = malloc(2 * cnt * es);
            if (!r->gx || !r->gr ||
                rc_golden_cos_sin(r->g, cc->positions, cc->call.n_positions, RC_F64, r->gx,
                                  (double *)r->gx + cnt) != 0 ||
                rc_golden_cos_sin(r->g, cc->positions, cc->call.n_positions, c->dtype, r->gr,
                                  (char *)r->gr + cnt * es) != 0)
                return -1;
            compare(cc, r, cc->cos, cc->sin, NULL, NULL, r->bad);
        } else {
            int sign = cc->call.kind == RC_CALL_BACKWARD ? -1 : +1;
            size_t span = rc_tensor_span(&cc->in);
            rc_tensor gx = cc->in, gr = cc->in;
            gx.dtype = RC_F64;
            gx.data = r->gx = malloc(span * sizeof(double));
            gr.data = r->gr = malloc(span * es);
            if (!gx.data || !gr.data || rc_golden_apply(r->g, cc->positions, &cc->in, &gx, sign) != 0 ||
                rc_golden_apply(r->g, cc->positions, &cc->in, &gr, sign) != 0)
                return -1;
            compare(cc, r, cc->out.data, NULL, NULL, NULL, r->bad);
        }
        for (int64_t v = 0; v < r->n; v++)
            r->bad[v] = !r->bad[v];
    }
    return 0;
}

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

static int mut_exec(const rc_ctx *ctx, const rc_case *c, const rc_adapter *ad, mut_run *m)
{
    memset(m, 0, sizeof *m);
    static _Thread_local rc_candidate cand;
    char label[160];
    snprintf(label, sizeof label, "catalogue:%s", ad->name);
    rc_candidate_builtin(&cand, label, ad);
    const size_t es = rc_dtype_size(c->dtype);
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        m->calls[i] = cc->call;
        if (has_outputs(cc->call.kind)) {
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
    return rc_sandbox_run(&cand, m->calls, (size_t)c->n_calls, m->res, ctx->opts->timeout);
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
        if (cc->res.outcome != RC_OUTCOME_OK || r->invalid) {
            int same = m->res[i].outcome == cc->res.outcome;
            n++, bad++, agree += same, agree_bad += same;
            continue;
        }
        unsigned char *ok = m->res[i].outcome == RC_OUTCOME_OK ? calloc((size_t)r->n + 1, 1) : NULL;
        if (ok)
            compare(cc, r, cc->call.kind == RC_CALL_COS_SIN ? cc->cos : cc->out.data, cc->sin,
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
static int relevant(const rc_cat_entry *e, const rc_case *c)
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
static int differential(rc_ctx *ctx, const rc_case *c, const call_ref *cr, const rc_cat_entry *const *entries,
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
    if (list && refs_init(ctx, c, cr) == 0) {
        size_t n = 0;
        for (size_t i = 0; i < rc_catalogue_count; i++)
            if (relevant(&rc_catalogue[i], c))
                list[n++] = &rc_catalogue[i];
        rc = differential(ctx, c, cr, list, n, out, cap);
    }
    refs_free(cr, c->n_calls);
    free(list);
    return rc;
}

/* ---- probes ---------------------------------------------------------------- */

/* What the one-hot probe outputs say, appended to buf. */
static void read_probes(const rc_rope_params *p, rc_dtype dt, const rc_tensor *out, rc_golden *g,
                        char *buf, size_t n)
{
    const int r2 = p->rotary_dim / 2;
    int wrong = -1, wrong_ch = -1, backwards = 0, forwards = 0, freq_k = -1;
    double got_w = 0, want_w = 0, mag = 0, m = rc_golden_magnitude(g);
    for (int k = 0; k < r2; k++) {
        int i0, i1, best = -1;
        rc_pair_channels(p, k, &i0, &i1);
        double bestv = 1e-3;
        for (int ch = 0; ch < p->head_dim; ch++) {
            double v = fabs(rc_load(out->data, dt, rc_tensor_index(out, k, 0, ch)));
            if (ch != i0 && v > bestv)
                bestv = v, best = ch;
        }
        double y0 = rc_load(out->data, dt, rc_tensor_index(out, k, 0, i0));
        double y1 = rc_load(out->data, dt, rc_tensor_index(out, k, 0, i1));
        double w = rc_golden_inv_freq(g, k), a = atan2(y1, y0);
        if (k == 0)
            mag = hypot(y0, y1);
        if (best >= 0 && best != i1 && wrong < 0)
            wrong = k, wrong_ch = best;
        if (w > 1e-2 && w < 3.0) {   /* angle unambiguous at position 1 */
            if (fabs(a + w) < 1e-2 * w)
                backwards++;
            else if (fabs(a - w) < 1e-3 * w)
                forwards++;
            else if (freq_k < 0)
                freq_k = k, got_w = a, want_w = w;
        }
    }
    size_t len = strlen(buf);
    if (wrong >= 0 && len < n) {
        int i0, i1;
        rc_pair_channels(p, wrong, &i0, &i1);
        len += (size_t)snprintf(buf + len, n - len, "channel %d pairs with %d, not %d (%s); ", i0, wrong_ch, i1,
                                rc_pairing_name(p->pairing));
    }
    if (backwards > forwards && len < n)
        len += (size_t)snprintf(buf + len, n - len, "it rotates by -angle; ");
    else if (freq_k >= 0 && len < n)
        len += (size_t)snprintf(buf + len, n - len, "pair %d turns %.6g rad per position, expected %.6g; ",
                                freq_k, got_w, want_w);
    if (m > 0 && fabs(mag / m - 1.0) > 1e-2 && len < n)
        len += (size_t)snprintf(buf + len, n - len, "magnitude %.6g, expected %.6g; ", mag, m);
    if (len >= 2 && len < n)
        buf[len - 2] = '\0';   /* drop the last "; " */
}

int rc_diagnose_probes(rc_ctx *ctx, const rc_case *c, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!ctx->cand.path[0])
        return -1;   /* outputs from a file (verify): nothing to probe */
    const rc_rope_params *p = &c->calls[0].params;
    const int r2 = p->rotary_dim / 2;
    char err[256];
    rc_golden *g = rc_ctx_golden(ctx, p, err, sizeof err);
    /* token k: a one in the first channel of pair k, at position 1 */
    rc_tensor in = { c->dtype, NULL, r2, 1, p->head_dim, p->head_dim, p->head_dim }, out = in;
    const size_t es = rc_dtype_size(c->dtype), span = (size_t)r2 * (size_t)p->head_dim;
    int64_t *pos = malloc((size_t)r2 * sizeof *pos);
    in.data = calloc(span, es);
    out.data = calloc(span, es);
    int rc = -1;
    if (g && pos && in.data && out.data) {
        for (int k = 0; k < r2; k++) {
            int i0, i1;
            rc_pair_channels(p, k, &i0, &i1);
            pos[k] = 1;
            rc_store(in.data, c->dtype, rc_tensor_index(&in, k, 0, i0), 1.0);
        }
        rc_call call = { .kind = RC_CALL_APPLY, .params = p, .dtype = c->dtype, .positions = pos,
                         .n_positions = r2, .in = &in, .out = &out };
        rc_call_result res;
        if (rc_sandbox_run(&ctx->cand, &call, 1, &res, ctx->opts->timeout) == 0) {
            rc = 0;
            if (res.outcome != RC_OUTCOME_OK)
                snprintf(buf, n, "the probe call gave %s", rc_outcome_name(res.outcome));
            else
                read_probes(p, c->dtype, &out, g, buf, n);
        }
    }
    free(pos);
    free(in.data);
    free(out.data);
    return rc;
}

/* ---- the cause line -------------------------------------------------------- */

static void remember(const rc_cat_entry *e)
{
    size_t i = 0;
    while (i < g_diag.n_seen && g_diag.seen[i] != e)
        i++;
    if (i == g_diag.n_seen && g_diag.n_seen < sizeof g_diag.seen / sizeof g_diag.seen[0])
        g_diag.n_seen++;
    for (; i > 0; i--)
        g_diag.seen[i] = g_diag.seen[i - 1];
    g_diag.seen[0] = e;
}

static void write_cause(rc_case_result *res, const rc_diag_match *d, int n)
{
    const rc_cat_entry *e = d[0].entry;
    char also[96] = "";
    if (n > 1)
        snprintf(also, sizeof also, " (also %s)", d[1].entry->id);
    snprintf(res->cause, sizeof res->cause, "outputs match catalogue entry %s on %.0f%% of values%s: %s. Fix: %s (refs: %s)",
             e->id, 100.0 * d[0].match, also, e->description, e->fix, e->refs);
}

void rc_diagnose_case(rc_ctx *ctx, const rc_case *c, rc_case_result *res)
{
    if (g_diag.disabled || res->status != RC_STATUS_FAIL || res->cause[0] || c->n_calls == 0)
        return;
    for (int i = 0; i < c->n_calls; i++)
        if (c->calls[i].res.outcome == RC_OUTCOME_TIMEOUT) {
            /* a hang has no output to compare with the catalogue */
            snprintf(res->cause, sizeof res->cause,
                     "the candidate does not return: look for an endless loop or a wait in %s",
                     c->calls[i].res.phase[0] ? c->calls[i].res.phase : "the call");
            return;
        }
    if (g_diag.ctx != ctx || strcmp(g_diag.cand, ctx->cand.path) != 0) {
        rc_diagnose_reset();
        g_diag.ctx = ctx;
        snprintf(g_diag.cand, sizeof g_diag.cand, "%s", ctx->cand.path);
    }
    if (g_diag.spent > BUDGET_SECONDS) {
        snprintf(res->cause, sizeof res->cause,
                 "not diagnosed: the run's diagnosis time (%.0f s) is spent; run this case alone (--suite) for one",
                 BUDGET_SECONDS);
        return;
    }
    /* the first call that did not return OK, if any */
    const rc_call_result *bad = NULL;
    for (int i = 0; i < c->n_calls && !bad; i++)
        if (c->calls[i].res.outcome != RC_OUTCOME_OK && !skipped(c->calls[i].res.outcome))
            bad = &c->calls[i].res;
    for (size_t i = 0; bad && i < g_diag.n_unexplained; i++)
        if (g_diag.unexplained[i].outcome == (int)bad->outcome && g_diag.unexplained[i].signo == bad->signo &&
            strcmp(g_diag.unexplained[i].phase, bad->phase) == 0) {
            snprintf(res->cause, sizeof res->cause,
                     "no catalogue entry reproduces this %s in %s (as in earlier cases)",
                     rc_outcome_name(bad->outcome), bad->phase);
            return;
        }
    if (!bad && g_diag.misses >= MAX_MISSES) {
        snprintf(res->cause, sizeof res->cause,
                 "not diagnosed: the %d failures before it matched no catalogue entry", g_diag.misses);
        return;
    }
    double t0 = now();
    rc_diag_match d[2];
    int found = 0;
    call_ref cr[RC_CASE_MAX_CALLS];
    if (refs_init(ctx, c, cr) == 0) {
        /* what explained earlier cases first: one bug usually fails many */
        const rc_cat_entry *seen[16];
        size_t ns = 0;
        for (size_t i = 0; i < g_diag.n_seen; i++)
            if (relevant(g_diag.seen[i], c))
                seen[ns++] = g_diag.seen[i];
        found = ns ? differential(ctx, c, cr, seen, ns, d, 1) : 0;
        if (found == 0) {
            refs_free(cr, c->n_calls);
            found = rc_diagnose_differential(ctx, c, d, 2);
        } else {
            refs_free(cr, c->n_calls);
        }
    } else {
        refs_free(cr, c->n_calls);
        found = -1;
    }
    if (!bad)
        g_diag.misses = found > 0 ? 0 : g_diag.misses + 1;
    if (found > 0) {
        remember(d[0].entry);
        write_cause(res, d, found);
    } else {
        if (bad && g_diag.n_unexplained < sizeof g_diag.unexplained / sizeof g_diag.unexplained[0]) {
            size_t u = g_diag.n_unexplained++;
            g_diag.unexplained[u].outcome = (int)bad->outcome;
            g_diag.unexplained[u].signo = bad->signo;
            snprintf(g_diag.unexplained[u].phase, sizeof g_diag.unexplained[u].phase, "%s", bad->phase);
        }
        char probes[200] = "";
        if (rc_diagnose_probes(ctx, c, probes, sizeof probes) == 0 && probes[0])
            snprintf(res->cause, sizeof res->cause, "no catalogue entry matches; probes at position 1: %s", probes);
        else
            snprintf(res->cause, sizeof res->cause, "no catalogue entry matches these outputs");
    }
    g_diag.spent += now() - t0;
}
