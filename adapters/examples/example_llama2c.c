/*
 * Example candidate in the style of karpathy/llama2.c (run.c, forward()):
 *
 *     for (int i = 0; i < dim; i += 2) {
 *         int head_dim = i % head_size;
 *         float freq = 1.0f / powf(10000.0f, head_dim / (float)head_size);
 *         float val = pos * freq;
 *         float fcr = cosf(val), fci = sinf(val);
 *         ... v0 * fcr - v1 * fci, v0 * fci + v1 * fcr
 *     }
 *
 * Interleaved pairs over the whole head (no partial rotary), float32
 * activations rotated in place, plain RoPE only; the base is taken from the
 * params instead of the hard-coded 10000.  No backward (an inference engine)
 * and no cos/sin table (none exists).
 */
#include <math.h>

#include "example_common.h"

static int l2c_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    return p && dtype == RC_F32 && p->type == RC_ROPE_DEFAULT && p->pairing == RC_INTERLEAVED &&
                   p->rotary_dim == p->head_dim
               ? RC_OK
               : RC_UNSUPPORTED;
}

/* run.c's loop, for one head of one token, in place. */
static void llama2c_rope(float *q, int head_size, int pos, float base)
{
    for (int i = 0; i < head_size; i += 2) {
        int head_dim = i % head_size;
        float freq = 1.0f / powf(base, head_dim / (float)head_size);
        float val = pos * freq;
        float fcr = cosf(val);
        float fci = sinf(val);
        float v0 = q[i];
        float v1 = q[i + 1];
        q[i] = v0 * fcr - v1 * fci;
        q[i + 1] = v0 * fci + v1 * fcr;
    }
}

static int l2c_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                     const rc_tensor *in, rc_tensor *out)
{
    int rc = ex_check(state, p, positions, in, out);
    if (rc != RC_OK)
        return rc;
    if (l2c_supports(state, p, in->dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "llama2.c style: f32, interleaved, DEFAULT, full head");
    for (int64_t t = 0; t < in->n_tokens; t++)
        if (positions[t] < INT32_MIN || positions[t] > INT32_MAX)
            return ex_fail(state, RC_UNSUPPORTED, "llama2.c positions are int");
    const int hs = p->head_dim;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            const float *src = (const float *)in->data + ex_offset(in, t, h);
            float *dst = (float *)out->data + ex_offset(out, t, h);
            if (dst != src)
                memcpy(dst, src, sizeof(float) * (size_t)hs);
            llama2c_rope(dst, hs, (int)positions[t], (float)p->base);
        }
    return RC_OK;
}

static const rc_adapter l2c_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-llama2c",
    .version = "llama2.c run.c loop",
    .init = ex_init,
    .fini = ex_fini,
    .supports = l2c_supports,
    .apply = l2c_apply,
    .backward = NULL,
    .cos_sin = NULL,
    .last_error = ex_last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &l2c_adapter; }
