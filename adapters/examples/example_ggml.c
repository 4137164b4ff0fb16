/*
 * Example candidate in the style of ggml's CPU rope (ggml_compute_forward_rope
 * in ggml-cpu/ops.cpp), with llama.cpp's parameter plumbing:
 *   theta_scale = powf(base, -2.0f/n_dims); theta = (float)p;
 *   per pair: rope_yarn(theta/ff, ...); theta *= theta_scale;
 * i.e. the frequencies accumulate in float32, cosf/sinf, the rotation in
 * float32 and a single conversion to the tensor type.  NORMAL (interleaved)
 * and NEOX (half-split) modes; F32 and F16 tensors; int32 positions.
 *
 * LINEAR is freq_scale = 1/s.  YARN is ext_factor = 1 with float32 corr dims
 * (always floor/ceil, so truncate = 0 is unsupported, as is an inverted
 * correction range, where ggml deliberately differs from HF).  LONGROPE and
 * LLAMA3 arrive as per-pair freq_factors, as the GGUF converter writes them.
 * DYNAMIC_NTK does not exist in ggml.
 */
#include <math.h>

#include "example_common.h"

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* What llama.cpp hands the rope op. */
typedef struct ggml_rope_args {
    float freq_base, freq_scale, ext_factor, attn_factor;
    float corr_dims[2];
    float *freq_factors;   /* NULL or n_dims/2 entries */
} ggml_rope_args;

static float corr_dim(int n_dims, int n_ctx_orig, float n_rot, float base)
{
    return n_dims * logf(n_ctx_orig / (n_rot * 2 * (float)M_PI)) / (2 * logf(base));
}

static float rope_yarn_ramp(const float low, const float high, const int i0)
{
    const float y = (i0 / 2 - low) / MAX(0.001f, high - low);
    return 1 - MIN(1, MAX(0, y));
}

static void rope_yarn(float theta_extrap, float freq_scale, const float corr_dims[2], int i0,
                      float ext_factor, float mscale, float *cos_theta, float *sin_theta)
{
    const float theta_interp = freq_scale * theta_extrap;
    float theta = theta_interp;
    if (ext_factor != 0.0f) {
        const float ramp_mix = rope_yarn_ramp(corr_dims[0], corr_dims[1], i0) * ext_factor;
        theta = theta_interp * (1 - ramp_mix) + theta_extrap * ramp_mix;
        mscale *= 1.0f + 0.1f * logf(1.0f / freq_scale);
    }
    *cos_theta = cosf(theta) * mscale;
    *sin_theta = sinf(theta) * mscale;
}

/* get_mscale(s, mu), float, as llama.cpp's context setup computes it. */
static float get_mscale(float s, float mu) { return s <= 1.0f ? 1.0f : 0.1f * mu * logf(s) + 1.0f; }

/* The GGUF converter's llama3 rope_freqs (float32 torch scalars). */
static float llama3_factor(const rc_rope_params *p, int k)
{
    const float freq = 1.0f / powf((float)p->base, (float)(2 * k) / (float)p->rotary_dim);
    const double L = (double)p->original_max_position;
    const float wavelen = (float)(2 * M_PI) / freq;
    if (wavelen < (float)(L / p->high_freq_factor))
        return 1.0f;
    if (wavelen > (float)(L / p->low_freq_factor))
        return (float)p->factor;
    const float smooth = ((float)L / wavelen - (float)p->low_freq_factor) /
                         (float)(p->high_freq_factor - p->low_freq_factor);
    return 1.0f / ((1.0f - smooth) / (float)p->factor + smooth);
}

