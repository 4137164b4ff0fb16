/* Hostile: wrong outputs, and garbage over every writable shared mapping
 * in fini. */
#include "hostile_scribble.h"
#define SR_SCALE 1.25
#define SR_ON_FINI(st) scribble_shared()
#include "suite_rope.h"
SR_ADAPTER("hostile-scribble-fini", 1)
