/* ntk.static-at-max: "dynamic" NTK computed once for the longest context
 * (l = s*L) whatever the sequence length: short inputs do not get the
 * plain RoPE they must (vllm issues #3488, #5093). */
#include "mutant.h"

static rc_real base_at_max(const rc_ref_ops *o, const rc_rope_params *p)
{
    rc_rope_params q = *p;
    if (p->type == RC_ROPE_DYNAMIC_NTK)
        q.seq_len = (int64_t)((double)p->original_max_position * p->factor);
    return rc_ref_step_base(o, &q);
}

RC_REF_DERIVED_OPS(ops, o->base = base_at_max)
RC_CAT_MUTANT(rc_cat_ntk_static_at_max, "ntk.static-at-max", ops)
