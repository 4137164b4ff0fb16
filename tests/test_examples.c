/* The proof of the error model: every correct example style passes the
 * standard profile at levels 1 and 2 in every dtype it supports, only the
 * exact-angle ones pass strict, broken candidates fail with the reason, a
 * crashing candidate still gets all three reports, and a baseline
 * regression fails the run.  Each test runs the whole CLI path (rc_run). */
#define _XOPEN_SOURCE 700 /* nftw */
#include "report.h"
#include "run.h"
#include "runner.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#define ADAPTERS RC_BUILD_DIR "/adapters/"
#define TEST_ADAPTER(name) RC_TEST_ADAPTER_DIR "/" name ".so"

static char tmpdir[256];

static char rootdir[128];

static int remove_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(p);
}

/* Each test works in its own directory under one root that main removes,
 * whatever way the forked tests ended. */
static void make_tmp(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/XXXXXX", rootdir);
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void base_opts(rc_run_opts *o, const char *candidate, int level, const char *profile)
{
    memset(o, 0, sizeof *o);
    o->candidate = candidate;
    o->level = level;
    o->profile = profile;
    o->seed = 1;
    o->timeout = 30.0;
    o->quiet = 1;
    o->baseline_factor = 2.0;
}

/* Run and load the JSON report back. */
static int run_json(rc_run_opts *o, rc_results *out, const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s.json", tmpdir, name);
    o->json = path;
    int code = rc_run(o);
    char err[512];
    memset(out, 0, sizeof *out);
    ck_assert_msg(rc_report_load_json(path, out, err, sizeof err) == 0, "%s", err);
    return code;
}

typedef struct example {
    const char *lib;
    unsigned dtypes;   /* bit per rc_dtype the style supports */
    int exact_angle;   /* passes strict for f32/f16/bf16 outputs */
} example;

#define D(t) (1u << (t))
static const example examples[] = {
    { "librope_reference.so", D(RC_F64) | D(RC_F32) | D(RC_F16) | D(RC_BF16), 1 },
    { "librope_example_fp64.so", D(RC_F64) | D(RC_F32) | D(RC_F16) | D(RC_BF16), 1 },
    { "librope_example_hf.so", D(RC_F32) | D(RC_F16) | D(RC_BF16), 0 },
    { "librope_example_vllm.so", D(RC_F32) | D(RC_F16) | D(RC_BF16), 0 },
    { "librope_example_ggml.so", D(RC_F32) | D(RC_F16), 0 },
    { "librope_example_llama2c.so", D(RC_F32), 0 },
    { "librope_example_half_io.so", D(RC_F16) | D(RC_BF16), 0 },
    { "librope_example_minimal.so", D(RC_F32), 0 },
};
#define N_EXAMPLES (int)(sizeof examples / sizeof examples[0])

static void assert_passes(const example *ex, int level)
{
    char path[512];
    snprintf(path, sizeof path, ADAPTERS "%s", ex->lib);
    rc_run_opts o;
    base_opts(&o, path, level, "standard");
    rc_results r;
    char name[64];
    snprintf(name, sizeof name, "std%d", level);
    int code = run_json(&o, &r, name);
    unsigned passed_dtypes = 0;
    for (size_t i = 0; i < r.n_cases; i++) {
        const rc_case_result *c = &r.cases[i];
        ck_assert_msg(c->status != RC_STATUS_FAIL, "%s level %d: %s/%s failed: %s", ex->lib, level,
                      c->suite, c->name, c->message);
        if (c->status == RC_STATUS_PASS)
            passed_dtypes |= D(c->dtype);
    }
    ck_assert_msg(code == 0, "%s level %d: exit %d", ex->lib, level, code);
    ck_assert_msg(passed_dtypes == ex->dtypes, "%s: passed dtypes 0x%x, supports 0x%x", ex->lib,
                  passed_dtypes, ex->dtypes);
    rc_results_free(&r);
}

START_TEST(example_passes_standard_level1)
{
    make_tmp();
    assert_passes(&examples[_i], 1);
}
END_TEST

START_TEST(example_passes_standard_level2)
{
    make_tmp();
    assert_passes(&examples[_i], 2);
}
END_TEST

/* strict at level 1 (positions to 2^20): only exact-angle styles pass, and
 * only for outputs narrower than their own arithmetic. */
START_TEST(strict_only_for_exact_angles)
{
    make_tmp();
    const example *ex = &examples[_i];
    char path[512];
    snprintf(path, sizeof path, ADAPTERS "%s", ex->lib);
    const char *dt = ex->dtypes & D(RC_F32) ? "f32" : "f16";
    rc_run_opts o;
    base_opts(&o, path, 1, "strict");
    o.dtype_filter = dt;
    rc_results r;
    int code = run_json(&o, &r, "strict");
    if (ex->exact_angle)
        ck_assert_msg(code == 0, "%s should pass strict at %s", ex->lib, dt);
    else
        ck_assert_msg(code == 1, "%s should fail strict at %s (exit %d)", ex->lib, dt, code);
    rc_results_free(&r);
}
END_TEST

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && st.st_size > 0;
}

/* A crashing candidate: FAIL with the signal named, and every report is
 * still written. */
