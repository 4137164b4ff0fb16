/* Correct RoPE whose init takes 2 s, like a cold `import torch` or a CUDA
 * context: a worker pays it once, not once per batch or case. */
#include <unistd.h>
#define SR_ON_INIT() sleep(2)
#include "suite_rope.h"
SR_ADAPTER("slow-init", 1)
