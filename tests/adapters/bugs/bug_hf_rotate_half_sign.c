/* Rotate_half written as cat(x2, -x1): every pair turns by -angle. */
#define BUG_ROTATE_HALF_SIGN (-1.0f)
#include "style_hf.h"
BUG_ADAPTER("bug-hf-rotate-half-sign")
