/* Correct RoPE whose init takes 2 s, like a cold `import torch` or a CUDA
 * context: a worker pays it once, not once per batch or case.  Otherwise
 * plain_rope.c. */
#include <unistd.h>
#define SR_ON_INIT() sleep(2)
#define SR_REFUSES_INVALID 1
#include "suite_rope.h"
SR_ADAPTER("slow-init", 1)
