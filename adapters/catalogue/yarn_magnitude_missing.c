/* yarn.magnitude-missing: YaRN's attention factor m never applied (the
 * mirror of vllm PR #46280 / mlx-lm PR #1507, where the configured value
 * was dropped): every output is 1/m too short. */
#include "mutant.h"

static rc_real one(const rc_ref_ops *o, const rc_rope_params *p)
{
    (void)o; (void)p;
    return 1.0L;
}

RC_REF_DERIVED_OPS(ops, o->yarn_magnitude = one)
RC_CAT_MUTANT(rc_cat_yarn_magnitude_missing, "yarn.magnitude-missing", ops)
