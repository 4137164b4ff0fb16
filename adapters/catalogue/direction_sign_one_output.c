/* direction.sign-one-output: the sign slip on one output only,
 * y1 = x1 cos - x0 sin: no longer a rotation, so norms change. */
#include "mutant.h"

static void rotate_slip(const rc_ref_ops *o, rc_real x0, rc_real x1, rc_real c, rc_real s,
                        rc_real *y0, rc_real *y1)
{
    (void)o;
    *y0 = x0 * c - x1 * s;
    *y1 = x1 * c - x0 * s;
}

RC_REF_DERIVED_OPS(ops, o->rotate = rotate_slip)
RC_CAT_MUTANT(rc_cat_direction_sign_one_output, "direction.sign-one-output", ops)
