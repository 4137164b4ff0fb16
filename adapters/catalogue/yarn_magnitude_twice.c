/* yarn.magnitude-twice: the final attention factor fed back as a multiplier
 * on get_mscale(factor) (sglang PR #33558, TensorRT-LLM PR #16379): m is
 * applied twice. */
#include <math.h>
#include "mutant.h"

static rc_real twice(const rc_ref_ops *o, const rc_rope_params *p)
{
    const rc_real s = (rc_real)p->factor;
    return rc_ref_step_yarn_magnitude(o, p) * (s <= 1.0L ? 1.0L : 0.1L * logl(s) + 1.0L);
}

RC_REF_DERIVED_OPS(ops, o->yarn_magnitude = twice)
RC_CAT_MUTANT(rc_cat_yarn_magnitude_twice, "yarn.magnitude-twice", ops)
