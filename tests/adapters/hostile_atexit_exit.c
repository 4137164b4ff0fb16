/* Hostile: wrong outputs, and an atexit handler (registered when loaded)
 * that ends its process with status 0. */
#include <stdlib.h>
#include <unistd.h>
#define SR_SCALE 1.25
#include "suite_rope.h"
SR_ADAPTER("hostile-atexit-exit", 1)
static void leave_happy(void) { _exit(0); }
__attribute__((constructor)) static void arm(void) { atexit(leave_happy); }