/* 0, or RC_UNSUPPORTED for what ggml cannot express. */
static int ggml_args(const rc_rope_params *p, ggml_rope_args *a)
{
    const int n_dims = p->rotary_dim;
    *a = (ggml_rope_args){ .freq_base = (float)p->base, .freq_scale = 1.0f, .attn_factor = 1.0f };
    if (p->type == RC_ROPE_LINEAR)
        a->freq_scale = 1.0f / (float)p->factor;
    if (p->type == RC_ROPE_YARN) {
        if (p->original_max_position > INT32_MAX)
            return RC_UNSUPPORTED;   /* n_ctx_orig is an int */
        const float s = (float)p->factor;
        const int n_ctx_orig = (int)p->original_max_position;
        const float lo = floorf(corr_dim(n_dims, n_ctx_orig, (float)p->beta_fast, a->freq_base));
        const float hi = ceilf(corr_dim(n_dims, n_ctx_orig, (float)p->beta_slow, a->freq_base));
        a->corr_dims[0] = MAX(0, lo);
        a->corr_dims[1] = MIN(n_dims - 1, hi);
        if (!p->truncate || a->corr_dims[1] < a->corr_dims[0])
            return RC_UNSUPPORTED;
        a->freq_scale = 1.0f / s;
        a->ext_factor = 1.0f;
        float m = (float)p->attention_factor;
        if (m == 0.0f)
            m = p->mscale != 0.0 && p->mscale_all_dim != 0.0
                    ? get_mscale(s, (float)p->mscale) / get_mscale(s, (float)p->mscale_all_dim)
                    : get_mscale(s, 1.0f);
        /* llama.cpp cancels the factor the kernel multiplies back in */
        a->attn_factor = m * (1.0f / (1.0f + 0.1f * logf(s)));
    }
    if (p->type == RC_ROPE_LONGROPE || p->type == RC_ROPE_LLAMA3) {
        a->freq_factors = malloc(sizeof(float) * (size_t)(n_dims / 2));
        if (!a->freq_factors)
            return RC_ERROR;
        const double *lf = p->seq_len > p->original_max_position ? p->long_factor : p->short_factor;
        for (int k = 0; k < n_dims / 2; k++)
            a->freq_factors[k] = p->type == RC_ROPE_LLAMA3 ? llama3_factor(p, k) : (float)lf[k];
    }
    if (p->type == RC_ROPE_LONGROPE) {
        const double L = (double)p->original_max_position;
        const double s = p->factor != 0.0 ? p->factor : (double)p->max_position / L;
        a->attn_factor = (float)(p->attention_factor != 0.0 ? p->attention_factor
                                 : s > 1.0                  ? sqrt(1.0 + log(s) / log(L))
                                                            : 1.0);
    }
    return RC_OK;
}

