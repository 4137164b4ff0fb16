/*
 * binary16 and bfloat16 conversions for adapters, header-only.
 *
 * Candidates pass 16-bit activations as bit patterns (uint16_t); most C code
 * has no portable half type, so adapters need these conversions.  All
 * narrowing conversions round to nearest, ties to even, with subnormals and
 * overflow to infinity as IEEE 754 specifies; NaN stays NaN (quiet).
 * Narrowing straight from double avoids the double rounding that
 * double -> float -> half would cause.
 */
#ifndef ROPE_CONFORM_HALF_H
#define ROPE_CONFORM_HALF_H

#include <stdint.h>
#include <string.h>
#include <math.h>

static inline uint64_t rc_bits_f64(double x) { uint64_t u; memcpy(&u, &x, sizeof u); return u; }
static inline double rc_f64_from_bits(uint64_t u) { double x; memcpy(&x, &u, sizeof x); return x; }
static inline uint32_t rc_bits_f32(float x) { uint32_t u; memcpy(&u, &x, sizeof u); return u; }
static inline float rc_f32_from_bits(uint32_t u) { float x; memcpy(&x, &u, sizeof x); return x; }

/* Round a double to a binary format with `mant` stored fraction bits and
 * exponent bias `bias` (max exponent field all ones), returning the bit
 * pattern.  Shared by the f16 and bf16 narrowing below. */
static inline uint32_t rc_narrow_bits_(double x, int mant, int ebits)
{
    const uint64_t u = rc_bits_f64(x);
    const uint32_t sign = (uint32_t)(u >> 63) << (mant + ebits);
    const int bias = (1 << (ebits - 1)) - 1;
    const uint32_t inf = ((1u << ebits) - 1u) << mant;
    if (isnan(x))
        return sign | inf | (1u << (mant - 1));
    double a = fabs(x);
    if (isinf(x))
        return sign | inf;
    if (a == 0.0)
        return sign;
    int e;
    (void)frexp(a, &e);           /* a = f * 2^e, f in [0.5, 1) */
    int unbiased = e - 1;         /* a = 1.xxx * 2^unbiased       */
    if (unbiased < 1 - bias)      /* subnormal: fixed quantum     */
        unbiased = 1 - bias;
    /* quantum q = 2^(unbiased - mant); n = a / q rounded to nearest even */
    double scaled = ldexp(a, mant - unbiased);
    /* ties to even, independent of the current rounding mode; scaled and
     * the difference below are exact (scaled < 2^(mant+1)) */
    double n = floor(scaled), rest = scaled - n;
    if (rest > 0.5 || (rest == 0.5 && fmod(n, 2.0) != 0.0))
        n += 1.0;
    uint64_t ni = (uint64_t)n;
    /* ni in [2^mant, 2^(mant+1)] for normals, [0, 2^mant] for subnormals */
    int biased = unbiased + bias;
    if (ni >= (1ull << (mant + 1))) { ni >>= 1; biased++; }
    if (ni < (1ull << mant))       /* stayed subnormal */
        return sign | (uint32_t)ni;
    if (biased >= (1 << ebits) - 1)
        return sign | inf;         /* overflow */
    return sign | ((uint32_t)biased << mant) | ((uint32_t)ni & ((1u << mant) - 1u));
}

static inline uint16_t rc_f16_from_double(double x) { return (uint16_t)rc_narrow_bits_(x, 10, 5); }
static inline uint16_t rc_bf16_from_double(double x) { return (uint16_t)rc_narrow_bits_(x, 7, 8); }
/* float -> 16 bit: a float is exactly a double, so this is one rounding. */
static inline uint16_t rc_f16_from_float(float x) { return rc_f16_from_double((double)x); }
static inline uint16_t rc_bf16_from_float(float x) { return rc_bf16_from_double((double)x); }

static inline double rc_f16_to_double(uint16_t h)
{
    const int sign = h >> 15, e = (h >> 10) & 0x1f, f = h & 0x3ff;
    double v;
    if (e == 0x1f)
        v = f ? NAN : INFINITY;
    else if (e == 0)
        v = ldexp((double)f, -24);
    else
        v = ldexp((double)(f | 0x400), e - 25);
    return sign ? -v : v;
}

static inline double rc_bf16_to_double(uint16_t b)
{
    return (double)rc_f32_from_bits((uint32_t)b << 16);
}
static inline float rc_f16_to_float(uint16_t h) { return (float)rc_f16_to_double(h); }
static inline float rc_bf16_to_float(uint16_t b) { return rc_f32_from_bits((uint32_t)b << 16); }

#endif /* ROPE_CONFORM_HALF_H */
