/* properties: invariants every correct RoPE has, checked on the candidate's
 * own outputs.  The golden engine supplies only m and the frequencies that
 * scale the error-model bounds (no golden outputs, except for the repeated
 * positions check), so correct fp32 and 16-bit candidates pass while a
 * broken invariant fails. */
#include "run.h"
#include "verify.h"
#include "dtype.h"
#include "suite_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rc_suite_def rc_suite_properties;

enum { PR_ZERO, PR_NORM, PR_RELATIVE, PR_COMPOSE, PR_PASSTHROUGH, PR_STATE, PR_BATCH,
       PR_REPEATED, PR_INPLACE };

#define N_OF(a) ((int64_t)(sizeof(a) / sizeof(a)[0]))

/* relative position: (a, b) position pairs of q and k, and the shifts */
static const int64_t rel_a[] = { 0, 5, 1, 4095, 100, 31 };
static const int64_t rel_b[] = { 1, 3, 1000, 17, 100, 0 };
static const int64_t rel_shift[] = { 1, 1000, 65536 };
/* composition: rope(rope(x, a), b) against rope(x, a + b) */
static const int64_t comp_a[] = { 1, 3, 1000, 65536, 4095, 0, 12345 };
static const int64_t comp_b[] = { 1, 1000, 3, 4095, 65536, 7, 54321 };
/* batch: one vector, repeated positions across token slots */
static const int64_t batch_pos[] = { 7, 1000, 7, 65537, 1000, 7, 0, 1000 };
static const int64_t batch_solo[] = { 1000 };
static const int64_t batch_few[] = { 65537, 7, 0 };
/* non-monotonic and repeated positions */
static const int64_t rep_pos[] = { 5, 3, 5, 1000, 0, 3, 1000, 5 };
static const int64_t zero_pos[] = { 0, 0, 0, 0 };
static const int64_t pt_pos[] = { 0, 1, 1000, 65537 };

static rc_case *new_case(rc_plan *plan, const rc_row *row, int variant, const char *check)
{
    rc_case *c = rc_plan_add(plan, &rc_suite_properties, &row->cfg, row->dtype, "%s/%s",
                             row->label, check);
    if (c)
        c->variant = variant;
    return c;
}

/* One APPLY call with seeded random input; NULL on OOM. */
static rc_call_recipe *random_call(rc_ctx *ctx, rc_case *c, const int64_t *pos, int64_t n, int64_t heads)
{
    rc_call_recipe *cc = c ? rc_case_add_call(c, RC_CALL_APPLY, pos, n, heads) : NULL;
    return cc && rc_case_fill_random(c, cc, ctx->opts->seed) == 0 ? cc : NULL;
}

/* One APPLY call whose input is a copy of call `from`'s; NULL on OOM. */
static rc_call_recipe *copy_call(rc_case *c, const rc_call_recipe *from, const int64_t *pos, int64_t n,
                                 int64_t heads)
{
    rc_call_recipe *cc = from ? rc_case_add_call(c, RC_CALL_APPLY, pos, n, heads) : NULL;
    return cc && rc_case_copy_input(c, cc, from) == 0 ? cc : NULL;
}

/* ---- special bit patterns for the pass-through channels ---------------- */

static void store_bits(void *data, rc_dtype t, size_t i, uint64_t bits)
{
    switch (t) {
    case RC_F64: ((uint64_t *)data)[i] = bits; break;
    case RC_F32: ((uint32_t *)data)[i] = (uint32_t)bits; break;
    default: ((uint16_t *)data)[i] = (uint16_t)bits; break;
    }
}

/* NaNs with payloads (quiet and signalling, both signs), -0, subnormals,
 * infinities and the largest finite value: a copy through arithmetic
 * (x * 1, x + 0, FTZ, a float64 round trip) changes at least one. */
