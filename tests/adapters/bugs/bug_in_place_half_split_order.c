/* In place, the first channel of every pair is written before the second
 * channels are computed (two passes over the pairs), so the second pass
 * reads rotated values: right out of place, wrong in place. */
#include "bug_common.h"

static int bug_rotate(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                      rc_tensor *out, double sign)
{
    if (bug_invalid(p))
        return bug_fail(state, "invalid params");
    const int r2 = p->rotary_dim / 2;
    const double m = bug_magnitude(p);
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = t * in->token_stride + h * in->head_stride;
            const int64_t oo = t * out->token_stride + h * out->head_stride;
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < r2; k++) {
                    int a, b;
                    bug_pair(p, k, &a, &b);
                    const double th = sign * (double)pos[t] * bug_freq(p, k);
                    const double x0 = bug_get(in, io + a), x1 = bug_get(in, io + b);
                    if (pass == 0)
                        bug_put(out, oo + a, m * (x0 * cos(th) - x1 * sin(th)));
                    else
                        bug_put(out, oo + b, m * (x0 * sin(th) + x1 * cos(th)));
                }
            bug_pass_through(p, in, io, out, oo);
        }
    return RC_OK;
}

static int bug_apply(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in, rc_tensor *out)
{
    return bug_rotate(state, p, pos, in, out, 1.0);
}

static int bug_backward(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                        rc_tensor *out)
{
    return bug_rotate(state, p, pos, in, out, -1.0);
}

#define BUG_COS_SIN NULL
BUG_ADAPTER("bug-in-place-half-split-order")
