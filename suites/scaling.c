/* scaling: the switch points and state of the context-extension variants,
 * each compared with the golden.  Boundaries are chosen where the two sides
 * really differ (tests/test_suites.c asserts that the golden does), and
 * stale-state checks run a long call before a short one in the same child,
 * where a candidate that caches the extended frequencies shows it.
 *
 * A check runs on the rows of its rope type (at most two at level 1); when
 * no row has that type it runs on the primary row's geometry with the
 * canonical params of the type (its row of harness/config/rope_types.def), and its
 * case names say "synthetic": with --config they are neighbours of the
 * model, not the model.  The sandbox asks
 * supports() before every call, so a candidate that declines those params
 * turns the case into a SKIP. */
#include "run.h"
#include "verify.h"
#include "dtype.h"
#include "suite_util.h"
#include "variants.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rc_suite_def rc_suite_scaling;

/* variant: how to verify.  SINGLE: call 0 against its golden.  STALE: every
 * call against its own golden, the last one (the short call after a long
 * one) named in the message.  BANDS: single, message lists the bands. */
enum { SC_SINGLE, SC_STALE, SC_BANDS };

/* A configuration one type's checks run on. */
typedef struct target {
    rc_config cfg;
    rc_dtype dtype;
    char label[96];
} target;

/* dense 0..n-1 plus powers of two to far */
static size_t positions(int64_t n, int64_t far, int64_t *out)
{
    return rc_su_dense_powers(n, far, out, 512);
}

static rc_case *add_case(rc_plan *plan, const target *t, int variant, const char *check)
{
    rc_case *c = rc_plan_add(plan, &rc_suite_scaling, &t->cfg, t->dtype, "%s/%s", t->label, check);
    if (c)
        c->variant = variant;
    return c;
}

/* APPLY at pos with seq_len set on this call only; the input is random. */
static rc_call_recipe *apply_at(rc_ctx *ctx, rc_case *c, const int64_t *pos, size_t n, int64_t seq_len)
{
    rc_call_recipe *cc = c ? rc_case_add_call(c, RC_CALL_APPLY, pos, (int64_t)n, 1) : NULL;
    if (!cc || rc_case_fill_random(c, cc, ctx->opts->seed))
        return NULL;
    rc_call_set_seq_len(cc, seq_len);
    return cc;
}

static int one(rc_ctx *ctx, rc_plan *plan, const target *t, const char *check, const int64_t *pos,
               size_t n, int64_t seq_len)
{
    return apply_at(ctx, add_case(plan, t, SC_SINGLE, check), pos, n, seq_len) ? 0 : -1;
}

/* long call, then short: the short one must match the short golden */
static int stale(rc_ctx *ctx, rc_plan *plan, const target *t, const char *check, const int64_t *pos,
                 size_t n, int64_t long_len, int64_t short_len)
{
    rc_case *c = add_case(plan, t, SC_STALE, check);
    if (!apply_at(ctx, c, pos, n, long_len) || !apply_at(ctx, c, pos, n, short_len))
        return -1;
    return 0;
}

/* seq_len-switched types (the row's switch points in the rope-type
 * table): at seq_len = L the frequencies are the short/unextended ones
 * whether the switch tests > or >=; at L + 1 they change, so a candidate
 * that does not switch there differs.  Below L (dynamic NTK) the clamp
 * l = max(seq_len, L) keeps them; a candidate that uses the raw seq_len
 * shrinks the base there. */
static int plan_seq_len(rc_ctx *ctx, rc_plan *plan, const target *t, const int64_t *pos, size_t n)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(t->cfg.params.type);
    int64_t L = t->cfg.params.original_max_position;
    if (L < (ti->below_L_check ? 2 : 1))
        return 0;
    if (ti->factor_arrays && (!t->cfg.params.short_factor || !t->cfg.params.long_factor))
        return 0;
    char check[64];
#define CHECK(what) (snprintf(check, sizeof check, "%s-%s", ti->name, what), check)
    if (one(ctx, plan, t, CHECK("seq-len-L"), pos, n, L) ||
        one(ctx, plan, t, CHECK("seq-len-L+1"), pos, n, L + 1) ||
        (ti->below_L_check && one(ctx, plan, t, CHECK("seq-len-L/2"), pos, n, L / 2)))
        return -1;
    /* HF's dynamic NTK once kept the enlarged base after a long sequence
     * ('not restored'), Phi-3 style caches stayed on the long factors
     * ('stuck on long'): a short call after a long one exposes both. */
    return stale(ctx, plan, t, CHECK("short-after-long"), pos, n, ti->stale_multiple * L, L);
