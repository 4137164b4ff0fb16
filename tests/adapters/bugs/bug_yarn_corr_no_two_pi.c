/* YaRN correction bound r ln(L/n) / (2 ln b): 2 pi left out. */
#define BUG_YARN_CORR(p, n) ((p)->rotary_dim * log((double)(p)->original_max_position / (n)) / (2.0 * log((p)->base)))
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_YARN))
#include "style_fused.h"
BUG_ADAPTER("bug-yarn-corr-no-two-pi")