static uint64_t special_bits(rc_dtype t, int i)
{
    int width = (int)rc_dtype_size(t) * 8, mant = rc_dtype_precision(t) - 1;
    uint64_t sign = (uint64_t)1 << (width - 1);
    uint64_t exp_all = (((uint64_t)1 << (width - 1 - mant)) - 1) << mant;
    uint64_t quiet = (uint64_t)1 << (mant - 1);
    switch (i % 12) {
    case 0: return exp_all | quiet | 5;              /* qNaN, payload 5     */
    case 1: return sign | exp_all | quiet | 3;       /* -qNaN, payload 3    */
    case 2: return exp_all | (quiet - 1);            /* sNaN, full payload  */
    case 3: return sign;                             /* -0                  */
    case 4: return 1;                                /* smallest subnormal  */
    case 5: return quiet * 2 - 1;                    /* largest subnormal   */
    case 6: return sign | 0x2a;                      /* negative subnormal  */
    case 7: return exp_all;                          /* +inf                */
    case 8: return sign | exp_all;                   /* -inf                */
    case 9: return exp_all - 1;                      /* largest finite      */
    case 10: return exp_all | quiet;                 /* canonical qNaN      */
    default: return sign | 1;                        /* -smallest subnormal */
    }
}

static void fill_pass_through(const rc_case *c, rc_case_call *cc)
{
    const rc_rope_params *p = &c->cfg->params;
    int s = 0;
    for (int64_t t = 0; t < cc->in.n_tokens; t++)
        for (int64_t h = 0; h < cc->in.n_heads; h++)
            for (int64_t ch = p->rotary_dim; ch < p->head_dim; ch++)
                store_bits(cc->in.data, c->dtype, rc_tensor_index(&cc->in, t, h, ch),
                           special_bits(c->dtype, s++));
}

/* Copy one head vector (head_dim elements of token 0, head 0 of the
 * batch case's solo call) into every (token, head) slot of dst. */
#define BATCH_SOLO 1
static void broadcast_solo(const rc_case *c, rc_case_call *dst)
{
    const rc_case_call *src = &c->calls[BATCH_SOLO];
    size_t es = rc_dtype_size(src->in.dtype), hd = (size_t)src->in.head_dim;
    for (int64_t t = 0; t < dst->in.n_tokens; t++)
        for (int64_t h = 0; h < dst->in.n_heads; h++)
            memcpy((char *)dst->in.data + rc_tensor_index(&dst->in, t, h, 0) * es, src->in.data, hd * es);
}

/* ---- planning ----------------------------------------------------------- */

