/* apply is right, but the exported cos/sin table has the sin negated.
 * Caught by cos_sin. */
#define SR_TABLE_SIN_SIGN (-1.0)
#include "suite_rope.h"
SR_ADAPTER("suite-bad-table", 1)
