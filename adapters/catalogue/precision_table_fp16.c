/* precision.table-fp16: the cos/sin cache kept in fp16 (flashinfer PR #585,
 * sglang PR #33117, modded-nanogpt #39): every entry off by up to half a
 * fp16 ulp, far above a float32 rotation's error. */
#include "mutant.h"

static void narrowed(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s)
{
    rc_ref_step_cos_sin(o, pl, angle, c, s);
    *c = rc_cat_round(RC_F16, *c);
    *s = rc_cat_round(RC_F16, *s);
}

RC_REF_DERIVED_OPS(ops, o->cos_sin = narrowed)
RC_CAT_MUTANT(rc_cat_precision_table_fp16, "precision.table-fp16", ops)
