/* mrope.positions-1d: every pair rotated by the T position, as when 1-D
 * position ids reach a kernel that needs (t, h, w) (Liger-Kernel PR #276,
 * AReaL #217, sglang PR #3605, mlx-vlm PR #319, MNN #3345). */
#include "mutant.h"

static int t_only(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    (void)o, (void)p, (void)k;
    return 0;
}

RC_REF_DERIVED_OPS(ops, o->pair_axis = t_only)
RC_CAT_MUTANT(rc_cat_mrope_positions_1d, "mrope.positions-1d", ops)
