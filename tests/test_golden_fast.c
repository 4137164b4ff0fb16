/* The golden's fast stages (docs/golden.md) against the MPFR path: the
 * three cos/sin kernels within their stated bounds of 400-bit values, the
 * rounding tests never deciding a rounding the error interval leaves open,
 * and bit-identical outputs on adversarial pairs per dtype (near-halfway
 * outputs in the dtype and in f64, huge positions, x0 c close to x1 s,
 * subnormal outputs, overflow to infinity, special values).  10^6 random
 * outputs per dtype: test_golden_identity.c. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "dtype.h"
#include "golden.h"
#include "golden_internal.h"
#include "golden_testutil.h"


enum { NEAR_MIDPOINT, NEAR_ZERO, NEAR_OVERFLOW };

/* x1 so that y0 = m (x0 c - x1 s) lands near a point of `target`: the
 * midpoint nearest to m x0 c, zero (x0 c close to x1 s), or the overflow
 * threshold (largest finite + half an ulp); rounded to tin. */
static double steer_x1(rc_golden *gm, const rc_cs_entry *e, int k, double x0, rc_dtype tin,
                       rc_dtype target, int mode)
{
    mpfr_t v, mid, t;
    mpfr_inits2(320, v, mid, t, (mpfr_ptr)0);
    const double m = rc_golden_magnitude(gm);
    mpfr_mul_d(v, e->c + k, x0, MPFR_RNDN);
    mpfr_mul_d(v, v, m, MPFR_RNDN); /* ~ m x0 c */
    if (mode == NEAR_ZERO) {
        mpfr_set_zero(mid, 1);
    } else if (mode == NEAR_OVERFLOW) {
        const int P = rc_dtype_precision(target), emax = rc_dtype_emax(target);
        mpfr_set_ui_2exp(mid, 1, emax + 1, MPFR_RNDN);
        mpfr_set_ui_2exp(t, 1, emax - P, MPFR_RNDN);
        mpfr_sub(mid, mid, t, MPFR_RNDN); /* (2 - 2^-P) 2^emax */
        if (x0 < 0)
            mpfr_neg(mid, mid, MPFR_RNDN);
    } else {
        double vd = mpfr_get_d(v, MPFR_RNDN), r = to_dtype(target, vd);
        double half = rc_ulp(vd, target) / 2;
        mpfr_set_d(mid, r, MPFR_RNDN);
        if (vd >= r)
            mpfr_add_d(mid, mid, half, MPFR_RNDN);
        else
            mpfr_sub_d(mid, mid, half, MPFR_RNDN);
    }
    mpfr_sub(t, v, mid, MPFR_RNDN);
    mpfr_div_d(t, t, m, MPFR_RNDN);
    mpfr_div(t, t, e->s + k, MPFR_RNDN); /* x1 = (m x0 c - mid) / (m s) */
    double x1 = to_dtype(tin, mpfr_get_d(t, MPFR_RNDN));
    mpfr_clears(v, mid, t, (mpfr_ptr)0);
    return isfinite(x1) ? x1 : 0.0;
}

static const double specials[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, 1.0, -3.5 };

/* Inputs of pair k by one of nine strategies. */
static void make_pair(rc_golden *gm, const rc_cs_entry *e, int k, rc_dtype tin, rc_dtype tout,
                      int strategy, double *x0, double *x1)
{
    const int wide = rc_dtype_emax(tin) > 20 ? 60 : 12;
    *x0 = value_near(tin, (int)(rng() % 9) - 4);
    *x1 = value_near(tin, (int)(rng() % 9) - 4);
    switch (strategy) {
    case 0: break;
    case 1: /* wide magnitudes */
        *x0 = value_near(tin, (int)(rng() % (2 * wide + 1)) - wide);
        *x1 = value_near(tin, (int)(rng() % (2 * wide + 1)) - wide);
        break;
    case 2: *x1 = (rng() & 1) ? 0.0 : -0.0; break;
    case 3: *x1 = steer_x1(gm, e, k, *x0, tin, tout, NEAR_MIDPOINT); break;
    case 4: *x1 = steer_x1(gm, e, k, *x0, tin, RC_F64, NEAR_MIDPOINT); break;
    case 5: *x1 = steer_x1(gm, e, k, *x0, tin, tout, NEAR_ZERO); break; /* cancellation */
    case 6: { /* subnormal outputs of tout */
        int e0 = rc_dtype_emin(tout) - 1 - (int)(rng() % (unsigned)rc_dtype_precision(tout));
        *x0 = value_near(tin, e0);
        *x1 = value_near(tin, e0 - (int)(rng() % 3));
        break;
    }
    case 7: /* overflow to infinity: |y0| near tout's threshold */
        *x0 = value_near(tin, rc_dtype_emax(tout) - (int)(rng() % 2));
        *x1 = steer_x1(gm, e, k, *x0, tin, tout, NEAR_OVERFLOW);
        break;
    default:
        *x0 = specials[rng() % 7];
        *x1 = specials[rng() % 7];
        break;
    }
}

