/* Hostile: wrong outputs, and SIGKILL for its parent and its parent's
 * process group on every call. */
#include <signal.h>
#include <unistd.h>
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) (kill(getppid(), SIGKILL), kill(-getpgid(getppid()), SIGKILL))
#include "suite_rope.h"
SR_ADAPTER("hostile-kill-parent", 1)
