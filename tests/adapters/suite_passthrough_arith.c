/* Pass-through channels copied through arithmetic (x + 0.0): -0 becomes
 * +0 and a signalling NaN is quieted.  No backward and no cos/sin table.
 * Caught by properties/pass-through-bits; cos_sin and backward SKIP. */
#define SR_PASS_THROUGH(in, i, out, o) sr_put(out, o, sr_get(in, i) + 0.0)
#include "suite_rope.h"
SR_ADAPTER("suite-passthrough-arith", 0)
