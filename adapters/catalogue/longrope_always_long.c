/* longrope.always-long: the factor set chosen from the allocated context,
 * not the sequence, so short sequences get the long factors (llama.cpp
 * issue #24823, PR #24875; mlxcel #1358). */
#include "mutant.h"

static const double *long_only(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o;
    return p->long_factor;
}

RC_REF_DERIVED_OPS(ops, o->longrope_factors = long_only)
RC_CAT_MUTANT(rc_cat_longrope_always_long, "longrope.always-long", ops)
