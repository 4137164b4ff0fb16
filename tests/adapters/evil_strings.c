/* A candidate whose name, version and error message carry newlines,
 * terminal escape sequences, markup and a byte that is not UTF-8: every
 * output must show them escaped, on one line.  Its apply fails with that
 * message, so every case carries it into the reports. */
#include "rope_conform/adapter.h"

#define EVIL_NAME "evil\n\x1b[31mname"
#define EVIL_VERSION "1\r\x1b]0;title\x07"
#define EVIL_ERROR "boom\n\x1b[2J <b>&amp;</b> | `x` ]]> \xff end"

static int init(void **state) { *state = 0; return RC_OK; }
static void fini(void *state) { (void)state; }
static const char *last_error(void *state) { (void)state; return EVIL_ERROR; }
static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state; (void)p;
    return dtype == RC_F32 ? RC_OK : RC_UNSUPPORTED;
}

static int apply(void *state, const rc_rope_params *p, const int64_t *pos,
                 const rc_tensor *in, rc_tensor *out)
{
    (void)state; (void)p; (void)pos; (void)in; (void)out;
    return RC_ERROR;
}

static const rc_adapter table = {
    .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),
    .name = EVIL_NAME, .version = EVIL_VERSION,
    .init = init, .fini = fini, .supports = supports, .apply = apply,
    .last_error = last_error,
};

const rc_adapter *rope_conform_adapter(void) { return &table; }
