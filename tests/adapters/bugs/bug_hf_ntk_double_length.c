/* Dynamic NTK with l = 2 seq_len past L (the cache length, not the sequence length). */
#define BUG_NTK_LEN(p) ((p)->seq_len > (p)->original_max_position ? 2 * (p)->seq_len : (p)->original_max_position)
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_DYNAMIC_NTK))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-ntk-double-length")
