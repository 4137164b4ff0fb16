/* The suites' small correct RoPE with nothing bent: the baseline of
 * bench/sandbox.sh's expensive-init ratio.  It refuses invalid params, so
 * one worker (one init) serves the whole run. */
#define SR_REFUSES_INVALID 1
#include "suite_rope.h"
SR_ADAPTER("plain-rope", 1)
