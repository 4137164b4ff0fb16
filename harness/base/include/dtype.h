/* Element types: sizes, names, exact loads, correctly rounded stores, ulps.
 * The one place the harness converts between dtypes and doubles. */
#ifndef RC_DTYPE_H
#define RC_DTYPE_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "rope_conform/adapter.h"

size_t rc_dtype_size(rc_dtype t);
const char *rc_dtype_name(rc_dtype t);             /* "f64" "f32" "f16" "bf16" */
int rc_dtype_parse(const char *s, rc_dtype *out);  /* 0 ok, -1 unknown      */
int rc_dtype_precision(rc_dtype t);                /* 53, 24, 11, 8          */
int rc_dtype_emin(rc_dtype t);                     /* exponent of the smallest
                                                      normal: -1022 -126 -14 -126 */
int rc_dtype_emax(rc_dtype t);                     /* 1023 127 15 127        */
double rc_dtype_unit_roundoff(rc_dtype t);         /* u = 2^-precision       */
double rc_dtype_min_normal(rc_dtype t);

/* Round v to t (nearest even) and store it as element i. */
void rc_store(void *data, rc_dtype t, size_t i, double v);
/* Raw bit pattern of element i, zero-extended; hex-printable. */
uint64_t rc_load_bits(const void *data, rc_dtype t, size_t i);
/* "0x3f800000"-style bit pattern string of element i (buf >= 24 bytes). */
const char *rc_format_bits(const void *data, rc_dtype t, size_t i, char *buf, size_t n);

/* The ulp of a value of magnitude |v| in dtype t (the spacing at |v|,
 * subnormal-aware), and |actual - exact| in units of that ulp. */
double rc_ulp(double v, rc_dtype t);
double rc_ulp_error(double actual, double exact, rc_dtype t);
/* rc_ulp_error of two finite values, inline: p and emin are
 * rc_dtype_precision(t) and rc_dtype_emin(t), taken once by a caller that
 * judges many elements.  The same value to the bit. */
static inline double rc_ulp_error_finite(double actual, double exact, rc_dtype t, int p, int emin)
{
    uint64_t b;
    memcpy(&b, &exact, 8);
    const int e = (int)((b >> 52) & 0x7ff) - 1023, q = e - p + 1;
    if (e < emin || q < -1000 || q > 1000) /* zero, subnormal, extreme */
        return rc_ulp_error(actual, exact, t);
    const uint64_t ib = (uint64_t)(1023 - q) << 52; /* 1 / 2^q, exactly */
    double inv;
    memcpy(&inv, &ib, 8);
    return fabs(actual * inv - exact * inv);
}
/* ", 1.5 ulp" for a message, or "" where a ulp count says nothing (the
 * error is far from the rounding: 1024 ulp or more, or not a number). */
const char *rc_ulp_note(double ulp, char *buf, size_t n);

/* binary16 bits -> double, exactly (integer work for normal values). */
static inline double rc_f16_value(uint16_t h)
{
    const int e = (h >> 10) & 0x1f;
    double v;
    if (e == 0 || e == 0x1f) { /* zero, subnormal (exact), infinity, NaN */
        v = e ? ((h & 0x3ff) ? NAN : INFINITY) : (double)(h & 0x3ff) * 0x1p-24;
        return (h >> 15) ? -v : v;
    }
    const uint64_t b = (uint64_t)(h >> 15) << 63 | (uint64_t)(e - 15 + 1023) << 52 |
                       (uint64_t)(h & 0x3ff) << 42;
    memcpy(&v, &b, 8);
    return v;
}

/* A double rounded to nearest even into a binary format with P bits of
 * precision, normal exponents emin..emax and nb storage bits: its bit
 * pattern, with subnormals, overflow to infinity and NaN (quiet).  Exact
 * integer work on the double's bits. */
static inline uint64_t rc_narrow_bits(double v, int P, int emin, int emax, int nb)
{
    uint64_t b;
    memcpy(&b, &v, 8);
    const uint64_t sign = (b >> 63) << (nb - 1);
    const uint64_t inf = (uint64_t)(2 * emax + 1) << (P - 1);
    const int e = (int)((b >> 52) & 0x7ff) - 1023;
    if (e == 1024 && (b << 12) != 0)
        return sign | inf | (uint64_t)1 << (P - 2); /* NaN */
    const uint64_t m = (b & 0xfffffffffffffull) | (uint64_t)1 << 52;
    /* drop sh bits of the 53-bit significand; more below emin (subnormal) */
    const int sh = 52 - (P - 1) + (e < emin ? emin - e : 0);
    if (sh > 53 || (b << 1) == 0)
        return sign; /* below half the least subnormal (or zero): +-0 */
    const uint64_t n = (m + ((uint64_t)1 << (sh - 1)) - 1 + ((m >> sh) & 1)) >> sh;
    /* normal: n carries the hidden bit into the exponent field (a carry
     * out of the significand moves to the next binade by itself) */
    const uint64_t field = e < emin ? 0 : (uint64_t)(e + emax - 1);
    const uint64_t r = (field << (P - 1)) + n;
    return sign | (r < inf ? r : inf);
}

/* Element i of a flat array of dtype t, exactly, as a double (inline: the
 * comparators call it for every element). */
static inline double rc_load(const void *data, rc_dtype t, size_t i)
{
    switch (t) {
    case RC_F64: return ((const double *)data)[i];
    case RC_F32: return (double)((const float *)data)[i];
    case RC_F16: return rc_f16_value(((const uint16_t *)data)[i]);
    case RC_BF16: {
        const uint32_t b = (uint32_t)((const uint16_t *)data)[i] << 16;
        float f;
        memcpy(&f, &b, 4);
        return (double)f;
    }
    }
    return NAN;
}

/* Flat element index of (token, head, channel) in a strided tensor. */
static inline size_t rc_tensor_index(const rc_tensor *x, int64_t tok, int64_t head, int64_t ch)
{
    return (size_t)(tok * x->token_stride + head * x->head_stride + ch);
}
/* Number of elements the tensor spans (last element index + 1). */
size_t rc_tensor_span(const rc_tensor *x);

#endif
