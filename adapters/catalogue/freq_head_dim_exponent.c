/* freq.head-dim-exponent: partial rotary with w_k = base^(-2k/head_dim)
 * instead of base^(-2k/rotary_dim) (pie PR #603, transformers #48630). */
#include "mutant.h"

static rc_real over_head_dim(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k)
{
    rc_rope_params q = *p;
    q.rotary_dim = p->head_dim;
    return rc_ref_step_default_freq(o, &q, base, k);
}

RC_REF_DERIVED_OPS(ops, o->default_freq = over_head_dim)
RC_CAT_MUTANT(rc_cat_freq_head_dim_exponent, "freq.head-dim-exponent", ops)
