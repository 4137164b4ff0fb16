/* dtype layer: names, ranges, exact loads, correctly rounded stores and
 * ulps, checked against hand-written IEEE 754 bit patterns. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dtype.h"

static uint64_t store_bits(rc_dtype t, double v)
{
    unsigned char buf[8] = {0};
    rc_store(buf, t, 0, v);
    return rc_load_bits(buf, t, 0);
}

START_TEST(test_table)
{
    ck_assert_uint_eq(rc_dtype_size(RC_F64), 8);
    ck_assert_uint_eq(rc_dtype_size(RC_F32), 4);
    ck_assert_uint_eq(rc_dtype_size(RC_F16), 2);
    ck_assert_uint_eq(rc_dtype_size(RC_BF16), 2);
    ck_assert_str_eq(rc_dtype_name(RC_BF16), "bf16");
    ck_assert_str_eq(rc_dtype_name(RC_F64), "f64");
    ck_assert_int_eq(rc_dtype_precision(RC_F64), 53);
    ck_assert_int_eq(rc_dtype_precision(RC_F32), 24);
    ck_assert_int_eq(rc_dtype_precision(RC_F16), 11);
    ck_assert_int_eq(rc_dtype_precision(RC_BF16), 8);
    ck_assert_int_eq(rc_dtype_emin(RC_F64), -1022);
    ck_assert_int_eq(rc_dtype_emin(RC_F16), -14);
    ck_assert_int_eq(rc_dtype_emin(RC_BF16), -126);
    ck_assert_int_eq(rc_dtype_emax(RC_F32), 127);
    ck_assert_int_eq(rc_dtype_emax(RC_F16), 15);
    ck_assert(rc_dtype_unit_roundoff(RC_F32) == 0x1p-24);
    ck_assert(rc_dtype_unit_roundoff(RC_BF16) == 0x1p-8);
    ck_assert(rc_dtype_min_normal(RC_F16) == 0x1p-14);
    ck_assert(rc_dtype_min_normal(RC_F64) == 0x1p-1022);
}
END_TEST

START_TEST(test_parse)
{
    rc_dtype t = RC_F64;
    ck_assert_int_eq(rc_dtype_parse("bfloat16", &t), 0);
    ck_assert_int_eq(t, RC_BF16);
    ck_assert_int_eq(rc_dtype_parse("F16", &t), 0);
    ck_assert_int_eq(t, RC_F16);
    ck_assert_int_eq(rc_dtype_parse("torch.float32", &t), 0);
    ck_assert_int_eq(t, RC_F32);
    ck_assert_int_eq(rc_dtype_parse("f64", &t), 0);
    ck_assert_int_eq(t, RC_F64);
    ck_assert_int_eq(rc_dtype_parse("f8", &t), -1);
    ck_assert_int_eq(rc_dtype_parse(NULL, &t), -1);
}
END_TEST

START_TEST(test_f16_rounding)
{
    ck_assert_uint_eq(store_bits(RC_F16, 1.0), 0x3c00);
    ck_assert_uint_eq(store_bits(RC_F16, 1.0 + 0x1p-11), 0x3c00);       /* tie -> even */
    ck_assert_uint_eq(store_bits(RC_F16, 1.0 + 3 * 0x1p-11), 0x3c02);   /* tie -> even (up) */
    ck_assert_uint_eq(store_bits(RC_F16, 1.0 + 0x1p-11 + 0x1p-30), 0x3c01);
    ck_assert_uint_eq(store_bits(RC_F16, -2.0), 0xc000);
    ck_assert_uint_eq(store_bits(RC_F16, -0.0), 0x8000);
    ck_assert_uint_eq(store_bits(RC_F16, 65504.0), 0x7bff);             /* max finite */
    ck_assert_uint_eq(store_bits(RC_F16, 65519.99), 0x7bff);
    ck_assert_uint_eq(store_bits(RC_F16, 65520.0), 0x7c00);             /* tie -> even = inf */
    ck_assert_uint_eq(store_bits(RC_F16, -1e9), 0xfc00);
    ck_assert_uint_eq(store_bits(RC_F16, 0x1p-14), 0x0400);             /* min normal */
    ck_assert_uint_eq(store_bits(RC_F16, 0x1p-24), 0x0001);             /* min subnormal */
    ck_assert_uint_eq(store_bits(RC_F16, 1023 * 0x1p-24), 0x03ff);      /* max subnormal */
    ck_assert_uint_eq(store_bits(RC_F16, 0x1p-25), 0x0000);             /* tie -> even 0 */
    ck_assert_uint_eq(store_bits(RC_F16, 0x1p-25 + 0x1p-40), 0x0001);
    ck_assert_uint_eq(store_bits(RC_F16, 3 * 0x1p-25), 0x0002);         /* 1.5 q -> 2 q */
    ck_assert_uint_eq(store_bits(RC_F16, -5 * 0x1p-25), 0x8002);        /* 2.5 q -> 2 q */
    ck_assert_uint_eq(store_bits(RC_F16, 0x1p-14 - 0x1p-25), 0x0400);   /* rounds up to normal */
    uint64_t nan = store_bits(RC_F16, NAN);
    ck_assert_uint_eq(nan & 0x7c00, 0x7c00);
    ck_assert_uint_ne(nan & 0x03ff, 0);
    ck_assert_uint_eq(store_bits(RC_F16, INFINITY), 0x7c00);
}
END_TEST

