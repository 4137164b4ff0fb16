/* Hostile: wrong outputs, and SIGTERM for its own process group. */
#include <signal.h>
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) kill(0, SIGTERM)
#include "suite_rope.h"
SR_ADAPTER("hostile-kill-group", 1)