typedef struct tally {
    long pairs, outputs, mismatches;
} tally;

/* One row: both engines, outputs in tout and in f64, compared bit for bit. */
static void row_compare(rc_golden *gf, rc_golden *gm, int64_t p, const void *in, rc_dtype tin,
                        rc_dtype tout, int sign, tally *ty)
{
    const int hd = rc_golden_params(gf)->head_dim, r = rc_golden_params(gf)->rotary_dim;
    rc_dtype outs[2] = { tout, RC_F64 };
    for (int o = 0; o < (tout == RC_F64 ? 1 : 2); o++) {
        unsigned char a[8 * 128], b[8 * 128];
        rc_tensor ti = { tin, (void *)in, 1, 1, hd, hd, hd };
        rc_tensor ta = { outs[o], a, 1, 1, hd, hd, hd }, tb = ta;
        tb.data = b;
        ck_assert_int_eq(rc_golden_apply(gf, &p, &ti, &ta, sign), 0);
        ck_assert_int_eq(rc_golden_apply(gm, &p, &ti, &tb, sign), 0);
        const size_t es = rc_dtype_size(outs[o]);
        for (int i = 0; i < hd; i++)
            if (memcmp(a + i * es, b + i * es, es) != 0) {
                if (ty->mismatches < 5)
                    fprintf(stderr, "mismatch: p %lld channel %d out %s: %s vs %s\n",
                            (long long)p, i, rc_dtype_name(outs[o]),
                            rc_format_bits(a, outs[o], (size_t)i, (char[24]){0}, 24),
                            rc_format_bits(b, outs[o], (size_t)i, (char[24]){0}, 24));
                ty->mismatches++;
            }
        ty->outputs += r;
    }
    ty->pairs += r / 2;
}

/* 6 * 10^4 adversarial pairs per dtype: fast stages on vs off, identical
 * bits. */
START_TEST(test_bit_identity)
{
    const rc_dtype t = (rc_dtype)_i;
    rc_golden *gf[NCFG], *gm[NCFG];
    for (int c = 0; c < NCFG; c++) {
        rc_rope_params p = config(c);
        gf[c] = mkg(&p);
        gm[c] = mkg(&p);
        rc_golden_set_fast(gm[c], 0);
    }
    tally ty = { 0, 0, 0 };
    static unsigned char in[8 * 128];
    for (int row = 0; ty.pairs < 60000; row++) {
        const int c = row % NCFG;
        const rc_rope_params *pp = rc_golden_params(gf[c]);
        const int np = pp->rotary_dim / 2, split = pp->pairing == RC_HALF_SPLIT;
        const int64_t p = position(row);
        /* f64 inputs every other row: near-halfway cases of every width */
        const rc_dtype tin = (row & 1) ? RC_F64 : t;
        const rc_cs_entry *e = rc_cs_cache_get(rc_golden_mpfr_cache(gm[c]), p);
        for (int k = 0; k < np; k++) {
            double x0, x1;
            make_pair(gm[c], e, k, tin, t, (int)((k + row) % 9), &x0, &x1);
            rc_store(in, tin, (size_t)(split ? k : 2 * k), x0);
            rc_store(in, tin, (size_t)(split ? k + np : 2 * k + 1), x1);
        }
        for (int ch = pp->rotary_dim; ch < pp->head_dim; ch++)
            rc_store(in, tin, (size_t)ch, value_near(tin, 0));
        row_compare(gf[c], gm[c], p, in, tin, t, (row % 5 == 4) ? -1 : 1, &ty);
    }
    long fast = 0, fb = 0, unproven = 0;
    for (int c = 0; c < NCFG; c++) {
        long a, b;
        rc_golden_fast_stats(gf[c], &a, &b);
        fast += a;
        fb += b;
        unproven += rc_golden_unproven(gm[c]);
        rc_golden_free(gf[c]);
        rc_golden_free(gm[c]);
    }
    printf("bit identity %s: %ld pairs, %ld outputs (%s and f64), fast %ld, fallback %ld, "
           "mismatches %ld, unproven %ld\n",
           rc_dtype_name(t), ty.pairs, ty.outputs, rc_dtype_name(t), fast, fb, ty.mismatches,
           unproven);
    ck_assert_int_eq(ty.mismatches, 0);
    ck_assert(fast > fb); /* the fast path does decide most outputs */
}
END_TEST