static int ggml_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    if (!p || (dtype != RC_F32 && dtype != RC_F16) || p->type == RC_ROPE_DYNAMIC_NTK ||
        (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return RC_UNSUPPORTED;
    if (rc_ref_validate_params(p, NULL, 0) != 0)
        return RC_OK;   /* invalid: apply reports the error */
    ggml_rope_args a;
    const int rc = ggml_args(p, &a);
    free(a.freq_factors);
    return rc;
}

/* ggml_rope_cache_init: cos/sin for one position, theta accumulated. */
static void rope_cache_init(const ggml_rope_args *a, int n_dims, int32_t p, float sin_sign, float *cache)
{
    const float theta_scale = powf(a->freq_base, -2.0f / n_dims);
    float theta = (float)p;
    for (int i0 = 0; i0 < n_dims; i0 += 2) {
        const float ff = a->freq_factors ? a->freq_factors[i0 / 2] : 1.0f;
        rope_yarn(theta / ff, a->freq_scale, a->corr_dims, i0, a->ext_factor, a->attn_factor,
                  &cache[i0 + 0], &cache[i0 + 1]);
        cache[i0 + 1] *= sin_sign;
        theta *= theta_scale;
    }
}

static int prepare(void *state, const rc_rope_params *p, rc_dtype t, ggml_rope_args *a)
{
    a->freq_factors = NULL;
    if (ggml_supports(state, p, t) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "ggml style: no DYNAMIC_NTK, real-valued or inverted YaRN bounds; f32/f16");
    const int rc = ggml_args(p, a);
    return rc == RC_OK ? RC_OK : ex_fail(state, rc, "out of memory");
}

static int ggml_run(void *state, const rc_rope_params *p, const int64_t *positions,
                    const rc_tensor *in, rc_tensor *out, float sin_sign)
{
    ggml_rope_args a;
    int rc = ex_check(state, p, positions, in, out);
    if (rc != RC_OK || (rc = prepare(state, p, in->dtype, &a)) != RC_OK)
        return rc;
    for (int64_t t = 0; t < in->n_tokens; t++)
        if (positions[t] < INT32_MIN || positions[t] > INT32_MAX) {
            free(a.freq_factors);
            return ex_fail(state, RC_UNSUPPORTED, "ggml positions are int32");
        }
    const int n_dims = p->rotary_dim;
    float *cache = malloc(sizeof(float) * (size_t)n_dims);
    if (!cache) {
        free(a.freq_factors);
        return ex_fail(state, RC_ERROR, "out of memory");
    }
    for (int64_t t = 0; t < in->n_tokens; t++) {
        rope_cache_init(&a, n_dims, (int32_t)positions[t], sin_sign, cache);
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = ex_offset(in, t, h), oo = ex_offset(out, t, h);
            for (int i0 = 0; i0 < n_dims; i0 += 2) {
                int j0, j1;   /* rotate_pairs(n_dims, 1 or n_dims/2) */
                ex_pair(p, i0 / 2, &j0, &j1);
                const float cos_theta = cache[i0 + 0], sin_theta = cache[i0 + 1];
                const float x0 = ex_load_f(in->dtype, in->data, io + j0);
                const float x1 = ex_load_f(in->dtype, in->data, io + j1);
                ex_store_f(out->dtype, out->data, oo + j0, x0 * cos_theta - x1 * sin_theta);
                ex_store_f(out->dtype, out->data, oo + j1, x0 * sin_theta + x1 * cos_theta);
            }
            ex_pass_through(in, io, out, oo, n_dims);
        }
    }
    free(cache);
    free(a.freq_factors);
    return RC_OK;
}

static int ggml_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                      const rc_tensor *in, rc_tensor *out)
{
    return ggml_run(state, p, positions, in, out, 1.0f);
}

/* GGML_OP_ROPE_BACK: the same cache with sin_sign = -1. */
static int ggml_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                         const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return ggml_run(state, p, positions, grad_out, grad_in, -1.0f);
}

static int ggml_cos_sin(void *state, const rc_rope_params *p, const int64_t *positions, int64_t n,
                        rc_dtype dtype, void *cos, void *sin)
{
    ggml_rope_args a;
    if (rc_ref_validate_params(p, ((ex_state *)state)->error, sizeof ((ex_state *)state)->error) != 0)
        return RC_ERROR;
    int rc = prepare(state, p, dtype, &a);
    if (rc != RC_OK)
        return rc;
    const int n_dims = p->rotary_dim;
    float *cache = malloc(sizeof(float) * (size_t)n_dims);
    if (!cache) {
        free(a.freq_factors);
        return ex_fail(state, RC_ERROR, "out of memory");
    }
    for (int64_t i = 0; i < n; i++) {
        if (positions[i] < INT32_MIN || positions[i] > INT32_MAX) {
            rc = ex_fail(state, RC_UNSUPPORTED, "ggml positions are int32");
            break;
        }
        rope_cache_init(&a, n_dims, (int32_t)positions[i], 1.0f, cache);
        for (int k = 0; k < n_dims / 2; k++) {
            ex_store_f(dtype, cos, i * (n_dims / 2) + k, cache[2 * k]);
            ex_store_f(dtype, sin, i * (n_dims / 2) + k, cache[2 * k + 1]);
        }
    }
    free(cache);
    free(a.freq_factors);
    return rc;
}

static const rc_adapter ggml_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-ggml",
    .version = "ggml CPU-style theta *= theta_scale, fp32 rotation",
    .init = ex_init,
    .fini = ex_fini,
    .supports = ggml_supports,
    .apply = ggml_apply,
    .backward = ggml_backward,
    .cos_sin = ggml_cos_sin,
    .last_error = ex_last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &ggml_adapter; }
