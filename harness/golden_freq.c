/* The variant formulas (docs/variants.md), evaluated in MPFR: inverse
 * frequencies w'_k and the magnitude m.  Discrete choices (YaRN bounds,
 * Llama 3 bands, LongRoPE short/long) are made on exact-arithmetic values
 * at high precision, never on float32/float64 intermediates. */
#include <math.h>

#include "golden_internal.h"

/* Extra bits each evaluation carries internally: the formulas are short
 * chains of correctly rounded operations whose condition numbers stay
 * far below 2^32 for validated parameters (the check below confirms it). */
#define GUARD 32

/* base^(-2k/r) */
static void base_pow(mpfr_ptr out, double base, int k, int r, mpfr_prec_t q)
{
    mpfr_t b, e;
    mpfr_inits2(q, b, e, (mpfr_ptr)0);
    mpfr_set_d(b, base, MPFR_RNDN);
    mpfr_set_si(e, -2 * k, MPFR_RNDN);
    mpfr_div_ui(e, e, (unsigned long)r, MPFR_RNDN); /* exact when r is 2^j */
    mpfr_pow(out, b, e, MPFR_RNDN);
    mpfr_clears(b, e, (mpfr_ptr)0);
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

/* YaRN [low, high]: truncate=1 floors/ceils (HF default), truncate=0 keeps
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

/* out = (w/s)*ramp + w*(1-ramp): the blend HF, vLLM and the Llama 3
 * medium band share (ramp = 1 - E in YaRN's notation, 1 - sigma in
 * Llama 3). */
static void blend(mpfr_ptr out, mpfr_srcptr w, double s, mpfr_srcptr ramp, mpfr_prec_t q)
{
    mpfr_t a, b;
    mpfr_inits2(q, a, b, (mpfr_ptr)0);
    mpfr_div_d(a, w, s, MPFR_RNDN);
    mpfr_mul(a, a, ramp, MPFR_RNDN);
    mpfr_ui_sub(b, 1, ramp, MPFR_RNDN);
    mpfr_mul(b, b, w, MPFR_RNDN);
    mpfr_add(out, a, b, MPFR_RNDN);
    mpfr_clears(a, b, (mpfr_ptr)0);
}

/* L * w / (2 pi) = L / wavelength, the quantity Llama 3 compares with
 * alpha and beta (lambda < L/beta  <=>  L/lambda > beta). */
static void llama3_turns(mpfr_ptr out, const rc_rope_params *p, mpfr_srcptr w, mpfr_prec_t q)
{
    mpfr_t pi2;
    mpfr_init2(pi2, q);
    mpfr_const_pi(pi2, MPFR_RNDN);
    mpfr_mul_2ui(pi2, pi2, 1, MPFR_RNDN);
    mpfr_mul_si(out, w, (long)p->original_max_position, MPFR_RNDN);
    mpfr_div(out, out, pi2, MPFR_RNDN);
    mpfr_clear(pi2);
}

static int llama3_band_of(mpfr_srcptr turns, const rc_rope_params *p)
{
    if (mpfr_cmp_d(turns, p->high_freq_factor) > 0)
        return 0;
    if (mpfr_cmp_d(turns, p->low_freq_factor) < 0)
        return 2;
    return 1; /* both edges inclusive, as HF/Meta */
}

int rc_golden_llama3_band(const rc_rope_params *p, int k)
{
    mpfr_t w, t;
    mpfr_inits2(256, w, t, (mpfr_ptr)0);
    base_pow(w, p->base, k, p->rotary_dim, 256);
    llama3_turns(t, p, w, 256);
    int band = llama3_band_of(t, p);
    mpfr_clears(w, t, (mpfr_ptr)0);
    return band;
}

static int64_t dyn_len(const rc_rope_params *p)
{
    int64_t L = p->original_max_position;
    return p->seq_len > L ? p->seq_len : L; /* seq_len 0 (not given) -> L */
}

void rc_freq_eval(const rc_rope_params *p, int k, mpfr_prec_t prec, mpfr_ptr out)
{
    const mpfr_prec_t q = prec + GUARD;
    const int r = p->rotary_dim;
    mpfr_t w, a, b;
    mpfr_inits2(q, w, a, b, (mpfr_ptr)0);
    mpfr_set_prec(out, prec);
    base_pow(w, p->base, k, r, q);
    switch (p->type) {
    case RC_ROPE_DEFAULT:
        break;
    case RC_ROPE_LINEAR:
        mpfr_div_d(w, w, p->factor, MPFR_RNDN);
        break;
    case RC_ROPE_DYNAMIC_NTK: {
        const int64_t l = dyn_len(p), L = p->original_max_position;
        if (l == L) /* bracket is exactly 1: base' = base */
            break;
        /* ln base' = ln base + r/(r-2) ln(s*l/L - (s-1)); w = e^(-2k ln base'/r) */
        mpfr_set_d(a, p->factor, MPFR_RNDN);
        mpfr_mul_si(a, a, (long)l, MPFR_RNDN);
        mpfr_div_si(a, a, (long)L, MPFR_RNDN);
        mpfr_sub_d(a, a, p->factor, MPFR_RNDN);
        mpfr_add_ui(a, a, 1, MPFR_RNDN);
        mpfr_log(a, a, MPFR_RNDN);
        mpfr_mul_si(a, a, r, MPFR_RNDN);
        mpfr_div_si(a, a, r - 2, MPFR_RNDN);
        mpfr_set_d(b, p->base, MPFR_RNDN);
        mpfr_log(b, b, MPFR_RNDN);
        mpfr_add(a, a, b, MPFR_RNDN);
        mpfr_mul_si(a, a, -2 * k, MPFR_RNDN);
        mpfr_div_si(a, a, r, MPFR_RNDN);
        mpfr_exp(w, a, MPFR_RNDN);
        break;
    }
    case RC_ROPE_YARN: {
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
        blend(w, w, p->factor, a, q);
        break;
    }
    case RC_ROPE_LLAMA3:
        llama3_turns(a, p, w, q);
        switch (llama3_band_of(a, p)) {
        case 0: break;
        case 2: mpfr_div_d(w, w, p->factor, MPFR_RNDN); break;
        default: /* sigma = (L/lambda - alpha) / (beta - alpha) weighs the
                  * kept w, so the interpolation weight is 1 - sigma */
            mpfr_sub_d(a, a, p->low_freq_factor, MPFR_RNDN);
            mpfr_set_d(b, p->high_freq_factor, MPFR_RNDN);
            mpfr_sub_d(b, b, p->low_freq_factor, MPFR_RNDN);
            mpfr_div(a, a, b, MPFR_RNDN);
            mpfr_ui_sub(a, 1, a, MPFR_RNDN);
            blend(w, w, p->factor, a, q);
        }
        break;
    case RC_ROPE_LONGROPE: {
        /* long factors iff seq_len > L; seq_len 0 (not given) -> short */
        const double *f = (p->seq_len > p->original_max_position) ? p->long_factor
                                                                   : p->short_factor;
        mpfr_div_d(w, w, f[k], MPFR_RNDN);
        break;
    }
    }
    mpfr_set(out, w, MPFR_RNDN);
    mpfr_clears(w, a, b, (mpfr_ptr)0);
}

/* get_mscale(s, mu) = 1 if s <= 1 else 0.1 mu ln s + 1 (HF era B+, vLLM);
 * 0.1 is taken as the exact decimal 1/10. */
static void get_mscale(mpfr_ptr out, double s, double mu)
{
    if (s <= 1.0) {
        mpfr_set_ui(out, 1, MPFR_RNDN);
        return;
    }
    mpfr_set_d(out, s, MPFR_RNDN);
    mpfr_log(out, out, MPFR_RNDN);
    mpfr_mul_d(out, out, mu, MPFR_RNDN);
    mpfr_div_ui(out, out, 10, MPFR_RNDN);
    mpfr_add_ui(out, out, 1, MPFR_RNDN);
}

/* LongRoPE's s: factor when given, else max_position / L (HF era C2). */
static void longrope_scale(mpfr_ptr s, const rc_rope_params *p)
{
    if (p->factor > 0)
        mpfr_set_d(s, p->factor, MPFR_RNDN);
    else {
        mpfr_set_si(s, (long)p->max_position, MPFR_RNDN);
        mpfr_div_si(s, s, (long)p->original_max_position, MPFR_RNDN);
    }
}

static void magnitude_eval(const rc_rope_params *p, mpfr_prec_t prec, mpfr_ptr out, int *exact)
{
    const mpfr_prec_t q = prec + GUARD;
    mpfr_set_prec(out, prec);
    *exact = 1;
    if (p->type == RC_ROPE_YARN || p->type == RC_ROPE_LONGROPE) {
        if (p->attention_factor != 0.0) { /* given: used verbatim */
            mpfr_set_d(out, p->attention_factor, MPFR_RNDN);
            return;
        }
    }
    if (p->type == RC_ROPE_YARN) {
        const double s = p->factor;
        if (s <= 1.0) {
            mpfr_set_ui(out, 1, MPFR_RNDN);
            return;
        }
        mpfr_t a, b;
        mpfr_inits2(q, a, b, (mpfr_ptr)0);
        if (p->mscale != 0.0 && p->mscale_all_dim != 0.0) {
            if (p->mscale == p->mscale_all_dim) { /* ratio exactly 1 */
                mpfr_set_ui(out, 1, MPFR_RNDN);
                mpfr_clears(a, b, (mpfr_ptr)0);
                return;
            }
            get_mscale(a, s, p->mscale);
            get_mscale(b, s, p->mscale_all_dim);
            mpfr_div(a, a, b, MPFR_RNDN);
        } else {
            get_mscale(a, s, 1.0);
        }
        *exact = 0;
        mpfr_set(out, a, MPFR_RNDN);
        mpfr_clears(a, b, (mpfr_ptr)0);
        return;
    }
    if (p->type == RC_ROPE_LONGROPE) {
        mpfr_t s, l;
        mpfr_inits2(q, s, l, (mpfr_ptr)0);
        longrope_scale(s, p);
        if (mpfr_cmp_ui(s, 1) <= 0) {
            mpfr_set_ui(out, 1, MPFR_RNDN);
        } else { /* sqrt(1 + ln s / ln L) */
            mpfr_log(s, s, MPFR_RNDN);
            mpfr_set_si(l, (long)p->original_max_position, MPFR_RNDN);
            mpfr_log(l, l, MPFR_RNDN);
            mpfr_div(s, s, l, MPFR_RNDN);
            mpfr_add_ui(s, s, 1, MPFR_RNDN);
            mpfr_sqrt(out, s, MPFR_RNDN);
            *exact = 0;
        }
        mpfr_clears(s, l, (mpfr_ptr)0);
        return;
    }
    mpfr_set_ui(out, 1, MPFR_RNDN);
}

/* Evaluate twice, 32 bits apart; agreement to target+1 bits is the
 * evidence that the wider value holds target correct bits.  The loop
 * widens both when a formula turns out worse conditioned. */
static int agree(mpfr_srcptr v1, mpfr_srcptr v2, mpfr_prec_t target)
{
    if (mpfr_equal_p(v1, v2))
        return 1;
    if (!mpfr_regular_p(v2))
        return 0;
    mpfr_t d;
    mpfr_init2(d, 64);
    mpfr_sub(d, v1, v2, MPFR_RNDA);
    int ok = mpfr_zero_p(d) ||
             mpfr_get_exp(d) <= mpfr_get_exp(v2) - (mpfr_exp_t)target - 2;
    mpfr_clear(d);
    return ok;
}

void rc_freq_checked(const rc_rope_params *p, int k, mpfr_prec_t target, mpfr_ptr out)
{
    mpfr_t v1;
    mpfr_init2(v1, 64);
    for (mpfr_prec_t extra = 0; extra <= 1024; extra += 128) {
        rc_freq_eval(p, k, target + extra + 32, v1);
        rc_freq_eval(p, k, target + extra + 64, out);
        if (agree(v1, out, target))
            break;
    }
    mpfr_clear(v1);
}

void rc_magnitude_checked(const rc_rope_params *p, mpfr_prec_t target, mpfr_ptr out, int *exact)
{
    mpfr_t v1;
    mpfr_init2(v1, 64);
    for (mpfr_prec_t extra = 0; extra <= 1024; extra += 128) {
        magnitude_eval(p, target + extra + 32, v1, exact);
        magnitude_eval(p, target + extra + 64, out, exact);
        if (*exact || agree(v1, out, target))
            break;
    }
    mpfr_clear(v1);
}

double rc_magnitude_double(const rc_rope_params *p)
{
    mpfr_t m;
    int exact;
    mpfr_init2(m, 64);
    magnitude_eval(p, 64, m, &exact);
    double d = mpfr_get_d(m, MPFR_RNDN);
    mpfr_clear(m);
    return d;
}
