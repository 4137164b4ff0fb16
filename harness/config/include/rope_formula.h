/* The variant formulas (docs/variants.md) in MPFR: each rope type's
 * frequencies and magnitude (its rope_type_<name>.c) and the pieces the
 * types share (golden_freq.c), evaluated with a proven precision for the
 * golden engine. */
#ifndef RC_ROPE_FORMULA_H
#define RC_ROPE_FORMULA_H

#include <mpfr.h>
#include "rope_conform/adapter.h"

/* Each rope type's formulas (its rope_type_<name>.c; rope_type.h). */
typedef struct rc_rope_golden_ops {
    /* w holds base^(-2k/r) at q bits on entry and w'_k on return; a and b
     * are scratch at q bits.  NULL: w'_k = base^(-2k/r). */
    void (*freq)(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q);
    /* m into out (precision set by the caller; q bits for intermediates);
     * returns 1 when m is an exact double.  NULL: m = 1. */
    int (*magnitude)(const rc_rope_params *p, mpfr_ptr out, mpfr_prec_t q);
} rc_rope_golden_ops;

/* Pieces the types share: base^(-2k/r); (w/s) ramp + w (1 - ramp);
 * get_mscale(s, mu) = 1 if s <= 1 else 0.1 mu ln s + 1. */
void rc_golden_base_pow(mpfr_ptr out, double base, int k, int r, mpfr_prec_t q);
void rc_golden_blend(mpfr_ptr out, mpfr_srcptr w, double s, mpfr_srcptr ramp, mpfr_prec_t q);
void rc_golden_get_mscale(mpfr_ptr out, double s, double mu);

/* w'_k at `prec` bits.  The value is accurate to about prec bits; callers
 * wanting a guarantee use rc_freq_checked. */
void rc_freq_eval(const rc_rope_params *p, int k, mpfr_prec_t prec, mpfr_ptr out);
/* w'_k with |out - w'_k| <= 2^-target |w'_k| (two wider evaluations must
 * agree to target+1 bits; out gets a precision >= target). */
void rc_freq_checked(const rc_rope_params *p, int k, mpfr_prec_t target, mpfr_ptr out);
/* The magnitude m, same contract; *exact is set when m is known to be an
 * exact double (1, or a given attention_factor). */
void rc_magnitude_checked(const rc_rope_params *p, mpfr_prec_t target, mpfr_ptr out,
                          int *exact);
/* rope_type_yarn.c: YaRN correction range [low, high] after clamping and
 * truncation (when truncate=1), before the low == high nudge; 256 bits. */
void rc_golden_yarn_bounds(const rc_rope_params *p, double *low, double *high);
/* The unclamped corr_dim(n) = r ln(L/(2 pi n)) / (2 ln base), to double. */
double rc_golden_yarn_corr_dim(const rc_rope_params *p, double n);
/* rope_type_llama3.c: Llama 3 band of pair k: 0 high frequency (kept),
 * 1 medium (smoothed), 2 low frequency (divided by factor). */
int rc_golden_llama3_band(const rc_rope_params *p, int k);
/* The magnitude as a double, by the variant's rule (validation uses it to
 * reject non-positive magnitudes). */
double rc_magnitude_double(const rc_rope_params *p);

#endif
