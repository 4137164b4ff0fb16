/* Broken on purpose: every call works, then fini crashes (SIGSEGV). */
#include <string.h>
#include "rope_conform/adapter.h"

static int init(void **state) { *state = 0; return RC_OK; }
static void fini(void *state)
{
    (void)state;
    volatile uintptr_t bad = 8;
    *(volatile int *)bad = 1;
}
static const char *last_error(void *state) { (void)state; return "no error"; }
static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state; (void)p; (void)dtype;
    return RC_OK;
}

static int apply(void *state, const rc_rope_params *p, const int64_t *pos,
                 const rc_tensor *in, rc_tensor *out)
{
    (void)state; (void)p; (void)pos;
    size_t es = in->dtype == RC_F64 ? 8 : in->dtype == RC_F32 ? 4 : 2;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++)
            memmove((char *)out->data + (size_t)(t * out->token_stride + h * out->head_stride) * es,
                    (const char *)in->data + (size_t)(t * in->token_stride + h * in->head_stride) * es,
                    (size_t)in->head_dim * es);
    return RC_OK;
}

static const rc_adapter table = {
    .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),
    .name = "fini_crash", .version = "1",
    .init = init, .fini = fini, .supports = supports, .apply = apply,
    .last_error = last_error,
};

const rc_adapter *rope_conform_adapter(void) { return &table; }
