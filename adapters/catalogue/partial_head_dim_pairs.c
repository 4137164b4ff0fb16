/* partial.head-dim-pairs: partial rotary pairing channel k with
 * k + head_dim/2 instead of k + rotary_dim/2 (pie PR #603, llama.cpp PR
 * #4156): the wrong slice is rotated and some rotary channels are never
 * written. */
#include "mutant.h"

static void wide_pairs(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1)
{
    rc_rope_params q = *p;
    q.rotary_dim = p->head_dim;
    rc_ref_step_pair_index(o, &q, k, i0, i1);
}

RC_REF_DERIVED_OPS(ops, o->pair_index = wide_pairs)
RC_CAT_MUTANT(rc_cat_partial_head_dim_pairs, "partial.head-dim-pairs", ops)
