/* A minimal correct adapter: default RoPE, half-split pairing, f32 and f64.
 * The sandbox tests use it as the case that must pass. */
#include <math.h>
#include "rope_conform/adapter.h"

static int init(void **state) { *state = 0; return RC_OK; }
static void fini(void *state) { (void)state; }
static const char *last_error(void *state) { (void)state; return "no error"; }

static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    if ((dtype != RC_F32 && dtype != RC_F64) || p->type != RC_ROPE_DEFAULT ||
        p->pairing != RC_HALF_SPLIT)
        return RC_UNSUPPORTED;
    return RC_OK;
}

static double get(const rc_tensor *t, size_t i)
{
    return t->dtype == RC_F64 ? ((const double *)t->data)[i] : ((const float *)t->data)[i];
}

static void put(rc_tensor *t, size_t i, double v)
{
    if (t->dtype == RC_F64)
        ((double *)t->data)[i] = v;
    else
        ((float *)t->data)[i] = (float)v;
}

static int rotate(const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                  rc_tensor *out, double sign)
{
    const int half = p->rotary_dim / 2;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            size_t i0 = (size_t)(t * in->token_stride + h * in->head_stride);
            size_t o0 = (size_t)(t * out->token_stride + h * out->head_stride);
            for (int k = 0; k < half; k++) {
                double a = sign * (double)pos[t] * pow(p->base, -2.0 * k / p->rotary_dim);
                double x0 = get(in, i0 + (size_t)k), x1 = get(in, i0 + (size_t)(k + half));
                put(out, o0 + (size_t)k, x0 * cos(a) - x1 * sin(a));
                put(out, o0 + (size_t)(k + half), x0 * sin(a) + x1 * cos(a));
            }
            for (int64_t c = p->rotary_dim; c < in->head_dim; c++)
                put(out, o0 + (size_t)c, get(in, i0 + (size_t)c));
        }
    return RC_OK;
}

static int apply(void *state, const rc_rope_params *p, const int64_t *pos,
                 const rc_tensor *in, rc_tensor *out)
{
    (void)state;
    return rotate(p, pos, in, out, 1.0);
}

static int backward(void *state, const rc_rope_params *p, const int64_t *pos,
                    const rc_tensor *g, rc_tensor *out)
{
    (void)state;
    return rotate(p, pos, g, out, -1.0);
}

static int cos_sin(void *state, const rc_rope_params *p, const int64_t *pos, int64_t n,
                   rc_dtype dtype, void *c, void *s)
{
    (void)state;
    const int half = p->rotary_dim / 2;
    rc_tensor tc = {dtype, c, 0, 0, 0, 0, 0}, ts = {dtype, s, 0, 0, 0, 0, 0};
    for (int64_t i = 0; i < n; i++)
        for (int k = 0; k < half; k++) {
            double a = (double)pos[i] * pow(p->base, -2.0 * k / p->rotary_dim);
            put(&tc, (size_t)(i * half + k), cos(a));
            put(&ts, (size_t)(i * half + k), sin(a));
        }
    return RC_OK;
}

static const rc_adapter table = {
    .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),
    .name = "good", .version = "1",
    .init = init, .fini = fini, .supports = supports, .apply = apply,
    .backward = backward, .cos_sin = cos_sin, .last_error = last_error,
};

const rc_adapter *rope_conform_adapter(void) { return &table; }
