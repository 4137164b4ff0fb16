/* Bit identity of the golden's fast stages with its MPFR path on >= 10^6
 * random outputs per dtype, and pass-through channels that keep the
 * input's bits (NaN payloads included).  Adversarial inputs:
 * test_golden_fast.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtype.h"
#include "golden.h"
#include "golden_internal.h"
#include "golden_testutil.h"

/* >= 10^6 outputs per dtype from random inputs of that dtype, 16 tokens
 * x 8 heads per call at random positions (up to 2^31 - 1 and int64
 * extremes), every configuration, apply and backward: the fast stages
 * against the MPFR path, bit for bit. */
START_TEST(test_identity_random)
{
    const rc_dtype t = (rc_dtype)_i;
    enum { NT = 16, NH = 8 };
    static unsigned char in[NT * NH * 128 * 8], a[NT * NH * 128 * 8], b[NT * NH * 128 * 8];
    long outputs = 0, bad = 0;
    for (int call = 0; outputs < 1000000; call++) {
        rc_rope_params p = config(call % NCFG);
        rc_golden *gf = mkg(&p), *gm = mkg(&p);
        rc_golden_set_fast(gm, 0);
        const int hd = p.head_dim;
        int64_t pos[NT];
        for (int i = 0; i < NT; i++)
            pos[i] = position(call * NT + i);
        for (int i = 0; i < NT * NH * hd; i++)
            rc_store(in, t, (size_t)i, value_near(t, (int)(rng() % 9) - 4));
        rc_tensor ti = { t, in, NT, NH, hd, NH * hd, hd };
        rc_tensor ta = ti, tb = ti;
        ta.data = a;
        tb.data = b;
        const int sign = (call & 1) ? -1 : 1;
        ck_assert_int_eq(rc_golden_apply(gf, pos, &ti, &ta, sign), 0);
        ck_assert_int_eq(rc_golden_apply(gm, pos, &ti, &tb, sign), 0);
        const size_t es = rc_dtype_size(t);
        for (size_t i = 0; i < (size_t)NT * NH * hd; i++)
            bad += memcmp(a + i * es, b + i * es, es) != 0;
        outputs += (long)NT * NH * p.rotary_dim;
        rc_golden_free(gf);
        rc_golden_free(gm);
    }
    printf("random identity %s: %ld outputs, %ld mismatches\n", rc_dtype_name(t), outputs, bad);
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* Pass-through channels of an apply whose input and output dtypes match
 * are the input's bits, NaN payloads and signalling NaNs included. */
START_TEST(test_passthrough_bits)
{
    const rc_dtype t = (rc_dtype)_i;
    rc_rope_params p = config(4); /* head_dim 96, rotary_dim 64 */
    rc_golden *g = mkg(&p);
    static const uint64_t nans[RC_DTYPE_COUNT][4] = {
        [RC_F64] = { 0x7ff0000000000001ull, 0xfff8000000000abcull, 0x7ff4000000000005ull, 0x1 },
        [RC_F32] = { 0x7fa00005, 0xffc00123, 0x7f800001, 0x1 },
        [RC_F16] = { 0x7c01, 0xfe01, 0x7d00, 0x1 },
        [RC_BF16] = { 0x7f81, 0xffc1, 0x7fa0, 0x1 },
    };
    unsigned char in[96 * 8], out[96 * 8];
    for (int i = 0; i < 96; i++)
        rc_store(in, t, (size_t)i, 0.5);
    for (int i = 64; i < 96; i++)
        rc_store_bits(in, t, (size_t)i, nans[t][i % 4]);
    const int64_t pos = 7;
    rc_tensor ti = { t, in, 1, 1, 96, 96, 96 }, to = ti;
    to.data = out;
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &to, 1), 0);
    for (int i = 64; i < 96; i++)
        ck_assert_msg(rc_load_bits(out, t, (size_t)i) == nans[t][i % 4], "%s channel %d: %llx",
                      rc_dtype_name(t), i, (unsigned long long)rc_load_bits(out, t, (size_t)i));
    rc_golden_free(g);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("golden_identity");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_identity_random, 0, RC_DTYPE_COUNT);
    tcase_add_loop_test(tc, test_passthrough_bits, 0, RC_DTYPE_COUNT);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return golden_run_suite(suite()); }
