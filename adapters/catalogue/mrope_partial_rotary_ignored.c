/* mrope.partial-rotary-ignored: on the M-RoPE path the whole head rotates,
 * partial_rotary_factor ignored (maxtext issue #4616, PRs #4615, #4742). */
#include "mutant.h"

static const rc_rope_params *full_head_on_mrope(const rc_ref_ops *o, const rc_rope_params *p,
                                                rc_rope_params *scratch)
{
    (void)o;
    if (p->n_axes <= 1)
        return p;
    *scratch = *p;
    scratch->rotary_dim = p->head_dim;
    return scratch;
}

RC_REF_DERIVED_OPS(ops, o->call_params = full_head_on_mrope)
RC_CAT_MUTANT(rc_cat_mrope_partial_rotary_ignored, "mrope.partial-rotary-ignored", ops)
