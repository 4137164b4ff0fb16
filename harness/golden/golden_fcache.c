/* cos/sin rows per (position, pair) for the fast stages, shared by every
 * head, token, dtype and call at one position: the same design as the
 * MPFR cache (golden_cache.c is the engine registry; golden_cs.c the MPFR
 * one), at 32 bytes per pair.  A row is double-double within
 * RC_LITE_CS_ERR (golden_fast_cs.c) when an f64 output asked for it, else
 * plain double (golden_dbl.c), and
 * is upgraded in place when an f64 output meets a double row.  Each entry
 * is computed directly, so its error bound does not depend on its
 * neighbours.  Entries live in blocks that a flush keeps for reuse, so a
 * long run of new positions costs no allocation per row; the blocks of
 * every cache count against one process-wide budget. */
#include <stdlib.h>
#include <string.h>

#include "golden_internal.h"

/* Memory the entries of one cache, and of all caches of the process
 * together, may use before caches are flushed (a row costs a few
 * microseconds to recompute; a run holds dozens of engines), and the
 * size of one block of entries. */
#define FCACHE_BYTES ((size_t)16 << 20)
#define FCACHE_ALL_BYTES ((size_t)16 << 20)
#define FCACHE_BLOCK_BYTES ((size_t)64 << 10)

typedef struct fentry {
    int64_t pos;
    int dd;      /* lo parts valid (double-double row) */
    rc_fcs cs[]; /* npairs */
} fentry;

struct rc_fcs_cache {
    rc_fcs_cache *next; /* every live cache, for the process-wide budget */
    int npairs;
    const rc_fast_freq *f;
    fentry **slots; /* open addressing, linear probing */
    size_t cap, count, max_count;
    char **blocks;  /* entries: per_block of entry_bytes each */
    size_t nblocks, per_block;
    long n_computed, n_upgraded, n_hits;
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
    c->per_block = FCACHE_BLOCK_BYTES / entry_bytes(c);
    if (c->per_block < 1)
        c->per_block = 1;
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

/* Forget every entry; release: also give the blocks back. */
static void flush(rc_fcs_cache *c, int release)
{
    memset(c->slots, 0, c->cap * sizeof *c->slots);
    c->count = 0;
    if (!release)
        return;
    for (size_t b = 0; b < c->nblocks; b++)
        free(c->blocks[b]);
    all_bytes -= c->nblocks * c->per_block * entry_bytes(c);
    free(c->blocks);
    c->blocks = NULL;
    c->nblocks = 0;
}

void rc_fcs_cache_free(rc_fcs_cache *c)
{
    if (!c)
        return;
    flush(c, 1);
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

/* A block for entries count.. of c: past the process-wide budget the
 * other caches give theirs back first; 0 when none can be had. */
static int add_block(rc_fcs_cache *c)
{
    const size_t bytes = c->per_block * entry_bytes(c);
    if (all_bytes + bytes > FCACHE_ALL_BYTES)
        for (rc_fcs_cache *o = all_caches; o; o = o->next)
            if (o != c)
                flush(o, 1);
    if (all_bytes + bytes > FCACHE_ALL_BYTES && c->nblocks > 0)
        return 0;
    char **nb = realloc(c->blocks, (c->nblocks + 1) * sizeof *nb);
    if (!nb)
        return 0;
    c->blocks = nb;
    if (!(nb[c->nblocks] = malloc(bytes)))
        return 0;
    c->nblocks++;
    all_bytes += bytes;
    return 1;
}

/* Storage for one more entry: at the cache's limit, or when no block can
 * be had, the cache is flushed and starts over in its first block. */
static fentry *new_entry(rc_fcs_cache *c)
{
    if (c->count >= c->max_count)
        flush(c, 0);
    if (c->count / c->per_block >= c->nblocks && !add_block(c)) {
        flush(c, 0);
        if (c->nblocks == 0)
            abort(); /* the engine cannot report a result without it */
    }
    const size_t i = c->count++;
    return (fentry *)(c->blocks[i / c->per_block] + (i % c->per_block) * entry_bytes(c));
}

/* Double the table when it would pass half full (else flush). */
static void grow_table(rc_fcs_cache *c)
{
    if (2 * (c->count + 1) <= c->cap)
        return;
    fentry **n = calloc(2 * c->cap, sizeof *n);
    if (!n) {
        flush(c, 0);
        return;
    }
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i])
            insert(n, 2 * c->cap, c->slots[i]);
    free(c->slots);
    c->slots = n;
    c->cap *= 2;
}

static void fill(const rc_fcs_cache *c, fentry *e, int dd)
{
    e->dd = dd;
    if (!dd) {
        rc_dbl_cs_row(c->f, c->npairs, e->pos, e->cs);
        return;
    }
    for (int k = 0; k < c->npairs; k++)
        rc_lite_cs(&c->f[k], e->pos, &e->cs[k].c, &e->cs[k].s);
}

const rc_fcs *rc_fcs_cache_get(rc_fcs_cache *c, int64_t p, int want_dd, int *is_dd)
{
    size_t i = mix(p) & (c->cap - 1);
    for (fentry *e; (e = c->slots[i]); i = (i + 1) & (c->cap - 1))
        if (e->pos == p) {
            if (want_dd && !e->dd) {
                fill(c, e, 1);
                c->n_upgraded++;
            } else {
                c->n_hits++;
            }
            *is_dd = e->dd;
            return e->cs;
        }
    grow_table(c);
    fentry *e = new_entry(c);
    e->pos = p;
    fill(c, e, want_dd);
    insert(c->slots, c->cap, e);
    c->n_computed++;
    *is_dd = e->dd;
    return e->cs;
}

void rc_fcs_cache_stats(const rc_fcs_cache *c, long *computed, long *upgraded, long *hits)
{
    if (computed)
        *computed = c ? c->n_computed : 0;
    if (upgraded)
        *upgraded = c ? c->n_upgraded : 0;
    if (hits)
        *hits = c ? c->n_hits : 0;
}
