/* long_context: golden comparison up to the model's max position and
 * beyond, in dense neighbourhoods (64 consecutive positions) around the
 * points where float32 positions and angles lose integer and fractional
 * bits, with per-bucket maxima in the metrics.  Types whose frequencies
 * depend on seq_len (dynamic NTK, LongRoPE) run with seq_len = the largest
 * position of the call, as an engine would.  A candidate that passes but
 * whose angle error somewhere up to the model's max position exceeds the
 * rounding of the model's activations gets a WARN saying from where, how
 * many positions, and how to fix it. */
#include "run.h"
#include "verify.h"
#include "dtype.h"
#include "rope_type.h"
#include "suite_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rc_suite_def rc_suite_long_context;

enum { LC_WITHIN, LC_BEYOND };

#define NEIGHBOURHOOD 64
#define MAX_POS_COUNT 1024

/* The model's context: the run's (from --config or the candidate's own
 * default_params), else the row's test maximum, else 2^20.  Only a real
 * model's context earns the precision warning; the grid's canonical
 * max_position values are test points, not a deployment. */
static int64_t model_max(const rc_ctx *ctx, const rc_row *row, int *known)
{
    *known = ctx->max_position > 0;
    if (ctx->max_position > 0)
        return ctx->max_position;
    if (row->cfg.params.max_position > 0)
        return row->cfg.params.max_position;
    return (int64_t)1 << 20;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Sort and drop repeats and positions outside [lo, hi]. */
static size_t normalise(int64_t *p, size_t n, int64_t lo, int64_t hi)
{
    qsort(p, n, sizeof *p, cmp_i64);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] >= lo && p[i] <= hi && (m == 0 || p[m - 1] != p[i]))
            p[m++] = p[i];
    return m;
}

/* 64 consecutive positions around c, never above hi. */
static size_t add_neighbourhood(int64_t *p, size_t n, int64_t c, int64_t hi)
{
    int64_t start = c - NEIGHBOURHOOD / 2;
    if (start + NEIGHBOURHOOD - 1 > hi)
        start = hi - NEIGHBOURHOOD + 1;
    if (start < 0)
        start = 0;
    for (int64_t i = 0; i < NEIGHBOURHOOD && n < MAX_POS_COUNT; i++)
        p[n++] = start + i;
    return n;
}

/* An engine that serves positions up to pos[n-1] has seq_len >= that:
 * seq_len-dependent types (LongRoPE's long factors, dynamic NTK's base) are
 * judged that way past L, never with the short-context frequencies. */
static void engine_seq_len(const rc_case *c, rc_call_recipe *cc, const int64_t *pos, size_t n)
{
    const rc_rope_params *p = &c->cfg->params;
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    int64_t seq_len = cc->has_seq_len ? cc->seq_len : p->seq_len;
    if (ti && ti->seq_len_dependent && n > 0 && pos[n - 1] + 1 > p->original_max_position &&
        pos[n - 1] + 1 > seq_len)
        rc_call_set_seq_len(cc, pos[n - 1] + 1);
}

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    /* where float32 runs out of integer bits (2^24) and beyond; 2^31 - 1
     * is the largest int32 position */
    static const int64_t far_l1[] = { (int64_t)1 << 17, (int64_t)1 << 20, ((int64_t)1 << 24) + 1 };
    static const int64_t far_l2[] = { (int64_t)1 << 28, INT32_MAX };
    int64_t centers[8];
    size_t nc = 0;
    for (size_t i = 0; i < sizeof far_l1 / sizeof far_l1[0]; i++)
        centers[nc++] = far_l1[i];
    if (ctx->opts->level >= 2)
        for (size_t i = 0; i < sizeof far_l2 / sizeof far_l2[0]; i++)
            centers[nc++] = far_l2[i];

    int64_t *pos = malloc(MAX_POS_COUNT * sizeof *pos);
    if (!pos)
        return -1;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        const rc_row *row = &ctx->rows[r];
        int known;
        int64_t max = model_max(ctx, row, &known);

        /* up to the max: powers of two, the max itself, and dense blocks
         * below the max and around every far point inside it */
        size_t n = rc_positions_powers(max, pos, 256);
        n = add_neighbourhood(pos, n, max, max);
        for (size_t i = 0; i < nc; i++)
            if (centers[i] <= max)
                n = add_neighbourhood(pos, n, centers[i], max);
        n = normalise(pos, n, 0, max);
        rc_case *c = rc_plan_add(plan, &rc_suite_long_context, &row->cfg, row->dtype, "%s/to-%s%lld",
                                 row->label, known ? "max-" : "", (long long)max);
        rc_call_recipe *cc = c ? rc_case_add_call(c, RC_CALL_APPLY, pos, (int64_t)n, 1) : NULL;
        if (!cc || rc_case_fill_random(c, cc, ctx->opts->seed))
            goto oom;
        engine_seq_len(c, cc, pos, n);
        c->variant = LC_WITHIN;
        c->arg = known ? max : 0;

        /* beyond the max */
        n = 0;
        for (size_t i = 0; i < nc; i++)
            if (centers[i] > max)
                n = add_neighbourhood(pos, n, centers[i], INT32_MAX);
        n = normalise(pos, n, max + 1, INT32_MAX);
        if (n == 0)
            continue;
        c = rc_plan_add(plan, &rc_suite_long_context, &row->cfg, row->dtype, "%s/beyond-%lld", row->label,
                        (long long)max);
        if (!c || !(cc = rc_case_add_call(c, RC_CALL_APPLY, pos, (int64_t)n, 1)) ||
            rc_case_fill_random(c, cc, ctx->opts->seed))
            goto oom;
        engine_seq_len(c, cc, pos, n);
        c->variant = LC_BEYOND;
    }
    free(pos);
    return 0;
