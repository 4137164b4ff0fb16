/* Hostile: wrong outputs, and a fini that never returns. */
#include <unistd.h>
#define SR_SCALE 1.25
#define SR_ON_FINI(st) sleep(100000)
#include "suite_rope.h"
SR_ADAPTER("hostile-sleep-fini", 1)
