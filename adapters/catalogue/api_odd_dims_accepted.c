/* api.odd-dims-accepted: an odd rotary_dim is not rejected but silently
 * truncated to the even number below it (mlx issue #3218; fla PR #1177,
 * where dim 33 was treated as 34): the model gets outputs, and one channel
 * is never rotated. */
#include "mutant.h"

static int accept_odd(const rc_ref_ops *o, const rc_rope_params *p, char *err, size_t n)
{
    rc_rope_params q = *p;
    q.rotary_dim &= ~1;
    return rc_ref_step_validate(o, &q, err, n);
}

RC_REF_DERIVED_OPS(ops, o->validate = accept_odd)
RC_CAT_MUTANT(rc_cat_api_odd_dims_accepted, "api.odd-dims-accepted", ops)