oom:
    free(pos);
    return -1;
}

/* The rounding that matters is the model's: one ulp of angle of its
 * activation dtype (torch_dtype from --config, else the case's dtype) is
 * 2^(1 - precision) rad, capped by the profile's modelled arithmetic (24
 * bits under "standard": float64 outputs of a float32-grade profile are
 * held to a float32 ulp).  An angle error below it is lost in the
 * activations' own rounding; above it, somewhere up to the model's max
 * position (the worst bucket, not the max alone), the candidate WARNs with
 * the first position and the share of the context affected. */
static void precision_warning(rc_ctx *ctx, rc_case *c, int64_t max, rc_case_result *res)
{
    const rc_dtype act = c->cfg->has_dtype ? c->cfg->dtype : c->dtype;
    int prec = rc_dtype_precision(act);
    const rc_profile_row *row = rc_profile_find(ctx->opts->profile, c->dtype);
    if (row && row->compute_bits < prec)
        prec = row->compute_bits;
    double ulp = ldexp(1.0, 1 - prec);
    const double *bm = res->metrics.bucket_max;
    int last = rc_position_bucket(max), first = -1, worst_b = 0;
    for (int b = 0; b <= last; b++) {
        if (bm[b] > ulp && first < 0)
            first = b;
        if (bm[b] > bm[worst_b])
            worst_b = b;
    }
    if (first < 0)
        return;
    int64_t from = first == 0 ? 0 : (int64_t)1 << (first - 1);
    int64_t affected = max - from + 1;
    char msg[sizeof res->message];
    snprintf(msg, sizeof msg,
             "angle precision runs out before the model's max position %lld: the error exceeds one %s ulp of "
             "angle (2^%d rad, the model's activations) from positions >= %lld, %lld of its %lld positions "
             "(%.0f%%), worst %.3g rad near position %lld, %.1f bits lost; fix: compute p*w in float64, or "
             "reduce the angle modulo 2*pi before float32 cos/sin",
             (long long)max, rc_dtype_name(act), 1 - prec, (long long)from, (long long)affected,
             (long long)max + 1, 100.0 * (double)affected / (double)(max + 1), bm[worst_b],
             worst_b == 0 ? 0LL : (long long)1 << (worst_b - 1), log2(bm[worst_b] / ulp));
    if (res->status == RC_STATUS_WARN)
        rc_su_prefix(res, "%s; also", msg);   /* keep the exhaustion note */
    else
        memcpy(res->message, msg, sizeof msg);
    res->status = RC_STATUS_WARN;
    snprintf(res->cause, sizeof res->cause,
             "the angle p*w or its cos/sin is evaluated with too few bits for positions up to %lld",
             (long long)max);
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    if (rc_verify_outcome(c, 0, res))
        return;
    rc_verify_against_golden(ctx, c, 0, +1, res);
    if (c->variant == LC_WITHIN && c->arg > 0 &&
        (res->status == RC_STATUS_PASS || res->status == RC_STATUS_WARN))
        precision_warning(ctx, c, c->arg, res);
}

const rc_suite_def rc_suite_long_context = {
    "long_context",
    "golden comparison up to the model's max position and beyond (2^17, 2^20, 2^24+1; 2^28, 2^31-1 at "
    "level 2) in dense neighbourhoods; warns when the angle error up to the max exceeds the rounding of the "
    "model's activations",
    plan, verify, 0
};