static int plan_row(rc_ctx *ctx, rc_plan *plan, const rc_row *row)
{
    int64_t far = ctx->opts->level >= 2 ? INT32_MAX : (int64_t)1 << 20;
    int64_t pos[256], sh[N_OF(rel_a) * 2];
    size_t npos;
    rc_case *c;
    rc_call_recipe *cc;

    c = new_case(plan, row, PR_ZERO, "position-0-identity");
    if (!random_call(ctx, c, zero_pos, N_OF(zero_pos), 2))
        return -1;

    npos = rc_su_dense_powers(16, far, pos, 256);
    c = new_case(plan, row, PR_NORM, "norm-preservation");
    if (!random_call(ctx, c, pos, (int64_t)npos, 2))
        return -1;

    /* q at a (even tokens), k at b (odd tokens); then the same inputs shifted */
    for (int j = 0; j < N_OF(rel_a); j++) {
        sh[2 * j] = rel_a[j];
        sh[2 * j + 1] = rel_b[j];
    }
    c = new_case(plan, row, PR_RELATIVE, "relative-position");
    rc_call_recipe *base = random_call(ctx, c, sh, N_OF(sh), 2);
    for (int s = 0; s < N_OF(rel_shift); s++) {
        int64_t shifted[N_OF(sh)];
        for (int j = 0; j < N_OF(sh); j++)
            shifted[j] = sh[j] + rel_shift[s];
        if (!copy_call(c, base, shifted, N_OF(sh), 2))
            return -1;
    }

    if (row->cfg.params.type == RC_ROPE_DEFAULT) {
        int64_t ab[N_OF(comp_a)];
        for (int j = 0; j < N_OF(comp_a); j++)
            ab[j] = comp_a[j] + comp_b[j];
        c = new_case(plan, row, PR_COMPOSE, "composition");
        if (!copy_call(c, random_call(ctx, c, comp_a, N_OF(comp_a), 2), ab, N_OF(ab), 2))
            return -1;
    }

    if (row->cfg.params.rotary_dim < row->cfg.params.head_dim) {
        c = new_case(plan, row, PR_PASSTHROUGH, "pass-through-bits");
        if (!(cc = random_call(ctx, c, pt_pos, N_OF(pt_pos), 2)) ||
            rc_case_fill_with(c, cc, fill_pass_through))
            return -1;
    }

    /* A, A, then B at far positions (grows any cache), then A again */
    npos = rc_su_dense_powers(32, 65537, pos, 256);
    c = new_case(plan, row, PR_STATE, "determinism");
    base = random_call(ctx, c, pos, (int64_t)npos, 2);
    int64_t fpos[256];
    size_t nf = rc_positions_powers(far, fpos, 256);
    if (!copy_call(c, base, pos, (int64_t)npos, 2) || !random_call(ctx, c, fpos, (int64_t)nf, 2) ||
        !copy_call(c, base, pos, (int64_t)npos, 2))
        return -1;

    /* one vector everywhere: 8 tokens x 2 heads, 1 token x 1 head, 3 x 1 */
    c = new_case(plan, row, PR_BATCH, "batch-independence");
    rc_call_recipe *many = c ? rc_case_add_call(c, RC_CALL_APPLY, batch_pos, N_OF(batch_pos), 2) : NULL;
    rc_call_recipe *solo = many ? random_call(ctx, c, batch_solo, 1, 1) : NULL;
    rc_call_recipe *few = solo ? rc_case_add_call(c, RC_CALL_APPLY, batch_few, N_OF(batch_few), 1) : NULL;
    if (!few || solo != &c->recipe[BATCH_SOLO] || rc_case_fill_with(c, many, broadcast_solo) ||
        rc_case_fill_with(c, few, broadcast_solo))
        return -1;

    c = new_case(plan, row, PR_REPEATED, "repeated-positions");
    if (!random_call(ctx, c, rep_pos, N_OF(rep_pos), 2))
        return -1;

    npos = rc_su_dense_powers(16, far, pos, 256);
    c = new_case(plan, row, PR_INPLACE, "in-place");
    if (!(cc = copy_call(c, random_call(ctx, c, pos, (int64_t)npos, 2), pos, (int64_t)npos, 2)))
        return -1;
    cc->in_place = 1;
    return 0;
}

/* Every row at level >= 2; at level 1 a cover of the types, pairings,
 * dtypes and partial rotary (the checks are about code paths, which those
 * select, more than about parameter values). */
static int plan(rc_ctx *ctx, rc_plan *plan)
{
    unsigned char *keep = malloc(ctx->n_rows ? ctx->n_rows : 1);
    if (!keep)
        return -1;
    rc_su_pick_rows(ctx, keep);
    int rc = 0;
    for (size_t i = 0; i < ctx->n_rows && rc == 0; i++)
        if (keep[i])
            rc = plan_row(ctx, plan, &ctx->rows[i]);
    free(keep);
    return rc;
}

/* ---- verification ------------------------------------------------------- */

/* y = m x at position 0, within the magnitude bound (phi = 0: no angle). */
static void verify_zero(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    rc_case_call *cc = &c->calls[0];
    const rc_rope_params *p = &cc->params;
    rc_su_model sm;
    if (rc_su_model_init(ctx, p, c->dtype, &sm, res) != 0)
        return;
    rc_su_tally t;
    rc_su_tally_init(&t);
    for (int64_t tok = 0; tok < cc->in.n_tokens; tok++)
        for (int64_t h = 0; h < cc->in.n_heads; h++)
            for (int k = 0; k < p->rotary_dim / 2; k++) {
                double x[2], y[2];
                rc_su_load_pair(p, &cc->in, tok, h, k, x);
                rc_su_load_pair(p, &cc->out, tok, h, k, y);
                double xn = hypot(x[0], x[1]), scale = sm.m * xn;
                double err = hypot(y[0] - sm.m * x[0], y[1] - sm.m * x[1]);
                double bound = scale > 0 ? rc_errmodel_mag_bound(&sm.em, xn) : sm.em.floor_abs;
                err = scale > 0 ? err / scale : err;
                rc_su_tally_add(&t, err / bound,
                                "pair %d (token %lld, head %lld): input (%.9g, %.9g), expected m*x = "
                                "(%.9g, %.9g), got (%.9g, %.9g): error %.3g, magnitude bound %.3g",
                                k, (long long)tok, (long long)h, x[0], x[1], sm.m * x[0], sm.m * x[1],
                                y[0], y[1], err, bound);
            }
    char what[96];
    snprintf(what, sizeof what, "position 0 must be the identity times m = %.17g", sm.m);
    rc_su_tally_finish(&t, what, "pairs", res);
}

