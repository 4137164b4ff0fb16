/* Exact reduction of p * w'_k in turns, shared by the golden's double and
 * double-double stages: v = frac(w'_k / 2 pi) is a 192-bit fixed-point
 * fraction (rc_fast_freq), and frac(p v) is read off the low bits of the
 * integer product |p| * v, so no bits are lost for any int64 p.
 * Bounds: docs/golden.md. */
#ifndef RC_GOLDEN_TURNS_H
#define RC_GOLDEN_TURNS_H

#include <stdint.h>

/* hi:lo = a * b, 64 x 64 -> 128 bits. */
static inline void rc_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
#ifdef __SIZEOF_INT128__
    unsigned __int128 t = (unsigned __int128)a * b;
    *hi = (uint64_t)(t >> 64);
    *lo = (uint64_t)t;
#else
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    *lo = (mid << 32) | (p00 & 0xffffffffu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
#endif
}

/* |p| as an unsigned integer (INT64_MIN included). */
static inline uint64_t rc_turns_abs(int64_t p)
{
    return p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
}

/* frac(p v) to 64 bits from the first 128 bits of v: the product of |p|
 * with (v0, v1) keeps everything down to 2^-64 except the carry out of
 * the dropped lower limbs, so the result is below the exact frac(|p| v)
 * by less than 2^-63 turn; for p < 0 it is negated modulo 1 (the same
 * bound, the other side). */
static inline uint64_t rc_turns64(const uint64_t v[3], int64_t p)
{
    const uint64_t a = rc_turns_abs(p);
    uint64_t h0, l0, h1, l1;
    rc_mul64(a, v[0], &h0, &l0);
    rc_mul64(a, v[1], &h1, &l1);
    (void)h0; /* whole turns */
    (void)l1;
    const uint64_t f = l0 + h1;
    return p < 0 ? (uint64_t)0 - f : f;
}

#endif
