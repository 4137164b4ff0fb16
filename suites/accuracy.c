/* accuracy: the candidate's outputs against the golden on seeded random
 * inputs at dense and power-of-two positions, and on special values. */
#include "run.h"
#include "verify.h"
#include "suite_util.h"
#include "dtype.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { ACC_DENSE, ACC_POWERS, ACC_SPECIAL, ACC_EXHAUSTIVE };

/* Level 3, 16-bit rows: every bit pattern as x0 of one pair (k = 1, or 0
 * when there is one pair) at one position, against x1 = 1; the other pairs
 * keep their random values.  65536 tokens, all at this position. */
#define EXHAUSTIVE_POSITION 1000

/* Pairs that stress a rotation: signed zeros, subnormals, huge values
 * (a quarter of the largest finite: no intermediate of m*(x0*c - x1*s)
 * overflows for m <= 2), the largest finite against a tiny value (where the
 * exact result itself may overflow), NaN and infinities.  Scaled per dtype
 * by its own limits. */
typedef enum { SV_ZERO, SV_NZERO, SV_SUBMIN, SV_SUB, SV_MAX, SV_HUGE, SV_TINY, SV_ONE, SV_NAN, SV_INF, SV_NINF } sv;
static const sv special_pairs[][2] = {
    { SV_ZERO, SV_ZERO }, { SV_NZERO, SV_ZERO }, { SV_ZERO, SV_NZERO }, { SV_NZERO, SV_NZERO },
    { SV_SUBMIN, SV_ZERO }, { SV_SUB, SV_SUB }, { SV_SUBMIN, SV_SUBMIN }, { SV_HUGE, SV_HUGE },
    { SV_MAX, SV_TINY }, { SV_ONE, SV_TINY }, { SV_NAN, SV_ONE }, { SV_ONE, SV_NAN },
    { SV_INF, SV_ONE }, { SV_NINF, SV_ZERO }, { SV_ONE, SV_INF }, { SV_ONE, SV_ONE },
};
#define N_SPECIAL (sizeof special_pairs / sizeof special_pairs[0])

static double special_value(sv v, rc_dtype dt)
{
    double sub = ldexp(1.0, rc_dtype_emin(dt) - rc_dtype_precision(dt) + 1);
    double maxf = ldexp(2.0 - ldexp(1.0, 1 - rc_dtype_precision(dt)), rc_dtype_emax(dt));
    switch (v) {
    case SV_ZERO: return 0.0;
    case SV_NZERO: return -0.0;
    case SV_SUBMIN: return sub;
    case SV_SUB: return -37.0 * sub;
    case SV_MAX: return maxf;
    case SV_HUGE: return maxf / 4;
    case SV_TINY: return rc_dtype_min_normal(dt);
    case SV_ONE: return 1.0;
    case SV_NAN: return NAN;
    case SV_INF: return INFINITY;
    case SV_NINF: return -INFINITY;
    }
    return 0.0;
}

static void fill_special(const rc_case *c, rc_case_call *cc)
{
    const rc_rope_params *p = &c->cfg->params;
    size_t s = 0;
    for (int64_t t = 0; t < cc->in.n_tokens; t++)
        for (int64_t h = 0; h < cc->in.n_heads; h++)
            for (int k = 0; k < p->rotary_dim / 2; k++, s++) {
                int i0, i1;
                rc_pair_channels(p, k, &i0, &i1);
                const sv *pr = special_pairs[s % N_SPECIAL];
                rc_store(cc->in.data, c->dtype, rc_tensor_index(&cc->in, t, h, i0), special_value(pr[0], c->dtype));
                rc_store(cc->in.data, c->dtype, rc_tensor_index(&cc->in, t, h, i1), special_value(pr[1], c->dtype));
            }
}

/* Every bit pattern as x0 of one pair against x1 = 1 (see
 * EXHAUSTIVE_POSITION), over the random values of the other pairs. */
