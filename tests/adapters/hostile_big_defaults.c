/* Hostile: default_params with head_dim 4096, past every limit. */
#include "rope_conform/adapter.h"
static const rc_rope_params big = {
    .struct_size = sizeof(rc_rope_params), .head_dim = 4096, .rotary_dim = 4096,
    .pairing = RC_HALF_SPLIT, .type = RC_ROPE_DEFAULT, .base = 10000.0, .max_position = 4096,
};
#define SR_DEFAULT_PARAMS (&big)
#include "suite_rope.h"
SR_ADAPTER("hostile-big-defaults", 1)
