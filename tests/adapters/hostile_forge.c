/* Hostile: wrong outputs, and bytes shaped like anything (here: zeros and
 * a plausible header magic) written to every descriptor it may hold, in
 * case one of them is the harness's channel. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
static void forge(void)
{
    unsigned char junk[512];
    memset(junk, 0, sizeof junk);
    const uint32_t magic = 0x52435032u;
    for (size_t i = 0; i + 4 <= sizeof junk; i += 64)
        memcpy(junk + i, &magic, 4);
    for (int fd = 3; fd < 64; fd++)
        (void)!write(fd, junk, sizeof junk);
}
#define SR_SCALE 1.25
#define SR_ON_CALL(st, out) forge()
#include "suite_rope.h"
SR_ADAPTER("hostile-forge", 1)
