/* longrope.switch-ge: long factors chosen at seq_len >= L instead of > L, so
 * a sequence of exactly L gets the long table (unsloth PR #10681). */
#include "mutant.h"

static const double *ge(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o;
    return p->seq_len >= p->original_max_position ? p->long_factor : p->short_factor;
}

RC_REF_DERIVED_OPS(ops, o->longrope_factors = ge)
RC_CAT_MUTANT(rc_cat_longrope_switch_ge, "longrope.switch-ge", ops)
