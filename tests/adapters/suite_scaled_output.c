/* Every rotated output scaled by 1 + 2^-20: a magnitude bias buried under
 * the angle error at all but small positions (lesson 3).  Caught by
 * properties/position-0-identity and norm-preservation. */
#define SR_SCALE (1.0 + 0x1p-20)
#include "suite_rope.h"
SR_ADAPTER("suite-scaled-output", 1)
