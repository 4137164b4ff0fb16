/* The property, long-context, scaling, cos/sin and backward suites: the
 * reference passes each; each deliberately broken adapter (tests/adapters/
 * suite_*.c) fails the check meant to catch it; the scaling boundaries are
 * ones where the golden really differs on the two sides (lesson 6). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "run.h"
#include "runner.h"
#include "testrun.h"
#include "variants.h"

#define REFERENCE RC_BUILD_DIR "/adapters/librope_reference.so"
#define ADAPTER(name) RC_TEST_ADAPTER_DIR "/" name ".so"

static rc_config cfg, cfg2;   /* large: keep them off the stack */

/* ---- running the harness ------------------------------------------------ */

/* Write cfg.params as a params JSON file; returns its path (static). */
static const char *write_config_dtype(const rc_config *c, const char *dtype)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/rc_suites_cfg_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_msg(fd >= 0, "mkstemp");
    cJSON *j = rc_params_to_json(&c->params);
    ck_assert_ptr_nonnull(j);
    if (dtype)
        ck_assert_ptr_nonnull(cJSON_AddStringToObject(j, "dtype", dtype));
    char *text = cJSON_Print(j);
    ck_assert_ptr_nonnull(text);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    free(text);
    cJSON_Delete(j);
    return path;
}

static const char *write_config(const rc_config *c) { return write_config_dtype(c, NULL); }

/* Run one suite at level 1 and return the parsed JSON report. */
static cJSON *run_suite(const char *adapter, const char *suite, const char *config)
{
    char json[64];
    snprintf(json, sizeof json, "/tmp/rc_suites_json_XXXXXX");
    int fd = mkstemp(json);
    ck_assert_msg(fd >= 0, "mkstemp");
    close(fd);
    rc_run_opts o = level1_opts(adapter, config, suite, json);
    int code = rc_run(&o);
    ck_assert_msg(code == 0 || code == 1, "rc_run(%s, %s) returned %d", adapter, suite, code);
    FILE *f = fopen(json, "r");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    unlink(json);
    cJSON *root = cJSON_Parse(text);
    free(text);
    ck_assert_msg(root != NULL, "report is not JSON");
    return root;
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Cases whose name ends with check (NULL: all) and whose status is status
 * (NULL: any); the first such case's message goes to *msg. */
static int count(const cJSON *root, const char *check, const char *status, const char **msg)
{
    int n = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(root, "cases")) {
        if (check && !ends_with(str_of(c, "name"), check))
            continue;
        if (status && strcmp(str_of(c, "status"), status) != 0)
            continue;
        if (n++ == 0 && msg)
            *msg = str_of(c, "message");
    }
    return n;
}

/* No case failed; at least `min` cases ran. */
static void assert_no_fail(const char *adapter, const char *suite, const char *config, int min)
{
    cJSON *r = run_suite(adapter, suite, config);
    const char *msg = "";
    int total = count(r, NULL, NULL, NULL), fails = count(r, NULL, "FAIL", &msg);
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(r, "cases"))
        if (strcmp(str_of(c, "status"), "FAIL") == 0) {
            msg = str_of(c, "name");
            break;
        }
    ck_assert_msg(total >= min, "%s: only %d cases", suite, total);
    ck_assert_msg(fails == 0, "%s on %s: %d of %d cases fail, first %s", suite, adapter, fails, total, msg);
    cJSON_Delete(r);
}

/* The check fails (on every row it ran on) and the message says why. */
static cJSON *assert_check_fails(const char *adapter, const char *suite, const char *config,
                                 const char *check, const char *needle)
{
    cJSON *r = run_suite(adapter, suite, config);
    const char *msg = "";
    int ran = count(r, check, NULL, NULL), fails = count(r, check, "FAIL", &msg);
    ck_assert_msg(ran > 0, "%s: no case named */%s", suite, check);
    ck_assert_msg(fails == ran, "%s/%s on %s: %d of %d cases fail", suite, check, adapter, fails, ran);
    ck_assert_msg(strstr(msg, needle), "'%s' not in: %s", needle, msg);
    return r;
}

static void assert_check_passes(const cJSON *r, const char *check)
{
    int ran = count(r, check, NULL, NULL), pass = count(r, check, "PASS", NULL);
    ck_assert_msg(ran > 0 && pass == ran, "*/%s: %d of %d pass", check, pass, ran);
}

/* ---- the reference passes ------------------------------------------------ */

