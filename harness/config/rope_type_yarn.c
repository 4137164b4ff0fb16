/* Rope type "yarn": a ramp between the correction dimensions of
 * beta_fast and beta_slow blends w_k and w_k/s; m = 0.1 ln s + 1 (or the
 * DeepSeek mscale ratio, or attention_factor as given).  Sources:
 * jquesnelle/yarn, HF, vLLM (docs/variants.md). */
#include <math.h>
#include <stdio.h>

#include "rope_type.h"
#include "config_internal.h"
#include "rope_formula.h"

static const char *const required[] = { "factor", "original_max_position", NULL };

static void params_defaults(rc_rope_params *p)
{
    p->beta_fast = 32.0;
    p->beta_slow = 1.0;
    p->truncate = 1;
}

static int validate(const rc_rope_params *p, char *err, size_t n)
{
    if (rc_check_factor_ge1(p, err, n) || rc_check_L(p, 1, err, n) ||
        rc_check_attention_factor(p, err, n))
        return -1;
    if (!isfinite(p->beta_fast) || !isfinite(p->beta_slow))
        return rc_check_fail(err, n, "beta_fast %g / beta_slow %g must be finite", p->beta_fast,
                             p->beta_slow);
    if (p->beta_slow <= 0.0)
        return rc_check_fail(err, n, "beta_slow %g must be > 0: corr_dim takes ln(L/(2 pi beta))",
                             p->beta_slow);
    if (p->beta_fast <= p->beta_slow)
        return rc_check_fail(err, n, "beta_fast %g must be greater than beta_slow %g",
                             p->beta_fast, p->beta_slow);
    if (!isfinite(p->mscale) || !isfinite(p->mscale_all_dim))
        return rc_check_fail(err, n, "mscale %g / mscale_all_dim %g must be finite", p->mscale,
                             p->mscale_all_dim);
    if (p->truncate != 0 && p->truncate != 1)
        return rc_check_fail(err, n, "truncate %d must be 0 or 1", (int)p->truncate);
    return 0;
}

static int from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    rc_rope_params *p = &out->params;
    int64_t orig = 0;
    int has_orig = rc_hf_orig(b, &orig);
    if (!has_orig && !b->has_max)
        return rcj_fail(ctx, "rope type \"%s\" needs \"original_max_position_embeddings\" or "
                        "\"max_position_embeddings\"", b->type_str);
    p->original_max_position = has_orig ? orig : b->max_pos;
    /* Newest HF: factor as given; derived only when it is missing. */
    if (b->has[RC_HF_FACTOR])
        p->factor = b->v[RC_HF_FACTOR];
    else if (has_orig && b->has_max)
        p->factor = (double)b->max_pos / (double)orig;
    else
        return rcj_fail(ctx, "rope type \"%s\" needs \"factor\" (or both "
                        "\"original_max_position_embeddings\" and \"max_position_embeddings\" "
                        "to derive it)", b->type_str);
    /* HF uses `or`, so an explicit 0 also means the default. */
    p->beta_fast = (b->has[RC_HF_BFAST] && b->v[RC_HF_BFAST] != 0) ? b->v[RC_HF_BFAST] : 32.0;
    p->beta_slow = (b->has[RC_HF_BSLOW] && b->v[RC_HF_BSLOW] != 0) ? b->v[RC_HF_BSLOW] : 1.0;
    p->attention_factor = b->has[RC_HF_ATTN] ? b->v[RC_HF_ATTN] : 0.0;
    p->mscale = b->has[RC_HF_MSCALE] ? b->v[RC_HF_MSCALE] : 0.0;
    p->mscale_all_dim = b->has[RC_HF_MSAD] ? b->v[RC_HF_MSAD] : 0.0;
    p->truncate = b->has[RC_HF_TRUNC] ? (int32_t)b->v[RC_HF_TRUNC] : 1;
    return 0;
}

static void canonical(rc_config *cfg)
{
    rc_rope_params *p = &cfg->params;
    p->factor = 4.0;
    p->original_max_position = 4096;
    p->max_position = 16384;
    p->beta_fast = 32.0;
    p->beta_slow = 1.0;
}

static void vector_params(rc_config *c)
{
    rc_rope_params *p = &c->params;
    p->factor = 4.0;
    p->original_max_position = RC_VEC_L;
    p->max_position = 4 * RC_VEC_L;
    params_defaults(p);
}

static const int64_t partial_pos[] = { 1, 2048, 65535 };

static int vector_extra(rc_config *v, int i, rc_vec_extra *out)
{
    if (i > 0)
        return 0;
    v->params.truncate = 0;
    *out = (rc_vec_extra){ "real-bounds", partial_pos, 3, "truncate false: real-valued ramp bounds" };
    return 1;
}

static void vector_note(const rc_rope_params *p, char *buf, size_t n)
{
    double lo, hi;
    rc_golden_yarn_bounds(p, &lo, &hi);
    if (p->truncate)
        snprintf(buf, n, "; YaRN ramp bounds low %.0f, high %.0f: pairs low-1, low, high, high+1 = "
                 "%.0f, %.0f, %.0f, %.0f", lo, hi, lo - 1, lo, hi, hi + 1);
    else
        snprintf(buf, n, "; YaRN real ramp bounds low %a, high %a (truncate false)", lo, hi);
}

/* corr_dim(n) = r ln(L / (2 pi n)) / (2 ln base): the pair index whose
 * wavelength fits n turns into L (YaRN; jquesnelle/yarn, HF, vLLM). */
