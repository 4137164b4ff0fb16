/* mrope.layout-swapped: Qwen3-VL's interleaved M-RoPE rotated with Qwen2-VL's
 * sections and the other way round (MNN PR #4133, mlx-vlm PR #576,
 * vllm-gaudi PR #1437, vllm-omni PR #1784). */
#include "mutant.h"

static int other_layout(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    rc_rope_params q = *p;
    q.mrope_layout = p->mrope_layout == RC_MROPE_INTERLEAVED ? RC_MROPE_SECTIONED : RC_MROPE_INTERLEAVED;
    return rc_ref_step_pair_axis(o, &q, k);
}

RC_REF_DERIVED_OPS(ops, o->pair_axis = other_layout)
RC_CAT_MUTANT(rc_cat_mrope_layout_swapped, "mrope.layout-swapped", ops)
