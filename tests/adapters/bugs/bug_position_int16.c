/* Positions stored as int16: they wrap past 32767. */
#include <math.h>
#include <stdint.h>
#include "rope_conform/adapter.h"
#define BUG_POS(pos, t) ((int16_t)(pos)[t])
#include "style_fused.h"
BUG_ADAPTER("bug-position-int16")
