/* memory.nan-on-zero: the pair rotated in polar form through its unit
 * vector x/|x|, which is 0/0 for a zero pair (the NaN-on-degenerate-input
 * family of Automodel #2674): zero inputs come out NaN. */
#include <math.h>
#include "mutant.h"

static void rotate_polar(const rc_ref_ops *o, rc_real x0, rc_real x1, rc_real c, rc_real s,
                         rc_real *y0, rc_real *y1)
{
    (void)o;
    const rc_real r = hypotl(x0, x1), u0 = x0 / r, u1 = x1 / r;
    *y0 = r * (u0 * c - u1 * s);
    *y1 = r * (u0 * s + u1 * c);
}

RC_REF_DERIVED_OPS(ops, o->rotate = rotate_polar)
RC_CAT_MUTANT(rc_cat_memory_nan_on_zero, "memory.nan-on-zero", ops)