START_TEST(test_bf16_rounding)
{
    ck_assert_uint_eq(store_bits(RC_BF16, 1.0), 0x3f80);
    ck_assert_uint_eq(store_bits(RC_BF16, 1.0 + 0x1p-8), 0x3f80);       /* tie -> even */
    ck_assert_uint_eq(store_bits(RC_BF16, 1.0 + 3 * 0x1p-8), 0x3f82);
    ck_assert_uint_eq(store_bits(RC_BF16, 1.0 + 0x1p-8 + 0x1p-30), 0x3f81);
    ck_assert_uint_eq(store_bits(RC_BF16, -0.0), 0x8000);
    ck_assert_uint_eq(store_bits(RC_BF16, 0x1.fep127), 0x7f7f);         /* max finite */
    ck_assert_uint_eq(store_bits(RC_BF16, 0x1.ffp127), 0x7f80);         /* tie -> inf */
    ck_assert_uint_eq(store_bits(RC_BF16, 0x1.fefffp127), 0x7f7f);
    ck_assert_uint_eq(store_bits(RC_BF16, 0x1p-126), 0x0080);           /* min normal */
    ck_assert_uint_eq(store_bits(RC_BF16, 0x1p-133), 0x0001);           /* min subnormal */
    ck_assert_uint_eq(store_bits(RC_BF16, 0x1p-134), 0x0000);           /* tie -> 0 */
    ck_assert_uint_eq(store_bits(RC_BF16, 3 * 0x1p-134), 0x0002);
    ck_assert_uint_eq(store_bits(RC_BF16, -0x1p-134 - 0x1p-160), 0x8001);
    ck_assert_uint_eq(store_bits(RC_BF16, 3.140625), 0x4049);
}
END_TEST

START_TEST(test_f32_f64_store)
{
    ck_assert_uint_eq(store_bits(RC_F32, 1.0), 0x3f800000);
    ck_assert_uint_eq(store_bits(RC_F32, 1.0 + 0x1p-24), 0x3f800000);
    ck_assert_uint_eq(store_bits(RC_F32, 1.0 + 3 * 0x1p-24), 0x3f800002);
    ck_assert_uint_eq(store_bits(RC_F32, 0x1p-149), 0x00000001);
    ck_assert_uint_eq(store_bits(RC_F32, 0x1p-150), 0x00000000);
    ck_assert_uint_eq(store_bits(RC_F32, 0x1.ffffffp127), 0x7f800000);
    ck_assert_uint_eq(store_bits(RC_F64, -1.5), 0xbff8000000000000ull);
    ck_assert_uint_eq(store_bits(RC_F64, 0x1p-1074), 1);
}
END_TEST

START_TEST(test_load_exact)
{
    uint16_t h[3] = {0x3555, 0x0001, 0xfbff};
    ck_assert(rc_load(h, RC_F16, 0) == 0x1.554p-2);
    ck_assert(rc_load(h, RC_F16, 1) == 0x1p-24);
    ck_assert(rc_load(h, RC_F16, 2) == -65504.0);
    uint16_t b[2] = {0x4049, 0x0001};
    ck_assert(rc_load(b, RC_BF16, 0) == 3.140625);
    ck_assert(rc_load(b, RC_BF16, 1) == 0x1p-133);
    float f[1] = {0x1.fffffep-1f};
    ck_assert(rc_load(f, RC_F32, 0) == 0x1.fffffep-1);
    /* every f16 pattern survives load -> store unchanged (NaNs stay NaN) */
    for (uint32_t u = 0; u < 0x10000; u++) {
        uint16_t in = (uint16_t)u, out;
        double v = rc_load(&in, RC_F16, 0);
        rc_store(&out, RC_F16, 0, v);
        if ((u & 0x7c00) == 0x7c00 && (u & 0x3ff))
            ck_assert(isnan(v) && (out & 0x7c00) == 0x7c00 && (out & 0x3ff));
        else
            ck_assert_uint_eq(out, in);
    }
}
END_TEST

