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
 * quadrant's exact rotation finish.  This file holds the generic build of
 * the kernels and chooses between it and golden_fast_fma.c's at run time;
 * the tables are golden_fast_tab.c's. */
#include <pthread.h>
#include <stdint.h>

#include "golden_internal.h"

#define KN(name) name##_generic
#include "golden_fast_kernel.h"

static pthread_once_t fma_once = PTHREAD_ONCE_INIT;
static int use_fma;

static void fma_init(void) { use_fma = rc_fast_fma_available(); }

void rc_fast_set_fma(int on)
{
    pthread_once(&fma_once, fma_init);
    use_fma = on && rc_fast_fma_available();
}

void rc_fast_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s)
{
    pthread_once(&fma_once, fma_init);
    if (use_fma)
        rc_fast_cs_fma(f, p, c, s);
    else
        rc_fast_cs_generic(f, p, c, s);
}

int rc_lite_row(const rc_dbl_row_args *a, const rc_dd *m)
{
    pthread_once(&fma_once, fma_init);
    return use_fma ? rc_lite_row_fma(a, m) : rc_lite_row_generic(a, m);
}

void rc_lite_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s)
{
    pthread_once(&fma_once, fma_init);
    if (use_fma)
        rc_lite_cs_fma(f, p, c, s);
    else
        rc_lite_cs_generic(f, p, c, s);
}

int rc_fast_output(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, double cs_err,
                   rc_dtype t, uint64_t *bits)
{
    pthread_once(&fma_once, fma_init);
    return use_fma ? rc_fast_output_fma(m, a, b, c, s, cs_err, t, bits)
                   : rc_fast_output_generic(m, a, b, c, s, cs_err, t, bits);
}

int rc_fast_round(rc_dd y, double err, rc_dtype t, uint64_t *bits)
{
    return rc_fast_round_generic(y, err, t, bits);
}
