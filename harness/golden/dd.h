/* Double-double arithmetic for the golden fast path (docs/golden.md).
 *
 * A dd value is hi + lo with |lo| <= ulp(hi)/2.  u = 2^-53.  Every bound
 * below assumes binary64 with round-to-nearest, no overflow, and no
 * underflow in any intermediate (the fast path keeps its operands in
 * [2^-600, 2^600] and checks the rounding mode before it runs).
 *
 *   rc_two_sum, rc_fast_two_sum, rc_two_prod   exact (error-free)
 *   rc_dd_add_d   |err| <= 2u^2 |a + b|      (Joldes-Muller-Popescu 2017, Alg. 4)
 *   rc_dd_add     |err| <= 3u^2 |a + b|      (ibid., Alg. 6, "accurate")
 *   rc_dd_mul_d   |err| <= 3u^2 |a b|        (ibid., Alg. 9, its fma as mul + add)
 *   rc_dd_mul     |err| <= 7u^2 |a b|        (ibid., Alg. 10)
 * The fast path's bounds use the larger constants (RC_DD_*_ERR), which
 * also cover evaluation with or without a fused multiply-add. */
#ifndef RC_DD_H
#define RC_DD_H

#include <math.h>

#if defined(__FAST_MATH__)
#error "the golden fast path needs IEEE evaluation (no -ffast-math)"
#endif

#define RC_DD_ADD_D_ERR 0x1p-104  /* 4u^2 >= 2u^2/(1-2u) */
#define RC_DD_ADD_ERR 0x1p-104    /* 4u^2 >= 3u^2 */
#define RC_DD_MUL_D_ERR 0x1p-104  /* 4u^2 */
#define RC_DD_MUL_ERR 0x1p-103    /* 8u^2 >= 7u^2 */

typedef struct rc_dd {
    double hi, lo;
} rc_dd;

static inline rc_dd rc_dd_make(double hi, double lo)
{
    rc_dd r = { hi, lo };
    return r;
}

/* s + e = a + b exactly, s = RN(a + b). */
static inline rc_dd rc_two_sum(double a, double b)
{
    double s = a + b, bb = s - a;
    return rc_dd_make(s, (a - (s - bb)) + (b - bb));
}

/* Same, when a == 0 or exponent(a) >= exponent(b). */
static inline rc_dd rc_fast_two_sum(double a, double b)
{
    double s = a + b;
    return rc_dd_make(s, b - (s - a));
}

/* p + e = a b exactly.  With a hardware fma (RC_DD_FMA: a file compiled
 * for it, see golden_fast_fma.c) the error term is one fma; otherwise Dekker's product with Veltkamp splitting (exact for
 * |a|, |b| < 2^996 and no underflow of the error term). */
static inline rc_dd rc_two_prod(double a, double b)
{
    double p = a * b;
#if defined(RC_DD_FMA) || defined(__FMA__) || defined(__aarch64__)
    return rc_dd_make(p, __builtin_fma(a, b, -p));
#else
    const double split = 134217729.0; /* 2^27 + 1 */
    double t = split * a, ah = t - (t - a), al = a - ah;
    t = split * b;
    double bh = t - (t - b), bl = b - bh;
    return rc_dd_make(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl);
#endif
}

static inline rc_dd rc_dd_neg(rc_dd a) { return rc_dd_make(-a.hi, -a.lo); }

static inline rc_dd rc_dd_add_d(rc_dd a, double b)
{
    rc_dd s = rc_two_sum(a.hi, b);
    return rc_fast_two_sum(s.hi, a.lo + s.lo);
}

static inline rc_dd rc_dd_add(rc_dd a, rc_dd b)
{
    rc_dd s = rc_two_sum(a.hi, b.hi), t = rc_two_sum(a.lo, b.lo);
    s = rc_fast_two_sum(s.hi, s.lo + t.hi);
    return rc_fast_two_sum(s.hi, s.lo + t.lo);
}

static inline rc_dd rc_dd_mul_d(rc_dd a, double b)
{
    rc_dd p = rc_two_prod(a.hi, b);
    return rc_fast_two_sum(p.hi, p.lo + a.lo * b);
}

static inline rc_dd rc_dd_mul(rc_dd a, rc_dd b)
{
    rc_dd p = rc_two_prod(a.hi, b.hi);
    return rc_fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

#endif
