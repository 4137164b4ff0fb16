/* direction.transposed-matrix: R^T applied instead of R (karpathy/nanochat
 * PR #489: equivalent when training from scratch, not with checkpoints).
 * Numerically the same as the inverse rotation. */
#include "mutant.h"

static void rotate_transposed(const rc_ref_ops *o, rc_real x0, rc_real x1, rc_real c, rc_real s,
                              rc_real *y0, rc_real *y1)
{
    (void)o;
    *y0 = x0 * c + x1 * s;
    *y1 = x1 * c - x0 * s;
}

RC_REF_DERIVED_OPS(ops, o->rotate = rotate_transposed)
RC_CAT_MUTANT(rc_cat_direction_transposed_matrix, "direction.transposed-matrix", ops)
