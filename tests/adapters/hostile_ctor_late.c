/* Hostile: wrong outputs, and a constructor that lets the first load pass
 * (it leaves a mark in the file named by RC_HOSTILE_MARK) and crashes in
 * every later one. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#define SR_SCALE 1.25
#include "suite_rope.h"
SR_ADAPTER("hostile-ctor-late", 1)
__attribute__((constructor)) static void late_crash(void)
{
    const char *mark = getenv("RC_HOSTILE_MARK");
    if (!mark)
        return;
    if (access(mark, F_OK) == 0)
        abort();
    int fd = open(mark, O_CREAT | O_WRONLY, 0600);
    if (fd >= 0)
        close(fd);
}
