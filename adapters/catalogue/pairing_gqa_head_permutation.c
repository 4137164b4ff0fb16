/* pairing.gqa-head-permutation: a q/k un-permutation done with the wrong
 * head count regroups the channels of some heads into the other pairing
 * (llama.cpp PR #3364, issue #3018: n_head //= n_head_kv).  Here every odd
 * head is paired the other way. */
#include "mutant.h"

static void head_regrouped(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in, int64_t in_off,
                           rc_tensor *out, int64_t out_off, const rc_real *c, const rc_real *s)
{
    int64_t within = in->token_stride > 0 ? in_off % in->token_stride : in_off;
    int64_t head = in->head_stride > 0 ? within / in->head_stride : 0;
    if (head % 2 == 0) {
        rc_ref_step_head(o, pl, in, in_off, out, out_off, c, s);
        return;
    }
    rc_rope_params q = *pl->params;
    q.pairing = q.pairing == RC_INTERLEAVED ? RC_HALF_SPLIT : RC_INTERLEAVED;
    rc_ref_plan other = *pl;
    other.params = &q;
    rc_ref_step_head(o, &other, in, in_off, out, out_off, c, s);
}

RC_REF_DERIVED_OPS(ops, o->head = head_regrouped)
RC_CAT_MUTANT(rc_cat_pairing_gqa_head_permutation, "pairing.gqa-head-permutation", ops)
