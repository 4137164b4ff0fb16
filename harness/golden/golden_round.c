/* The one rounding from an MPFR value to a dtype, by bit construction.
 * Building the pattern ourselves (quantum, ties-to-even integer, then
 * fields) avoids changing MPFR's global exponent range, which would make
 * every live variable outside the target range undefined to use, and it
 * covers binary16 and bfloat16, which MPFR 4.2 cannot convert to. */
#include <math.h>
#include <string.h>

#include "dtype.h"
#include "golden_internal.h"

static int total_bits(rc_dtype t) { return (int)(8 * rc_dtype_size(t)); }

uint64_t rc_special_bits(rc_dtype t, int sign, int kind)
{
    const int prec = rc_dtype_precision(t), nb = total_bits(t);
    const int ebits = nb - prec; /* exponent field width (sign excluded) */
    const uint64_t s = sign ? (uint64_t)1 << (nb - 1) : 0;
    const uint64_t inf = (((uint64_t)1 << ebits) - 1) << (prec - 1);
    switch (kind) {
    case 0: return s;
    case 1: return s | inf;
    default: return inf | (uint64_t)1 << (prec - 2); /* canonical quiet NaN */
    }
}

uint64_t rc_round_bits(mpfr_srcptr y, rc_dtype t, mpfr_ptr scratch)
{
    if (mpfr_nan_p(y))
        return rc_special_bits(t, 0, 2);
    const int sign = mpfr_signbit(y) ? 1 : 0;
    if (mpfr_inf_p(y))
        return rc_special_bits(t, sign, 1);
    if (mpfr_zero_p(y))
        return rc_special_bits(t, sign, 0);

    const int prec = rc_dtype_precision(t), emin = rc_dtype_emin(t), emax = rc_dtype_emax(t);
    const mpfr_exp_t e = mpfr_get_exp(y); /* |y| in [2^(e-1), 2^e) */
    if (e - 1 > emax)
        return rc_special_bits(t, sign, 1);
    /* quantum 2^qe: the normal ulp, or the fixed subnormal quantum; the
     * bits y keeps at that quantum are its effective precision */
    mpfr_exp_t qe = e - prec;
    if (qe < emin - prec + 1)
        qe = emin - prec + 1;
    const mpfr_exp_t bits = e - qe;
    uint64_t n;
    if (bits <= 0) {
        /* |y| < 2^qe: 0 or the least subnormal; the tie 2^(qe-1) -> 0 */
        n = (bits == 0 && !(mpfr_cmp_ui_2exp(y, 1, qe - 1) == 0 ||
                            mpfr_cmp_si_2exp(y, -1, qe - 1) == 0)) ? 1 : 0;
    } else {
        /* one rounding to nearest even at the quantum; then the integer
         * significand, exactly (it has at most prec + 1 bits) */
        mpfr_set_prec(scratch, bits);
        mpfr_set(scratch, y, MPFR_RNDN);
        long ex;
        double d = mpfr_get_d_2exp(&ex, scratch, MPFR_RNDN);
        n = (uint64_t)ldexp(fabs(d), (int)(ex - qe));
    }
    if (n == 0)
        return rc_special_bits(t, sign, 0);
    if (n >> prec) { /* rounded up to the next binade: n == 2^prec */
        n >>= 1;
        qe++;
    }
    const uint64_t s = (uint64_t)sign << (total_bits(t) - 1);
    const uint64_t hidden = (uint64_t)1 << (prec - 1);
    if (n < hidden) /* subnormal: exponent field 0 */
        return s | n;
    const mpfr_exp_t E = qe + prec - 1;
    if (E > emax)
        return rc_special_bits(t, sign, 1);
    return s | ((uint64_t)(E + emax) << (prec - 1)) | (n - hidden);
}

int rc_round_decided(mpfr_srcptr y, mpfr_exp_t err_exp, rc_dtype t, uint64_t *bits,
                     mpfr_ptr scratch, mpfr_ptr tmp1, mpfr_ptr tmp2)
{
    if (err_exp == RC_ERR_EXACT) {
        *bits = rc_round_bits(y, t, scratch);
        return 1;
    }
    if (!mpfr_regular_p(y))
        return 0;
    const int prec = rc_dtype_precision(t);
    const mpfr_exp_t e = mpfr_get_exp(y);
    if (e - 1 > rc_dtype_emin(t)) {
        /* Normal range: MPFR's test is exact there (its model has no
         * subnormals).  RNDZ at prec+1 also excludes midpoints, which
         * cannot be the exact value of a transcendental result. */
        if (e - err_exp <= prec + 1 ||
            !mpfr_can_round(y, e - err_exp, MPFR_RNDN, MPFR_RNDZ, prec + 1))
            return 0;
        *bits = rc_round_bits(y, t, scratch);
        return 1;
    }
    /* Subnormal range: round both ends of the error interval (widened
     * outward); nearest-even rounding is monotone, so equal ends decide
     * every value between them. */
    mpfr_set_ui_2exp(tmp1, 1, err_exp, MPFR_RNDN);
    mpfr_add(tmp2, y, tmp1, MPFR_RNDU);
    mpfr_sub(tmp1, y, tmp1, MPFR_RNDD);
    uint64_t lo = rc_round_bits(tmp1, t, scratch), hi = rc_round_bits(tmp2, t, scratch);
    if (lo != hi)
        return 0;
    *bits = lo;
    return 1;
}

void rc_store_bits(void *data, rc_dtype t, size_t i, uint64_t bits)
{
    switch (t) {
    case RC_F64: memcpy((double *)data + i, &bits, 8); break;
    case RC_F32: { uint32_t u = (uint32_t)bits; memcpy((float *)data + i, &u, 4); break; }
    case RC_F16:
    case RC_BF16: ((uint16_t *)data)[i] = (uint16_t)bits; break;
    }
}