/* |v - (hi + lo)| as a double, rounded up. */
static double dd_err(mpfr_srcptr v, rc_dd d, mpfr_ptr tmp)
{
    mpfr_sub_d(tmp, v, d.hi, MPFR_RNDN);
    mpfr_sub_d(tmp, tmp, d.lo, MPFR_RNDN);
    return fabs(mpfr_get_d(tmp, MPFR_RNDA));
}

/* The three cos/sin kernels within their bounds of 400-bit values,
 * positions of every size including INT64_MIN and INT64_MAX: double-double
 * (RC_FAST_CS_ERR), the f64 rows' (RC_LITE_CS_ERR), plain double
 * (RC_DBL_CS_ERR). */
START_TEST(test_cs_bound)
{
    mpfr_t w[64], a, c, s, d;
    mpfr_inits2(420, a, c, s, d, (mpfr_ptr)0);
    for (int k = 0; k < 64; k++)
        mpfr_init2(w[k], 420);
    double worst[3] = { 0.0, 0.0, 0.0 };
    const double bound[3] = { RC_FAST_CS_ERR, RC_LITE_CS_ERR, RC_DBL_CS_ERR };
    for (int ci = 0; ci < NCFG; ci++) {
        rc_rope_params p = config(ci);
        rc_golden *g = mkg(&p);
        const int np = p.rotary_dim / 2;
        for (int k = 0; k < np; k++)
            rc_freq_checked(&p, k, 400, w[k]);
        for (int i = 0; i < 3000; i++) {
            const int k = (int)(rng() % (unsigned)np);
            int64_t pos = (i == 0) ? INT64_MIN : (i == 1) ? INT64_MAX : position(i);
            rc_dd cd[3], sd[3];
            rc_fast_cs(&g->ff[k], pos, &cd[0], &sd[0]);
            rc_lite_cs(&g->ff[k], pos, &cd[1], &sd[1]);
            rc_dbl_cs(&g->ff[k], pos, &cd[2].hi, &sd[2].hi);
            cd[2].lo = sd[2].lo = 0.0;
            mpfr_set_sj(a, pos, MPFR_RNDN);
            mpfr_mul(a, a, w[k], MPFR_RNDN);
            mpfr_sin_cos(s, c, a, MPFR_RNDN);
            for (int v = 0; v < 3; v++) {
                const double ec = dd_err(c, cd[v], d), es = dd_err(s, sd[v], d);
                ck_assert_msg(ec <= bound[v] && es <= bound[v], "kernel %d p %lld k %d: errors %a %a",
                              v, (long long)pos, k, ec, es);
                worst[v] = fmax(worst[v], fmax(ec, es));
            }
        }
        rc_golden_free(g);
    }
    printf("cos/sin worst errors: double-double 2^%.1f (bound 2^%d), f64 rows 2^%.1f (bound 2^%d), "
           "double 2^%.1f (bound 2^%d)\n", log2(worst[0]), ilogb(bound[0]), log2(worst[1]),
           ilogb(bound[1]), log2(worst[2]), ilogb(bound[2]));
    for (int k = 0; k < 64; k++)
        mpfr_clear(w[k]);
    mpfr_clears(a, c, s, d, (mpfr_ptr)0);
}
END_TEST

