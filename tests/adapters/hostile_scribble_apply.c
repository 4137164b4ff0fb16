/* Hostile: wrong outputs, and garbage over every writable shared mapping
 * during apply. */
#include "hostile_scribble.h"
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) scribble_shared()
#include "suite_rope.h"
SR_ADAPTER("hostile-scribble-apply", 1)