START_TEST(crashing_candidate_gets_all_reports)
{
    make_tmp();
    char json[512], junit[512], md[512];
    snprintf(json, sizeof json, "%s/r.json", tmpdir);
    snprintf(junit, sizeof junit, "%s/r.xml", tmpdir);
    snprintf(md, sizeof md, "%s/r.md", tmpdir);
    rc_run_opts o;
    base_opts(&o, TEST_ADAPTER("segv_apply"), 1, "standard");
    o.json = json;
    o.junit = junit;
    o.markdown = md;
    o.timeout = 5.0;
    ck_assert_int_eq(rc_run(&o), 1);
    ck_assert(file_exists(json) && file_exists(junit) && file_exists(md));
    rc_results r;
    memset(&r, 0, sizeof r);
    char err[512];
    ck_assert_msg(rc_report_load_json(json, &r, err, sizeof err) == 0, "%s", err);
    ck_assert_int_gt((int)r.n_cases, 0);
    ck_assert_msg(strstr(r.cases[0].message, "SIGSEGV") != NULL, "%s", r.cases[0].message);
    rc_results_free(&r);
}
END_TEST

typedef struct broken { const char *name, *reason; } broken;
static const broken broken_candidates[] = {
    { "hang_apply", "timeout" },
    { "oob_write", "out-of-bounds" },
    { "input_write", "input" },
    { "suite_scaled_output", "magnitude" },
};

START_TEST(broken_candidate_fails_with_reason)
{
    make_tmp();
    const broken *b = &broken_candidates[_i];
    char path[512];
    snprintf(path, sizeof path, RC_TEST_ADAPTER_DIR "/%s.so", b->name);
    rc_run_opts o;
    base_opts(&o, path, 1, "standard");
    o.timeout = 1.0;
    o.only_suite = "accuracy";
    rc_results r;
    ck_assert_int_eq(run_json(&o, &r, "broken"), 1);
    int found = 0;
    for (size_t i = 0; i < r.n_cases; i++)
        if (r.cases[i].status == RC_STATUS_FAIL && strstr(r.cases[i].message, b->reason))
            found = 1;
    ck_assert_msg(found, "%s: no FAIL mentions '%s'", b->name, b->reason);
    rc_results_free(&r);
}
END_TEST

/* The HF style is correct but less accurate than the reference: against the
 * reference's report as a baseline, its larger errors are regressions. */
START_TEST(baseline_regression_fails_the_run)
{
    make_tmp();
    rc_run_opts o;
    base_opts(&o, ADAPTERS "librope_reference.so", 1, "standard");
    o.dtype_filter = "f32";
    o.only_suite = "accuracy";
    rc_results r;
    ck_assert_int_eq(run_json(&o, &r, "base"), 0);
    rc_results_free(&r);
    char base[512];
    snprintf(base, sizeof base, "%s/base.json", tmpdir);

    /* the same candidate against its own report: no regression */
    o.baseline = base;
    ck_assert_int_eq(run_json(&o, &r, "same"), 0);
    rc_results_free(&r);

    rc_run_opts h;
    base_opts(&h, ADAPTERS "librope_example_hf.so", 1, "standard");
    h.dtype_filter = "f32";
    h.only_suite = "accuracy";
    h.baseline = base;
    ck_assert_int_eq(run_json(&h, &r, "hf"), 1);
    rc_results_free(&r);
}
END_TEST

START_TEST(load_errors_exit_2)
{
    rc_run_opts o;
    base_opts(&o, "/nonexistent.so", 1, "standard");
    ck_assert_int_eq(rc_run(&o), 2);
    base_opts(&o, "libc.so.6", 1, "standard");
    ck_assert_int_eq(rc_run(&o), 2);
    base_opts(&o, ADAPTERS "librope_reference.so", 1, "standard");
    o.config_path = RC_FIXTURE_DIR "/bad_syntax.json";
    ck_assert_int_eq(rc_run(&o), 2);
    base_opts(&o, ADAPTERS "librope_reference.so", 1, "no-such-profile");
    ck_assert_int_eq(rc_run(&o), 2);
}
END_TEST

int main(void)
{
    snprintf(rootdir, sizeof rootdir, "/tmp/rc_examples_XXXXXX");
    if (!mkdtemp(rootdir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    /* RC_EXAMPLES_PART=level2 runs the level-2 proof alone, so ctest can
     * run it beside the rest (tests/CMakeLists.txt registers both) */
    const char *part = getenv("RC_EXAMPLES_PART");
    int level2 = part && strcmp(part, "level2") == 0;
    Suite *s = suite_create("examples");
    if (level2) {
        TCase *l2 = tcase_create("level2");
        tcase_set_timeout(l2, 1800);
        tcase_add_loop_test(l2, example_passes_standard_level2, 0, N_EXAMPLES);
        suite_add_tcase(s, l2);
    } else {
        TCase *l1 = tcase_create("level1");
        tcase_set_timeout(l1, 600);
        tcase_add_loop_test(l1, example_passes_standard_level1, 0, N_EXAMPLES);
        tcase_add_loop_test(l1, strict_only_for_exact_angles, 0, N_EXAMPLES);
        suite_add_tcase(s, l1);
        TCase *bad = tcase_create("broken");
        tcase_set_timeout(bad, 600);
        tcase_add_test(bad, crashing_candidate_gets_all_reports);
        tcase_add_loop_test(bad, broken_candidate_fails_with_reason, 0,
                            (int)(sizeof broken_candidates / sizeof broken_candidates[0]));
        tcase_add_test(bad, baseline_regression_fails_the_run);
        tcase_add_test(bad, load_errors_exit_2);
        suite_add_tcase(s, bad);
    }
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    nftw(rootdir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
