/* direction.inverse-rotation: the angle's sign flipped (x*cos -
 * rotate_half(x)*sin with the other sign): relative positions survive but
 * run backwards, so checkpoints break (trymirai/lalamo PR #268). */
#include "mutant.h"

static rc_real negated(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real pos, int k)
{
    return -rc_ref_step_angle(o, pl, pos, k);
}

RC_REF_DERIVED_OPS(ops, o->angle = negated)
RC_CAT_MUTANT(rc_cat_direction_inverse_rotation, "direction.inverse-rotation", ops)