/* |y| = m |x| within the magnitude bound, at any position. */
static void verify_norm(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    rc_case_call *cc = &c->calls[0];
    const rc_rope_params *p = &cc->params;
    rc_su_model sm;
    if (rc_su_model_init(ctx, p, c->dtype, &sm, res) != 0)
        return;
    rc_su_tally t;
    rc_su_tally_init(&t);
    for (int64_t tok = 0; tok < cc->in.n_tokens; tok++)
        for (int64_t h = 0; h < cc->in.n_heads; h++)
            for (int k = 0; k < p->rotary_dim / 2; k++) {
                double x[2], y[2];
                rc_su_load_pair(p, &cc->in, tok, h, k, x);
                rc_su_load_pair(p, &cc->out, tok, h, k, y);
                double want = sm.m * hypot(x[0], x[1]), got = hypot(y[0], y[1]);
                double err = want > 0 ? fabs(got / want - 1.0) : got;
                double bound = want > 0 ? rc_errmodel_mag_bound(&sm.em, hypot(x[0], x[1])) : sm.em.floor_abs;
                rc_su_tally_add(&t, err / bound,
                                "pair %d at position %lld (token %lld, head %lld): |y| = %.9g, m|x| = %.9g: "
                                "relative error %.3g, bound %.3g",
                                k, (long long)cc->positions[tok], (long long)tok, (long long)h, got, want,
                                err, bound);
            }
    rc_su_tally_finish(&t, "norm preservation |y| = m|x|", "pairs", res);
}

static double dot2(const double a[2], const double b[2])
{
    return a[0] * b[0] + a[1] * b[1];
}

/* Per pair, <R(a)q, R(b)k> = <R(a+t)q, R(b+t)k>.  Each output y of input x
 * at angle phi is within e = ab + mb + ab*mb of m|x| of the exact rotation
 * (ab, mb: the error model's angle and magnitude bounds there), and
 * |<y_q, y_k> - <y*_q, y*_k>| <= m^2 |q||k| (e_q + e_k + e_q e_k), so the two
 * dot products differ by at most
 *   m^2 |q||k| (e(a) + e(b) + e(a)e(b) + e(a+t) + e(b+t) + e(a+t)e(b+t)),
 * i.e. the sum of the angle bounds at the four positions plus magnitude
 * terms.  Pairs with an exhausted angle bound are not judged. */
