/* The shared body of the deliberately broken test adapters that are
 * otherwise the identity (right at position 0): trivial state and
 * supports(), an identity copy, and the table.  Each adapter file adds only
 * its one fault, in IDENTITY_FAULT(in, out), run after the copy. */
#ifndef RC_TEST_IDENTITY_BASE_H
#define RC_TEST_IDENTITY_BASE_H

#include <string.h>
#include "rope_conform/adapter.h"

static int init(void **state) { *state = 0; return RC_OK; }
static void fini(void *state) { (void)state; }
static const char *last_error(void *state) { (void)state; return "no error"; }
static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state; (void)p; (void)dtype;
    return RC_OK;
}

static size_t elem_size(rc_dtype t) { return t == RC_F64 ? 8 : t == RC_F32 ? 4 : 2; }

/* out = in for every element. */
static void copy_all(const rc_tensor *in, rc_tensor *out)
{
    size_t es = elem_size(in->dtype);
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++)
            memmove((char *)out->data + (size_t)(t * out->token_stride + h * out->head_stride) * es,
                    (const char *)in->data + (size_t)(t * in->token_stride + h * in->head_stride) * es,
                    (size_t)in->head_dim * es);
}

static void fault(const rc_tensor *in, rc_tensor *out);

static int apply(void *state, const rc_rope_params *p, const int64_t *pos,
                 const rc_tensor *in, rc_tensor *out)
{
    (void)state; (void)p; (void)pos;
    copy_all(in, out);
    fault(in, out);
    return RC_OK;
}

#define IDENTITY_ADAPTER(adapter_name)                                                    \
    static const rc_adapter table = {                                                     \
        .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),                 \
        .name = adapter_name, .version = "1",                                             \
        .init = init, .fini = fini, .supports = supports, .apply = apply,                 \
        .last_error = last_error,                                                         \
    };                                                                                    \
    const rc_adapter *rope_conform_adapter(void);                                         \
    const rc_adapter *rope_conform_adapter(void) { return &table; }

#endif
