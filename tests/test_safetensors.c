/* harness/base/safetensors.c: the bytes the writer lays down, checked by hand
 * (header length, JSON, alignment, data), the reader on them, and one-line
 * errors for files that are not safetensors or lie about their data. */
#define _XOPEN_SOURCE 700
#define TMPDIR_PREFIX "rc_safetensors"
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "safetensors.h"
#include "testutil.h"

/* the file each test writes, in its own temporary directory */
static const char *st_path(void) { return tpath("t.safetensors"); }

static void write_raw(const void *data, size_t n)
{
    FILE *f = fopen(st_path(), "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* A file with header text h (length given in the first 8 bytes) and data. */
static void write_file(const char *h, const void *data, size_t n)
{
    unsigned char buf[512];
    uint64_t len = strlen(h);
    for (int i = 0; i < 8; i++)
        buf[i] = (unsigned char)(len >> (8 * i));
    memcpy(buf + 8, h, len);
    memcpy(buf + 8 + len, data, n);
    write_raw(buf, 8 + len + n);
}

START_TEST(test_write_layout_and_read_back)
{
    const float f[3] = { 1.0f, -2.5f, 0.125f };
    const int64_t pos[2] = { 7, -1 };
    const int64_t shape_f[2] = { 1, 3 }, shape_p[1] = { 2 };
    rc_st_writer w;
    char err[256];
    ck_assert_int_eq(rc_st_writer_init(&w), 0);
    ck_assert_int_eq(rc_st_add(&w, "x", "F32", 2, shape_f, f, sizeof f), 0);
    ck_assert_int_eq(rc_st_add(&w, "p", "I64", 1, shape_p, pos, sizeof pos), 0);
    ck_assert_int_eq(rc_st_set_meta(&w, "k", "v"), 0);
    ck_assert_int_eq(rc_st_write(&w, st_path(), err, sizeof err), 0);
    rc_st_writer_free(&w);

    FILE *fp = fopen(st_path(), "rb");
    unsigned char blob[512];
    size_t n = fread(blob, 1, sizeof blob, fp);
    fclose(fp);
    uint64_t len = 0;
    for (int i = 0; i < 8; i++)
        len |= (uint64_t)blob[i] << (8 * i);
    ck_assert_uint_eq(len % 8, 0);
    ck_assert_uint_eq(n, 8 + len + sizeof f + sizeof pos);
    const char *want = "{\"x\":{\"shape\":[1,3],\"data_offsets\":[0,12],\"dtype\":\"F32\"},"
                       "\"p\":{\"shape\":[2],\"data_offsets\":[12,28],\"dtype\":\"I64\"},"
                       "\"__metadata__\":{\"k\":\"v\"}}";
    ck_assert_int_eq(memcmp(blob + 8, want, strlen(want)), 0);
    for (size_t i = 8 + strlen(want); i < 8 + len; i++)
        ck_assert_int_eq(blob[i], ' ');
    ck_assert_int_eq(memcmp(blob + 8 + len, f, sizeof f), 0);
    ck_assert_int_eq(memcmp(blob + 8 + len + sizeof f, pos, sizeof pos), 0);

    rc_st_file r;
    ck_assert_int_eq(rc_st_read(st_path(), &r, err, sizeof err), 0);
    rc_st_tensor t;
    ck_assert_int_eq(rc_st_find(&r, "p", &t), 1);
    ck_assert_str_eq(t.dtype, "I64");
    ck_assert_int_eq(t.ndim, 1);
    ck_assert_int_eq(t.shape[0], 2);
    ck_assert_uint_eq(t.bytes, sizeof pos);
    ck_assert_int_eq(memcmp(t.data, pos, sizeof pos), 0);
    ck_assert_int_eq(rc_st_find(&r, "missing", &t), 0);
    ck_assert_int_eq(rc_st_find(&r, "__metadata__", &t), 0);
    ck_assert_str_eq(rc_st_meta(&r, "k"), "v");
    ck_assert_ptr_null(rc_st_meta(&r, "nope"));
    rc_st_close(&r);
}
END_TEST

static void expect_error(const char *fragment)
{
    rc_st_file r;
    char err[256] = "";
    ck_assert_int_eq(rc_st_read(st_path(), &r, err, sizeof err), -1);
    ck_assert_msg(strstr(err, fragment) != NULL, "error '%s' lacks '%s'", err, fragment);
    ck_assert_ptr_null(strchr(err, '\n'));
}

START_TEST(test_errors)
{
    const unsigned char data[8] = { 0 };
    write_raw("abc", 3);
    expect_error("not a safetensors file (bad header length)");
    write_raw("\xff\xff\xff\xff\xff\xff\xff\x7f{}", 10);
    expect_error("not a safetensors file (bad header length)");
    write_file("[1,2]", data, 0);
    expect_error("header is not a JSON object");
    write_file("{\"a\":{\"dtype\":\"F7\",\"shape\":[1],\"data_offsets\":[0,4]}}", data, 4);
    expect_error("tensor \"a\": unknown or missing dtype");
    write_file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", data, 4);
    expect_error("data_offsets [0, 8] do not hold its 8 bytes");
    write_file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", data, 4);
    expect_error("shape holds a non-integer");
    write_file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", data, 4);
    rc_st_file r;
    char err[256];
    ck_assert_int_eq(rc_st_read(st_path(), &r, err, sizeof err), 0);
    rc_st_close(&r);
    unlink(st_path());
    expect_error("cannot open");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("safetensors");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_write_layout_and_read_back);
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
