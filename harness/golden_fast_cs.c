/* cos and sin of p*w'_k in double-double with a proven absolute error
 * bound (RC_FAST_CS_ERR; derivation in docs/golden.md).
 *
 * Reduction is exact integer arithmetic in turns: v = frac(w'_k / 2 pi) is
 * held as a 192-bit fixed-point fraction (from the engine's 256-bit MPFR
 * table), and frac(p v) is the low 192 bits of the integer product, so no
 * bits are lost for any int64 p.  The top 10 bits of the rounded turn pick
 * a quadrant and one of 256 table angles (cos/sin of 2 pi j/1024, from
 * MPFR); the rest, |rho| <= 2^-11 turn, becomes r = 2 pi rho in
 * double-double, |r| <= 2^-8.35, and short Taylor polynomials give sin r
 * and cos r - 1.  One complex multiplication by the table entry and the
 * quadrant's exact rotation finish. */
#include <pthread.h>
#include <stdint.h>

#include "golden_internal.h"

#define TAB_BITS 8 /* table angles per quadrant: 2^TAB_BITS */
#define TAB_N (1 << TAB_BITS)

static rc_dd tab_c[TAB_N], tab_s[TAB_N];
static rc_dd two_pi;
static pthread_once_t tab_once = PTHREAD_ONCE_INIT;

static rc_dd mpfr_to_dd(mpfr_srcptr v, mpfr_ptr tmp)
{
    double hi = mpfr_get_d(v, MPFR_RNDN);
    mpfr_sub_d(tmp, v, hi, MPFR_RNDN);
    return rc_dd_make(hi, mpfr_get_d(tmp, MPFR_RNDN));
}

/* Entries to 200 bits, then hi = RN(v), lo = RN(v - hi): |err| <= 2^-107. */
static void tab_init(void)
{
    mpfr_t a, c, s, tmp;
    mpfr_inits2(200, a, c, s, tmp, (mpfr_ptr)0);
    mpfr_const_pi(a, MPFR_RNDN);
    mpfr_mul_2ui(a, a, 1, MPFR_RNDN);
    two_pi = mpfr_to_dd(a, tmp);
    for (int j = 0; j < TAB_N; j++) {
        mpfr_const_pi(a, MPFR_RNDN);
        mpfr_mul_ui(a, a, (unsigned long)j, MPFR_RNDN);
        mpfr_div_2ui(a, a, TAB_BITS + 1, MPFR_RNDN); /* 2 pi j / 2^(TAB_BITS+2) */
        mpfr_sin_cos(s, c, a, MPFR_RNDN);
        tab_c[j] = mpfr_to_dd(c, tmp);
        tab_s[j] = mpfr_to_dd(s, tmp);
    }
    mpfr_clears(a, c, s, tmp, (mpfr_ptr)0);
}

void rc_fast_tables_init(void) { pthread_once(&tab_once, tab_init); }

int rc_fast_freq_init(mpfr_srcptr w, rc_fast_freq *f)
{
    rc_fast_tables_init();
    /* |w| < 2^40 keeps |p v| 2^-246 (the table's own error) below 2^-140 */
    if (!mpfr_regular_p(w) || mpfr_sgn(w) <= 0 || mpfr_get_exp(w) > 40)
        return -1;
    mpfr_t v, pi2;
    mpfr_inits2(mpfr_get_prec(w) + 64, v, pi2, (mpfr_ptr)0);
    mpfr_const_pi(pi2, MPFR_RNDN);
    mpfr_mul_2ui(pi2, pi2, 1, MPFR_RNDN);
    mpfr_div(v, w, pi2, MPFR_RNDN);
    mpfr_frac(v, v, MPFR_RNDN); /* exact */
    for (int i = 0; i < 3; i++) {
        mpfr_mul_2ui(v, v, 64, MPFR_RNDN);
        f->v[i] = (uint64_t)mpfr_get_uj(v, MPFR_RNDZ); /* truncation */
        mpfr_frac(v, v, MPFR_RNDN);
    }
    mpfr_clears(v, pi2, (mpfr_ptr)0);
    return 0;
}

/* hi:lo = a * b, 64 x 64 -> 128 bits. */
static inline void mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
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

/* f = frac(|p| v) as 192 bits, negated modulo 1 for p < 0: exact. */
static void turns(const rc_fast_freq *fr, int64_t p, uint64_t f[3])
{
    uint64_t a = p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
    uint64_t h2, l2, h1, l1, h0, l0;
    mul64(a, fr->v[2], &h2, &l2);
    mul64(a, fr->v[1], &h1, &l1);
    mul64(a, fr->v[0], &h0, &l0);
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
static rc_dd remainder_dd(uint64_t r0, uint64_t r1)
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
static void kernel(rc_dd r, rc_dd *sr, rc_dd *cm1)
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

void rc_fast_cs(const rc_fast_freq *fr, int64_t p, rc_dd *c, rc_dd *s)
{
    uint64_t f[3];
    turns(fr, p, f);
    /* nearest multiple of 2^-(TAB_BITS+2) turn; the remainder in [-1/2, 1/2) of it */
    const int sh = 64 - (TAB_BITS + 2);
    const uint64_t idx = (f[0] + ((uint64_t)1 << (sh - 1))) >> sh;
    const uint64_t r0 = f[0] - (idx << sh);
    const rc_dd rho = remainder_dd(r0, f[1]);
    const rc_dd r = rc_dd_mul(rho, two_pi);
    rc_dd sr, cm1;
    kernel(r, &sr, &cm1);
    const int j = (int)(idx & (TAB_N - 1)), q = (int)(idx >> TAB_BITS) & 3;
    const rc_dd ct = tab_c[j], st = tab_s[j];
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
