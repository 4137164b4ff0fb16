/* Reference steps that turn rc_rope_params into the frequencies w'_k and the
 * magnitude m: the intent formulas of docs/variants.md, in long double. */
#include <math.h>
#include <stdio.h>

#include "rope_ref.h"
#include "rope_ref_steps.h"

#define RC_REF_TWO_PI 6.283185307179586476925286766559005768L

static int fail(char *err, size_t n, const char *field, const char *why)
{
    if (err && n)
        snprintf(err, n, "invalid params: %s %s", field, why);
    return -1;
}

static int finite_pos(double v) { return isfinite(v) && v > 0.0; }

static int validate_type(const rc_rope_params *p, char *err, size_t n)
{
    const int needs_factor = p->type != RC_ROPE_DEFAULT;
    const int needs_L = needs_factor && p->type != RC_ROPE_LINEAR && p->type != RC_ROPE_PROPORTIONAL;
    if (needs_factor && p->type != RC_ROPE_LONGROPE && !finite_pos(p->factor))
        return fail(err, n, "factor", "must be finite and > 0");
    if (needs_L && p->original_max_position < 1)
        return fail(err, n, "original_max_position", "must be >= 1");
    if (p->seq_len < 0)
        return fail(err, n, "seq_len", "must be >= 0");
    switch (p->type) {
    case RC_ROPE_DEFAULT:
    case RC_ROPE_LINEAR:
        return 0;
    case RC_ROPE_DYNAMIC_NTK:
        /* b' = b * (...)^(r/(r-2)) */
        if (p->rotary_dim == 2)
            return fail(err, n, "rotary_dim", "must be > 2 for DYNAMIC_NTK (r/(r-2))");
        return 0;
    case RC_ROPE_YARN:
        if (!finite_pos(p->beta_fast) || !finite_pos(p->beta_slow))
            return fail(err, n, "beta_fast/beta_slow", "must be finite and > 0");
        if (!isfinite(p->attention_factor) || p->attention_factor < 0.0)
            return fail(err, n, "attention_factor", "must be finite and >= 0");
        if (!isfinite(p->mscale) || !isfinite(p->mscale_all_dim))
            return fail(err, n, "mscale/mscale_all_dim", "must be finite");
        if (p->attention_factor == 0.0 && p->mscale != 0.0 && p->mscale_all_dim != 0.0 &&
            p->factor > 1.0 && 0.1 * p->mscale_all_dim * log(p->factor) + 1.0 == 0.0)
            return fail(err, n, "mscale_all_dim", "makes the magnitude ratio divide by zero");
        return 0;
    case RC_ROPE_LONGROPE: {
        if (!isfinite(p->factor) || p->factor < 0.0)
            return fail(err, n, "factor", "must be finite and >= 0 (0 = max/original)");
        if (p->factor == 0.0 && p->max_position < 1)
            return fail(err, n, "max_position", "must be >= 1 when factor is 0");
        if (!isfinite(p->attention_factor) || p->attention_factor < 0.0)
            return fail(err, n, "attention_factor", "must be finite and >= 0");
        if (!p->short_factor || !p->long_factor)
            return fail(err, n, "short_factor/long_factor", "must both be given");
        for (int k = 0; k < p->rotary_dim / 2; k++)
            if (!finite_pos(p->short_factor[k]) || !finite_pos(p->long_factor[k]))
                return fail(err, n, "short_factor/long_factor", "entries must be finite and > 0");
        const double s = p->factor != 0.0 ? p->factor
                                          : (double)p->max_position / (double)p->original_max_position;
        if (p->attention_factor == 0.0 && s > 1.0 && p->original_max_position < 2)
            return fail(err, n, "original_max_position", "must be >= 2 (m divides by ln L)");
        return 0;
    }
    case RC_ROPE_PROPORTIONAL:
        if (p->freq_pairs < 1 || p->freq_pairs > p->rotary_dim / 2)
            return fail(err, n, "freq_pairs", "must be 1..rotary_dim/2");
        return 0;
    case RC_ROPE_LLAMA3:
        if (!finite_pos(p->low_freq_factor))
            return fail(err, n, "low_freq_factor", "must be finite and > 0");
        if (!isfinite(p->high_freq_factor) || p->high_freq_factor <= p->low_freq_factor)
            return fail(err, n, "high_freq_factor", "must be finite and > low_freq_factor");
        return 0;
    }
    return fail(err, n, "type", "is not a known rc_rope_type");
}

