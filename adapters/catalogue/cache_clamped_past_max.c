/* cache.clamped-past-max: a cos/sin cache of max_position rows indexed with
 * a clamp, so every position past the end reuses the last row (vllm PR
 * #55910, pegainfer #220). */
#include "mutant.h"

static rc_real clamped(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos)
{
    if (p->max_position > 0 && pos >= p->max_position)
        pos = p->max_position - 1;
    return rc_ref_step_position(o, p, pos);
}

RC_REF_DERIVED_OPS(ops, o->position = clamped)
RC_CAT_MUTANT(rc_cat_cache_clamped_past_max, "cache.clamped-past-max", ops)
