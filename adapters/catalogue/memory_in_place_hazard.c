/* memory.in-place-hazard: the first output of a pair is stored before the
 * second is computed, which re-reads the first input through the input
 * pointer; in place, that is the value just written (llama.cpp PR #20274,
 * Megatron-LM PR #5980).  Out of place it is correct. */
#include "mutant.h"

static void head_hazard(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in, int64_t in_off,
                        rc_tensor *out, int64_t out_off, const rc_real *c, const rc_real *s)
{
    for (int k = 0; k < pl->half; k++) {
        int i0, i1;
        o->pair_index(o, pl->params, k, &i0, &i1);
        rc_real x0 = o->load(o, in->dtype, in->data, in_off + i0);
        rc_real x1 = o->load(o, in->dtype, in->data, in_off + i1);
        rc_real y0, y1;
        o->rotate(o, x0, x1, c[k], s[k], &y0, &y1);
        o->store(o, out->dtype, out->data, out_off + i0, y0);
        x0 = o->load(o, in->dtype, in->data, in_off + i0);   /* the hazard */
        o->rotate(o, x0, x1, c[k], s[k], &y0, &y1);
        o->store(o, out->dtype, out->data, out_off + i1, y1);
    }
}

RC_REF_DERIVED_OPS(ops, o->head = head_hazard)
RC_CAT_MUTANT(rc_cat_memory_in_place_hazard, "memory.in-place-hazard", ops)
