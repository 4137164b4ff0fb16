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

/* The kernels of one build. */
typedef struct kernels {
    void (*cs)(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s);
    void (*lite_cs)(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s);
    int (*lite_row)(const rc_dbl_row_args *a, const rc_dd *m);
    int (*output)(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, double cs_err,
                  rc_dtype t, uint64_t *bits);
} kernels;

static const kernels k_generic = { rc_fast_cs_generic, rc_lite_cs_generic, rc_lite_row_generic,
                                   rc_fast_output_generic };
static const kernels k_fma = { rc_fast_cs_fma, rc_lite_cs_fma, rc_lite_row_fma,
                               rc_fast_output_fma };
static pthread_once_t fma_once = PTHREAD_ONCE_INIT;
static const kernels *kern_now = &k_generic;

static void fma_init(void) { kern_now = rc_fast_fma_available() ? &k_fma : &k_generic; }

static const kernels *kern(void)
{
    pthread_once(&fma_once, fma_init);
    return kern_now;
}

void rc_fast_set_fma(int on)
{
    pthread_once(&fma_once, fma_init);
    kern_now = on && rc_fast_fma_available() ? &k_fma : &k_generic;
}

void rc_fast_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s) { kern()->cs(f, p, c, s); }

void rc_lite_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s)
{
    kern()->lite_cs(f, p, c, s);
}

int rc_lite_row(const rc_dbl_row_args *a, const rc_dd *m) { return kern()->lite_row(a, m); }

int rc_fast_output(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, double cs_err,
                   rc_dtype t, uint64_t *bits)
{
    return kern()->output(m, a, b, c, s, cs_err, t, bits);
}

int rc_fast_round(rc_dd y, double err, rc_dtype t, uint64_t *bits)
{
    return rc_fast_round_generic(y, err, t, bits);
}
