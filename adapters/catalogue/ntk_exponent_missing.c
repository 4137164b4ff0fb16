/* ntk.exponent-missing: dynamic NTK's base b' = b * bracket without the
 * r/(r-2) exponent (the vllm #41236 family of formula slips): the base
 * grows too little past L. */
#include "mutant.h"

static rc_real base_linear(const rc_ref_ops *o, const rc_rope_params *p)
{
    const int64_t L = p->original_max_position;
    if (p->type != RC_ROPE_DYNAMIC_NTK || p->seq_len <= L)
        return rc_ref_step_base(o, p);
    return (rc_real)p->base * (1.0L + (rc_real)p->factor * (rc_real)(p->seq_len - L) / (rc_real)L);
}

RC_REF_DERIVED_OPS(ops, o->base = base_linear)
RC_CAT_MUTANT(rc_cat_ntk_exponent_missing, "ntk.exponent-missing", ops)
