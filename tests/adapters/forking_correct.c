/* Correct RoPE that forks in every call, both processes returning: the
 * forked copy must not change the verdict of a correct candidate. */
#include <unistd.h>
#define SR_ON_CALL(st, out) (void)fork()
#include "suite_rope.h"
SR_ADAPTER("forking-correct", 1)
