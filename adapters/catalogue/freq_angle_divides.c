/* freq.angle-divides: angle = p / w_k instead of p * w_k (LeetCUDA issue
 * #289): low-frequency pairs spin fastest. */
#include "mutant.h"

static rc_real divided(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real pos, int k)
{
    (void)o;
    return pos / pl->inv_freq[k];
}

RC_REF_DERIVED_OPS(ops, o->angle = divided)
RC_CAT_MUTANT(rc_cat_freq_angle_divides, "freq.angle-divides", ops)
