/* Dynamic NTK switched on from half the original context, with l = seq_len + L/2. */
#define BUG_NTK_LEN(p) ((p)->seq_len > (p)->original_max_position / 2 ? (p)->seq_len + (p)->original_max_position / 2 : (p)->original_max_position)
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_DYNAMIC_NTK))
#include "style_fused.h"
BUG_ADAPTER("bug-ntk-half-context")
