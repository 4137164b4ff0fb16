/* Hostile: wrong outputs, and fork() in every call with both processes
 * going on to return. */
#include <unistd.h>
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) (void)fork()
#include "suite_rope.h"
SR_ADAPTER("hostile-fork", 1)
