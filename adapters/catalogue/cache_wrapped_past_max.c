/* cache.wrapped-past-max: a ring-indexed cos/sin cache of max_position rows:
 * position p past the end gets the row of p mod max_position (vllm-ascend
 * PR #1266: cache shorter than the model's max positions). */
#include "mutant.h"

static rc_real wrapped(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos)
{
    if (p->max_position > 0 && pos >= p->max_position)
        pos %= p->max_position;
    return rc_ref_step_position(o, p, pos);
}

RC_REF_DERIVED_OPS(ops, o->position = wrapped)
RC_CAT_MUTANT(rc_cat_cache_wrapped_past_max, "cache.wrapped-past-max", ops)
