/* freq.exponent-k-over-d: w_k = base^(-k/r), the factor 2 dropped from the
 * exponent, so every pair above 0 turns too fast. */
#include <math.h>
#include "mutant.h"

static rc_real half_exponent(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k)
{
    (void)o;
    return powl(base, -(rc_real)k / (rc_real)p->rotary_dim);
}

RC_REF_DERIVED_OPS(ops, o->default_freq = half_exponent)
RC_CAT_MUTANT(rc_cat_freq_exponent_k_over_d, "freq.exponent-k-over-d", ops)