START_TEST(reference_properties) { assert_no_fail(REFERENCE, "properties", NULL, 40); }
END_TEST
START_TEST(reference_long_context) { assert_no_fail(REFERENCE, "long_context", NULL, 30); }
END_TEST
START_TEST(reference_scaling) { assert_no_fail(REFERENCE, "scaling", NULL, 10); }
END_TEST
START_TEST(reference_cos_sin) { assert_no_fail(REFERENCE, "cos_sin", NULL, 20); }
END_TEST
START_TEST(reference_backward) { assert_no_fail(REFERENCE, "backward", NULL, 20); }
END_TEST

/* The reference computes in long double: no precision warning on a model
 * with a known 2^17 context, where a float32-angle candidate gets one. */
START_TEST(long_context_warns_float_angles)
{
    rc_variant_params(&cfg, RC_ROPE_DEFAULT, RC_HALF_SPLIT, 128, 128, 1e4);
    cfg.params.max_position = 131072;
    const char *path = write_config(&cfg);
    cJSON *r = run_suite(REFERENCE, "long_context", path);
    ck_assert_int_eq(count(r, "to-max-131072", "WARN", NULL), 0);
    ck_assert_int_gt(count(r, "to-max-131072", "PASS", NULL), 0);
    cJSON_Delete(r);

    r = run_suite(ADAPTER("suite_float_angle"), "long_context", path);
    const char *msg = "";
    ck_assert_int_eq(count(r, NULL, "FAIL", NULL), 0);
    ck_assert_int_eq(count(r, "f32/to-max-131072", "WARN", &msg), 1);
    ck_assert_msg(strstr(msg, "bits lost") && strstr(msg, "compute p*w in float64") &&
                  strstr(msg, "from positions >=") && strstr(msg, "positions ("), "%s", msg);
    cJSON_Delete(r);
    unlink(path);

    /* a bf16 model: the float32 angle error at 2^17 stays below the
     * rounding of its activations, so the same candidate gets no WARN */
    path = write_config_dtype(&cfg, "bf16");
    r = run_suite(ADAPTER("suite_float_angle"), "long_context", path);
    ck_assert_int_eq(count(r, NULL, "FAIL", NULL), 0);
    ck_assert_int_gt(count(r, "f32/to-max-131072", "PASS", NULL), 0);
    ck_assert_int_eq(count(r, "to-max-131072", "WARN", NULL), 0);
    cJSON_Delete(r);
    unlink(path);
}
END_TEST

/* ---- each broken adapter fails the check meant for it --------------------- */

START_TEST(stale_ntk_fails_scaling)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_stale_ntk"), "scaling", NULL, "dynamic-short-after-long",
                                  "short call after a long one");
    /* one call per process: the same arithmetic is right */
    assert_check_passes(r, "dynamic-seq-len-L+1");
    assert_check_passes(r, "dynamic-seq-len-L");
    /* types it does not implement are skips, not failures */
    ck_assert_int_gt(count(r, "longrope-seq-len-L", "SKIP", NULL), 0);
    cJSON_Delete(r);
}
END_TEST

START_TEST(nondeterministic_fails_determinism)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_nondeterministic"), "properties", NULL, "determinism",
                                  "two identical calls give different outputs");
    assert_check_passes(r, "norm-preservation");
    cJSON_Delete(r);
}
END_TEST

START_TEST(batch_dependent_fails_batch)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_batch_dependent"), "properties", NULL, "batch-independence",
                                  "differs from the 8-token");
    assert_check_passes(r, "norm-preservation");
    assert_check_passes(r, "relative-position");
    assert_check_passes(r, "repeated-positions");
    cJSON_Delete(r);
}
END_TEST

START_TEST(scaled_output_fails_identity_and_norm)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_scaled_output"), "properties", NULL, "position-0-identity",
                                  "identity times m");
    int ran = count(r, "norm-preservation", NULL, NULL);
    ck_assert_int_eq(count(r, "norm-preservation", "FAIL", NULL), ran);
    assert_check_passes(r, "batch-independence");
    cJSON_Delete(r);
}
END_TEST

START_TEST(clamped_positions_fail_relative)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_clamped_positions"), "properties", NULL, "relative-position",
                                  "shifted by");
    int ran = count(r, "composition", NULL, NULL);
    ck_assert_int_gt(ran, 0);
    ck_assert_int_eq(count(r, "composition", "FAIL", NULL), ran);
    assert_check_passes(r, "position-0-identity");
    cJSON_Delete(r);
}
END_TEST

