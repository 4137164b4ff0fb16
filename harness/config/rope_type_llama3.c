/* Rope type "llama3" (Llama 3.1): wavelength bands.  Pairs whose
 * wavelength is below L/beta keep w_k, above L/alpha get w_k/s, between
 * a smooth blend (Meta, HF, vLLM; docs/variants.md). */
#include <math.h>
#include <stdio.h>

#include "rope_type.h"
#include "config_internal.h"
#include "rope_formula.h"

static const char *const required[] = { "factor", "original_max_position", "low_freq_factor",
                                        "high_freq_factor", NULL };

static int validate(const rc_rope_params *p, char *err, size_t n)
{
    if (rc_check_factor_ge1(p, err, n) || rc_check_L(p, 1, err, n))
        return -1;
    if (!isfinite(p->low_freq_factor) || !isfinite(p->high_freq_factor))
        return rc_check_fail(err, n, "low_freq_factor %g / high_freq_factor %g must be finite",
                             p->low_freq_factor, p->high_freq_factor);
    if (p->low_freq_factor <= 0.0)
        return rc_check_fail(err, n, "low_freq_factor %g must be > 0: the low band edge is "
                             "L/alpha", p->low_freq_factor);
    if (p->low_freq_factor >= p->high_freq_factor)
        return rc_check_fail(err, n, "low_freq_factor %g must be less than high_freq_factor %g "
                             "(equal values divide by zero in the medium band)",
                             p->low_freq_factor, p->high_freq_factor);
    return 0;
}

static int from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    rc_rope_params *p = &out->params;
    if (rc_hf_need(ctx, b, RC_HF_FACTOR) || rc_hf_need(ctx, b, RC_HF_LOW) ||
        rc_hf_need(ctx, b, RC_HF_HIGH))
        return -1;
    if (!rc_hf_orig(b, &p->original_max_position))
        return rcj_fail(ctx, "rope type \"%s\" needs \"original_max_position_embeddings\"",
                        b->type_str);
    p->factor = b->v[RC_HF_FACTOR];
    p->low_freq_factor = b->v[RC_HF_LOW];
    p->high_freq_factor = b->v[RC_HF_HIGH];
    return 0;
}

static void canonical(rc_config *cfg)
{
    rc_rope_params *p = &cfg->params;
    p->factor = 8.0;
    p->low_freq_factor = 1.0;
    p->high_freq_factor = 4.0;
    p->original_max_position = 8192;
    p->max_position = 131072;
}

/* Llama 3.1's scaling on a 64-wide rotary part */
static void vector_params(rc_config *c)
{
    canonical(c);
    c->params.base = 500000.0;
}

static const int64_t ctx_pos[] = { 8191, 8192, 8193, 131071 };

static int vector_extra(rc_config *v, int i, rc_vec_extra *out)
{
    (void)v;
    if (i > 0)
        return 0;
    *out = (rc_vec_extra){ "context", ctx_pos, 4, "positions around L = 8192 and the 128k context's last" };
    return 1;
}

static void vector_note(const rc_rope_params *p, char *buf, size_t n)
{
    int first[3] = { -1, -1, -1 }, last[3] = { -1, -1, -1 };
    for (int k = 0; k < p->rotary_dim / 2; k++) {
        int b = rc_golden_llama3_band(p, k);
        if (first[b] < 0)
            first[b] = k;
        last[b] = k;
    }
    snprintf(buf, n, "; Llama 3 bands: high frequency pairs %d..%d, medium %d..%d, low %d..%d "
             "(pairs either side of each boundary: %d|%d and %d|%d)",
             first[0], last[0], first[1], last[1], first[2], last[2], last[0], first[1], last[1],
             first[2]);
}

/* L * w / (2 pi) = L / wavelength, the quantity Llama 3 compares with
 * alpha and beta (lambda < L/beta  <=>  L/lambda > beta). */
static void turns(mpfr_ptr out, const rc_rope_params *p, mpfr_srcptr w, mpfr_prec_t q)
{
    mpfr_t pi2;
    mpfr_init2(pi2, q);
    mpfr_const_pi(pi2, MPFR_RNDN);
    mpfr_mul_2ui(pi2, pi2, 1, MPFR_RNDN);
    mpfr_mul_si(out, w, (long)p->original_max_position, MPFR_RNDN);
    mpfr_div(out, out, pi2, MPFR_RNDN);
    mpfr_clear(pi2);
}

static int band_of(mpfr_srcptr t, const rc_rope_params *p)
{
    if (mpfr_cmp_d(t, p->high_freq_factor) > 0)
        return 0;
    if (mpfr_cmp_d(t, p->low_freq_factor) < 0)
        return 2;
    return 1; /* both edges inclusive, as HF/Meta */
}

int rc_golden_llama3_band(const rc_rope_params *p, int k)
{
    mpfr_t w, t;
    mpfr_inits2(256, w, t, (mpfr_ptr)0);
    rc_golden_base_pow(w, p->base, k, p->rotary_dim, 256);
    turns(t, p, w, 256);
    int band = band_of(t, p);
    mpfr_clears(w, t, (mpfr_ptr)0);
    return band;
}

static void freq(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q)
{
    (void)k;
    turns(a, p, w, q);
    switch (band_of(a, p)) {
    case 0: break;
    case 2: mpfr_div_d(w, w, p->factor, MPFR_RNDN); break;
    default: /* sigma = (L/lambda - alpha) / (beta - alpha) weighs the
              * kept w, so the interpolation weight is 1 - sigma */
        mpfr_sub_d(a, a, p->low_freq_factor, MPFR_RNDN);
        mpfr_set_d(b, p->high_freq_factor, MPFR_RNDN);
        mpfr_sub_d(b, b, p->low_freq_factor, MPFR_RNDN);
        mpfr_div(a, a, b, MPFR_RNDN);
        mpfr_ui_sub(a, 1, a, MPFR_RNDN);
        rc_golden_blend(w, w, p->factor, a, q);
    }
}

static const rc_rope_golden_ops golden = { freq, NULL };

static void describe(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, " factor %.9g low_freq_factor %.6g high_freq_factor %.6g L %lld", p->factor,
             p->low_freq_factor, p->high_freq_factor, (long long)p->original_max_position);
}

const rc_rope_type_info rc_rope_type_llama3 = {
    .type = RC_ROPE_LLAMA3,
    .name = "llama3",
    .diag_class = "llama3",
    .required = required,
    .hazards = RC_HAZARD_FACTOR_ONE | RC_HAZARD_EXTENDS_L,
    .switch_kind = RC_SWITCH_BANDS,
    .validate = validate,
    .from_hf = from_hf,
    .canonical = canonical,
    .vector_params = vector_params,
    .vector_extra = vector_extra,
    .vector_note = vector_note,
    .golden = &golden,
    .describe = describe,
    .fit_shape = RC_FIT_RAMP_FREQ,
};
