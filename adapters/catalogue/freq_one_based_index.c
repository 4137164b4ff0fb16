/* freq.one-based-index: the handout formula read with a 1-based pair index,
 * w_k = base^(-2(k+1)/r): w_0 is no longer 1 (stanford-cs336 issue #22). */
#include "mutant.h"

static rc_real shifted(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k)
{
    return rc_ref_step_default_freq(o, p, base, k + 1);
}

RC_REF_DERIVED_OPS(ops, o->default_freq = shifted)
RC_CAT_MUTANT(rc_cat_freq_one_based_index, "freq.one-based-index", ops)
