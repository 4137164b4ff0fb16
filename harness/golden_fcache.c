/* Double-double cos/sin per (position, pair) for the fast path, shared by
 * every head, token, dtype and call at one position: the same design as
 * the MPFR cache (golden_cache.c is the engine registry; golden_cs.c the
 * MPFR one), at 32 bytes per pair.  Each entry is computed directly
 * (golden_fast_cs.c), so its error bound does not depend on its
 * neighbours. */
#include <stdlib.h>

#include "golden_internal.h"

/* Memory the entries of one cache, and of all caches of the process
 * together, may use before caches are flushed (a row costs a few
 * microseconds to recompute; a run holds dozens of engines). */
#define FCACHE_BYTES ((size_t)16 << 20)
#define FCACHE_ALL_BYTES ((size_t)16 << 20)

typedef struct fentry {
    int64_t pos;
    rc_fcs cs[]; /* npairs */
} fentry;

struct rc_fcs_cache {
    rc_fcs_cache *next; /* every live cache, for the process-wide budget */
    int npairs;
    const rc_fast_freq *f;
    fentry **slots; /* open addressing, linear probing */
    size_t cap, count, max_count;
    long n_computed, n_hits;
};

static rc_fcs_cache *all_caches;
static size_t all_bytes;

static size_t entry_bytes(const rc_fcs_cache *c)
{
    return sizeof(fentry) + (size_t)c->npairs * sizeof(rc_fcs);
}

static uint64_t mix(int64_t p)
{
    uint64_t z = (uint64_t)p + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

rc_fcs_cache *rc_fcs_cache_new(int npairs, const rc_fast_freq *f)
{
    rc_fcs_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->npairs = npairs;
    c->f = f;
    c->max_count = FCACHE_BYTES / entry_bytes(c);
    if (c->max_count < 64)
        c->max_count = 64;
    c->cap = 256; /* grows with use: a config seen at few positions stays small */
    c->slots = calloc(c->cap, sizeof *c->slots);
    if (!c->slots) {
        free(c);
        return NULL;
    }
    c->next = all_caches;
    all_caches = c;
    return c;
}

static void flush(rc_fcs_cache *c)
{
    for (size_t i = 0; i < c->cap; i++) {
        free(c->slots[i]);
        c->slots[i] = NULL;
    }
    all_bytes -= c->count * entry_bytes(c);
    c->count = 0;
}

void rc_fcs_cache_free(rc_fcs_cache *c)
{
    if (!c)
        return;
    flush(c);
    for (rc_fcs_cache **l = &all_caches; *l; l = &(*l)->next)
        if (*l == c) {
            *l = c->next;
            break;
        }
    free(c->slots);
    free(c);
}

static void insert(fentry **slots, size_t cap, fentry *e)
{
    size_t i = mix(e->pos) & (cap - 1);
    while (slots[i])
        i = (i + 1) & (cap - 1);
    slots[i] = e;
}

/* Double the table (load <= 1/2) or, at a memory limit, flush it (or
 * every cache, past the process-wide one). */
static void make_room(rc_fcs_cache *c)
{
    if (all_bytes + entry_bytes(c) > FCACHE_ALL_BYTES)
        for (rc_fcs_cache *o = all_caches; o; o = o->next)
            flush(o);
    if (c->count >= c->max_count) {
        flush(c);
        return;
    }
    if (2 * (c->count + 1) <= c->cap)
        return;
    fentry **n = calloc(2 * c->cap, sizeof *n);
    if (!n) {
        flush(c);
        return;
    }
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i])
            insert(n, 2 * c->cap, c->slots[i]);
    free(c->slots);
    c->slots = n;
    c->cap *= 2;
}

const rc_fcs *rc_fcs_cache_get(rc_fcs_cache *c, int64_t p)
{
    size_t i = mix(p) & (c->cap - 1);
    for (fentry *e; (e = c->slots[i]); i = (i + 1) & (c->cap - 1))
        if (e->pos == p) {
            c->n_hits++;
            return e->cs;
        }
    make_room(c);
    fentry *e = malloc(sizeof *e + (size_t)c->npairs * sizeof(rc_fcs));
    if (!e)
        abort(); /* the engine cannot report a result without it */
    e->pos = p;
    for (int k = 0; k < c->npairs; k++)
        rc_fast_cs(&c->f[k], p, &e->cs[k].c, &e->cs[k].s);
    insert(c->slots, c->cap, e);
    c->count++;
    all_bytes += entry_bytes(c);
    c->n_computed++;
    return e->cs;
}

void rc_fcs_cache_stats(const rc_fcs_cache *c, long *computed, long *hits)
{
    if (computed)
        *computed = c ? c->n_computed : 0;
    if (hits)
        *hits = c ? c->n_hits : 0;
}