START_TEST(passthrough_arith_fails_bits)
{
    /* partial rotary, so there are pass-through channels */
    rc_variant_params(&cfg, RC_ROPE_DEFAULT, RC_INTERLEAVED, 64, 32, 1e4);
    const char *path = write_config(&cfg);
    cJSON *r = assert_check_fails(ADAPTER("suite_passthrough_arith"), "properties", path, "pass-through-bits",
                                  "bit for bit");
    assert_check_passes(r, "position-0-identity");
    cJSON_Delete(r);
    assert_no_fail(REFERENCE, "properties", path, 8);
    unlink(path);
}
END_TEST

START_TEST(bad_table_fails_cos_sin)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_bad_table"), "cos_sin", NULL, "cos-sin-table", "cos/sin table");
    cJSON_Delete(r);
    /* apply is right: the same adapter passes the golden-based backward */
    assert_no_fail(ADAPTER("suite_bad_table"), "backward", NULL, 2);
}
END_TEST

START_TEST(backward_sign_fails_backward)
{
    cJSON *r = assert_check_fails(ADAPTER("suite_backward_sign"), "backward", NULL, "/backward",
                                  "rotation by -angle");
    ck_assert_int_gt(count(r, "backward-between-applies", "FAIL", NULL), 0);
    cJSON_Delete(r);
}
END_TEST

/* No backward and no table: one SKIP each, saying so. */
START_TEST(missing_optional_functions_skip)
{
    const char *suites[] = { "cos_sin", "backward" };
    for (int i = 0; i < 2; i++) {
        cJSON *r = run_suite(ADAPTER("suite_passthrough_arith"), suites[i], NULL);
        const char *msg = "";
        ck_assert_int_eq(count(r, NULL, NULL, NULL), 1);
        ck_assert_int_eq(count(r, NULL, "SKIP", &msg), 1);
        ck_assert_msg(strstr(msg, "not provided"), "%s", msg);
        cJSON_Delete(r);
    }
}
END_TEST

/* The good test adapter (default RoPE only, half-split, f32/f64) passes
 * everything; what it does not implement is skipped. */
START_TEST(good_adapter_passes)
{
    const char *suites[] = { "properties", "long_context", "scaling", "cos_sin", "backward" };
    for (int i = 0; i < 5; i++)
        assert_no_fail(ADAPTER("good"), suites[i], NULL, 1);
}
END_TEST

/* ---- the golden differs across every scaling boundary -------------------- */

/* validation: the reference refuses each invalid configuration; the
 * minimal good adapter, which never checks its params, rotates with base 1
 * and is caught. */
START_TEST(validation_refuses_invalid_params)
{
    assert_no_fail(REFERENCE, "validation", NULL, 4);
    cJSON *r = assert_check_fails(ADAPTER("good"), "validation", NULL, "base-1", "accepted");
    cJSON_Delete(r);
}
END_TEST

