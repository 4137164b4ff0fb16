/* yarn.magnitude-one-component: the magnitude folded into the cos cache
 * only, the sin cache left unscaled: outputs are no longer a scaled
 * rotation (norms depend on the angle). */
#include "mutant.h"

static void cos_only(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s)
{
    rc_ref_step_cos_sin(o, pl, angle, c, s);
    if (pl->magnitude != 0.0L)
        *s /= pl->magnitude;
}

RC_REF_DERIVED_OPS(ops, o->cos_sin = cos_only)
RC_CAT_MUTANT(rc_cat_yarn_magnitude_one_component, "yarn.magnitude-one-component", ops)
