/* Hostile: wrong outputs, and a write 100 KB before the start of the
 * output. */
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) (((volatile char *)(out)->data)[-100 * 1024] = 1)
#include "suite_rope.h"
SR_ADAPTER("hostile-oob-before", 1)
