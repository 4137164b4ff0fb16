/* precision.angle-bf16: the angle p*w computed (stored) in bf16, as the
 * gpt-neox table once was (issue #1003: 1044.27 -> 1045.0 in fp16). */
#include "mutant.h"

static rc_real narrowed(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real pos, int k)
{
    return rc_cat_round(RC_BF16, rc_ref_step_angle(o, pl, pos, k));
}

RC_REF_DERIVED_OPS(ops, o->angle = narrowed)
RC_CAT_MUTANT(rc_cat_precision_angle_bf16, "precision.angle-bf16", ops)
