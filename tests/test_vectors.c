/* Frozen vectors: the committed files regenerate bit for bit, tampering and
 * malformed files are named, the golden command's JSON is exact, and
 * `vectors check` passes the reference and fails a sign-flipped adapter. */
#include <check.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_golden.h"
#include "config.h"
#include "dtype.h"
#include "vectors.h"

#define VEC_DIR RC_SOURCE_DIR "/vectors"

static char *slurp(const char *path)
{
    char err[256];
    char *t = rc_vec_read_text(path, NULL, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    return t;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* A temporary copy of the committed vectors. */
static void copy_vectors(char *tmp)
{
    strcpy(tmp, "/tmp/rc_vec_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    DIR *d = opendir(VEC_DIR);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (!strstr(e->d_name, ".json"))
            continue;
        char src[4096], dst[4096];
        snprintf(src, sizeof src, "%s/%s", VEC_DIR, e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", tmp, e->d_name);
        char *t = slurp(src);
        spit(dst, t);
        free(t);
    }
    closedir(d);
}

static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* Run fn's output into a string. */
static char *captured(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    char *s = calloc((size_t)n + 1, 1);
    rewind(f);
    ck_assert_int_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    return s;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

START_TEST(committed_vectors_verify)
{
    char err[512] = "";
    FILE *out = tmpfile();
    int rc = rc_vec_verify(VEC_DIR, out, err, sizeof err);
    char *text = captured(out);
    ck_assert_msg(rc == 0, "verify returned %d: %s%s", rc, err, text);
    ck_assert_str_eq(text, "");
    free(text);
    fclose(out);
}
END_TEST

START_TEST(tampered_file_is_named)
{
    char tmp[64], path[4096], err[512] = "";
    copy_vectors(tmp);
    snprintf(path, sizeof path, "%s/yarn-interleaved-f16.json", tmp);
    char *t = slurp(path);
    /* flip one bit of the first expected value */
    char *e = strstr(t, "\"expected\": [\n        [\"0x");
    ck_assert_ptr_nonnull(e);
    char *digit = e + strlen("\"expected\": [\n        [\"0x") + 3;
    *digit = *digit == '0' ? '1' : '0';
    spit(path, t);
    free(t);
    FILE *out = tmpfile();
    int rc = rc_vec_verify(tmp, out, err, sizeof err);
    char *text = captured(out);
    ck_assert_msg(rc == 1, "verify returned %d: %s", rc, err);
    ck_assert_int_eq(count_lines(text), 1);
    ck_assert_msg(strstr(text, "yarn-interleaved-f16.json: 1 of ") != NULL, "%s", text);
    ck_assert_msg(strstr(text, "case \"edges\", \"expected\" row 0") != NULL, "%s", text);
    free(text);
    fclose(out);

    /* check trusts no file whose checksum is off */
    out = tmpfile();
    rc = rc_vec_check(tmp, RC_BUILD_DIR "/adapters/librope_reference.so", "standard", 10, out, err, sizeof err);
    ck_assert_int_eq(rc, 2);
    ck_assert_msg(strstr(err, "yarn-interleaved-f16.json: does not match its checksum") != NULL, "%s", err);
    fclose(out);
    remove_dir(tmp);
}
END_TEST

START_TEST(malformed_file_is_an_error)
{
    char tmp[64], path[4096], err[512] = "";
    copy_vectors(tmp);
    snprintf(path, sizeof path, "%s/llama3-half-split-bf16.json", tmp);
    char *t = slurp(path);
    t[strlen(t) / 2] = '\0';
    spit(path, t);
    free(t);
    FILE *out = tmpfile();
    ck_assert_int_eq(rc_vec_verify(tmp, out, err, sizeof err), 2);
    ck_assert_msg(strstr(err, "llama3-half-split-bf16.json: not valid JSON") != NULL, "%s", err);
    ck_assert_ptr_null(strchr(err, '\n'));

    /* valid JSON, a value of the wrong width: named down to the element */
    spit(path, "{\"rope_conform_vectors\": 1, \"name\": \"x\", \"dtype\": \"bf16\", \"seed\": 1, \"cases\": "
               "[{\"name\": \"c\", \"note\": \"\", \"params\": {\"rope_conform_params\": 1, \"head_dim\": 2}, "
               "\"magnitude\": \"0x3ff0000000000000\", \"inv_freq\": [\"0x3ff0000000000000\"], "
               "\"positions\": [0], \"inputs\": [[\"0x3f80\", \"0x3f8\"]]}]}");
    rewind(out);
    ck_assert_int_eq(rc_vec_verify(tmp, out, err, sizeof err), 2);
    ck_assert_msg(strstr(err, "\"inputs\" row 0 element 1: '0x3f8'") != NULL, "%s", err);
    ck_assert_ptr_null(strchr(err, '\n'));
    fclose(out);
    remove_dir(tmp);
}
END_TEST

START_TEST(golden_at_zero_is_input_times_m)
{
    /* YaRN with an exact m = 1.25: at p = 0, y = m x rounded once */
    char dir[64], cfgp[4096], inp[4096], err[512] = "";
    strcpy(dir, "/tmp/rc_gold_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(cfgp, sizeof cfgp, "%s/params.json", dir);
    snprintf(inp, sizeof inp, "%s/input.json", dir);
    spit(cfgp, "{\"rope_conform_params\": 1, \"head_dim\": 4, \"rope_type\": \"yarn\", \"factor\": 4,"
               " \"original_max_position\": 4096, \"attention_factor\": \"0x1.4p+0\"}");
    const char *vals[4] = { "0x3f800001", "-0x1.fffffep-1", "0x00000001", "0x80000000" };
    spit(inp, "[[\"0x3f800001\", \"-0x1.fffffep-1\", \"0x00000001\", \"0x80000000\"]]");
    rc_config cfg;
    ck_assert_int_eq(rc_config_load(cfgp, &cfg, err, sizeof err), 0);
    int64_t pos = 0;
    rc_golden_req q = { &cfg, RC_F32, &pos, 1, 1, inp, 1, 0, 0 };
    char *doc = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&doc, &len);
    ck_assert_msg(rc_golden_emit(f, &q, err, sizeof err) == 0, "%s", err);
    fclose(f);
    cJSON *root = cJSON_Parse(doc);
    ck_assert_ptr_nonnull(root);
    const cJSON *outs = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "outputs"), 0);
    ck_assert_int_eq(cJSON_GetArraySize(outs), 4);
    for (int i = 0; i < 4; i++) {
        uint64_t xb, yb;
        ck_assert_int_eq(rc_vec_value_parse(vals[i], RC_F32, 0, &xb, err, sizeof err), 0);
        uint32_t x32 = (uint32_t)xb;
        float x;
        memcpy(&x, &x32, 4);
        float want = (float)(1.25 * (double)x);   /* exact product, one rounding */
        const char *s = cJSON_GetArrayItem(outs, i)->valuestring;
        ck_assert_int_eq(rc_vec_value_parse(s, RC_F32, 0, &yb, err, sizeof err), 0);
        uint32_t wb;
        memcpy(&wb, &want, 4);
        ck_assert_msg(yb == wb, "element %d: got %s, want 0x%08x", i, s, wb);
    }
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "magnitude");
    ck_assert_str_eq(m->valuestring, "0x3ff4000000000000 0x1.4p+0");
    cJSON_Delete(root);
    free(doc);
    unlink(cfgp);
    unlink(inp);
    rmdir(dir);
}
END_TEST

START_TEST(position_lists)
{
    int64_t *p;
    size_t n;
    char err[256];
    ck_assert_int_eq(rc_positions_parse("0,1,2,100-110,2147483647", &p, &n, err, sizeof err), 0);
    ck_assert_int_eq(n, 15);
    ck_assert_int_eq(p[3], 100);
    ck_assert_int_eq(p[13], 110);
    ck_assert_int_eq(p[14], 2147483647);
    free(p);
    ck_assert_int_eq(rc_positions_parse("-5--3", &p, &n, err, sizeof err), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(p[0], -5);
    ck_assert_int_eq(p[2], -3);
    free(p);
    const char *bad[] = { "", "1,,2", "1,", "a", "3-1", "1-2-3", "0-2000000" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(rc_positions_parse(bad[i], &p, &n, err, sizeof err) == -1, "'%s' accepted", bad[i]);
        ck_assert_ptr_null(strchr(err, '\n'));
    }
}
END_TEST

START_TEST(value_spellings)
{
    uint64_t b;
    char err[256];
    ck_assert_int_eq(rc_vec_value_parse("0x3c00", RC_F16, 0, &b, err, sizeof err), 0);
    ck_assert_uint_eq(b, 0x3c00);
    ck_assert_int_eq(rc_vec_value_parse("0x3c00 0x1p+0", RC_F16, 0, &b, err, sizeof err), 0);
    ck_assert_int_eq(rc_vec_value_parse("0x3c00 0x1p+1", RC_F16, 0, &b, err, sizeof err), -1);
    ck_assert_int_eq(rc_vec_value_parse("0x1p-24", RC_F16, 0, &b, err, sizeof err), 0);
    ck_assert_uint_eq(b, 0x0001);
    ck_assert_int_eq(rc_vec_value_parse("-0x0p+0", RC_BF16, 0, &b, err, sizeof err), 0);
    ck_assert_uint_eq(b, 0x8000);
    ck_assert_int_eq(rc_vec_value_parse("0.1", RC_F32, 0, &b, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "not exactly representable in f32") != NULL, "%s", err);
    /* vector files hold bit patterns only: 0x3f8 is 1016, not a bf16 pattern */
    ck_assert_int_eq(rc_vec_value_parse("0x3f8", RC_BF16, 0, &b, err, sizeof err), 0);
    ck_assert_int_eq(rc_vec_value_parse("0x3f8", RC_BF16, 1, &b, err, sizeof err), -1);
    char buf[64];
    ck_assert_str_eq(rc_vec_value_str(0x8001, RC_F16, 1, buf, sizeof buf), "0x8001 -0x1p-24");
}
END_TEST

START_TEST(check_passes_reference)
{
    char err[512] = "";
    FILE *out = tmpfile();
    int rc = rc_vec_check(VEC_DIR, RC_BUILD_DIR "/adapters/librope_reference.so", "standard", 10, out, err,
                          sizeof err);
    char *text = captured(out);
    ck_assert_msg(rc == 0, "check returned %d: %s\n%s", rc, err, text);
    ck_assert_int_eq(count_lines(text), (int)rc_vec_n_files());
    ck_assert_ptr_null(strstr(text, "FAIL"));
    free(text);
    fclose(out);
}
END_TEST

START_TEST(check_fails_sign_flip)
{
    char err[512] = "";
    FILE *out = tmpfile();
    int rc = rc_vec_check(VEC_DIR, RC_TEST_ADAPTER_DIR "/conv_sign_flip.so", "standard", 10, out, err,
                          sizeof err);
    char *text = captured(out);
    ck_assert_msg(rc == 1, "check returned %d: %s", rc, err);
    ck_assert_msg(strstr(text, "FAIL default-half-split-f32.json: ") != NULL, "%s", text);
    /* the adapter declines half precision: skipped, not failed */
    ck_assert_msg(strstr(text, "SKIP default-half-split-f16.json") != NULL, "%s", text);
    free(text);
    fclose(out);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("vectors");
    TCase *t = tcase_create("vectors");
    tcase_set_timeout(t, 300);
    tcase_add_test(t, committed_vectors_verify);
    tcase_add_test(t, tampered_file_is_named);
    tcase_add_test(t, malformed_file_is_an_error);
    tcase_add_test(t, golden_at_zero_is_input_times_m);
    tcase_add_test(t, position_lists);
    tcase_add_test(t, value_spellings);
    tcase_add_test(t, check_passes_reference);
    tcase_add_test(t, check_fails_sign_flip);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_set_fork_status(r, CK_FORK);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