#undef CHECK
}

static int plan_yarn(rc_ctx *ctx, rc_plan *plan, const target *t)
{
    /* every position 0..4095: the pairs at the ramp edges (low, high) have
     * wavelengths around the original context, and they rotate through
     * enough of a turn here for a wrong ramp weight to show */
    int64_t *pos = malloc(4096 * sizeof *pos);
    if (!pos)
        return -1;
    for (int64_t p = 0; p < 4096; p++)
        pos[p] = p;
    int rc = one(ctx, plan, t, "yarn-ramp-0..4095", pos, 4096, t->cfg.params.seq_len);
    /* real-valued (truncate = 0) against floor/ceil bounds: the ramp edges
     * move by a fraction of a pair, so every pair inside the ramp changes
     * weight; a candidate that always truncates differs */
    if (rc == 0) {
        target rt = *t;
        rc_config_rebind(&rt.cfg);
        rt.cfg.params.truncate = !t->cfg.params.truncate;
        rc = one(ctx, plan, &rt, t->cfg.params.truncate ? "yarn-real-bounds" : "yarn-truncated-bounds",
                 pos, 1024, t->cfg.params.seq_len);
    }
    free(pos);
    return rc;
}

/* Which Llama 3 band each pair is in, from the golden frequencies against
 * the unscaled ones: kept (high), divided by factor (low), or between. */
static int llama3_bands(rc_ctx *ctx, const rc_rope_params *p, int counts[3])
{
    char err[256];
    rc_rope_params d = *p;
    d.type = RC_ROPE_DEFAULT;
    rc_golden *g = rc_ctx_golden(ctx, p, err, sizeof err);
    rc_golden *gd = rc_ctx_golden(ctx, &d, err, sizeof err);
    if (!g || !gd)
        return -1;
    counts[0] = counts[1] = counts[2] = 0;
    for (int k = 0; k < p->rotary_dim / 2; k++) {
        double ratio = rc_golden_inv_freq(gd, k) / rc_golden_inv_freq(g, k);
        if (fabs(ratio - 1.0) < 1e-12)
            counts[0]++;
        else if (fabs(ratio - p->factor) < 1e-12 * p->factor)
            counts[2]++;
        else
            counts[1]++;
    }
    return 0;
}

static int plan_llama3(rc_ctx *ctx, rc_plan *plan, target *t, const int64_t *pos, size_t n)
{
    int b[3];
    if (llama3_bands(ctx, &t->cfg.params, b) != 0 || !b[0] || !b[1] || !b[2]) {
        /* this geometry leaves a band empty under the row's params: use the
         * canonical Llama 3.1 params (bands at L/4 and L wavelengths) */
        rc_rope_params p = t->cfg.params;   /* rc_variant_params clears cfg */
        rc_variant_params(&t->cfg, p.type, p.pairing, p.head_dim, p.rotary_dim, p.base);
        if (llama3_bands(ctx, &t->cfg.params, b) != 0 || !b[0] || !b[1] || !b[2])
            return 0;
        char lab[80];
        rc_params_label(&t->cfg.params, lab, sizeof lab);
        snprintf(t->label, sizeof t->label, "%s/%s/canonical", lab, rc_dtype_name(t->dtype));
    }
    rc_case *c = add_case(plan, t, SC_BANDS, "llama3-three-bands");
    if (!apply_at(ctx, c, pos, n, t->cfg.params.seq_len))
        return -1;
    c->arg = (int64_t)b[0] | (int64_t)b[1] << 16 | (int64_t)b[2] << 32;
    return 0;
}

static int plan_linear(rc_ctx *ctx, rc_plan *plan, target *t, const int64_t *pos, size_t n)
{
    /* factor 1 is DEFAULT exactly: a candidate that special-cases the
     * factor (or divides positions instead of frequencies with rounding)
     * differs */
    t->cfg.params.factor = 1.0;
    return one(ctx, plan, t, "linear-factor-1", pos, n, t->cfg.params.seq_len);
}

/* The rows a type's checks run on (float32 rows first: 16-bit outputs hide
 * small slips), or the primary geometry with the type's canonical params. */
