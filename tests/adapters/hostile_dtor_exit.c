/* Hostile: wrong outputs (scaled by 1.25), and a destructor that ends its
 * process with status 0, hoping to be the harness's exit. */
#include <unistd.h>
#define SR_SCALE 1.25
#include "suite_rope.h"
SR_ADAPTER("hostile-dtor-exit", 1)
__attribute__((destructor)) static void leave_happy(void) { _exit(0); }