/* The first stage's rounding to f32, f16 and bf16 is MPFR's rounding, bit
 * for bit, on doubles of every magnitude: normal, subnormal, the
 * subnormal/normal and overflow boundaries, midpoints and their
 * neighbours. */
START_TEST(test_dbl_narrow)
{
    const rc_dtype t = (rc_dtype)(RC_F32 + _i); /* f32, f16, bf16 */
    mpfr_t y, sc;
    mpfr_inits2(53, y, sc, (mpfr_ptr)0);
    const int P = rc_dtype_precision(t), emin = rc_dtype_emin(t), emax = rc_dtype_emax(t);
    for (int i = 0; i < 100000; i++) {
        const int e = emin - P - 2 + (int)(rng() % (unsigned)(emax - emin + P + 5));
        double v = ldexp(1.0 + urand(), e);
        if (i % 3 == 0) { /* a midpoint of t, or one double away from it */
            double r = to_dtype(t, v), half = rc_ulp(r, t) / 2;
            v = r + half;
            v = (i % 9 == 0) ? nextafter(v, 0.0) : (i % 9 == 3) ? nextafter(v, INFINITY) : v;
        }
        if (rng() & 1)
            v = -v;
        mpfr_set_d(y, v, MPFR_RNDN);
        ck_assert_msg(rc_dbl_narrow(v, t) == rc_round_bits(y, t, sc), "%s: %a", rc_dtype_name(t), v);
    }
    const double edges[] = { 0.0, -0.0, 0x1p-1074, 0x1p-1022, 0x1p-200, 65504.0, 65520.0,
                             65519.99, 0x1.fffffep127, 0x1.ffffffp127, 0x1.fffffefp127, 1e300 };
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        mpfr_set_d(y, edges[i], MPFR_RNDN);
        ck_assert_uint_eq(rc_dbl_narrow(edges[i], t), rc_round_bits(y, t, sc));
    }
    mpfr_clears(y, sc, (mpfr_ptr)0);
}
END_TEST

/* The rounding test on values within +-2^-60 ulp of midpoints of every
 * dtype: whenever it decides, both ends of the error interval round to
 * its answer (rounding is monotone, so every point between does). */
START_TEST(test_round_predicate)
{
    const rc_dtype t = (rc_dtype)_i;
    mpfr_t y, lo, hi, sc;
    mpfr_inits2(400, y, lo, hi, sc, (mpfr_ptr)0);
    long decided = 0;
    for (int i = 0; i < 20000; i++) {
        int e = (int)(rng() % 40) - 20;
        if (i % 4 == 0) /* subnormal range of t */
            e = rc_dtype_emin(t) - 1 - (int)(rng() % (unsigned)rc_dtype_precision(t));
        if (rc_dtype_emin(t) < -1000 && e < -1000)
            continue; /* f64 subnormals: outside the fast path's range */
        double r = fabs(value_near(t, e)), half = rc_ulp(r, t) / 2;
        /* midpoint M = r + half (above r > 0: same spacing), then
         * y = +-(M + delta) as a double-double */
        rc_dd m = rc_two_sum(r, half);
        if (rng() & 1)
            m = rc_dd_neg(m);
        double delta = ldexp(urand() - 0.5, -(int)(rng() % 70)) * half;
        if (i % 7 == 0)
            delta = 0.0; /* exactly a midpoint */
        rc_dd yv = rc_dd_add_d(m, delta);
        double err = (i % 3 == 0) ? 0.0 : ldexp(urand(), -(int)(rng() % 80)) * half;
        uint64_t bits;
        if (!rc_fast_round(yv, err, t, &bits))
            continue;
        decided++;
        mpfr_set_d(y, yv.hi, MPFR_RNDN);
        mpfr_add_d(y, y, yv.lo, MPFR_RNDN);
        mpfr_sub_d(lo, y, err, MPFR_RNDN);
        mpfr_add_d(hi, y, err, MPFR_RNDN);
        ck_assert_msg(rc_round_bits(lo, t, sc) == bits && rc_round_bits(hi, t, sc) == bits,
                      "%s: y %a + %a err %a decided wrongly", rc_dtype_name(t), yv.hi, yv.lo,
                      err);
        ck_assert_msg(!(delta == 0.0), "%s: an exact midpoint was decided", rc_dtype_name(t));
    }
    ck_assert(decided > 1000);
    mpfr_clears(y, lo, hi, sc, (mpfr_ptr)0);
}
END_TEST

