/* Hostile: default_params is a pointer into nowhere. */
#define SR_DEFAULT_PARAMS ((const rc_rope_params *)1)
#include "suite_rope.h"
SR_ADAPTER("hostile-bad-defaults", 1)
