/* Element types: the one place the harness turns stored elements into
 * doubles and back.  Every load is exact (each dtype is a subset of
 * binary64); every store rounds once, to nearest even, from the double. */
#include "dtype.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rope_conform/half.h"

typedef struct dtype_info {
    const char *name;
    size_t size;
    int precision; /* significand bits, hidden bit included */
    int emin;      /* exponent of the smallest normal */
    int emax;
} dtype_info;

static const dtype_info k_info[RC_DTYPE_COUNT] = {
    [RC_F64] = {"f64", 8, 53, -1022, 1023},
    [RC_F32] = {"f32", 4, 24, -126, 127},
    [RC_F16] = {"f16", 2, 11, -14, 15},
    [RC_BF16] = {"bf16", 2, 8, -126, 127},
};

static const dtype_info *info(rc_dtype t)
{
    return ((unsigned)t < RC_DTYPE_COUNT) ? &k_info[t] : NULL;
}

size_t rc_dtype_size(rc_dtype t) { return info(t) ? info(t)->size : 0; }
const char *rc_dtype_name(rc_dtype t) { return info(t) ? info(t)->name : "?"; }
int rc_dtype_precision(rc_dtype t) { return info(t) ? info(t)->precision : 0; }
int rc_dtype_emin(rc_dtype t) { return info(t) ? info(t)->emin : 0; }
int rc_dtype_emax(rc_dtype t) { return info(t) ? info(t)->emax : 0; }

double rc_dtype_unit_roundoff(rc_dtype t)
{
    return info(t) ? ldexp(1.0, -info(t)->precision) : NAN;
}

double rc_dtype_min_normal(rc_dtype t)
{
    return info(t) ? ldexp(1.0, info(t)->emin) : NAN;
}

int rc_dtype_parse(const char *s, rc_dtype *out)
{
    /* The spellings users meet in configs and in torch/numpy names. */
    static const struct { const char *name; rc_dtype t; } names[] = {
        {"f64", RC_F64},  {"float64", RC_F64}, {"fp64", RC_F64},  {"double", RC_F64},
        {"f32", RC_F32},  {"float32", RC_F32}, {"fp32", RC_F32},  {"float", RC_F32},
        {"f16", RC_F16},  {"float16", RC_F16}, {"fp16", RC_F16},  {"half", RC_F16},
        {"bf16", RC_BF16}, {"bfloat16", RC_BF16},
    };
    if (!s)
        return -1;
    if (strncasecmp(s, "torch.", 6) == 0)
        s += 6;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(s, names[i].name) == 0) {
            if (out)
                *out = names[i].t;
            return 0;
        }
    }
    return -1;
}


void rc_store(void *data, rc_dtype t, size_t i, double v)
{
    switch (t) {
    case RC_F64: ((double *)data)[i] = v; break;
    /* C's double -> float conversion rounds to nearest even by default and
     * produces subnormals and infinities as IEEE 754 says. */
    case RC_F32: ((float *)data)[i] = (float)v; break;
    case RC_F16: ((uint16_t *)data)[i] = (uint16_t)rc_narrow_bits(v, 11, -14, 15, 16); break;
    case RC_BF16: ((uint16_t *)data)[i] = (uint16_t)rc_narrow_bits(v, 8, -126, 127, 16); break;
    }
}

uint64_t rc_load_bits(const void *data, rc_dtype t, size_t i)
{
    switch (t) {
    case RC_F64: { uint64_t u; memcpy(&u, (const double *)data + i, 8); return u; }
    case RC_F32: { uint32_t u; memcpy(&u, (const float *)data + i, 4); return u; }
    case RC_F16:
    case RC_BF16: return ((const uint16_t *)data)[i];
    }
    return 0;
}

const char *rc_format_bits(const void *data, rc_dtype t, size_t i, char *buf, size_t n)
{
    if (!buf || n == 0)
        return "";
    int digits = (int)(2 * rc_dtype_size(t));
    snprintf(buf, n, "0x%0*" PRIx64, digits, rc_load_bits(data, t, i));
    return buf;
}

/* 2^e for e in the normal range of binary64. */
static double pow2(int e)
{
    const uint64_t b = (uint64_t)(e + 1023) << 52;
    double x;
    memcpy(&x, &b, 8);
    return x;
}

double rc_ulp(double v, rc_dtype t)
{
    const dtype_info *d = info(t);
    if (!d || isnan(v))
        return NAN;
    int p = d->precision;
    if (isinf(v)) /* the spacing just below infinity */
        return ldexp(1.0, d->emax - p + 1);
    /* the exponent of |v| (subnormal doubles are below every emin here,
     * f64's included, and take the fixed quantum) */
    uint64_t b;
    memcpy(&b, &v, 8);
    const int e = (int)((b >> 52) & 0x7ff) - 1023;
    if (e < d->emin) /* zero and subnormals: fixed quantum */
        return ldexp(1.0, d->emin - p + 1);
    /* Above the range the binade spacing keeps growing, so an exact value
     * that overflowed still gets a meaningful ulp. */
    const int q = e - p + 1;
    return q >= -1022 ? pow2(q) : ldexp(1.0, q);
}

double rc_ulp_error(double actual, double exact, rc_dtype t)
{
    if (isnan(actual) || isnan(exact))
        return (isnan(actual) && isnan(exact)) ? 0.0 : INFINITY;
    if (isinf(actual) || isinf(exact))
        return (actual == exact) ? 0.0 : INFINITY;
    double u = rc_ulp(exact, t);
    /* |actual - exact| may round in double; scale first so it cannot
     * overflow for f64 values near the top of the range.  u is a power of
     * two: in [2^-1000, 2^1000] its reciprocal is exact, and two products
     * give the quotients' very bits at half the cost. */
    if (u >= 0x1p-1000 && u <= 0x1p1000) {
        /* 1/u for u = 2^q, q in [-1000, 1000]: 2^-q, built from the bits
         * (the same value as the quotient, without a division) */
        uint64_t ub;
        memcpy(&ub, &u, 8);
        ub = (uint64_t)(2046 - (ub >> 52)) << 52;
        double inv;
        memcpy(&inv, &ub, 8);
        return fabs(actual * inv - exact * inv);
    }
    return fabs(actual / u - exact / u);
}

size_t rc_tensor_span(const rc_tensor *x)
{
    if (!x || x->n_tokens <= 0 || x->n_heads <= 0 || x->head_dim <= 0)
        return 0;
    return rc_tensor_index(x, x->n_tokens - 1, x->n_heads - 1, x->head_dim - 1) + 1;
}

const char *rc_ulp_note(double ulp, char *buf, size_t n)
{
    if (ulp >= 0 && ulp < 1024)
        snprintf(buf, n, ", %.2f ulp", ulp);
    else if (n)
        buf[0] = '\0';
    return buf;
}
