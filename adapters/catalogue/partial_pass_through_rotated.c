/* partial.pass-through-rotated: the channels past rotary_dim sent through
 * the rotation with cos = 1, sin = 0 instead of copied (the maxtext #4616 /
 * mlx-lm PR #1698 family): x*1 - x*0 turns inf into NaN, -0 into +0 and
 * quiets signalling NaNs. */
#include "mutant.h"

static void through_rotation(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in,
                             int64_t in_off, rc_tensor *out, int64_t out_off)
{
    for (int64_t ch = pl->params->rotary_dim; ch < in->head_dim; ch++) {
        rc_real x = o->load(o, in->dtype, in->data, in_off + ch), y, unused;
        o->rotate(o, x, x, 1.0L, 0.0L, &y, &unused);
        o->store(o, out->dtype, out->data, out_off + ch, y);
    }
}

RC_REF_DERIVED_OPS(ops, o->pass_through = through_rotation)
RC_CAT_MUTANT(rc_cat_partial_pass_through_rotated, "partial.pass-through-rotated", ops)
