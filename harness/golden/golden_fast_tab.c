/* Tables the golden's fast stages share, built once per process from
 * MPFR: cos/sin of 2 pi j / 2^(TAB_BITS+2) for j < 2^TAB_BITS and 2 pi as
 * double-doubles (each within 2^-107, 2 pi within 2^-104), the same
 * over the whole turn in double (each within 2^-54), the output
 * formats' parameters, and per configuration the 192-bit turn fraction of
 * each frequency.  The lowest level of the fast stages: it calls none of
 * them. */
#include <pthread.h>
#include <stdint.h>

#include "golden_internal.h"

rc_dd rc_fast_tab_c[TAB_N], rc_fast_tab_s[TAB_N];
rc_dd rc_fast_two_pi;
double rc_dbl_tab[4 * TAB_N][2];
double rc_lite_tab[4 * TAB_N][4];
const rc_fast_fmt rc_fast_fmts[RC_DTYPE_COUNT] = {
    [RC_F64] = { 53, -1022, 1023, 64 },
    [RC_F32] = { 24, -126, 127, 32 },
    [RC_F16] = { 11, -14, 15, 16 },
    [RC_BF16] = { 8, -126, 127, 16 },
};
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
    rc_fast_two_pi = mpfr_to_dd(a, tmp);
    for (int j = 0; j < TAB_N; j++) {
        mpfr_const_pi(a, MPFR_RNDN);
        mpfr_mul_ui(a, a, (unsigned long)j, MPFR_RNDN);
        mpfr_div_2ui(a, a, TAB_BITS + 1, MPFR_RNDN); /* 2 pi j / 2^(TAB_BITS+2) */
        mpfr_sin_cos(s, c, a, MPFR_RNDN);
        rc_fast_tab_c[j] = mpfr_to_dd(c, tmp);
        rc_fast_tab_s[j] = mpfr_to_dd(s, tmp);
    }
    /* the whole turn in double: + q quarter turns are swaps and negations */
    for (int q = 0; q < 4; q++)
        for (int j = 0; j < TAB_N; j++) {
            const rc_dd c = rc_fast_tab_c[j], s = rc_fast_tab_s[j];
            const rc_dd cq[4] = { c, rc_dd_neg(s), rc_dd_neg(c), s };
            const rc_dd sq[4] = { s, c, rc_dd_neg(s), rc_dd_neg(c) };
            double *d = rc_dbl_tab[q * TAB_N + j], *l = rc_lite_tab[q * TAB_N + j];
            d[0] = l[0] = cq[q].hi;
            d[1] = l[2] = sq[q].hi;
            l[1] = cq[q].lo;
            l[3] = sq[q].lo;
        }
    mpfr_clears(a, c, s, tmp, (mpfr_ptr)0);
}

void rc_fast_tables_init(void) { pthread_once(&tab_once, tab_init); }

int rc_fast_freq_init(mpfr_srcptr w, rc_fast_freq *f)
{
    rc_fast_tables_init();
    if (mpfr_zero_p(w)) { /* a zero frequency (proportional): every angle is exactly 0 */
        f->v[0] = f->v[1] = f->v[2] = 0;
        return 0;
    }
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
