/* precision.inv-freq-bf16: the inverse-frequency buffer cast to the model's
 * bf16 dtype (transformers #25681/#29496, Megatron-LM #744, sglang-jax
 * #1472): every angle p*w carries w's relative error, growing with p. */
#include "mutant.h"

static rc_real narrowed(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    return rc_cat_round(RC_BF16, rc_ref_step_inv_freq(o, p, k));
}

RC_REF_DERIVED_OPS(ops, o->inv_freq = narrowed)
RC_CAT_MUTANT(rc_cat_precision_inv_freq_bf16, "precision.inv-freq-bf16", ops)
