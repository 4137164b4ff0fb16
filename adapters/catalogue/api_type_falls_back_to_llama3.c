/* api.type-falls-back-to-llama3: the frequency function looked up by rope
 * type with the Llama 3 schedule as the fallback, so linear, dynamic, YaRN
 * and LongRoPE configs all get Llama 3 frequencies (Automodel PR #2825:
 * rope_functions.get(rope_type, _compute_llama3_inv_freq)). */
#include "mutant.h"

static rc_real llama3_for_all(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    if (p->type == RC_ROPE_DEFAULT || p->type == RC_ROPE_LLAMA3)
        return rc_ref_step_inv_freq(o, p, k);
    /* the fallback reads the Llama 3 keys, with their usual defaults */
    rc_rope_params q = *p;
    q.type = RC_ROPE_LLAMA3;
    if (!(q.factor > 0.0))
        q.factor = 8.0;
    if (!(q.low_freq_factor > 0.0))
        q.low_freq_factor = 1.0;
    if (!(q.high_freq_factor > q.low_freq_factor))
        q.high_freq_factor = 4.0 * q.low_freq_factor;
    if (q.original_max_position < 1)
        q.original_max_position = 8192;
    return rc_ref_step_inv_freq(o, &q, k);
}

RC_REF_DERIVED_OPS(ops, o->inv_freq = llama3_for_all)
RC_CAT_MUTANT(rc_cat_api_type_falls_back_to_llama3, "api.type-falls-back-to-llama3", ops)
