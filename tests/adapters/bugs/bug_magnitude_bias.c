/* Every rotated output scaled by 1 + 2^-10 (a folded-in norm weight). */
#define BUG_SCALE(p) ((void)(p), 1.0 + 0x1p-10)
#include "style_fused.h"
BUG_ADAPTER("bug-magnitude-bias")
