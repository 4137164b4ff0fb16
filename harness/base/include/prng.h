/* A portable, seeded PRNG (splitmix64) keyed by (seed, case name), so a
 * case's inputs do not depend on which other cases run, on their order or
 * on the C library (never rand()). */
#ifndef RC_PRNG_H
#define RC_PRNG_H

#include <stdint.h>

typedef struct rc_prng { uint64_t s; } rc_prng;

static inline uint64_t rc_prng_next(rc_prng *g)
{
    uint64_t z = (g->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* FNV-1a of the key mixed with the seed. */
static inline rc_prng rc_prng_keyed(uint64_t seed, const char *key)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 0x100000001b3ull;
    rc_prng g = { seed ^ h };
    (void)rc_prng_next(&g);
    return g;
}

/* Uniform double in [0, 1) with 53 random bits. */
static inline double rc_prng_unit(rc_prng *g)
{
    return (double)(rc_prng_next(g) >> 11) * 0x1p-53;
}

/* Uniform integer in [0, n). */
static inline uint64_t rc_prng_below(rc_prng *g, uint64_t n)
{
    return n ? rc_prng_next(g) % n : 0;
}

#endif
