/* Style: fused fp64 kernel.  Each head is copied to the output first (so
 * pass-through channels come along), then every pair of the input is
 * rotated with its angle formed in double: pos * w_k. */
#include "bug_common.h"

/* 1: the first channels of all pairs are written in one pass, the second
 * channels in another (in place, the second pass reads written values) */
#ifndef BUG_TWO_PASS
#define BUG_TWO_PASS 0
#endif

static int bug_rotate(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                      rc_tensor *out, double sign)
{
    if (bug_invalid(p))
        return bug_fail(state, "invalid params");
    const int r2 = p->rotary_dim / 2;
    const double m = BUG_MAGNITUDE(p) * BUG_SCALE(p);
    const size_t es = in->dtype == RC_F64 ? 8 : in->dtype == RC_F32 ? 4 : 2;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < BUG_HEADS(in->n_heads); h++) {
            const int64_t io = t * in->token_stride + BUG_IN_HEAD(h) * in->head_stride;
            const int64_t oo = t * out->token_stride + h * out->head_stride;
            memmove((char *)out->data + (size_t)oo * es, (const char *)in->data + (size_t)io * es,
                    (size_t)p->head_dim * es);
            bug_pass_through(p, in, io, out, oo);
            const double pt = (double)BUG_POS(pos, t);
            for (int pass = 0; pass < 1 + BUG_TWO_PASS; pass++)
                for (int k = 0; k < BUG_PAIRS(r2); k++) {
                    int a, b;
                    bug_pair(p, k, &a, &b);
                    const double th = sign * pt * BUG_FREQ(p, k), c = cos(th) * m, s = sin(th) * m;
                    const double x0 = bug_get(in, io + a), x1 = bug_get(in, io + b);
                    if (pass == 0)
                        bug_put(out, oo + a, x0 * c - x1 * s);
                    if (pass == BUG_TWO_PASS)
                        bug_put(out, oo + b, x0 * s + x1 * c);
                }
        }
    return RC_OK;
}

#define BUG_COS_SIN NULL
