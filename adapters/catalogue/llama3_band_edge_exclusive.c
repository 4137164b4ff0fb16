/* llama3.band-edge-exclusive: the medium band's edges compared exclusive
 * instead of inclusive, on wavelengths rounded to float32 (where a
 * wavelength can land on an edge).  The smoothing is continuous at both
 * edges (sigma = 1 gives w, sigma = 0 gives w/s, both exactly), so the
 * output is bitwise the same: no black-box test can catch it. */
#include "mutant.h"

#define TWO_PI 6.283185307179586476925286766559005768L

static rc_real exclusive(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    const float lambda = (float)(TWO_PI / w);
    const float hi_edge = (float)((rc_real)p->original_max_position / p->high_freq_factor);
    const float lo_edge = (float)((rc_real)p->original_max_position / p->low_freq_factor);
    if (lambda <= hi_edge)
        return w;
    if (lambda >= lo_edge)
        return w / (rc_real)p->factor;
    return rc_ref_step_llama3_freq(o, p, k, w);
}

RC_REF_DERIVED_OPS(ops, o->llama3_freq = exclusive)
RC_CAT_MUTANT(rc_cat_llama3_band_edge_exclusive, "llama3.band-edge-exclusive", ops)