static void verify_relative(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    const rc_case_call *c0 = &c->calls[0];
    const rc_rope_params *p = &c0->params;
    rc_su_model sm;
    if (rc_su_model_init(ctx, p, c->dtype, &sm, res) != 0)
        return;
    rc_su_tally t;
    rc_su_tally_init(&t);
    for (int ci = 1; ci < c->n_calls; ci++) {
        const rc_case_call *cs = &c->calls[ci];
        for (int64_t j = 0; j + 1 < c0->in.n_tokens; j += 2)
            for (int64_t h = 0; h < c0->in.n_heads; h++)
                for (int k = 0; k < p->rotary_dim / 2; k++) {
                    double xq[2], xk[2], q0[2], k0[2], qs[2], ks[2];
                    rc_su_load_pair(p, &c0->in, j, h, k, xq);
                    rc_su_load_pair(p, &c0->in, j + 1, h, k, xk);
                    rc_su_load_pair(p, &c0->out, j, h, k, q0);
                    rc_su_load_pair(p, &c0->out, j + 1, h, k, k0);
                    rc_su_load_pair(p, &cs->out, j, h, k, qs);
                    rc_su_load_pair(p, &cs->out, j + 1, h, k, ks);
                    double nq = hypot(xq[0], xq[1]), nk = hypot(xk[0], xk[1]);
                    if (nq == 0 || nk == 0)
                        continue;
                    double w = rc_golden_inv_freq(sm.g, k), e[4];
                    const int64_t at[4] = { c0->positions[j], c0->positions[j + 1], cs->positions[j],
                                            cs->positions[j + 1] };
                    int ex = 0, any = 0;
                    for (int i = 0; i < 4; i++) {
                        e[i] = rc_su_pair_bound(&sm, k, (double)at[i] * w, i % 2 ? nk : nq, &ex);
                        any |= ex;
                    }
                    if (any) {
                        t.skipped++;
                        continue;
                    }
                    double scale = sm.m * sm.m * nq * nk;
                    /* the dot products themselves round in double: 2^-50 covers them */
                    double bound = scale * (e[0] + e[1] + e[0] * e[1] + e[2] + e[3] + e[2] * e[3] + 0x1p-50);
                    double d0 = dot2(q0, k0), ds = dot2(qs, ks), diff = fabs(d0 - ds);
                    rc_su_tally_add(&t, diff / bound,
                                    "pair %d, q at %lld and k at %lld shifted by %lld (head %lld): "
                                    "dot %.9g vs %.9g, difference %.3g, bound %.3g",
                                    k, (long long)at[0], (long long)at[1], (long long)(at[2] - at[0]),
                                    (long long)h, d0, ds, diff, bound);
                }
    }
    rc_su_tally_finish(&t, "relative position <R(a)q, R(b)k> = <R(a+t)q, R(b+t)k>", "pair products", res);
}

/* rope(rope(x, a), b) = rope(x, a + b) for DEFAULT (m = 1).  The second
 * stage cannot run in the candidate (its input would be an output not yet
 * known when the case is planned), so it is applied exactly: z =
 * golden_rope(y_a, b) in float64.  R(b) is exact, so |z - R(a+b)x| =
 * |y_a - R(a)x| <= e(a)|x|, and the candidate's y_{a+b} is within e(a+b)|x|
 * of the same point: the bound is e(a) + e(a+b) (e as in verify_relative). */
static void verify_compose(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    const rc_case_call *c0 = &c->calls[0], *c1 = &c->calls[1];
    const rc_rope_params *p = &c0->params;
    rc_su_model sm;
    if (rc_su_model_init(ctx, p, c->dtype, &sm, res) != 0)
        return;
    int64_t n = c0->in.n_tokens, npos = c0->call.n_positions; /* M-RoPE: every axis */
    int64_t *bpos = malloc((size_t)(npos > 0 ? npos : 1) * sizeof *bpos);
    rc_tensor z = c0->out;
    z.dtype = RC_F64;
    z.data = malloc(rc_tensor_span(&c0->out) * sizeof(double));
    if (!bpos || !z.data) {
        free(bpos);
        free(z.data);
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "internal: out of memory");
        return;
    }
    for (int64_t j = 0; j < npos; j++)
        bpos[j] = c1->positions[j] - c0->positions[j];
    if (rc_golden_apply(sm.g, bpos, &c0->out, &z, +1) != 0) {
        free(bpos);
        free(z.data);
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "golden: could not rotate the candidate's output");
        return;
    }
    rc_su_tally t;
    rc_su_tally_init(&t);
    for (int64_t tok = 0; tok < n; tok++)
        for (int64_t h = 0; h < c0->in.n_heads; h++)
            for (int k = 0; k < p->rotary_dim / 2; k++) {
                double x[2], y[2], zz[2];
                rc_su_load_pair(p, &c0->in, tok, h, k, x);
                rc_su_load_pair(p, &c1->out, tok, h, k, y);
                rc_su_load_pair(p, &z, tok, h, k, zz);
                double xn = hypot(x[0], x[1]), w = rc_golden_inv_freq(sm.g, k);
                if (xn == 0)
                    continue;
                int ex0, ex1;
                double bound = rc_su_pair_bound(&sm, k, (double)c0->positions[tok] * w, xn, &ex0) +
                               rc_su_pair_bound(&sm, k, (double)c1->positions[tok] * w, xn, &ex1);
                if (ex0 || ex1) {
                    t.skipped++;
                    continue;
                }
                double err = hypot(y[0] - zz[0], y[1] - zz[1]) / (sm.m * xn);
                rc_su_tally_add(&t, err / bound,
                                "pair %d, a = %lld, b = %lld (token %lld, head %lld): rope(x, a+b) = "
                                "(%.9g, %.9g), rope(rope(x, a), b) = (%.9g, %.9g): error %.3g, bound %.3g",
                                k, (long long)c0->positions[tok], (long long)bpos[tok], (long long)tok,
                                (long long)h, y[0], y[1], zz[0], zz[1], err, bound);
            }
    free(bpos);
    free(z.data);
    rc_su_tally_finish(&t, "composition rope(rope(x, a), b) = rope(x, a+b)", "pairs", res);
}

