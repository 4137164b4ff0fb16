/*
 * The smallest useful adapter: it wraps an engine's own RoPE function
 * (my_rope_f32 below stands for yours) and declines everything else.
 * Build it like the other examples: rc_add_adapter(name minimal.c).
 */
#include <math.h>
#include <string.h>

#include "rope_conform/adapter.h"

/* ---- the engine's code: plain half-split RoPE on one head, in place ---- */
static void my_rope_f32(float *x, int rot_dim, long pos, float base)
{
    const int half = rot_dim / 2;
    for (int k = 0; k < half; k++) {
        const float freq = 1.0f / powf(base, (float)(2 * k) / (float)rot_dim);
        const float c = cosf((float)pos * freq), s = sinf((float)pos * freq);
        const float x0 = x[k], x1 = x[k + half];
        x[k] = x0 * c - x1 * s;
        x[k + half] = x0 * s + x1 * c;
    }
}

/* ---- the adapter ---- */
static int init(void **state) { *state = NULL; return RC_OK; }
static void fini(void *state) { (void)state; }
static const char *last_error(void *state) { (void)state; return "invalid params"; }

static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    return dtype == RC_F32 && p->type == RC_ROPE_DEFAULT && p->pairing == RC_HALF_SPLIT
               ? RC_OK : RC_UNSUPPORTED;
}

static int apply(void *state, const rc_rope_params *p, const int64_t *positions,
                 const rc_tensor *in, rc_tensor *out)
{
    if (supports(state, p, in->dtype) != RC_OK)
        return RC_UNSUPPORTED;
    if (p->rotary_dim < 2 || p->rotary_dim % 2 || p->rotary_dim > p->head_dim || !(p->base > 1.0))
        return RC_ERROR;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            const float *src = (const float *)in->data + t * in->token_stride + h * in->head_stride;
            float *dst = (float *)out->data + t * out->token_stride + h * out->head_stride;
            memmove(dst, src, sizeof(float) * (size_t)in->head_dim); /* pass-through too */
            my_rope_f32(dst, p->rotary_dim, (long)positions[t], (float)p->base);
        }
    return RC_OK;
}

static const rc_adapter adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-minimal",
    .version = "1",
    .init = init,
    .fini = fini,
    .supports = supports,
    .apply = apply,
    .last_error = last_error,   /* backward and cos_sin are optional */
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &adapter; }
