/*
 * Example candidate for fused 16-bit kernels (flash-attention, Transformer
 * Engine style): fp16/bf16 activations are widened to float32, the angle,
 * cosf/sinf and the rotation run in float32, and each output is rounded to
 * 16 bits once.  Frequencies per pair with powf (the HF op order, every rope
 * type), both pairings.  Only F16 and BF16.
 */
#include <math.h>

#include "example_common.h"
#include "torch_freq.h"

static int hio_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    if (!p || (dtype != RC_F16 && dtype != RC_BF16) || (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return RC_UNSUPPORTED;
    return RC_OK;
}

/* float32 m*cos and m*sin of every pair at pos. */
static void row(const float *inv, int half, float m, int64_t pos, float *c, float *s)
{
    const float fp = (float)pos;
    for (int k = 0; k < half; k++) {
        const float a = inv[k] * fp;
        c[k] = m * cosf(a);
        s[k] = m * sinf(a);
    }
}

static int hio_run(void *state, const rc_rope_params *p, const int64_t *positions,
                   const rc_tensor *in, rc_tensor *out, float sin_sign)
{
    int rc = ex_check(state, p, positions, in, out);
    if (rc != RC_OK)
        return rc;
    if (hio_supports(state, p, in->dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "16-bit I/O style: f16/bf16 only");
    const int half = p->rotary_dim / 2;
    float *buf = malloc(sizeof(float) * 3 * (size_t)half);
    if (!buf)
        return ex_fail(state, RC_ERROR, "out of memory");
    float *inv = buf, *c = buf + half, *s = buf + 2 * half;
    double m;
    torch_inv_freq(p, inv, &m);
    for (int64_t t = 0; t < in->n_tokens; t++) {
        row(inv, half, (float)m, positions[t], c, s);
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = ex_offset(in, t, h), oo = ex_offset(out, t, h);
            for (int k = 0; k < half; k++) {
                int i0, i1;
                ex_pair(p, k, &i0, &i1);
                const float x0 = ex_load_f(in->dtype, in->data, io + i0);
                const float x1 = ex_load_f(in->dtype, in->data, io + i1);
                const float sk = sin_sign * s[k];
                ex_store_f(out->dtype, out->data, oo + i0, x0 * c[k] - x1 * sk);
                ex_store_f(out->dtype, out->data, oo + i1, x0 * sk + x1 * c[k]);
            }
            ex_pass_through(in, io, out, oo, p->rotary_dim);
        }
    }
    free(buf);
    return RC_OK;
}

static int hio_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                     const rc_tensor *in, rc_tensor *out)
{
    return hio_run(state, p, positions, in, out, 1.0f);
}

static int hio_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                        const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return hio_run(state, p, positions, grad_out, grad_in, -1.0f);
}

/* the table row has no use for the dtype: cos/sin stay fp32 until stored */
static void table_row(const float *inv, int half, float m, int64_t pos, rc_dtype dtype, float *c, float *s)
{
    (void)dtype;
    row(inv, half, m, pos, c, s);
}

static int hio_cos_sin(void *state, const rc_rope_params *p, const int64_t *positions, int64_t n,
                       rc_dtype dtype, void *cos, void *sin)
{
    if (rc_ref_validate_params(p, ((ex_state *)state)->error, sizeof ((ex_state *)state)->error) != 0)
        return RC_ERROR;
    if (hio_supports(state, p, dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "16-bit I/O style: f16/bf16 only");
    if (torch_cos_sin_table(p, positions, n, dtype, cos, sin, table_row) != RC_OK)
        return ex_fail(state, RC_ERROR, "out of memory");
    return RC_OK;
}

static const rc_adapter hio_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-half-io",
    .version = "16-bit I/O, fp32 compute, one rounding",
    .init = ex_init,
    .fini = ex_fini,
    .supports = hio_supports,
    .apply = hio_apply,
    .backward = hio_backward,
    .cos_sin = hio_cos_sin,
    .last_error = ex_last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &hio_adapter; }
