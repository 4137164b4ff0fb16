/* precision.position-fp16: positions cast to fp16 before the product
 * (keras-hub #1494: 8190, 8191 -> 8192, 8192 in bf16; candle PR #3520).
 * In fp16 positions above 65504 overflow to inf and the output is NaN. */
#include "mutant.h"

static rc_real narrowed(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos)
{
    return rc_cat_round(RC_F16, rc_ref_step_position(o, p, pos));
}

RC_REF_DERIVED_OPS(ops, o->position = narrowed)
RC_CAT_MUTANT(rc_cat_precision_position_fp16, "precision.position-fp16", ops)