static void verify_pass_through(rc_case *c, rc_case_result *res)
{
    const rc_case_call *cc = &c->calls[0];
    const rc_rope_params *p = &cc->params;
    int64_t n = 0, bad = 0;
    char first[256] = "";
    for (int64_t tok = 0; tok < cc->in.n_tokens; tok++)
        for (int64_t h = 0; h < cc->in.n_heads; h++)
            for (int64_t ch = p->rotary_dim; ch < p->head_dim; ch++, n++) {
                size_t e = rc_tensor_index(&cc->in, tok, h, ch);
                if (rc_load_bits(cc->in.data, c->dtype, e) == rc_load_bits(cc->out.data, c->dtype, e))
                    continue;
                if (bad++ == 0) {
                    char a[24], b[24];
                    snprintf(first, sizeof first, "token %lld, head %lld, channel %lld: input %s, output %s",
                             (long long)tok, (long long)h, (long long)ch,
                             rc_format_bits(cc->in.data, c->dtype, e, a, sizeof a),
                             rc_format_bits(cc->out.data, c->dtype, e, b, sizeof b));
                }
            }
    if (bad) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message,
                 "pass-through channels (>= rotary_dim %d) changed: %lld of %lld elements differ; first: %s; "
                 "they must be copied bit for bit (NaN payloads, -0, subnormals included)",
                 p->rotary_dim, (long long)bad, (long long)n, first);
    } else {
        res->status = RC_STATUS_PASS;
        snprintf(res->message, sizeof res->message,
                 "pass-through channels: %lld special bit patterns (NaN payloads, -0, subnormals, infinities) "
                 "copied bit for bit", (long long)n);
    }
}

/* FAIL naming the first differing element when a and b differ bitwise. */
static int bit_mismatch(const rc_case_call *a, const rc_case_call *b, const char *what,
                        rc_case_result *res)
{
    int64_t d = rc_su_first_bit_diff(&a->out, &b->out);
    if (d < 0)
        return 0;
    char where[96], x[24], y[24];
    rc_su_describe_index(&a->out, d, where, sizeof where);
    int64_t tok = d / a->out.token_stride;
    res->status = RC_STATUS_FAIL;
    snprintf(res->message, sizeof res->message, "%s: %s (position %lld): %s vs %s", what, where,
             (long long)a->positions[tok], rc_format_bits(a->out.data, a->out.dtype, (size_t)d, x, sizeof x),
             rc_format_bits(b->out.data, b->out.dtype, (size_t)d, y, sizeof y));
    return 1;
}

static void verify_state(rc_case *c, rc_case_result *res)
{
    if (bit_mismatch(&c->calls[0], &c->calls[1], "two identical calls give different outputs", res))
        return;
    char what[160];
    snprintf(what, sizeof what, "the same call gives a different output after a call at positions up to %lld",
             (long long)c->calls[2].positions[c->calls[2].in.n_tokens - 1]);
    if (bit_mismatch(&c->calls[0], &c->calls[3], what, res))
        return;
    res->status = RC_STATUS_PASS;
    snprintf(res->message, sizeof res->message,
             "repeated calls bitwise equal, also after a call at far positions");
}

/* First channel where (ta, ha) of a and (tb, hb) of b differ bitwise, or -1. */
static int vector_diff(const rc_tensor *a, int64_t ta, int64_t ha, const rc_tensor *b, int64_t tb, int64_t hb)
{
    for (int64_t ch = 0; ch < a->head_dim; ch++)
        if (rc_load_bits(a->data, a->dtype, rc_tensor_index(a, ta, ha, ch)) !=
            rc_load_bits(b->data, b->dtype, rc_tensor_index(b, tb, hb, ch)))
            return (int)ch;
    return -1;
}

