/* The pair loop stops one pair early (k < r/2 - 1): the last pair keeps its input. */
#define BUG_PAIRS(r2) ((r2) - 1)
#include "style_fused.h"
BUG_ADAPTER("bug-pairs-short-by-one")