/* The fma and the Dekker builds of the kernels give the same bits. */
START_TEST(test_fma_and_generic_agree)
{
    rc_rope_params p = config(1);
    rc_golden *g = mkg(&p);
    const rc_dd m = { 1.25, 0x1p-60 };
    for (int i = 0; i < 20000; i++) {
        const int k = (int)(rng() % 64);
        const int64_t pos = position(i);
        rc_dd c[2], s[2], lc[2], ls[2];
        uint64_t b[2] = { 0, 0 };
        int d[2];
        const double x0 = value_near(RC_F64, (int)(rng() % 9) - 4);
        const double x1 = value_near(RC_F64, (int)(rng() % 9) - 4);
        for (int v = 0; v < 2; v++) {
            rc_fast_set_fma(v);
            rc_fast_cs(&g->ff[k], pos, &c[v], &s[v]);
            d[v] = rc_fast_output(&m, x0, x1, c[v], s[v], RC_FAST_CS_ERR, RC_F64, &b[v]);
            rc_lite_cs(&g->ff[k], pos, &lc[v], &ls[v]);
        }
        ck_assert(memcmp(&c[0], &c[1], sizeof c[0]) == 0 && memcmp(&s[0], &s[1], sizeof s[0]) == 0);
        ck_assert(memcmp(&lc[0], &lc[1], sizeof lc[0]) == 0 &&
                  memcmp(&ls[0], &ls[1], sizeof ls[0]) == 0);
        ck_assert(d[0] == d[1] && b[0] == b[1]);
    }
    rc_fast_set_fma(1);
    rc_golden_free(g);
}
END_TEST

/* One cos/sin row per position, shared by heads, dtypes and calls: an
 * f64 output computes a double-double row that later f32 outputs reuse;
 * an f32 output computes a double row that a later f64 output upgrades. */
START_TEST(test_fast_cache_shared)
{
    enum { NT = 50, NH = 4 };
    static float in[NT * NH * 128], out[NT * NH * 128];
    static double out64[NT * NH * 128];
    int64_t pos[NT];
    for (int t = 0; t < NT; t++)
        pos[t] = 1000 + t;
    for (int i = 0; i < NT * NH * 128; i++)
        in[i] = (float)(urand() - 0.5);
    rc_tensor ti = { RC_F32, in, NT, NH, 128, NH * 128, 128 };
    rc_tensor to = ti, t64 = ti;
    to.data = out;
    t64.dtype = RC_F64;
    t64.data = out64;
    rc_rope_params p = config(0);
    for (int order = 0; order < 2; order++) {
        rc_golden *g = mkg(&p);
        ck_assert_int_eq(rc_golden_apply(g, pos, &ti, order ? &to : &t64, 1), 0);
        ck_assert_int_eq(rc_golden_apply(g, pos, &ti, order ? &t64 : &to, 1), 0);
        long computed, upgraded, hits;
        rc_fcs_cache_stats(g->fcache, &computed, &upgraded, &hits);
        ck_assert_int_eq(computed, NT);
        ck_assert_int_eq(upgraded, order ? NT : 0);
        ck_assert_int_eq(hits, order ? 0 : NT);
        rc_golden_free(g);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("golden_fast");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_cs_bound);
    tcase_add_loop_test(tc, test_dbl_narrow, 0, 3);
    tcase_add_loop_test(tc, test_round_predicate, 0, RC_DTYPE_COUNT);
    tcase_add_test(tc, test_fast_cache_shared);
    tcase_add_test(tc, test_fma_and_generic_agree);
    tcase_add_loop_test(tc, test_bit_identity, 0, RC_DTYPE_COUNT);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return golden_run_suite(suite()); }