static void corr_dim(mpfr_ptr out, const rc_rope_params *p, double n, mpfr_prec_t q)
{
    mpfr_t t, lb;
    mpfr_inits2(q, t, lb, (mpfr_ptr)0);
    mpfr_const_pi(t, MPFR_RNDN);
    mpfr_mul_d(t, t, 2.0 * n, MPFR_RNDN); /* 2n exact */
    mpfr_si_div(t, 1, t, MPFR_RNDN);
    mpfr_mul_si(t, t, (long)p->original_max_position, MPFR_RNDN);
    mpfr_log(t, t, MPFR_RNDN);
    mpfr_mul_si(t, t, p->rotary_dim, MPFR_RNDN);
    mpfr_set_d(lb, p->base, MPFR_RNDN);
    mpfr_log(lb, lb, MPFR_RNDN);
    mpfr_mul_2ui(lb, lb, 1, MPFR_RNDN);
    mpfr_div(out, t, lb, MPFR_RNDN);
    mpfr_clears(t, lb, (mpfr_ptr)0);
}

/* [low, high]: truncate=1 floors/ceils (HF default), truncate=0 keeps
 * real bounds; clamped to [0, r-1] as HF/vLLM/ggml do (r-1, not r/2-1). */
static void yarn_bounds(const rc_rope_params *p, mpfr_ptr low, mpfr_ptr high, mpfr_prec_t q)
{
    corr_dim(low, p, p->beta_fast, q);
    corr_dim(high, p, p->beta_slow, q);
    if (p->truncate) {
        mpfr_floor(low, low);
        mpfr_ceil(high, high);
    }
    if (mpfr_sgn(low) < 0)
        mpfr_set_zero(low, 1);
    if (mpfr_cmp_si(high, p->rotary_dim - 1) > 0)
        mpfr_set_si(high, p->rotary_dim - 1, MPFR_RNDN);
}

void rc_golden_yarn_bounds(const rc_rope_params *p, double *low, double *high)
{
    mpfr_t lo, hi;
    mpfr_inits2(256, lo, hi, (mpfr_ptr)0);
    yarn_bounds(p, lo, hi, 256);
    *low = mpfr_get_d(lo, MPFR_RNDN);
    *high = mpfr_get_d(hi, MPFR_RNDN);
    mpfr_clears(lo, hi, (mpfr_ptr)0);
}

double rc_golden_yarn_corr_dim(const rc_rope_params *p, double n)
{
    mpfr_t c;
    mpfr_init2(c, 256);
    corr_dim(c, p, n, 256);
    double d = mpfr_get_d(c, MPFR_RNDN);
    mpfr_clear(c);
    return d;
}

static void freq(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q)
{
    yarn_bounds(p, a, b, q);
    if (mpfr_equal_p(a, b))
        mpfr_add_d(b, b, 0.001, MPFR_RNDN); /* HF/vLLM singularity guard */
    /* ramp = clamp((k - low)/(high - low), 0, 1); high < low inverts
     * the ramp as in HF/vLLM (ggml differs, docs/variants.md) */
    mpfr_sub(b, b, a, MPFR_RNDN);
    mpfr_si_sub(a, k, a, MPFR_RNDN);
    mpfr_div(a, a, b, MPFR_RNDN);
    if (mpfr_sgn(a) < 0)
        mpfr_set_zero(a, 1);
    if (mpfr_cmp_ui(a, 1) > 0)
        mpfr_set_ui(a, 1, MPFR_RNDN);
    rc_golden_blend(w, w, p->factor, a, q);
}

static int magnitude(const rc_rope_params *p, mpfr_ptr out, mpfr_prec_t q)
{
    const double s = p->factor;
    if (p->attention_factor != 0.0) { /* given: used verbatim */
        mpfr_set_d(out, p->attention_factor, MPFR_RNDN);
        return 1;
    }
    if (s <= 1.0 || (p->mscale != 0.0 && p->mscale == p->mscale_all_dim)) {
        mpfr_set_ui(out, 1, MPFR_RNDN); /* no extension, or a ratio of exactly 1 */
        return 1;
    }
    mpfr_t a, b;
    mpfr_inits2(q, a, b, (mpfr_ptr)0);
    if (p->mscale != 0.0 && p->mscale_all_dim != 0.0) {
        rc_golden_get_mscale(a, s, p->mscale);
        rc_golden_get_mscale(b, s, p->mscale_all_dim);
        mpfr_div(a, a, b, MPFR_RNDN);
    } else {
        rc_golden_get_mscale(a, s, 1.0);
    }
    mpfr_set(out, a, MPFR_RNDN);
    mpfr_clears(a, b, (mpfr_ptr)0);
    return 0;
}

static const rc_rope_golden_ops golden = { freq, magnitude };

static void describe(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, " factor %.9g beta_fast %.6g beta_slow %.6g attention_factor %.9g", p->factor,
             p->beta_fast, p->beta_slow, p->attention_factor);
}

const rc_rope_type_info rc_rope_type_yarn = {
    .type = RC_ROPE_YARN,
    .name = "yarn",
    .diag_class = "yarn",
    .required = required,
    .hazards = RC_HAZARD_FACTOR_ONE | RC_HAZARD_EXTENDS_L,
    .switch_kind = RC_SWITCH_RAMP,
    .params_defaults = params_defaults,
    .validate = validate,
    .from_hf = from_hf,
    .canonical = canonical,
    .vector_params = vector_params,
    .vector_extra = vector_extra,
    .vector_note = vector_note,
    .golden = &golden,
    .describe = describe,
    .fit_shape = RC_FIT_RAMP_K,
    .magnitude_param = 1,
};
