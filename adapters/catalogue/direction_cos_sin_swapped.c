/* direction.cos-sin-swapped: the cos and sin tables passed in each other's
 * place: the rotation is by pi/2 - angle, so position 0 is not the
 * identity. */
#include "mutant.h"

static void swapped(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s)
{
    rc_ref_step_cos_sin(o, pl, angle, s, c);
}

RC_REF_DERIVED_OPS(ops, o->cos_sin = swapped)
RC_CAT_MUTANT(rc_cat_direction_cos_sin_swapped, "direction.cos-sin-swapped", ops)
