/* Garbage over every writable shared mapping of this process: anything the
 * harness might share with the candidate's process. */
#include <stdio.h>
#include <string.h>
static void scribble_shared(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        unsigned long a, b;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &a, &b, perms) == 3 && perms[1] == 'w' && perms[3] == 's')
            memset((void *)a, 0x5a, b - a);
    }
    fclose(f);
}
