/* backward.ignores-scaling: the backward kernel not updated for the scaling
 * parameters (llama.cpp PR #3974: rope backward missed the YaRN params):
 * the gradient uses the plain frequencies base^(-2k/r) and magnitude 1. */
#include <stdlib.h>
#include "mutant.h"

static void row(const rc_ref_ops *o, const rc_ref_plan *pl, int64_t pos, rc_real *c, rc_real *s)
{
    rc_real *w = pl->sign < 0 ? malloc((size_t)pl->half * sizeof *w) : NULL;
    if (!w) {
        rc_ref_step_table_row(o, pl, pos, c, s);
        return;
    }
    rc_ref_plan plain = *pl;
    for (int k = 0; k < pl->half; k++)
        w[k] = o->default_freq(o, pl->params, (rc_real)pl->params->base, k);
    plain.inv_freq = w;
    plain.magnitude = 1.0L;
    rc_ref_step_table_row(o, &plain, pos, c, s);
    free(w);
}

RC_REF_DERIVED_OPS(ops, o->table_row = row)
RC_CAT_MUTANT(rc_cat_backward_ignores_scaling, "backward.ignores-scaling", ops)
