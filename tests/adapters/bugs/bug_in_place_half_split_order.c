/* In place, the first channel of every pair is written before the second
 * channels are computed (two passes over the pairs), so the second pass
 * reads rotated values: right out of place, wrong in place. */
#define BUG_TWO_PASS 1
#include "style_fused.h"
BUG_ADAPTER("bug-in-place-half-split-order")
