/* pairing.half-split-as-interleaved: a NeoX model rotated with GPT-J pairs,
 * as the DeepSeek-V3.2 indexer once was (sglang PR #13495). */
#include "mutant.h"

static void gptj_always(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1)
{
    rc_rope_params q = *p;
    q.pairing = RC_INTERLEAVED;
    rc_ref_step_pair_index(o, &q, k, i0, i1);
}

RC_REF_DERIVED_OPS(ops, o->pair_index = gptj_always)
RC_CAT_MUTANT(rc_cat_pairing_half_split_as_interleaved, "pairing.half-split-as-interleaved", ops)
