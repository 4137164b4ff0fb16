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

#define KN(name) name##_generic
#include "golden_fast_kernel.h"

rc_dd rc_fast_tab_c[TAB_N], rc_fast_tab_s[TAB_N];
rc_dd rc_fast_two_pi;
const rc_fast_fmt rc_fast_fmts[RC_DTYPE_COUNT] = {
    [RC_F64] = { 53, -1022, 1023, 64 },
    [RC_F32] = { 24, -126, 127, 32 },
    [RC_F16] = { 11, -14, 15, 16 },
    [RC_BF16] = { 8, -126, 127, 16 },
};
static pthread_once_t tab_once = PTHREAD_ONCE_INIT;
static int use_fma;

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
    mpfr_clears(a, c, s, tmp, (mpfr_ptr)0);
    use_fma = rc_fast_fma_available();
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


void rc_fast_set_fma(int on)
{
    rc_fast_tables_init();
    use_fma = on && rc_fast_fma_available();
}

void rc_fast_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s)
{
    if (use_fma)
        rc_fast_cs_fma(f, p, c, s);
    else
        rc_fast_cs_generic(f, p, c, s);
}

int rc_fast_output(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, rc_dtype t,
                   uint64_t *bits)
{
    return use_fma ? rc_fast_output_fma(m, a, b, c, s, t, bits)
                   : rc_fast_output_generic(m, a, b, c, s, t, bits);
}

int rc_fast_round(rc_dd y, double err, rc_dtype t, uint64_t *bits)
{
    return rc_fast_round_generic(y, err, t, bits);
}
