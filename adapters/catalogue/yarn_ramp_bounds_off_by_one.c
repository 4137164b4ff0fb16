/* yarn.ramp-bounds-off-by-one: the correction range's upper bound one pair
 * too high (ceil then +1, the kind of slip behind transformers #33783 /
 * #38224 ramp mismatches): pairs inside the ramp get the wrong blend. */
#include "mutant.h"

static void bounds_plus_one(const rc_ref_ops *o, const rc_rope_params *p, rc_real *low, rc_real *high)
{
    rc_ref_step_yarn_bounds(o, p, low, high);
    *high += 1.0L;
}

RC_REF_DERIVED_OPS(ops, o->yarn_bounds = bounds_plus_one)
RC_CAT_MUTANT(rc_cat_yarn_ramp_bounds_off_by_one, "yarn.ramp-bounds-off-by-one", ops)
