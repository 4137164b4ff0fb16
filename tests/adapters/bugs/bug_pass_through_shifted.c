/* Pass-through channel c copied from channel c - 1 (an off-by-one slice start). */
#define BUG_PASS_SRC(ch) ((ch) - 1)
#include "style_fused.h"
BUG_ADAPTER("bug-pass-through-shifted")