START_TEST(test_format_bits)
{
    char buf[32];
    uint16_t h = 0x3c00;
    ck_assert_str_eq(rc_format_bits(&h, RC_F16, 0, buf, sizeof buf), "0x3c00");
    float f = 1.0f;
    ck_assert_str_eq(rc_format_bits(&f, RC_F32, 0, buf, sizeof buf), "0x3f800000");
    double d = 1.0;
    ck_assert_str_eq(rc_format_bits(&d, RC_F64, 0, buf, sizeof buf), "0x3ff0000000000000");
    uint16_t b = 0x0001;
    ck_assert_str_eq(rc_format_bits(&b, RC_BF16, 0, buf, sizeof buf), "0x0001");
    ck_assert_uint_eq(rc_load_bits(&d, RC_F64, 0), 0x3ff0000000000000ull);
}
END_TEST

START_TEST(test_ulp)
{
    ck_assert(rc_ulp(1.0, RC_F32) == 0x1p-23);
    ck_assert(rc_ulp(-1.0, RC_F32) == 0x1p-23);
    ck_assert(rc_ulp(0.99, RC_F32) == 0x1p-24);
    ck_assert(rc_ulp(0.0, RC_F32) == 0x1p-149);
    ck_assert(rc_ulp(1e-40, RC_F32) == 0x1p-149);      /* subnormal: fixed quantum */
    ck_assert(rc_ulp(0x1p-126, RC_F32) == 0x1p-149);
    ck_assert(rc_ulp(1.0, RC_F16) == 0x1p-10);
    ck_assert(rc_ulp(0.99, RC_F16) == 0x1p-11);
    ck_assert(rc_ulp(65504.0, RC_F16) == 32.0);
    ck_assert(rc_ulp(0.0, RC_F16) == 0x1p-24);
    ck_assert(rc_ulp(0x1p-14, RC_F16) == 0x1p-24);
    ck_assert(rc_ulp(0x1p-20, RC_F16) == 0x1p-24);
    ck_assert(rc_ulp(1.0, RC_BF16) == 0x1p-7);
    ck_assert(rc_ulp(0.0, RC_BF16) == 0x1p-133);
    ck_assert(rc_ulp(1.0, RC_F64) == 0x1p-52);
    ck_assert(rc_ulp(0.0, RC_F64) == 0x1p-1074);
    ck_assert(isnan(rc_ulp(NAN, RC_F32)));
    ck_assert(rc_ulp_error(1.0 + 0x1p-23, 1.0, RC_F32) == 1.0);
    ck_assert(rc_ulp_error(1.0, 1.0 + 0x1p-24, RC_F32) == 0.5);
    ck_assert(rc_ulp_error(3 * 0x1p-24, 0x1p-24, RC_F16) == 2.0);
    ck_assert(rc_ulp_error(NAN, NAN, RC_F16) == 0.0);
    ck_assert(isinf(rc_ulp_error(INFINITY, 65504.0, RC_F16)));
    ck_assert(rc_ulp_error(INFINITY, INFINITY, RC_F16) == 0.0);
}
END_TEST

START_TEST(test_tensor_span)
{
    rc_tensor x = {RC_F32, NULL, 2, 3, 4, 12, 4};
    ck_assert_uint_eq(rc_tensor_span(&x), 24);
    ck_assert_uint_eq(rc_tensor_index(&x, 1, 2, 3), 23);
    rc_tensor y = {RC_F32, NULL, 2, 3, 4, 100, 10};
    ck_assert_uint_eq(rc_tensor_span(&y), 124);
    y.n_tokens = 0;
    ck_assert_uint_eq(rc_tensor_span(&y), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dtype");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_table);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_f16_rounding);
    tcase_add_test(tc, test_bf16_rounding);
    tcase_add_test(tc, test_f32_f64_store);
    tcase_add_test(tc, test_load_exact);
    tcase_add_test(tc, test_format_bits);
    tcase_add_test(tc, test_ulp);
    tcase_add_test(tc, test_tensor_span);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
