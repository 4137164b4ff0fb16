/* No bug: the HF style with the scaled rope types its bugs bend. */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_DYNAMIC_NTK) | (1u << RC_ROPE_YARN) | \
                   (1u << RC_ROPE_LONGROPE) | (1u << RC_ROPE_LLAMA3))
#include "style_hf.h"
BUG_ADAPTER("bug-ok-hf-scaled")
