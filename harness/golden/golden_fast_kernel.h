/* The fast path's arithmetic kernels, compiled twice: in golden_fast_cs.c
 * with Dekker's exact product, and in golden_fast_fma.c for CPUs with a
 * fused multiply-add (exact products in one instruction).  Both compute
 * the same values: every product they split is exact either way, and
 * nothing else is contracted (ISO C mode).  KN(name) gives each copy its
 * own names.  Bounds: docs/golden.md. */
#include <stdint.h>
#include <string.h>

#include "golden_turns.h"

/* |rounding error of the rotation's low part| <= ROT_ERR (|a| + |b|). */
#define ROT_ERR 0x1p-100
/* Relative error of m_dd and of the product by it, with slack. */
#define MAG_ERR 0x1p-100
/* Covers the rounding of the bound's own arithmetic (a few ulps). */
#define SLACK (1.0 + 0x1p-45)

static inline uint64_t KN(dbits)(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    return b;
}

static inline double KN(pow2)(int e) /* 2^e for normal results */
{
    const uint64_t b = (uint64_t)(e + 1023) << 52;
    double x;
    memcpy(&x, &b, 8);
    return x;
}


/* The bits of r, a finite element of the format (exact). */
static uint64_t KN(encode)(double r, const rc_fast_fmt *f)
{
    const uint64_t b = KN(dbits)(r), sgn = (b >> 63) << (f->nb - 1);
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

int KN(rc_fast_round)(rc_dd y, double err, rc_dtype t, uint64_t *bits)
{
    const double ay = fabs(y.hi);
    if (!(ay >= 0x1p-600 && ay <= 0x1p600) || !(err >= 0.0))
        return 0;
    const rc_fast_fmt f = rc_fast_fmts[t];
    int qe = (int)((KN(dbits)(y.hi) >> 52) & 0x7ff) - 1023 - f.P + 1;
    if (qe < f.emin - f.P + 1)
        qe = f.emin - f.P + 1;
    /* R: y.hi to nearest even at t's quantum q = 2^qe; adding and
     * subtracting 1.5 2^(qe+52) rounds at exactly that quantum */
    const double q = KN(pow2)(qe);
    double R = y.hi;
    if (f.nb != 64) {
        const double big = 1.5 * KN(pow2)(qe + 52);
        R = y.hi > 0 ? (y.hi + big) - big : -((ay + big) - big);
    }
    /* the nearest midpoint is at least h from R (q/4 below a power of two) */
    const int pow2r = R != 0.0 && (KN(dbits)(R) & 0xfffffffffffffull) == 0;
    const double h = pow2r ? 0.25 * q : 0.5 * q;
    /* y.hi - R is exact (|.| <= q/2, a multiple of ulp(y.hi)) */
    const double dist = (fabs(y.hi - R) + fabs(y.lo) + err) * SLACK;
    if (!(dist < h))
        return 0;
    if (R == 0.0 && !((fabs(y.lo) + err) * SLACK < ay))
        return 0; /* the sign of the zero is not known */
    if (fabs(R) > (2.0 - KN(pow2)(1 - f.P)) * KN(pow2)(f.emax))
        return 0; /* overflow: MPFR decides */
    *bits = KN(encode)(R, &f);
    return 1;
}

/* f = frac(|p| v) as 192 bits, negated modulo 1 for p < 0: exact. */
static void KN(turns)(const rc_fast_freq *fr, int64_t p, uint64_t f[3])
{
    const uint64_t a = rc_turns_abs(p);
    uint64_t h2, l2, h1, l1, h0, l0;
    rc_mul64(a, fr->v[2], &h2, &l2);
    rc_mul64(a, fr->v[1], &h1, &l1);
    rc_mul64(a, fr->v[0], &h0, &l0);
    (void)h0; /* integer turns */
    uint64_t w1 = l1 + h2, c1 = w1 < l1;
    uint64_t w0 = l0 + h1 + c1;
    f[0] = w0;
    f[1] = w1;
    f[2] = l2;
    if (p < 0) { /* two's complement over 192 bits */
        f[2] = ~f[2] + 1;
        uint64_t c = f[2] == 0;
        f[1] = ~f[1] + c;
        c = c && f[1] == 0;
        f[0] = ~f[0] + c;
    }
}

/* rho = signed remainder in turns, |rho| <= 2^-11, truncated to 117
 * fractional bits (|err| < 2^-117), as an exact double-double. */
static rc_dd KN(remainder_dd)(uint64_t r0, uint64_t r1)
{
    const int neg = (int64_t)r0 < 0;
    if (neg) { /* |(r0, r1)| as a 128-bit magnitude */
        r1 = ~r1 + 1;
        r0 = ~r0 + (r1 == 0);
    }
    /* r0 <= 2^53 (units 2^-64); r1 units 2^-128, keep its top 53 bits */
    double hi = (double)r0 * 0x1p-64, mid = (double)(r1 >> 11) * 0x1p-117;
    rc_dd d = rc_fast_two_sum(hi, mid);
    return neg ? rc_dd_neg(d) : d;
}

/* sin r (|err| < 2^-111) and cos r - 1 (|err| < 2^-106) for |r| <= 2^-8.35;
 * see docs/golden.md for the term-by-term budget. */
static void KN(kernel)(rc_dd r, rc_dd *sr, rc_dd *cm1)
{
    const rc_dd x = rc_dd_mul(r, r);
    const double xh = x.hi;
    /* sin r = r + r x S(x), S = -1/6 + x (1/120 + x (-1/5040 + x/9!)) */
    const rc_dd c6 = { -0x1.5555555555555p-3, -0x1.5555555555555p-57 };
    const rc_dd c120 = { 0x1.1111111111111p-7, 0x1.1111111111111p-63 };
    double q2 = -0x1.a01a01a01a01ap-13 + xh * 0x1.71de3a556c734p-19;
    rc_dd q1 = rc_dd_add_d(c120, xh * q2);
    rc_dd s = rc_dd_add(c6, rc_dd_mul(x, q1));
    *sr = rc_dd_add(r, rc_dd_mul(r, rc_dd_mul(x, s)));
    /* cos r - 1 = x (-1/2 + x (1/24 + x (-1/720 + x (1/8! - x/10!)))) */
    const rc_dd c24 = { 0x1.5555555555555p-5, 0x1.5555555555555p-59 };
    double e = -0x1.6c16c16c16c17p-10 + xh * (0x1.a01a01a01a01ap-16 - xh * 0x1.27e4fb7789f5cp-22);
    rc_dd d = rc_dd_add_d(c24, xh * e);
    rc_dd c = rc_dd_add_d(rc_dd_mul(x, d), -0.5);
    *cm1 = rc_dd_mul(x, c);
}

void KN(rc_fast_cs)(const rc_fast_freq *fr, int64_t p, rc_dd *c, rc_dd *s)
{
    uint64_t f[3];
    KN(turns)(fr, p, f);
    /* nearest multiple of 2^-(TAB_BITS+2) turn; the remainder in [-1/2, 1/2) of it */
    const int sh = 64 - (TAB_BITS + 2);
    const uint64_t idx = (f[0] + ((uint64_t)1 << (sh - 1))) >> sh;
    const uint64_t r0 = f[0] - (idx << sh);
    const rc_dd rho = KN(remainder_dd)(r0, f[1]);
    const rc_dd r = rc_dd_mul(rho, rc_fast_two_pi);
    rc_dd sr, cm1;
    KN(kernel)(r, &sr, &cm1);
    const int j = (int)(idx & (TAB_N - 1)), q = (int)(idx >> TAB_BITS) & 3;
    const rc_dd ct = rc_fast_tab_c[j], st = rc_fast_tab_s[j];
    /* cos(a + r) = ct + (ct (cos r - 1) - st sin r), sin likewise */
    rc_dd cc = rc_dd_add(ct, rc_dd_add(rc_dd_mul(ct, cm1), rc_dd_neg(rc_dd_mul(st, sr))));
    rc_dd ss = rc_dd_add(st, rc_dd_add(rc_dd_mul(st, cm1), rc_dd_mul(ct, sr)));
    switch (q) { /* + q quarter turns, exactly */
    case 0: *c = cc; *s = ss; break;
    case 1: *c = rc_dd_neg(ss); *s = cc; break;
    case 2: *c = rc_dd_neg(cc); *s = rc_dd_neg(ss); break;
    default: *c = ss; *s = rc_dd_neg(cc); break;
    }
}

/* cos/sin of p*w'_k within RC_LITE_CS_ERR (docs/golden.md, "Rows for f64
 * outputs"): the same reduction, the whole-turn table, and only the
 * leading products S r, C r, C x, S x exact; the terms below 2^-27 in
 * double. */
void KN(rc_lite_cs)(const rc_fast_freq *fr, int64_t p, rc_dd *c, rc_dd *s)
{
    uint64_t f[3];
    KN(turns)(fr, p, f);
    const int sh = 64 - (TAB_BITS + 2);
    const uint64_t idx = (f[0] + ((uint64_t)1 << (sh - 1))) >> sh;
    const rc_dd r = rc_dd_mul(KN(remainder_dd)(f[0] - (idx << sh), f[1]), rc_fast_two_pi);
    const double *t = rc_lite_tab[idx & (4 * TAB_N - 1)]; /* C hi, C lo, S hi, S lo */
    const double rh = r.hi, rl = r.lo;
    const rc_dd x = rc_two_prod(rh, rh);
    const double xh = x.hi, xl = x.lo + 2.0 * rh * rl;
    /* sin r - r and cos r - 1 + x/2, to about 2^-80 */
    const double sq = rh * xh * (-0x1.5555555555555p-3 + xh * (0x1.1111111111111p-7 +
                      xh * -0x1.a01a01a01a01ap-13)) - 0.5 * xh * rl;
    const double cq = xh * xh * (0x1.5555555555555p-5 + xh * (-0x1.6c16c16c16c17p-10 +
                      xh * 0x1.a01a01a01a01ap-16));
    const rc_dd sr = rc_two_prod(t[2], rh), cr = rc_two_prod(t[0], rh);
    const rc_dd cx = rc_two_prod(t[0], xh), sx = rc_two_prod(t[2], xh);
    /* c = C + C (cos r - 1) - S sin r,  s = S + S (cos r - 1) + C sin r */
    const double lc = (t[1] - (t[2] * rl + t[3] * rh) - 0.5 * (t[0] * xl + t[1] * xh) +
                       t[0] * cq - t[2] * sq) - sr.lo - 0.5 * cx.lo;
    const double ls = (t[3] + (t[0] * rl + t[1] * rh) - 0.5 * (t[2] * xl + t[3] * xh) +
                       t[2] * cq + t[0] * sq) + cr.lo - 0.5 * sx.lo;
    rc_dd a = rc_two_sum(t[0], -sr.hi), b = rc_two_sum(a.hi, -0.5 * cx.hi);
    *c = rc_two_sum(b.hi, (a.lo + b.lo) + lc);
    a = rc_two_sum(t[2], cr.hi);
    b = rc_two_sum(a.hi, -0.5 * sx.hi);
    *s = rc_two_sum(b.hi, (a.lo + b.lo) + ls);
}

/* y = a c + b s (c, s double-double within cs_err), then m y (m NULL:
 * m = 1); decided outputs get their bits. */
int KN(rc_fast_output)(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, double cs_err,
                       rc_dtype t, uint64_t *bits)
{
    const rc_dd p1 = rc_two_prod(a, c.hi), p2 = rc_two_prod(b, s.hi);
    const rc_dd hs = rc_two_sum(p1.hi, p2.hi);
    const double low = (hs.lo + (p1.lo + p2.lo)) + (a * c.lo + b * s.lo);
    rc_dd y = rc_two_sum(hs.hi, low);
    double err = (fabs(a) + fabs(b)) * (cs_err + ROT_ERR) * SLACK;
    if (m) {
        y = rc_dd_mul(*m, y);
        err = (fabs(m->hi) * err + fabs(y.hi) * MAG_ERR) * SLACK;
    }
    if (t != RC_F64)
        return KN(rc_fast_round)(y, err, t, bits);
    /* f64: y.hi is the answer when y.hi -+ d, d >= |y.lo| + err, both
     * round to y.hi (the additions round to nearest even themselves) */
    const double ay = fabs(y.hi), d = (fabs(y.lo) + err) * SLACK;
    if (!(ay >= 0x1p-600 && ay <= 0x1p600) || y.hi + d != y.hi || y.hi - d != y.hi)
        return 0;
    *bits = KN(dbits)(y.hi);
    return 1;
}

/* Stage 2 for the f64 outputs of a row from double-double cos/sin within
 * RC_LITE_CS_ERR; m NULL: m = 1.  und[k] as in rc_dbl_row. */
int KN(rc_lite_row)(const rc_dbl_row_args *a, const rc_dd *m)
{
    int undecided = 0;
    for (int k = 0; k < a->n; k++) {
        const double x0 = a->x0[k], x1 = a->x1[k];
        a->und[k] = 3;
        if (!rc_fast_in_range(x0) || !rc_fast_in_range(x1) || (x0 == 0.0 && x1 == 0.0)) {
            undecided++;
            continue;
        }
        const rc_dd c = a->cs[k].c, s = a->sign > 0 ? a->cs[k].s : rc_dd_neg(a->cs[k].s);
        const int d0 = KN(rc_fast_output)(m, x0, -x1, c, s, RC_LITE_CS_ERR, RC_F64, &a->b0[k]);
        const int d1 = KN(rc_fast_output)(m, x1, x0, c, s, RC_LITE_CS_ERR, RC_F64, &a->b1[k]);
        a->und[k] = (unsigned char)((d0 ? 0 : 1) | (d1 ? 0 : 2));
        undecided += a->und[k] != 0;
    }
    return undecided;
}

