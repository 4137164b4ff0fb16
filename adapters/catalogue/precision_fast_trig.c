/* precision.fast-trig: fast-math sin/cos (CUDA __sinf/__cosf, metal::fast;
 * imp #1316, mlxcel #1049): the angle reduced in float with a one-constant
 * 2 pi, then a short polynomial.  Errors of ~1e-5 near 0 that grow with
 * the angle. */
#include <math.h>
#include "mutant.h"

/* sin on [-pi/2, pi/2], Taylor to x^7, in float */
static float sin_poly(float x)
{
    float x2 = x * x;
    return x * (1.0f - x2 / 6.0f * (1.0f - x2 / 20.0f * (1.0f - x2 / 42.0f)));
}

static float fast_sin(float x)
{
    float r = x - 6.2831855f * nearbyintf(x * 0.15915494f);   /* to [-pi, pi] */
    if (r > 1.5707964f)
        r = 3.1415927f - r;
    else if (r < -1.5707964f)
        r = -3.1415927f - r;
    return sin_poly(r);
}

static void fast(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s)
{
    (void)o;
    float a = (float)angle;
    *c = pl->magnitude * fast_sin(a + 1.5707964f);
    *s = pl->magnitude * fast_sin(a);
}

RC_REF_DERIVED_OPS(ops, o->cos_sin = fast)
RC_CAT_MUTANT(rc_cat_precision_fast_trig, "precision.fast-trig", ops)