/* n_axes 0 (or 1) with no sections, or 3 with sections summing to r/2
 * pairs and a known layout. */
static int validate_mrope(const rc_rope_params *p, char *err, size_t n)
{
    const int32_t *sec = p->mrope_section;
    if (p->n_axes <= 1) {
        if (p->n_axes < 0 || sec[0] || sec[1] || sec[2] || p->mrope_layout != RC_MROPE_SECTIONED)
            return fail(err, n, "mrope_section/mrope_layout", "need n_axes 3");
        return 0;
    }
    if (p->n_axes != 3)
        return fail(err, n, "n_axes", "must be 0 or 3");
    if (p->mrope_layout != RC_MROPE_SECTIONED && p->mrope_layout != RC_MROPE_INTERLEAVED)
        return fail(err, n, "mrope_layout", "is not a known rc_mrope_layout");
    if (sec[0] < 0 || sec[1] < 0 || sec[2] < 0 || sec[0] + sec[1] + sec[2] != p->rotary_dim / 2)
        return fail(err, n, "mrope_section", "must be >= 0 and sum to rotary_dim/2");
    return 0;
}

int rc_ref_validate_params(const rc_rope_params *p, char *err, size_t n)
{
    if (!p)
        return fail(err, n, "params", "is NULL");
    if (p->struct_size < sizeof(rc_rope_params))
        return fail(err, n, "struct_size", "is smaller than this adapter's rc_rope_params");
    if (p->rotary_dim < 2 || p->rotary_dim % 2 != 0)
        return fail(err, n, "rotary_dim", "must be even and >= 2");
    if (p->rotary_dim > p->head_dim)
        return fail(err, n, "rotary_dim", "must be <= head_dim");
    if (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED)
        return fail(err, n, "pairing", "is not a known rc_pairing");
    if ((unsigned)p->type >= RC_ROPE_TYPE_COUNT)
        return fail(err, n, "type", "is not a known rc_rope_type");
    if (!isfinite(p->base) || !(p->base > 1.0))
        return fail(err, n, "base", "must be finite and > 1");
    if (p->type != RC_ROPE_PROPORTIONAL && p->freq_pairs != 0)
        return fail(err, n, "freq_pairs", "is only used by PROPORTIONAL");
    return validate_mrope(p, err, n) ? -1 : validate_type(p, err, n);
}

const rc_rope_params *rc_ref_step_call_params(const rc_ref_ops *o, const rc_rope_params *p,
                                             rc_rope_params *scratch)
{
    (void)o; (void)scratch;
    return p;
}

int rc_ref_step_validate(const rc_ref_ops *o, const rc_rope_params *p, char *err, size_t n)
{
    (void)o;
    return rc_ref_validate_params(p, err, n);
}

/* DYNAMIC_NTK: b' = b (1 + s (l - L)/L)^(r/(r-2)), l = max(seq_len, L); the
 * bracket is written so that l == L gives exactly b. */
rc_real rc_ref_step_base(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o;
    if (p->type != RC_ROPE_DYNAMIC_NTK)
        return p->base;
    const int64_t L = p->original_max_position;
    const int64_t l = p->seq_len > L ? p->seq_len : L;
    if (l == L)
        return p->base;
    const rc_real r = p->rotary_dim;
    const rc_real bracket = 1.0L + (rc_real)p->factor * (rc_real)(l - L) / (rc_real)L;
    return (rc_real)p->base * powl(bracket, r / (r - 2.0L));
}

rc_real rc_ref_step_default_freq(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k)
{
    (void)o;
    return powl(base, -(rc_real)(2 * k) / (rc_real)p->rotary_dim);
}

rc_real rc_ref_step_inv_freq(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    const rc_real w = o->default_freq(o, p, o->base(o, p), k);
    switch (p->type) {
    case RC_ROPE_LINEAR:   return o->linear_freq(o, p, k, w);
    case RC_ROPE_YARN:     return o->yarn_freq(o, p, k, w);
    case RC_ROPE_LLAMA3:   return o->llama3_freq(o, p, k, w);
    case RC_ROPE_LONGROPE: return o->longrope_freq(o, p, k, w);
    case RC_ROPE_PROPORTIONAL:   /* HF: zeros past rope_angles, then / factor */
        return k < p->freq_pairs ? w / (rc_real)p->factor : 0.0L;
    default:               return w;   /* DEFAULT, DYNAMIC_NTK (via base) */
    }
}