/* The first token of the 8-token call at position p (every position of the
 * smaller calls occurs there). */
static int64_t first_token_at(const rc_case_call *cc, int64_t p)
{
    for (int64_t t = 0; t < cc->in.n_tokens; t++)
        if (cc->positions[t] == p)
            return t;
    return -1;
}

static void batch_fail(rc_case_result *res, const char *what, const rc_tensor *a, int64_t ta, int64_t ha,
                       const rc_tensor *b, int64_t tb, int64_t hb, int ch, int64_t pos)
{
    char x[24], y[24];
    res->status = RC_STATUS_FAIL;
    snprintf(res->message, sizeof res->message,
             "%s: same vector at position %lld, channel %d: %s vs %s (token %lld head %lld vs token %lld head %lld)",
             what, (long long)pos, ch, rc_format_bits(a->data, a->dtype, rc_tensor_index(a, ta, ha, ch), x, sizeof x),
             rc_format_bits(b->data, b->dtype, rc_tensor_index(b, tb, hb, ch), y, sizeof y), (long long)ta,
             (long long)ha, (long long)tb, (long long)hb);
}

static void verify_batch(rc_case *c, rc_case_result *res)
{
    const rc_case_call *many = &c->calls[0];
    for (int64_t t = 0; t < many->in.n_tokens; t++)
        for (int64_t h = 0; h < many->in.n_heads; h++) {
            int64_t r = first_token_at(many, many->positions[t]);
            int ch = vector_diff(&many->out, t, h, &many->out, r, 0);
            if (ch >= 0) {
                batch_fail(res, "outputs depend on the token slot or head", &many->out, t, h, &many->out,
                           r, 0, ch, many->positions[t]);
                return;
            }
        }
    for (int ci = 1; ci < c->n_calls; ci++) {
        const rc_case_call *small = &c->calls[ci];
        for (int64_t t = 0; t < small->in.n_tokens; t++) {
            int64_t r = first_token_at(many, small->positions[t]);
            int ch = vector_diff(&small->out, t, 0, &many->out, r, 0);
            if (ch >= 0) {
                char what[96];
                snprintf(what, sizeof what, "a %lld-token, 1-head call differs from the %lld-token, %lld-head call",
                         (long long)small->in.n_tokens, (long long)many->in.n_tokens,
                         (long long)many->in.n_heads);
                batch_fail(res, what, &small->out, t, 0, &many->out, r, 0, ch, small->positions[t]);
                return;
            }
        }
    }
    res->status = RC_STATUS_PASS;
    snprintf(res->message, sizeof res->message,
             "one vector at the same position gives bitwise the same output in every token slot, head and batch size");
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    for (int i = 0; i < c->n_calls; i++)
        if (rc_verify_outcome(c, i, res))
            return;
    switch (c->variant) {
    case PR_ZERO: verify_zero(ctx, c, res); break;
    case PR_NORM: verify_norm(ctx, c, res); break;
    case PR_RELATIVE: verify_relative(ctx, c, res); break;
    case PR_COMPOSE: verify_compose(ctx, c, res); break;
    case PR_PASSTHROUGH: verify_pass_through(c, res); break;
    case PR_STATE: verify_state(c, res); break;
    case PR_BATCH: verify_batch(c, res); break;
    case PR_REPEATED: {
        rc_verify_against_golden(ctx, c, 0, +1, res);
        rc_su_prefix(res, "positions 5, 3, 5, 1000, 0, 3, 1000, 5");
        break;
    }
    case PR_INPLACE:
        if (!bit_mismatch(&c->calls[0], &c->calls[1], "in-place output differs from out-of-place", res)) {
            res->status = RC_STATUS_PASS;
            snprintf(res->message, sizeof res->message, "in-place output bitwise equal to out-of-place");
        }
        break;
    }
}

const rc_suite_def rc_suite_properties = {
    "properties",
    "invariants: identity at 0, norm, relative position, composition, pass-through bits, "
    "determinism, batch independence, repeated positions, in-place",
    plan, verify, 0
};
