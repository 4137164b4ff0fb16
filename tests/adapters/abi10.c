/* An adapter built for ABI 1.0: its rc_adapter table ends at last_error
 * (struct_size of the 1.0 layout, no params_size), and it knows nothing of
 * the 1.1 fields of rc_rope_params.  The RoPE is good.c's.  As the test's
 * instrument, supports() and apply() look at the 1.1 fields the harness
 * (which always passes its whole struct) would have set: a 1.0 adapter
 * must never be offered M-RoPE or proportional params, so supports()
 * aborts and apply() fails when it is. */
#include <stddef.h>
#include <stdlib.h>

#define rope_conform_adapter good_rope_conform_adapter
#include "good.c"
#undef rope_conform_adapter

static int given_1_1(const rc_rope_params *p)
{
    return p->n_axes != 0 || p->freq_pairs != 0 || (unsigned)p->type >= 6;
}

static int abi10_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    if (given_1_1(p))
        abort();
    return supports(state, p, dtype);
}

/* good.c takes any params; a conformant adapter refuses invalid ones */
static int valid(const rc_rope_params *p)
{
    return p->rotary_dim >= 2 && p->rotary_dim % 2 == 0 && p->rotary_dim <= p->head_dim &&
           isfinite(p->base) && p->base > 1.0;
}

static int abi10_apply(void *state, const rc_rope_params *p, const int64_t *pos,
                       const rc_tensor *in, rc_tensor *out)
{
    return given_1_1(p) || !valid(p) ? RC_ERROR : apply(state, p, pos, in, out);
}

static int abi10_backward(void *state, const rc_rope_params *p, const int64_t *pos,
                          const rc_tensor *g, rc_tensor *out)
{
    return given_1_1(p) || !valid(p) ? RC_ERROR : backward(state, p, pos, g, out);
}

static const rc_adapter abi10_table = {
    .abi_version = RC_ABI_VERSION, .struct_size = offsetof(rc_adapter, params_size),
    .name = "abi10", .version = "1.0",
    .init = init, .fini = fini, .supports = abi10_supports, .apply = abi10_apply,
    .backward = abi10_backward, .cos_sin = cos_sin, .last_error = last_error,
};

const rc_adapter *rope_conform_adapter(void) { return &abi10_table; }
