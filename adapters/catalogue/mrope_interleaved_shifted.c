/* mrope.interleaved-shifted: the stride-3 scatter of interleaved M-RoPE
 * lands one pair off, so the H and W frequencies are cyclically shifted
 * (a Triton miscompile, vllm PR #40680). */
#include "mutant.h"

static int shifted(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    if (p->mrope_layout != RC_MROPE_INTERLEAVED)
        return rc_ref_step_pair_axis(o, p, k);
    return rc_ref_step_pair_axis(o, p, k + 1);
}

RC_REF_DERIVED_OPS(ops, o->pair_axis = shifted)
RC_CAT_MUTANT(rc_cat_mrope_interleaved_shifted, "mrope.interleaved-shifted", ops)
