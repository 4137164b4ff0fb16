/* backward rotates by +angle, like apply, instead of -angle.  Caught by
 * backward. */
#define SR_BACKWARD_SIGN 1.0
#include "suite_rope.h"
SR_ADAPTER("suite-backward-sign", 1)