static rc_golden *golden(const rc_rope_params *p)
{
    char err[256];
    rc_golden *g = rc_golden_new(p, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    return g;
}

/* Largest |w_a(k) - w_b(k)| * pos over the pairs: the angle the two sides
 * drift apart by at pos. */
static double drift(const rc_rope_params *a, const rc_rope_params *b, double pos)
{
    rc_golden *ga = golden(a), *gb = golden(b);
    double d = 0.0;
    for (int k = 0; k < a->rotary_dim / 2; k++) {
        double x = fabs(rc_golden_inv_freq(ga, k) - rc_golden_inv_freq(gb, k)) * pos;
        if (x > d)
            d = x;
    }
    rc_golden_free(ga);
    rc_golden_free(gb);
    return d;
}

static const int geometries[][3] = { { 128, 128, 0 }, { 64, 16, 1 }, { 256, 64, 1 } };
static const double bases[] = { 1e4, 5e5, 1e6 };

/* A drift of 1e-3 rad by position 2^16 (the scaling cases' last power) is
 * hundreds of times the float32 bound there. */
#define VISIBLE 1e-3

START_TEST(dynamic_boundary_differs)
{
    const int *g = geometries[_i % 3];
    rc_variant_params(&cfg, RC_ROPE_DYNAMIC_NTK, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    rc_variant_params(&cfg2, RC_ROPE_DEFAULT, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    int64_t L = cfg.params.original_max_position;
    /* at L (and below) dynamic NTK is DEFAULT exactly ... */
    cfg.params.seq_len = L;
    ck_assert(drift(&cfg.params, &cfg2.params, 65536) == 0.0);
    cfg.params.seq_len = L / 2;
    ck_assert(drift(&cfg.params, &cfg2.params, 65536) == 0.0);
    /* ... and at L + 1 it is not */
    cfg.params.seq_len = L + 1;
    ck_assert_double_gt(drift(&cfg.params, &cfg2.params, 65536), VISIBLE);
}
END_TEST

START_TEST(longrope_boundary_differs)
{
    const int *g = geometries[_i % 3];
    rc_variant_params(&cfg, RC_ROPE_LONGROPE, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    cfg2 = cfg;
    rc_config_rebind(&cfg2);
    int64_t L = cfg.params.original_max_position;
    cfg.params.seq_len = L;
    cfg2.params.seq_len = L + 1;
    ck_assert_double_gt(drift(&cfg.params, &cfg2.params, 65536), VISIBLE);
    /* the stale check's long call (2L) uses the same long factors as L + 1 */
    cfg.params.seq_len = 2 * L;
    ck_assert(drift(&cfg.params, &cfg2.params, 65536) == 0.0);
}
END_TEST

START_TEST(yarn_truncation_differs)
{
    const int *g = geometries[_i % 3];
    rc_variant_params(&cfg, RC_ROPE_YARN, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    cfg2 = cfg;
    rc_config_rebind(&cfg2);
    cfg2.params.truncate = !cfg.params.truncate;
    ck_assert_double_gt(drift(&cfg.params, &cfg2.params, 4096), VISIBLE);
}
END_TEST

START_TEST(llama3_has_three_bands)
{
    const int *g = geometries[_i % 3];
    rc_variant_params(&cfg, RC_ROPE_LLAMA3, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    rc_variant_params(&cfg2, RC_ROPE_DEFAULT, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    rc_golden *a = golden(&cfg.params), *d = golden(&cfg2.params);
    int bands[3] = { 0, 0, 0 };
    for (int k = 0; k < cfg.params.rotary_dim / 2; k++) {
        double ratio = rc_golden_inv_freq(d, k) / rc_golden_inv_freq(a, k);
        bands[fabs(ratio - 1) < 1e-12 ? 0 : fabs(ratio - cfg.params.factor) < 1e-11 ? 2 : 1]++;
    }
    ck_assert_msg(bands[0] && bands[1] && bands[2], "bands %d %d %d", bands[0], bands[1], bands[2]);
    rc_golden_free(a);
    rc_golden_free(d);
}
END_TEST

START_TEST(linear_factor_one_is_default)
{
    const int *g = geometries[_i % 3];
    rc_variant_params(&cfg, RC_ROPE_LINEAR, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    rc_variant_params(&cfg2, RC_ROPE_DEFAULT, (rc_pairing)g[2], g[0], g[1], bases[_i % 3]);
    cfg.params.factor = 1.0;
    ck_assert(drift(&cfg.params, &cfg2.params, 65536) == 0.0);
    cfg.params.factor = 4.0;
    ck_assert_double_gt(drift(&cfg.params, &cfg2.params, 65536), VISIBLE);
}
END_TEST

static Suite *suites_suite(void)
{
    Suite *s = suite_create("suites");
    TCase *ref = tcase_create("reference");
    tcase_set_timeout(ref, 300);
    tcase_add_test(ref, reference_properties);
    tcase_add_test(ref, reference_long_context);
    tcase_add_test(ref, reference_scaling);
    tcase_add_test(ref, reference_cos_sin);
    tcase_add_test(ref, reference_backward);
    tcase_add_test(ref, validation_refuses_invalid_params);
    tcase_add_test(ref, long_context_warns_float_angles);
    suite_add_tcase(s, ref);

    TCase *broken = tcase_create("broken");
    tcase_set_timeout(broken, 120);
    tcase_add_test(broken, stale_ntk_fails_scaling);
    tcase_add_test(broken, nondeterministic_fails_determinism);
    tcase_add_test(broken, batch_dependent_fails_batch);
    tcase_add_test(broken, scaled_output_fails_identity_and_norm);
    tcase_add_test(broken, clamped_positions_fail_relative);
    tcase_add_test(broken, passthrough_arith_fails_bits);
    tcase_add_test(broken, bad_table_fails_cos_sin);
    tcase_add_test(broken, backward_sign_fails_backward);
    tcase_add_test(broken, missing_optional_functions_skip);
    tcase_add_test(broken, good_adapter_passes);
    suite_add_tcase(s, broken);

    TCase *bounds = tcase_create("boundaries");
    tcase_set_timeout(bounds, 60);
    tcase_add_loop_test(bounds, dynamic_boundary_differs, 0, 3);
    tcase_add_loop_test(bounds, longrope_boundary_differs, 0, 3);
    tcase_add_loop_test(bounds, yarn_truncation_differs, 0, 3);
    tcase_add_loop_test(bounds, llama3_has_three_bands, 0, 3);
    tcase_add_loop_test(bounds, linear_factor_one_is_default, 0, 3);
    suite_add_tcase(s, bounds);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suites_suite());
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