rc_real rc_ref_step_linear_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    (void)o; (void)k;
    return w / (rc_real)p->factor;
}

/* corr_dim(n) = r ln(L / (2 pi n)) / (2 ln b): the pair whose wavelength
 * fits n turns into L. */
static rc_real corr_dim(const rc_rope_params *p, double n_rot)
{
    return (rc_real)p->rotary_dim * logl((rc_real)p->original_max_position / ((rc_real)n_rot * RC_REF_TWO_PI)) /
           (2.0L * logl((rc_real)p->base));
}

void rc_ref_step_yarn_bounds(const rc_ref_ops *o, const rc_rope_params *p, rc_real *low, rc_real *high)
{
    (void)o;
    rc_real lo = corr_dim(p, p->beta_fast), hi = corr_dim(p, p->beta_slow);
    if (p->truncate) {
        lo = floorl(lo);
        hi = ceill(hi);
    }
    if (lo < 0.0L)
        lo = 0.0L;
    if (hi > (rc_real)(p->rotary_dim - 1))
        hi = (rc_real)(p->rotary_dim - 1);
    if (lo == hi)
        hi += 0.001L;   /* the singularity guard of every implementation */
    *low = lo;
    *high = hi;
}

/* Blend of interpolated (w/s) and extrapolated (w) frequencies, ramp linear
 * in the pair index between the correction bounds. */
rc_real rc_ref_step_yarn_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    rc_real low, high;
    o->yarn_bounds(o, p, &low, &high);
    rc_real ramp = ((rc_real)k - low) / (high - low);
    if (ramp < 0.0L) ramp = 0.0L;
    if (ramp > 1.0L) ramp = 1.0L;
    return w / (rc_real)p->factor * ramp + w * (1.0L - ramp);
}

/* Llama 3.1 wavelength bands; the medium band is inclusive at both edges. */
rc_real rc_ref_step_llama3_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    (void)o; (void)k;
    const rc_real L = (rc_real)p->original_max_position;
    const rc_real a = p->low_freq_factor, b = p->high_freq_factor, s = p->factor;
    const rc_real lambda = RC_REF_TWO_PI / w;
    if (lambda < L / b)
        return w;
    if (lambda > L / a)
        return w / s;
    const rc_real sigma = (L / lambda - a) / (b - a);
    return (1.0L - sigma) * w / s + sigma * w;
}

const double *rc_ref_step_longrope_factors(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o;
    return p->seq_len > p->original_max_position ? p->long_factor : p->short_factor;
}

rc_real rc_ref_step_longrope_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    return w / (rc_real)o->longrope_factors(o, p)[k];
}

rc_real rc_ref_step_magnitude(const rc_ref_ops *o, const rc_rope_params *p)
{
    switch (p->type) {
    case RC_ROPE_YARN:     return o->yarn_magnitude(o, p);
    case RC_ROPE_LONGROPE: return o->longrope_magnitude(o, p);
    default:               return 1.0L;
    }
}

/* get_mscale(s, mu) = 1 for s <= 1, else 0.1 mu ln s + 1. */
static rc_real get_mscale(rc_real s, rc_real mu)
{
    return s <= 1.0L ? 1.0L : 0.1L * mu * logl(s) + 1.0L;
}

rc_real rc_ref_step_yarn_magnitude(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o;
    if (p->attention_factor != 0.0)
        return p->attention_factor;
    if (p->mscale != 0.0 && p->mscale_all_dim != 0.0)
        return get_mscale(p->factor, p->mscale) / get_mscale(p->factor, p->mscale_all_dim);
    return get_mscale(p->factor, 1.0L);
}

rc_real rc_ref_step_longrope_magnitude(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o;
    if (p->attention_factor != 0.0)
        return p->attention_factor;
    const rc_real L = (rc_real)p->original_max_position;
    const rc_real s = p->factor != 0.0 ? (rc_real)p->factor : (rc_real)p->max_position / L;
    return s <= 1.0L ? 1.0L : sqrtl(1.0L + logl(s) / logl(L));
}
