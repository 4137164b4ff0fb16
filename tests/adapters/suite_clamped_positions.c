/* Positions clamped to 32767 (an int16 position or a fixed-size cache):
 * relative position is lost once a shifted position passes the clamp.
 * Caught by properties/relative-position and composition. */
#define SR_POSITION(pos) ((pos) > 32767 ? 32767 : (pos))
#include "suite_rope.h"
SR_ADAPTER("suite-clamped-positions", 1)
