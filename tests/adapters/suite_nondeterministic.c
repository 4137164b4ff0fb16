/* Every second call in a process moves one output element by one ulp:
 * identical calls disagree.  Caught by properties/determinism. */
#define SR_PERTURB(st) ((st)->calls % 2 == 1)
#include "suite_rope.h"
SR_ADAPTER("suite-nondeterministic", 1)
