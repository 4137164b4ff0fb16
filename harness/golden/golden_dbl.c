/* The golden's first stage, in plain double, for f32, f16 and bf16
 * outputs: cos/sin of p*w'_k with a proven error bound (RC_DBL_CS_ERR),
 * the rotation and magnitude in double, and a rounding test against the
 * output format's own rounding: the two ends of an error interval that
 * surely holds the exact value are rounded to the format, and when they
 * give the same element, every real between them does too (rounding to
 * nearest even is monotone), so that element is the correctly rounded
 * result.  Undecided outputs go on to the double-double stage.
 * Derivation of every bound: docs/golden.md, "First stage". */
#include <math.h>
#include <string.h>

#include "dtype.h"
#include "golden_internal.h"
#include "golden_turns.h"

/* Taylor coefficients, rounded to double (their rounding is in the bound). */
#define S3 (-1.0 / 6.0)
#define S5 (1.0 / 120.0)
#define C2 (-0.5)
#define C4 (1.0 / 24.0)
#define C6 (-1.0 / 720.0)

/* cos/sin in double; docs/golden.md gives |error| < 1.54 * 2^-53. */
static inline void dbl_cs(const rc_fast_freq *fr, int64_t p, double *c, double *s)
{
    const uint64_t f = rc_turns64(fr->v, p);
    /* nearest multiple idx of 2^-(TAB_BITS+2) turn; rho the exact rest */
    const int sh = 64 - (TAB_BITS + 2);
    const uint64_t idx = (f + ((uint64_t)1 << (sh - 1))) >> sh;
    const double rho = (double)(int64_t)(f - (idx << sh)) * 0x1p-64; /* |rho| <= 2^-11 */
    const double r = rho * rc_fast_two_pi.hi, x = r * r;
    const double sr = r + r * x * (S3 + x * S5);
    const double cm1 = x * (C2 + x * (C4 + x * C6));
    const double *cs = rc_dbl_tab[idx & (4 * TAB_N - 1)];
    *c = cs[0] + (cs[0] * cm1 - cs[1] * sr);
    *s = cs[1] + (cs[1] * cm1 + cs[0] * sr);
}

void rc_dbl_cs_row(const rc_fast_freq *f, int n, int64_t p, rc_fcs *out)
{
    for (int k = 0; k < n; k++) {
        double c, s;
        dbl_cs(&f[k], p, &c, &s);
        out[k].c = rc_dd_make(c, 0.0);
        out[k].s = rc_dd_make(s, 0.0);
    }
}

void rc_dbl_cs(const rc_fast_freq *f, int64_t p, double *c, double *s) { dbl_cs(f, p, c, s); }

static inline uint64_t round_to(double v, rc_dtype t)
{
    switch (t) {
    case RC_F32: { /* the conversion rounds to nearest even (checked mode) */
        const float f = (float)v;
        uint32_t u;
        memcpy(&u, &f, 4);
        return u;
    }
    case RC_F16: return rc_narrow_bits(v, 11, -14, 15, 16);
    case RC_BF16: return rc_narrow_bits(v, 8, -126, 127, 16);
    default: return 0;
    }
}

uint64_t rc_dbl_narrow(double v, rc_dtype t) { return round_to(v, t); }

/* Error bound of the rotation per unit of |x0| + |x1| (RC_DBL_CS_ERR plus
 * three roundings), and of Y per unit of |Y| (the magnitude's rounding and
 * the rounding of the interval's ends); SLACK covers the evaluation of the
 * bound itself. */
#define ROT1_ERR 0x1p-51
#define Y1_ERR 0x1p-50
#define SLACK1 (1.0 + 0x1p-45)

/* 1 when y (before m) rounds to one element of t whatever the exact value
 * within the bound; *bits gets it. */
static inline int decide(double md, double y, double ea, rc_dtype t, uint64_t *bits)
{
    const double Y = md * y;
    const double e = (ea + fabs(Y) * Y1_ERR) * SLACK1;
    const double l = Y - e, h = Y + e;
    const uint64_t lo = round_to(l, t), hi = round_to(h, t);
    *bits = lo;
    /* an end at exactly 0 would leave the sign of a zero result open */
    return lo == hi && l != 0.0 && h != 0.0;
}

/* One row in dtype t (a constant after inlining). */
static inline __attribute__((always_inline)) int row_t(const rc_dbl_row_args *a, rc_dtype t)
{
    int undecided = 0;
    const double md = a->m;
    for (int k = 0; k < a->n; k++) {
        const double x0 = a->x0[k], x1 = a->x1[k];
        const double A = fabs(x0) + fabs(x1);
        a->und[k] = 3;
        if (!(A >= 0x1p-600 && A <= 0x1p600)) { /* zero, tiny, huge or not finite */
            undecided++;
            continue;
        }
        const double c = a->cs[k].c.hi, s = a->sign > 0 ? a->cs[k].s.hi : -a->cs[k].s.hi;
        const double ea = md * A * ROT1_ERR;
        const int d0 = decide(md, x0 * c - x1 * s, ea, t, &a->b0[k]);
        const int d1 = decide(md, x1 * c + x0 * s, ea, t, &a->b1[k]);
        a->und[k] = (unsigned char)((d0 ? 0 : 1) | (d1 ? 0 : 2));
        undecided += a->und[k] != 0;
    }
    return undecided;
}

int rc_dbl_row(const rc_dbl_row_args *a, rc_dtype t)
{
    switch (t) {
    case RC_F32: return row_t(a, RC_F32);
    case RC_F16: return row_t(a, RC_F16);
    case RC_BF16: return row_t(a, RC_BF16);
    default: /* f64 outputs start at the double-double stage */
        memset(a->und, 3, (size_t)a->n);
        return a->n;
    }
}
