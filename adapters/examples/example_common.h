/*
 * Plumbing shared by the example adapters: error state, argument checks and
 * element access.  None of the RoPE arithmetic lives here; each example does
 * that its own way, in its own precision.
 */
#ifndef RC_EXAMPLE_COMMON_H
#define RC_EXAMPLE_COMMON_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rope_conform/adapter.h"
#include "rope_conform/half.h"
#include "rope_ref.h"   /* rc_ref_validate_params: one definition of "valid" */

typedef struct ex_state {
    char error[256];
    void *priv;          /* an example's own cache, if it keeps one */
} ex_state;

static inline int ex_init(void **state)
{
    ex_state *st = calloc(1, sizeof *st);
    if (!st)
        return RC_ERROR;
    snprintf(st->error, sizeof st->error, "no error");
    *state = st;
    return RC_OK;
}

static inline void ex_fini(void *state) { free(state); }

static inline const char *ex_last_error(void *state)
{
    return state ? ((ex_state *)state)->error : "no state";
}

static inline int ex_fail(void *state, int code, const char *fmt, ...)
{
    if (state) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(((ex_state *)state)->error, sizeof ((ex_state *)state)->error, fmt, ap);
        va_end(ap);
    }
    return code;
}

/* Invalid params or inconsistent tensors are an RC_ERROR, never a skip. */
static inline int ex_check(void *state, const rc_rope_params *p, const int64_t *positions,
                           const rc_tensor *in, const rc_tensor *out)
{
    ex_state *st = state;
    if (st && rc_ref_validate_params(p, st->error, sizeof st->error) != 0)
        return RC_ERROR;
    if (!st && rc_ref_validate_params(p, NULL, 0) != 0)
        return RC_ERROR;
    if (!in || !out || in->dtype != out->dtype || in->n_tokens != out->n_tokens ||
        in->n_heads != out->n_heads || in->head_dim != out->head_dim || in->n_tokens < 0 ||
        in->n_heads < 0 || in->head_dim != p->head_dim)
        return ex_fail(state, RC_ERROR, "in/out tensors are missing or do not match params");
    if (in->n_tokens > 0 && (!positions || (in->n_heads > 0 && (!in->data || !out->data))))
        return ex_fail(state, RC_ERROR, "NULL positions or tensor data");
    return RC_OK;
}

static inline int64_t ex_offset(const rc_tensor *x, int64_t t, int64_t h)
{
    return t * x->token_stride + h * x->head_stride;
}

/* Elements of the 32- and 16-bit dtypes as float (exact), and back with one
 * rounding. */
static inline float ex_load_f(rc_dtype t, const void *data, int64_t i)
{
    switch (t) {
    case RC_F32: return ((const float *)data)[i];
    case RC_F16: return rc_f16_to_float(((const uint16_t *)data)[i]);
    case RC_BF16: return rc_bf16_to_float(((const uint16_t *)data)[i]);
    default: return (float)((const double *)data)[i];
    }
}

static inline void ex_store_f(rc_dtype t, void *data, int64_t i, float v)
{
    switch (t) {
    case RC_F32: ((float *)data)[i] = v; break;
    case RC_F16: ((uint16_t *)data)[i] = rc_f16_from_float(v); break;
    case RC_BF16: ((uint16_t *)data)[i] = rc_bf16_from_float(v); break;
    default: ((double *)data)[i] = v; break;
    }
}

/* A float rounded to dtype t and widened back: one torch op in that dtype. */
static inline float ex_round(rc_dtype t, float v)
{
    switch (t) {
    case RC_F16: return rc_f16_to_float(rc_f16_from_float(v));
    case RC_BF16: return rc_bf16_to_float(rc_bf16_from_float(v));
    default: return v;
    }
}

/* Copies the channels from r on, bit for bit. */
static inline void ex_pass_through(const rc_tensor *in, int64_t io, rc_tensor *out, int64_t oo, int r)
{
    const size_t es = in->dtype == RC_F64 ? 8 : in->dtype == RC_F32 ? 4 : 2;
    for (int64_t c = r; c < in->head_dim; c++)
        memmove((char *)out->data + (size_t)(oo + c) * es, (const char *)in->data + (size_t)(io + c) * es, es);
}

static inline void ex_pair(const rc_rope_params *p, int k, int *i0, int *i1)
{
    *i0 = p->pairing == RC_INTERLEAVED ? 2 * k : k;
    *i1 = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + p->rotary_dim / 2;
}

#endif
