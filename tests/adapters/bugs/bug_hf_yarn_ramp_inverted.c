/* YaRN ramp used the wrong way round: interpolation on the fast pairs, extrapolation on the slow. */
#define BUG_YARN_RAMP(k, lo, hi) (1.0 - fmin(1.0, fmax(0.0, ((k) - (lo)) / ((hi) - (lo)))))
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_YARN))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-yarn-ramp-inverted")
