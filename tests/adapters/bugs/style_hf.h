/* Style: Hugging Face-like.  float32 inv_freq, freqs = inv_freq * pos in
 * float32, cos/sin in float32 times the attention scaling and cast to the
 * activation dtype, then q * cos + rotate_half(q) * sin in that dtype;
 * half-split pairs, f32/f16/bf16. */
#ifndef BUG_DTYPES
#define BUG_DTYPES ((1u << RC_F32) | (1u << RC_BF16))
#endif
#include "bug_common.h"

#ifndef BUG_ROTATE_HALF_SIGN
#define BUG_ROTATE_HALF_SIGN 1.0f
#endif

static float bug_round(rc_dtype t, float v)
{
    if (t == RC_F16)
        return rc_f16_to_float(rc_f16_from_float(v));
    if (t == RC_BF16)
        return rc_bf16_to_float(rc_bf16_from_float(v));
    return v;
}

static int bug_rotate(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                      rc_tensor *out, double sign)
{
    if (bug_invalid(p))
        return bug_fail(state, "invalid params");
    const int half = p->rotary_dim / 2;
    const rc_dtype dt = in->dtype;
    const float scaling = (float)BUG_MAGNITUDE(p);
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int k = 0; k < half; k++) {
            const float freq = (float)BUG_FREQ(p, k) * (float)BUG_POS(pos, t);
            const float c = bug_round(dt, cosf(freq) * scaling), s = bug_round(dt, (float)sign * sinf(freq) * scaling);
            for (int64_t h = 0; h < in->n_heads; h++) {
                const int64_t io = t * in->token_stride + BUG_IN_HEAD(h) * in->head_stride;
                const int64_t oo = t * out->token_stride + h * out->head_stride;
                const float x1 = (float)bug_get(in, io + k), x2 = (float)bug_get(in, io + k + half);
                const float a = bug_round(dt, x1 * c), b = bug_round(dt, x2 * c);
                const float x2s = bug_round(dt, x2 * s), x1s = bug_round(dt, x1 * s);
                bug_put(out, oo + k, a - BUG_ROTATE_HALF_SIGN * x2s);
                bug_put(out, oo + k + half, b + BUG_ROTATE_HALF_SIGN * x1s);
            }
        }
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++)
            bug_pass_through(p, in, t * in->token_stride + h * in->head_stride, out,
                             t * out->token_stride + h * out->head_stride);
    return RC_OK;
}

static int bug_hf_supports(void *state, const rc_rope_params *p, rc_dtype dt)
{
    return p && p->pairing == RC_HALF_SPLIT && dt != RC_F64 ? bug_supports(state, p, dt) : RC_UNSUPPORTED;
}
#define bug_supports bug_hf_supports

#define BUG_COS_SIN NULL
