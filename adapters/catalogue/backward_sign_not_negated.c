/* backward.sign-not-negated: the gradient rotated by +angle (the forward
 * kernel reused without negating sin), so backward equals forward (the
 * fused-backward family of Paddle PR #74716, apex PR #1750). */
#include "mutant.h"

static void forward_row(const rc_ref_ops *o, const rc_ref_plan *pl, int64_t pos, rc_real *c, rc_real *s)
{
    rc_ref_plan fwd = *pl;
    fwd.sign = +1;
    rc_ref_step_table_row(o, &fwd, pos, c, s);
}

RC_REF_DERIVED_OPS(ops, o->table_row = forward_row)
RC_CAT_MUTANT(rc_cat_backward_sign_not_negated, "backward.sign-not-negated", ops)
