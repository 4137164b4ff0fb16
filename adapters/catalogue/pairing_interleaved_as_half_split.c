/* pairing.interleaved-as-half-split: one (NeoX) kernel for every model, so a
 * GPT-J style (2k, 2k+1) config is rotated as (k, k + r/2).  vllm PR #941. */
#include "mutant.h"

static void neox_always(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1)
{
    rc_rope_params q = *p;
    q.pairing = RC_HALF_SPLIT;
    rc_ref_step_pair_index(o, &q, k, i0, i1);
}

RC_REF_DERIVED_OPS(ops, o->pair_index = neox_always)
RC_CAT_MUTANT(rc_cat_pairing_interleaved_as_half_split, "pairing.interleaved-as-half-split", ops)
