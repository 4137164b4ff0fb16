/* LongRoPE factors read back to front (factor[r/2-1-k]). */
#define BUG_LONGROPE(p, k, w) ((w) / ((p)->seq_len > (p)->original_max_position ? (p)->long_factor : (p)->short_factor)[(p)->rotary_dim / 2 - 1 - (k)])
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LONGROPE))
#include "style_fused.h"
BUG_ADAPTER("bug-longrope-factors-reversed")
