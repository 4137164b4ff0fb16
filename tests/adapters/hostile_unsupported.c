/* Hostile: supports() says yes to everything, then apply, backward and
 * cos_sin answer RC_UNSUPPORTED: a stub trying to pass by skipping. */
#define SR_RETURN RC_UNSUPPORTED
#include "suite_rope.h"
SR_ADAPTER("hostile-unsupported", 1)
