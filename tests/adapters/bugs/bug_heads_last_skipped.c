/* The head loop runs to n_heads - 1: the last head is never written. */
#define BUG_HEADS(n) ((n) > 1 ? (n) - 1 : (n))
#include "style_fused.h"
BUG_ADAPTER("bug-heads-last-skipped")
