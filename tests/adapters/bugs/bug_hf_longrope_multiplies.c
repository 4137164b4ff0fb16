/* LongRoPE factor multiplied into inv_freq instead of dividing it. */
#define BUG_LONGROPE(p, k, w) ((w) * ((p)->seq_len > (p)->original_max_position ? (p)->long_factor : (p)->short_factor)[k])
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LONGROPE))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-longrope-multiplies")
