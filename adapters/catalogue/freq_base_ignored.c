/* freq.base-ignored: rope_theta not passed through, so 10000 is used
 * (torchtune #1341, mlx-examples PR #469, llama.cpp #3090). */
#include "mutant.h"

static rc_real default_theta(const rc_ref_ops *o, const rc_rope_params *p)
{
    rc_rope_params q = *p;
    q.base = 10000.0;
    return rc_ref_step_base(o, &q);
}

RC_REF_DERIVED_OPS(ops, o->base = default_theta)
RC_CAT_MUTANT(rc_cat_freq_base_ignored, "freq.base-ignored", ops)