static size_t targets_for(const rc_ctx *ctx, rc_rope_type type, target *out, size_t cap)
{
    size_t n = 0;
    for (size_t j = 0; j < 2 * ctx->n_rows && n < cap; j++) {
        const rc_row *row = &ctx->rows[j % ctx->n_rows];
        int f32_pass = j < ctx->n_rows;
        if (row->cfg.params.type != type || (row->dtype == RC_F32) != f32_pass)
            continue;
        out[n].cfg = row->cfg;
        rc_config_rebind(&out[n].cfg);
        out[n].dtype = row->dtype;
        snprintf(out[n].label, sizeof out[n].label, "%s", row->label);
        n++;
    }
    if (n > 0 || ctx->n_rows == 0)
        return n;
    const rc_row *prim = &ctx->rows[0];
    for (size_t i = 0; i < ctx->n_rows; i++)
        if (ctx->rows[i].primary) {
            prim = &ctx->rows[i];
            break;
        }
    const rc_rope_params *p = &prim->cfg.params;
    rc_variant_params(&out[0].cfg, type, p->pairing, p->head_dim, p->rotary_dim, p->base);
    out[0].dtype = prim->dtype;
    char lab[80];
    rc_params_label(&out[0].cfg.params, lab, sizeof lab);
    /* not the model's configuration: say so in every case name */
    snprintf(out[0].label, sizeof out[0].label, "%s/%s/synthetic", lab, rc_dtype_name(prim->dtype));
    return 1;
}

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    size_t cap = ctx->opts->level >= 2 ? 64 : 1;
    target *ts = malloc(cap * sizeof *ts);
    int64_t *pos = malloc(512 * sizeof *pos);
    int rc = 0;
    if (!ts || !pos) {
        free(ts);
        free(pos);
        return -1;
    }
    /* dense 0..127 and powers to 2^16: a boundary slip in the frequencies
     * grows with the position and is far above the fp32 bound by then */
    size_t n = positions(128, (int64_t)1 << 16, pos);
    for (int ty = 0; ty < RC_ROPE_TYPE_COUNT && rc == 0; ty++) {
        const rc_rope_type_info *ti = rc_rope_type_info_of((rc_rope_type)ty);
        if (ti->switch_kind == RC_SWITCH_NONE)
            continue;
        size_t nt = targets_for(ctx, ti->type, ts, cap);
        for (size_t i = 0; i < nt && rc == 0; i++) {
            switch (ti->switch_kind) {
            case RC_SWITCH_SEQ_LEN: rc = plan_seq_len(ctx, plan, &ts[i], pos, n); break;
            case RC_SWITCH_RAMP: rc = plan_yarn(ctx, plan, &ts[i]); break;
            case RC_SWITCH_BANDS: rc = plan_llama3(ctx, plan, &ts[i], pos, n); break;
            case RC_SWITCH_FACTOR_ONE: rc = plan_linear(ctx, plan, &ts[i], pos, n); break;
            default: break;
            }
        }
    }
    free(ts);
    free(pos);
    return rc;
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    char l0[64], l1[64];
    const rc_rope_params *p = &c->calls[0].params;
    switch (c->variant) {
    case SC_STALE: {
        snprintf(l0, sizeof l0, "long call (seq_len %lld)", (long long)p->seq_len);
        snprintf(l1, sizeof l1, "short call after a long one (seq_len %lld)",
                 (long long)c->calls[1].params.seq_len);
        /* the short call first: when both fail it is the stale state that
         * the report must name */
        const int calls[] = { 1, 0 }, signs[] = { +1, +1 };
        const char *const labels[] = { l1, l0 };
        rc_su_verify_calls(ctx, c, calls, signs, labels, 2, res);
        break;
    }
    case SC_BANDS:
        if (rc_verify_outcome(c, 0, res))
            return;
        rc_verify_against_golden(ctx, c, 0, +1, res);
        rc_su_prefix(res, "Llama 3 bands: %d high-frequency pairs kept, %d smoothed, %d divided by %g",
                     (int)(c->arg & 0xffff), (int)(c->arg >> 16 & 0xffff), (int)(c->arg >> 32), p->factor);
        break;
    default:
        if (rc_verify_outcome(c, 0, res))
            return;
        rc_verify_against_golden(ctx, c, 0, +1, res);
        if (rc_rope_type_info_of(p->type)->switch_kind == RC_SWITCH_SEQ_LEN)
            rc_su_prefix(res, "seq_len %lld (L = %lld)", (long long)p->seq_len,
                         (long long)p->original_max_position);
        break;
    }
}

const rc_suite_def rc_suite_scaling = {
    "scaling",
    "switch points and state of the scaling variants: dynamic NTK and LongRoPE at L and L+1 and short "
    "after long, YaRN ramp edges and bound rounding, Llama 3 bands, linear factor 1",
    plan, verify, 0
};
