/* Broken on purpose: apply never returns. */
#include "rope_conform/adapter.h"

static int init(void **state) { *state = 0; return RC_OK; }
static void fini(void *state) { (void)state; }
static const char *last_error(void *state) { (void)state; return "no error"; }
static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state; (void)p; (void)dtype;
    return RC_OK;
}

static int apply(void *state, const rc_rope_params *p, const int64_t *pos,
                 const rc_tensor *in, rc_tensor *out)
{
    (void)state; (void)p; (void)pos; (void)in; (void)out;
    volatile unsigned long spin = 0;
    for (;;)
        spin++;
    return RC_OK;
}

static const rc_adapter table = {
    .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),
    .name = "hang_apply", .version = "1",
    .init = init, .fini = fini, .supports = supports, .apply = apply,
    .last_error = last_error,
};

const rc_adapter *rope_conform_adapter(void) { return &table; }
