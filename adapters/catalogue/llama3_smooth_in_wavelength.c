/* llama3.smooth-in-wavelength: the medium band blended linearly in the
 * wavelength instead of in L/wavelength (mlx-examples PR #907, fixed by
 * PR #945): right at the edges, wrong in between. */
#include "mutant.h"

#define TWO_PI 6.283185307179586476925286766559005768L

static rc_real by_wavelength(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    const rc_real L = (rc_real)p->original_max_position, s = (rc_real)p->factor;
    const rc_real hi = L / p->high_freq_factor, lo = L / p->low_freq_factor, lambda = TWO_PI / w;
    if (lambda < hi || lambda > lo)
        return rc_ref_step_llama3_freq(o, p, k, w);
    const rc_real smooth = (lo - lambda) / (lo - hi);
    return (1.0L - smooth) * w / s + smooth * w;
}

RC_REF_DERIVED_OPS(ops, o->llama3_freq = by_wavelength)
RC_CAT_MUTANT(rc_cat_llama3_smooth_in_wavelength, "llama3.smooth-in-wavelength", ops)
