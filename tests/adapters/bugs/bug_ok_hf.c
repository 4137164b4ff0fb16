/* no bug: the HF style as written. */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_DYNAMIC_NTK) | (1u << RC_ROPE_LONGROPE) | (1u << RC_ROPE_LLAMA3) | (1u << RC_ROPE_YARN))
#include "style_hf.h"
BUG_ADAPTER("bug-ok-hf")
