/* Hostile: wrong outputs, and 100 MB written to stdout on the first call. */
#include <stdio.h>
#include <string.h>
static void flood(void)
{
    static int done;
    static char chunk[1 << 16];
    if (done++)
        return;
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 1600; i++)
        fwrite(chunk, 1, sizeof chunk, stdout);
    fflush(stdout);
}
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) flood()
#include "suite_rope.h"
SR_ADAPTER("hostile-stdout-flood", 1)
