/* The suites' small correct RoPE with nothing bent: the baseline of
 * bench/sandbox.sh's expensive-init ratio. */
#include "suite_rope.h"
SR_ADAPTER("plain-rope", 1)
