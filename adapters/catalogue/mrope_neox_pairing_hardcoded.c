/* mrope.neox-pairing-hardcoded: the M-RoPE kernel always rotates NeoX
 * (half-split) pairs, so GPT-J-style multimodal models are mis-paired on
 * that path only (vllm issue #49290, PR #49323; vllm-ascend #12765). */
#include "mutant.h"

static void neox_on_mrope(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1)
{
    rc_rope_params q = *p;
    if (p->n_axes > 1)
        q.pairing = RC_HALF_SPLIT;
    rc_ref_step_pair_index(o, &q, k, i0, i1);
}

RC_REF_DERIVED_OPS(ops, o->pair_index = neox_on_mrope)
RC_CAT_MUTANT(rc_cat_mrope_neox_pairing_hardcoded, "mrope.neox-pairing-hardcoded", ops)
