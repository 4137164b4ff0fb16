/* memory.writes-past-output: the pass-through copy runs one channel too far
 * (an inclusive loop bound), so the last head of the last token writes
 * one element past the output (vllm PR #43676, flash-attention #1195 class
 * of out-of-bounds accesses). */
#include <string.h>
#include "mutant.h"

static void copy_one_more(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in,
                          int64_t in_off, rc_tensor *out, int64_t out_off)
{
    (void)o;
    const size_t es = rc_ref_dtype_size(in->dtype);
    const int64_t r = pl->params->rotary_dim, n = in->head_dim - r + 1;   /* the bug: + 1 */
    memmove((char *)out->data + (size_t)(out_off + r) * es,
            (const char *)in->data + (size_t)(in_off + r) * es, (size_t)n * es);
}

RC_REF_DERIVED_OPS(ops, o->pass_through = copy_one_more)
RC_CAT_MUTANT(rc_cat_memory_writes_past_output, "memory.writes-past-output", ops)
