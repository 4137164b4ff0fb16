/* A small float64 RoPE (default and linear types, both pairings) with one
 * deliberate mutation chosen by the including file, for the identify and
 * compare tests:
 *   CONV_SWAP_PAIRING  1: rotate the other pairing than params asks for
 *   CONV_SIGN         -1: rotate by the negative angle
 *   CONV_EXPONENT        : w_k = b^(-CONV_EXPONENT k / r) (correct: 2)
 *   CONV_SCALE_TWICE   1: linear divides the positions and the frequencies
 *                         by the factor (scaling applied twice) */
#ifndef CONV_COMMON_H
#define CONV_COMMON_H

#include <math.h>
#include <stddef.h>
#include "rope_conform/adapter.h"

#ifndef CONV_SWAP_PAIRING
#define CONV_SWAP_PAIRING 0
#endif
#ifndef CONV_SIGN
#define CONV_SIGN 1.0
#endif
#ifndef CONV_EXPONENT
#define CONV_EXPONENT 2.0
#endif
#ifndef CONV_SCALE_TWICE
#define CONV_SCALE_TWICE 0
#endif

static int conv_init(void **state) { *state = NULL; return RC_OK; }
static void conv_fini(void *state) { (void)state; }
static const char *conv_last_error(void *state) { (void)state; return "invalid params"; }

static int conv_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    return p && (dtype == RC_F64 || dtype == RC_F32) &&
                   (p->type == RC_ROPE_DEFAULT || p->type == RC_ROPE_LINEAR)
               ? RC_OK
               : RC_UNSUPPORTED;
}

static double conv_get(const rc_tensor *t, int64_t i)
{
    return t->dtype == RC_F64 ? ((const double *)t->data)[i] : ((const float *)t->data)[i];
}

static void conv_put(rc_tensor *t, int64_t i, double v)
{
    if (t->dtype == RC_F64)
        ((double *)t->data)[i] = v;
    else
        ((float *)t->data)[i] = (float)v;
}

static int conv_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                      const rc_tensor *in, rc_tensor *out)
{
    if (conv_supports(state, p, in->dtype) != RC_OK)
        return RC_UNSUPPORTED;
    if (p->rotary_dim < 2 || p->rotary_dim % 2 || p->rotary_dim > p->head_dim || !(p->base > 1))
        return RC_ERROR;
    const int r = p->rotary_dim, half = r / 2;
    int inter = p->pairing == RC_INTERLEAVED;
    if (CONV_SWAP_PAIRING)
        inter = !inter;
    double scale = 1.0;
    if (p->type == RC_ROPE_LINEAR)
        scale = CONV_SCALE_TWICE ? 1.0 / (p->factor * p->factor) : 1.0 / p->factor;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = t * in->token_stride + h * in->head_stride;
            const int64_t oo = t * out->token_stride + h * out->head_stride;
            double x[4096];
            for (int64_t c = 0; c < in->head_dim && c < 4096; c++)
                x[c] = conv_get(in, io + c);
            for (int64_t c = r; c < in->head_dim; c++)
                conv_put(out, oo + c, x[c]);
            for (int k = 0; k < half; k++) {
                const double w = pow(p->base, -CONV_EXPONENT * k / r) * scale;
                const double phi = CONV_SIGN * (double)positions[t] * w;
                const int i0 = inter ? 2 * k : k, i1 = inter ? 2 * k + 1 : k + half;
                conv_put(out, oo + i0, x[i0] * cos(phi) - x[i1] * sin(phi));
                conv_put(out, oo + i1, x[i0] * sin(phi) + x[i1] * cos(phi));
            }
        }
    return RC_OK;
}

#define CONV_DEFINE_ADAPTER(label)                                            \
    static const rc_adapter conv_adapter = {                                  \
        .abi_version = RC_ABI_VERSION,                                        \
        .struct_size = sizeof(rc_adapter),                                    \
        .name = label,                                                        \
        .version = "1",                                                       \
        .init = conv_init,                                                    \
        .fini = conv_fini,                                                    \
        .supports = conv_supports,                                            \
        .apply = conv_apply,                                                  \
        .last_error = conv_last_error,                                        \
    };                                                                        \
    const rc_adapter *rope_conform_adapter(void);                             \
    const rc_adapter *rope_conform_adapter(void) { return &conv_adapter; }

#endif
