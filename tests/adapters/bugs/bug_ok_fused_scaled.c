/* No bug: the fused style with every rope type (its scaling formulas are
 * the ones the scaling bugs bend). */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LINEAR) | (1u << RC_ROPE_DYNAMIC_NTK) | \
                   (1u << RC_ROPE_YARN) | (1u << RC_ROPE_LONGROPE) | (1u << RC_ROPE_LLAMA3))
#include "style_fused.h"
BUG_ADAPTER("bug-ok-fused-scaled")
