/* pairing.interleaved-written-half-split: pairs are read as (2k, 2k+1) but
 * the rotated evens and odds are written back concatenated, at (k, k + r/2)
 * (vllm-metal PR #44).  Position 0 is no longer the identity. */
#include "mutant.h"

static void head_concat(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in, int64_t in_off,
                        rc_tensor *out, int64_t out_off, const rc_real *c, const rc_real *s)
{
    if (pl->params->pairing != RC_INTERLEAVED) {
        rc_ref_step_head(o, pl, in, in_off, out, out_off, c, s);
        return;
    }
    /* the kernel rotates into a scratch row and copies it out unshuffled */
    rc_real y[2 * 2048];
    const int n = pl->half <= 2048 ? pl->half : 2048;
    for (int k = 0; k < n; k++) {
        int i0, i1;
        o->pair_index(o, pl->params, k, &i0, &i1);
        o->rotate(o, o->load(o, in->dtype, in->data, in_off + i0), o->load(o, in->dtype, in->data, in_off + i1),
                  c[k], s[k], &y[k], &y[n + k]);
    }
    for (int j = 0; j < 2 * n; j++)
        o->store(o, out->dtype, out->data, out_off + j, y[j]);
}

RC_REF_DERIVED_OPS(ops, o->head = head_concat)
RC_CAT_MUTANT(rc_cat_pairing_interleaved_written_half_split, "pairing.interleaved-written-half-split", ops)
