/* The golden's double-double stage for one channel pair: the rotation in
 * double-double from double-double cos/sin, a proven error bound, and
 * Ziv's rounding test.  An output whose rounding the bound decides is the
 * correctly rounded value, so it equals the MPFR path's bit for bit; the
 * caller (golden_row.c) hands the others to the MPFR path.  Bounds:
 * docs/golden.md. */
#include <math.h>

#include "golden_internal.h"

int rc_fast_pair(rc_golden *g, int64_t p, const rc_fcs *f, double cs_err, int sign, double x0,
                 double x1, rc_dtype t, uint64_t *b0, uint64_t *b1)
{
    const rc_dd c = f->c, s = sign > 0 ? f->s : rc_dd_neg(f->s);
    if (!isfinite(x0) || !isfinite(x1) || (x0 == 0.0 && x1 == 0.0)) {
        /* only the signs of cos and sin matter; both are far from 0 in
         * every case seen, else MPFR finds them */
        const double tiny = 2.0 * cs_err;
        if (!(fabs(c.hi) > tiny && fabs(s.hi) > tiny))
            return 0;
        int d0, d1;
        rc_golden_pair_ieee(p, copysign(1.0, c.hi), copysign(1.0, s.hi), x0, x1, t, b0, b1,
                            &d0, &d1);
        return d0 | d1 << 1;
    }
    if (!rc_fast_in_range(x0) || !rc_fast_in_range(x1))
        return 0;
    /* y0 = x0 c - x1 s', y1 = x1 c + x0 s' */
    const rc_dd *m = g->m_one ? NULL : &g->m_dd;
    return rc_fast_output(m, x0, -x1, c, s, cs_err, t, b0) |
           rc_fast_output(m, x1, x0, c, s, cs_err, t, b1) << 1;
}
