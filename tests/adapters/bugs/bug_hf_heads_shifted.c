/* Head h reads the input of head h - 1 (a GQA group offset applied to every head). */
#define BUG_IN_HEAD(h) ((h) > 0 ? (h) - 1 : 0)
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LLAMA3))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-heads-shifted")
