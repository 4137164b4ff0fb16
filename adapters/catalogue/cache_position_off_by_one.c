/* cache.position-off-by-one: the position offset (start_pos, cache length)
 * counted one too far, so token t is rotated at p + 1 (executorch PR #2010,
 * keras-hub PR #1544, nanochat PR #520 class of offset slips). */
#include "mutant.h"

static rc_real next(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos)
{
    return rc_ref_step_position(o, p, pos + 1);
}

RC_REF_DERIVED_OPS(ops, o->position = next)
RC_CAT_MUTANT(rc_cat_cache_position_off_by_one, "cache.position-off-by-one", ops)
