/* llama3.unscaled-returned: the scaled inv_freq computed, the unscaled one
 * returned (transformers PR #32330). */
#include "mutant.h"

static rc_real unscaled(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    (void)rc_ref_step_llama3_freq(o, p, k, w);   /* computed, then dropped */
    return w;
}

RC_REF_DERIVED_OPS(ops, o->llama3_freq = unscaled)
RC_CAT_MUTANT(rc_cat_llama3_unscaled_returned, "llama3.unscaled-returned", ops)
