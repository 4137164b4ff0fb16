/* Style: ggml-like iterative frequencies.  theta starts at pos * freq_scale
 * and is multiplied by theta_scale = base^(-2/r) from one pair to the next
 * (in double); default and linear types; float32 only. */
#ifndef BUG_DTYPES
#define BUG_DTYPES (1u << RC_F32)
#endif
#include "bug_common.h"

#ifndef BUG_THETA_SCALE
#define BUG_THETA_SCALE(p) pow((p)->base, -2.0 / (p)->rotary_dim)
#endif

static int bug_rotate(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                      rc_tensor *out, double sign)
{
    if (bug_invalid(p))
        return bug_fail(state, "invalid params");
    const int r2 = p->rotary_dim / 2;
    const double theta_scale = BUG_THETA_SCALE(p);
    const double freq_scale = p->type == RC_ROPE_LINEAR ? 1.0 / p->factor : 1.0;
    const double m = BUG_SCALE(p);
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = t * in->token_stride + h * in->head_stride;
            const int64_t oo = t * out->token_stride + h * out->head_stride;
            double theta = (double)BUG_POS(pos, t) * freq_scale;
            int k = 0;
            for (; k < BUG_PAIRS(r2); k++, theta *= theta_scale) {
                int a, b;
                bug_pair(p, k, &a, &b);
                const double c = cos(theta) * m, s = sign * sin(theta) * m;
                const double x0 = bug_get(in, io + a), x1 = bug_get(in, io + b);
                bug_put(out, oo + a, x0 * c - x1 * s);
                bug_put(out, oo + b, x0 * s + x1 * c);
            }
            for (; k < r2; k++) {   /* pairs the loop left: copied, as ggml's tail copy does */
                int a, b;
                bug_pair(p, k, &a, &b);
                bug_put(out, oo + a, bug_get(in, io + a));
                bug_put(out, oo + b, bug_get(in, io + b));
            }
            bug_pass_through(p, in, io, out, oo);
        }
    return RC_OK;
}

#define BUG_COS_SIN NULL
