/* The golden fast path for one channel pair: the rotation in double-double
 * from the cached double-double cos/sin, a proven error bound, and Ziv's
 * rounding test.  An output whose rounding the bound decides is the
 * correctly rounded value, so it equals the MPFR path's bit for bit; the
 * others go to the MPFR path (golden_pair.c).  Bounds: docs/golden.md. */
#include <math.h>
#include <string.h>

#include "dtype.h"
#include "golden_internal.h"

/* Operands outside [2^-FAST_EXP, 2^FAST_EXP] go to MPFR: inside, no
 * intermediate of the double-double arithmetic overflows or underflows. */
#define FAST_EXP 600
/* |rounding error of the rotation's low part| <= ROT_ERR (|a| + |b|). */
#define ROT_ERR 0x1p-100
/* Relative error of m_dd and of the product by it, with slack. */
#define MAG_ERR 0x1p-100
/* Covers the rounding of the bound's own arithmetic (a few ulps). */
#define SLACK (1.0 + 0x1p-45)

static uint64_t dbits(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    return b;
}

static double pow2(int e) /* 2^e for normal results */
{
    const uint64_t b = (uint64_t)(e + 1023) << 52;
    double x;
    memcpy(&x, &b, 8);
    return x;
}

typedef struct fmt {
    int P, emin, emax, nb;
} fmt;

static fmt fmt_of(rc_dtype t)
{
    fmt f = { rc_dtype_precision(t), rc_dtype_emin(t), rc_dtype_emax(t),
              (int)(8 * rc_dtype_size(t)) };
    return f;
}

/* The bits of r, a finite element of the format (exact). */
static uint64_t encode(double r, const fmt *f)
{
    const uint64_t b = dbits(r), sgn = (b >> 63) << (f->nb - 1);
    if (f->nb == 64)
        return b;
    const int e = (int)((b >> 52) & 0x7ff) - 1023;
    const uint64_t m = b & 0xfffffffffffffull;
    if ((b << 1) == 0)
        return sgn;
    if (e < f->emin) /* subnormal in f: (1.m) 2^e in units of its quantum */
        return sgn | (((m | (1ull << 52)) >> (52 - (f->P - 1) + (f->emin - e))));
    return sgn | ((uint64_t)(e + f->emax) << (f->P - 1)) | (m >> (53 - f->P));
}

int rc_fast_round(rc_dd y, double err, rc_dtype t, uint64_t *bits)
{
    const double ay = fabs(y.hi);
    if (!(ay >= 0x1p-600 && ay <= 0x1p600) || !(err >= 0.0))
        return 0;
    const fmt f = fmt_of(t);
    int qe = (int)((dbits(y.hi) >> 52) & 0x7ff) - 1023 - f.P + 1;
    if (qe < f.emin - f.P + 1)
        qe = f.emin - f.P + 1;
    /* R: y.hi to nearest even at t's quantum q = 2^qe; adding and
     * subtracting 1.5 2^(qe+52) rounds at exactly that quantum */
    const double q = pow2(qe);
    double R = y.hi;
    if (f.nb != 64) {
        const double big = 1.5 * pow2(qe + 52);
        R = y.hi > 0 ? (y.hi + big) - big : -((ay + big) - big);
    }
    /* the nearest midpoint is at least h from R (q/4 below a power of two) */
    const int pow2r = R != 0.0 && (dbits(R) & 0xfffffffffffffull) == 0;
    const double h = pow2r ? 0.25 * q : 0.5 * q;
    /* y.hi - R is exact (|.| <= q/2, a multiple of ulp(y.hi)) */
    const double dist = (fabs(y.hi - R) + fabs(y.lo) + err) * SLACK;
    if (!(dist < h))
        return 0;
    if (R == 0.0 && !((fabs(y.lo) + err) * SLACK < ay))
        return 0; /* the sign of the zero is not known */
    if (fabs(R) > (2.0 - pow2(1 - f.P)) * pow2(f.emax))
        return 0; /* overflow: MPFR decides */
    *bits = encode(R, &f);
    return 1;
}

static int in_range(double x)
{
    const double a = fabs(x);
    return a == 0.0 || (a >= 0x1p-600 && a <= 0x1p600);
}

/* y = a c + b s (c, s double-double with RC_FAST_CS_ERR), then m y. */
static int fast_output(const rc_golden *g, double a, double b, rc_dd c, rc_dd s, rc_dtype t,
                       uint64_t *bits)
{
    const rc_dd p1 = rc_two_prod(a, c.hi), p2 = rc_two_prod(b, s.hi);
    const rc_dd hs = rc_two_sum(p1.hi, p2.hi);
    const double low = (hs.lo + (p1.lo + p2.lo)) + (a * c.lo + b * s.lo);
    rc_dd y = rc_two_sum(hs.hi, low);
    double err = (fabs(a) + fabs(b)) * (RC_FAST_CS_ERR + ROT_ERR) * SLACK;
    if (!g->m_one) {
        y = rc_dd_mul(g->m_dd, y);
        err = (fabs(g->m_dd.hi) * err + fabs(y.hi) * MAG_ERR) * SLACK;
    }
    return rc_fast_round(y, err, t, bits);
}

/* Bit 0 / bit 1 set when output 0 / 1 was decided. */
static int fast_pair(rc_golden *g, int64_t p, const rc_fcs *f, int sign, double x0, double x1,
                     rc_dtype t, uint64_t *b0, uint64_t *b1)
{
    const rc_dd c = f->c, s = sign > 0 ? f->s : rc_dd_neg(f->s);
    if (!isfinite(x0) || !isfinite(x1) || (x0 == 0.0 && x1 == 0.0)) {
        /* only the signs of cos and sin matter; both are far from 0 in
         * every case seen, else MPFR finds them */
        const double tiny = 2.0 * RC_FAST_CS_ERR;
        if (!(fabs(c.hi) > tiny && fabs(s.hi) > tiny))
            return 0;
        int d0, d1;
        rc_golden_pair_ieee(p, copysign(1.0, c.hi), copysign(1.0, s.hi), x0, x1, t, b0, b1,
                            &d0, &d1);
        return d0 | d1 << 1;
    }
    if (!in_range(x0) || !in_range(x1))
        return 0;
    /* y0 = x0 c - x1 s', y1 = x1 c + x0 s' */
    return fast_output(g, x0, -x1, c, s, t, b0) | fast_output(g, x1, x0, c, s, t, b1) << 1;
}

void rc_golden_pair_any(rc_golden *g, int64_t p, const rc_fcs *f, const rc_cs_entry **e,
                        int k, int sign, double x0, double x1, rc_dtype t, uint64_t *b0,
                        uint64_t *b1)
{
    if (f && p != 0) {
        uint64_t f0, f1;
        const int d = fast_pair(g, p, f + k, sign, x0, x1, t, &f0, &f1);
        if (d == 3) {
            g->n_fast += 2;
            *b0 = f0;
            *b1 = f1;
            return;
        }
        g->n_fast += (d & 1) + (d >> 1);
        g->n_fallback += 2 - ((d & 1) + (d >> 1));
    }
    if (!*e)
        *e = rc_cs_cache_get(rc_golden_mpfr_cache(g), p);
    rc_golden_pair(g, p, *e, k, sign, x0, x1, t, b0, b1);
}
