/* linear.multiplies: position interpolation multiplies the frequencies by
 * the factor instead of dividing, so positions are compressed the wrong
 * way (factor^2 too fast). */
#include "mutant.h"

static rc_real times(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    (void)o; (void)k;
    return w * (rc_real)p->factor;
}

RC_REF_DERIVED_OPS(ops, o->linear_freq = times)
RC_CAT_MUTANT(rc_cat_linear_multiplies, "linear.multiplies", ops)