static void fill_every_pattern(const rc_case *c, rc_case_call *cc)
{
    const rc_rope_params *p = &c->cfg->params;
    int k = p->rotary_dim >= 4 ? 1 : 0, i0, i1;
    rc_pair_channels(p, k, &i0, &i1);
    for (int64_t t = 0; t < cc->in.n_tokens; t++) {
        uint16_t bits = (uint16_t)t;
        ((uint16_t *)cc->in.data)[rc_tensor_index(&cc->in, t, 0, i0)] = bits;
        rc_store(cc->in.data, c->dtype, rc_tensor_index(&cc->in, t, 0, i1), 1.0);
    }
}

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    extern const rc_suite_def rc_suite_accuracy;
    int level = ctx->opts->level;
    int64_t far = level >= 2 ? INT32_MAX : (int64_t)1 << 20;
    int64_t pw[256];
    size_t npw = rc_positions_powers(far, pw, 256);
    static const int64_t sp_pos[] = { 0, 1, 7, 1000, 65537 };
    for (size_t i = 0; i < ctx->n_rows; i++) {
        const rc_row *row = &ctx->rows[i];
        int64_t n_dense = row->primary ? (level >= 2 ? 16384 : 4096) : (level >= 2 ? 1024 : 128);
        int64_t *dense = malloc((size_t)n_dense * sizeof *dense);
        if (!dense)
            return -1;
        for (int64_t p = 0; p < n_dense; p++)
            dense[p] = p;
        rc_case *c = rc_plan_add(plan, &rc_suite_accuracy, &row->cfg, row->dtype, "%s/dense-0..%lld",
                                 row->label, (long long)(n_dense - 1));
        rc_call_recipe *cc = c ? rc_case_add_call(c, RC_CALL_APPLY, dense, n_dense, 1) : NULL;
        free(dense);
        if (!cc || rc_case_fill_random(c, cc, ctx->opts->seed))
            return -1;
        c->variant = ACC_DENSE;

        c = rc_plan_add(plan, &rc_suite_accuracy, &row->cfg, row->dtype, "%s/powers-to-%lld",
                        row->label, (long long)far);
        if (!c || !(cc = rc_case_add_call(c, RC_CALL_APPLY, pw, (int64_t)npw, 2)) ||
            rc_case_fill_random(c, cc, ctx->opts->seed))
            return -1;
        c->variant = ACC_POWERS;

        c = rc_plan_add(plan, &rc_suite_accuracy, &row->cfg, row->dtype, "%s/special-values", row->label);
        if (!c || !(cc = rc_case_add_call(c, RC_CALL_APPLY, sp_pos, 5, 2)) ||
            rc_case_fill_with(c, cc, fill_special))
            return -1;
        c->variant = ACC_SPECIAL;

        if (level >= 3 && (row->dtype == RC_F16 || row->dtype == RC_BF16)) {
            int64_t *same = malloc(65536 * sizeof *same);
            if (!same)
                return -1;
            for (int64_t t = 0; t < 65536; t++)
                same[t] = EXHAUSTIVE_POSITION;
            c = rc_plan_add(plan, &rc_suite_accuracy, &row->cfg, row->dtype,
                            "%s/every-16-bit-input-at-%d", row->label, EXHAUSTIVE_POSITION);
            cc = c ? rc_case_add_call(c, RC_CALL_APPLY, same, 65536, 1) : NULL;
            free(same);
            if (!cc || rc_case_fill_random(c, cc, ctx->opts->seed) ||
                rc_case_fill_with(c, cc, fill_every_pattern))
                return -1;
            c->variant = ACC_EXHAUSTIVE;
        }
    }
    return 0;
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    if (rc_verify_outcome(c, 0, res))
        return;
    rc_verify_against_golden(ctx, c, 0, +1, res);
}

const rc_suite_def rc_suite_accuracy = {
    "accuracy",
    "golden comparison on seeded random inputs (dense and power-of-two positions) and special values",
    plan, verify, 0
};
