/* longrope.factors-not-applied: the per-pair factors loaded but never
 * applied (the LongRoPE twin of ik_llama.cpp PR #2291, rope_factors passed
 * as nullptr). */
#include "mutant.h"

static rc_real unscaled(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w)
{
    (void)o; (void)p; (void)k;
    return w;
}

RC_REF_DERIVED_OPS(ops, o->longrope_freq = unscaled)
RC_CAT_MUTANT(rc_cat_longrope_factors_not_applied, "longrope.factors-not-applied", ops)
