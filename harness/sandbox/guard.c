/* Guard-page buffers: each candidate-visible buffer ends exactly at a page
 * boundary followed by PROT_NONE pages, so the first byte written past its
 * end faults and the fault address says by how much.  The slack in front
 * of a buffer (its first page is only partly used) is filled with a pattern
 * and checked afterwards, catching small writes before the start. */
#include "sandbox_impl.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLACK_BYTE 0xcb

static size_t page_size(void)
{
    static size_t pg;
    if (!pg) {
        long v = sysconf(_SC_PAGESIZE);
        pg = v > 0 ? (size_t)v : 4096;
    }
    return pg;
}

static size_t guard_bytes(void) { return RC_GUARD_PAGES * page_size(); }

void rc_layout_init(rc_layout *l)
{
    memset(l, 0, sizeof *l);
    l->total = guard_bytes();
}

void rc_layout_add(rc_layout *l, int id, size_t bytes, int readonly)
{
    const size_t pg = page_size();
    rc_gbuf *g = &l->b[l->nb++];
    g->id = id;
    g->readonly = readonly;
    g->bytes = bytes;
    g->region_off = l->total;
    g->region_bytes = (bytes + pg - 1) / pg * pg;
    g->start_off = g->region_off + g->region_bytes - bytes;
    l->total += g->region_bytes + guard_bytes();
}

int rc_guard_open(unsigned char *arena, size_t arena_bytes)
{
    return mprotect(arena, arena_bytes, PROT_READ | PROT_WRITE);
}

int rc_guard_close(unsigned char *arena, const rc_layout *l)
{
    size_t guard_off = 0;
    for (int i = 0; i < l->nb; i++) {
        const rc_gbuf *g = &l->b[i];
        memset(arena + g->region_off, SLACK_BYTE, g->start_off - g->region_off);
        if (mprotect(arena + guard_off, guard_bytes(), PROT_NONE) != 0)
            return -1;
        if (g->readonly && g->region_bytes &&
            mprotect(arena + g->region_off, g->region_bytes, PROT_READ) != 0)
            return -1;
        guard_off = g->region_off + g->region_bytes;
    }
    return mprotect(arena + guard_off, guard_bytes(), PROT_NONE);
}

int rc_guard_slack_hit(const unsigned char *arena, const rc_layout *l, int *buf,
                       int64_t *offset, size_t *bytes)
{
    for (int i = 0; i < l->nb; i++) {
        const rc_gbuf *g = &l->b[i];
        if (g->readonly)
            continue;
        /* Report the changed byte farthest from the buffer: the extent. */
        for (size_t o = g->region_off; o < g->start_off; o++) {
            if (arena[o] != SLACK_BYTE) {
                *buf = g->id;
                *offset = (int64_t)o - (int64_t)g->start_off;
                *bytes = g->bytes;
                return 1;
            }
        }
    }
    return 0;
}

int rc_guard_classify(const unsigned char *arena, const rc_layout *l, uintptr_t addr,
                      int *buf, int64_t *offset, size_t *bytes)
{
    const uintptr_t base = (uintptr_t)arena;
    if (l->nb == 0 || addr < base || addr >= base + l->total)
        return RC_FAULT_ELSEWHERE;
    const rc_gbuf *best = NULL;
    uintptr_t best_d = 0;
    for (int i = 0; i < l->nb; i++) {
        const rc_gbuf *g = &l->b[i];
        uintptr_t s = base + g->start_off, e = s + g->bytes;
        uintptr_t d = addr < s ? s - addr : addr >= e ? addr - e + 1 : 0;
        if (!best || d < best_d) {
            best = g;
            best_d = d;
        }
    }
    *buf = best->id;
    *offset = (int64_t)addr - (int64_t)(base + best->start_off);
    *bytes = best->bytes;
    if (best_d == 0)
        return best->readonly ? RC_FAULT_READONLY : RC_FAULT_ELSEWHERE;
    return RC_FAULT_GUARD;
}
