/* ntk.raw-seq-len: dynamic NTK's bracket s*l/L - (s-1) evaluated with the
 * raw sequence length, without l = max(seq_len, L): below L the base
 * shrinks, and under L(s-1)/s the bracket is negative and the frequencies
 * NaN (vllm issue #52665, PR #52675). */
#include <math.h>
#include "mutant.h"

static rc_real base_unclamped(const rc_ref_ops *o, const rc_rope_params *p)
{
    if (p->type != RC_ROPE_DYNAMIC_NTK || p->seq_len == 0)
        return rc_ref_step_base(o, p);
    const rc_real L = (rc_real)p->original_max_position, r = p->rotary_dim;
    const rc_real bracket = (rc_real)p->factor * (rc_real)p->seq_len / L - ((rc_real)p->factor - 1.0L);
    return (rc_real)p->base * powl(bracket, r / (r - 2.0L));
}

RC_REF_DERIVED_OPS(ops, o->base = base_unclamped)
RC_CAT_MUTANT(rc_cat_ntk_raw_seq_len, "ntk.raw-seq-len", ops)
