/* Hostile: name is a pointer into nowhere. */
#define SR_NAME_FIELD(name_str) ((const char *)1)
#include "suite_rope.h"
SR_ADAPTER("hostile-bad-name", 1)
