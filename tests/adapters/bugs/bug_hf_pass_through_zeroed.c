/* The pass-through channels are written as zeros (torch.cat with an empty-like tensor). */
#define BUG_PASS(v, ch) ((void)(v), (void)(ch), 0u)
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_YARN))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-pass-through-zeroed")
