/*
 * Example candidate in the style of Hugging Face transformers (Llama):
 * float32 inv_freq from the rope init functions, freqs = inv_freq @ position
 * in float32, cos/sin in float32 times attention_scaling, cast to the
 * activation dtype, then q * cos + rotate_half(q) * sin in the activation
 * dtype (three roundings per output).  Half-split pairing only; float64
 * activations are left out because the float32 table cannot give them
 * float64 accuracy.
 */
#include <math.h>

#include "example_common.h"
#include "torch_freq.h"

static int hf_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    if (!p || p->pairing != RC_HALF_SPLIT || (unsigned)p->type >= RC_ROPE_TYPE_COUNT)
        return RC_UNSUPPORTED;
    return dtype == RC_F32 || dtype == RC_F16 || dtype == RC_BF16 ? RC_OK : RC_UNSUPPORTED;
}

/* LlamaRotaryEmbedding.forward for one position: cos/sin cast to dtype. */
static void hf_cos_sin_row(const float *inv, int half, float scaling, int64_t pos, rc_dtype dtype,
                           float *c, float *s)
{
    for (int k = 0; k < half; k++) {
        const float freq = inv[k] * (float)pos;
        c[k] = ex_round(dtype, cosf(freq) * scaling);
        s[k] = ex_round(dtype, sinf(freq) * scaling);
    }
}

/* Forward: y = x*cos + rotate_half(x)*sin, rotate_half(x) = cat(-x2, x1).
 * Backward (autograd of the same): g*cos + cat(g2*sin, -(g1*sin)). */
static int hf_run(void *state, const rc_rope_params *p, const int64_t *positions,
                  const rc_tensor *in, rc_tensor *out, int backward)
{
    int rc = ex_check(state, p, positions, in, out);
    if (rc != RC_OK)
        return rc;
    if (hf_supports(state, p, in->dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "HF style: half-split, f32/f16/bf16 only");
    const int half = p->rotary_dim / 2;
    const rc_dtype t = in->dtype;
    float *buf = malloc(sizeof(float) * 3 * (size_t)half);
    if (!buf)
        return ex_fail(state, RC_ERROR, "out of memory");
    float *inv = buf, *c = buf + half, *s = buf + 2 * half;
    double m;
    torch_inv_freq(p, inv, &m);
    for (int64_t tok = 0; tok < in->n_tokens; tok++) {
        hf_cos_sin_row(inv, half, (float)m, positions[tok], t, c, s);
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = ex_offset(in, tok, h), oo = ex_offset(out, tok, h);
            for (int k = 0; k < half; k++) {
                const float x1 = ex_load_f(t, in->data, io + k);
                const float x2 = ex_load_f(t, in->data, io + k + half);
                const float a = ex_round(t, x1 * c[k]), b = ex_round(t, x2 * c[k]);
                const float x2s = ex_round(t, x2 * s[k]), x1s = ex_round(t, x1 * s[k]);
                const float y1 = backward ? a + x2s : a + -x2s;
                const float y2 = backward ? b + -x1s : b + x1s;
                ex_store_f(t, out->data, oo + k, y1);
                ex_store_f(t, out->data, oo + k + half, y2);
            }
            ex_pass_through(in, io, out, oo, p->rotary_dim);
        }
    }
    free(buf);
    return RC_OK;
}

static int hf_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                    const rc_tensor *in, rc_tensor *out)
{
    return hf_run(state, p, positions, in, out, 0);
}

static int hf_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                       const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return hf_run(state, p, positions, grad_out, grad_in, 1);
}

static int hf_cos_sin(void *state, const rc_rope_params *p, const int64_t *positions, int64_t n,
                      rc_dtype dtype, void *cos, void *sin)
{
    if (rc_ref_validate_params(p, ((ex_state *)state)->error, sizeof ((ex_state *)state)->error) != 0)
        return RC_ERROR;
    if (hf_supports(state, p, dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "HF style: half-split, f32/f16/bf16 only");
    if (torch_cos_sin_table(p, positions, n, dtype, cos, sin, hf_cos_sin_row) != RC_OK)
        return ex_fail(state, RC_ERROR, "out of memory");
    return RC_OK;
}

static const rc_adapter hf_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-hf",
    .version = "transformers-style fp32 table, activation-dtype rotation",
    .init = ex_init,
    .fini = ex_fini,
    .supports = hf_supports,
    .apply = hf_apply,
    .backward = hf_backward,
    .cos_sin = hf_cos_sin,
    .last_error = ex_last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &hf_adapter; }
