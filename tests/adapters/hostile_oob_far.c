/* Hostile: wrong outputs, and a write 1 MB past the end of the output. */
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) \
    (((volatile char *)(out)->data)[(size_t)(out)->n_tokens * (size_t)(out)->token_stride * 4 + ((size_t)1 << 20)] = 1)
#include "suite_rope.h"
SR_ADAPTER("hostile-oob-far", 1)
