/* Diagnosis: the Diagnosis block is a pure function of the cases (any case
 * order gives the same block), and run on buggy candidates written for
 * this test (tests/adapters/bugs/, independent of adapters/catalogue) it
 * names the class each declares for at least 90% of them and names no
 * other class with high confidence; every such run, and every catalogue
 * mutant's, prints fewer than 60 lines by default.
 *
 * RC_DIAG_PART selects the work of one ctest entry: "bugs:I/N" and
 * "catalogue:I/N" run slice I of N of the candidates (the bugs slices
 * record their verdicts under the build directory), "score" checks the
 * 90% over every bugs slice; unset: the unit checks only.
 * RC_TEST_SAMPLE=K (the sanitizer pass of .ci/run) runs every K-th
 * candidate of a slice: that pass looks for memory and undefined-behaviour
 * errors on the same code paths, the plain pass runs every candidate. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diagnose.h"
#include "paths.h"
#include "report.h"

#define ROPE RC_BUILD_DIR "/rope-conform"
#define BUGS RC_BUILD_DIR "/tests/adapters/bugs"
#define MAX_LINES 60

/* Each candidate and the class its bug belongs to ("" for the controls,
 * which must pass). */
static const struct { const char *name, *cls; } bugs[] = {
    { "ok_fused", "" },
    { "ok_table", "" },
    { "ok_ggml", "" },
    { "ok_hf", "" },
    { "ok_fused_scaled", "" },
    { "ok_table_scaled", "" },
    { "ok_hf_scaled", "" },
    { "pairs_short_by_one", "partial" },
    { "ggml_pairs_short_by_two", "partial" },
    { "hf_pass_through_zeroed", "partial" },
    { "pass_through_shifted", "partial" },
    { "table_heads_read_head0", "indexing" },
    { "heads_last_skipped", "indexing" },
    { "hf_heads_shifted", "indexing" },
    { "hf_token_index_as_position", "position" },
    { "table_row_off_by_one", "position" },
    { "table_clamped_3000", "position" },
    { "position_int16", "position" },
    { "table_wraps_6144", "position" },
    { "hf_llama3_smooth_sign", "llama3" },
    { "llama3_no_two_pi", "llama3" },
    { "table_llama3_bands_swapped", "llama3" },
    { "hf_yarn_ramp_inverted", "yarn" },
    { "yarn_corr_no_two_pi", "yarn" },
    { "table_yarn_mscale_07", "yarn" },
    { "longrope_factors_reversed", "longrope" },
    { "hf_longrope_multiplies", "longrope" },
    { "ntk_half_context", "ntk" },
    { "hf_ntk_double_length", "ntk" },
    { "magnitude_bias", "magnitude" },
    { "ggml_attn_factor_linear", "magnitude" },
    { "table_in_place_reread", "memory" },
    { "in_place_half_split_order", "memory" },
    { "ggml_theta_scale_exponent", "frequency" },
    { "hf_rotate_half_sign", "direction" },
};
#define N_BUGS (sizeof bugs / sizeof bugs[0])

static int part_i, part_n;
static char part_kind[16];
static size_t sample = 1;   /* RC_TEST_SAMPLE */

/* Run the candidate at level 1 (one process: the ctest entries run side by
 * side); the number of lines it printed and its exit code. */
static void run(const char *so, const char *json, int *lines, int *code)
{
    char cmd[sizeof ROPE + 4096 + 600 + 64];   /* the quoted paths: at most 4096 and 600 bytes */
    snprintf(cmd, sizeof cmd, "'%s' --jobs 1 --level 1 --json '%s' '%s' 2>&1", ROPE, json, so);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    int c;
    *lines = 0;
    while ((c = fgetc(p)) != EOF)
        *lines += c == '\n';
    int st = pclose(p);
    *code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void load(const char *json, rc_results *r)
{
    char err[512];
    memset(r, 0, sizeof *r);
    ck_assert_msg(rc_report_load_json(json, r, err, sizeof err) == 0, "%s", err);
}

static void results_path(int i, char *buf, size_t n)
{
    snprintf(buf, n, "%s/tests/diagnosis-bugs-%d.txt", RC_BUILD_DIR, i);
}

START_TEST(bug_candidates)
{
    char out[600], json[600];
    results_path(part_i, out, sizeof out);
    FILE *rec = fopen(out, "w");
    ck_assert_ptr_nonnull(rec);
    for (size_t i = (size_t)part_i - 1; i < N_BUGS; i += (size_t)part_n * sample) {
        char so[600], cls[16];
        int lines, code;
        rc_confidence conf;
        rc_results r;
        snprintf(so, sizeof so, "%s/bug_%s.so", BUGS, bugs[i].name);
        snprintf(json, sizeof json, "%s/tests/diagnosis-%s.json", RC_BUILD_DIR, bugs[i].name);
        run(so, json, &lines, &code);
        load(json, &r);
        rc_diagnose_primary(&r, cls, sizeof cls, &conf);
        printf("%-28s expects %-10s got %-10s (%s), %d lines\n", bugs[i].name, bugs[i].cls, cls,
               rc_confidence_name(conf), lines);
        ck_assert_msg(lines < MAX_LINES, "%s: %d lines of default output", bugs[i].name, lines);
        ck_assert_int_eq(code, bugs[i].cls[0] ? 1 : 0);
        ck_assert_msg(strcmp(cls, bugs[i].cls) == 0 || conf < RC_CONF_HIGH,
                      "%s: named %s with high confidence, the bug is %s", bugs[i].name, cls, bugs[i].cls);
        if (!bugs[i].cls[0])
            ck_assert_int_eq(r.n_diagnosis, 0);
        fprintf(rec, "%s %s %s\n", bugs[i].name, bugs[i].cls[0] ? bugs[i].cls : "-", cls[0] ? cls : "-");
        rc_results_free(&r);
    }
    ck_assert_int_eq(fclose(rec), 0);
}
END_TEST

/* Over every slice's record: at least 90% of the buggy candidates named. */
START_TEST(score)
{
    size_t n = 0, right = 0;
    for (int i = 1; i <= part_n; i++) {
        char path[600], name[64], want[16], got[16];
        results_path(i, path, sizeof path);
        FILE *f = fopen(path, "r");
        ck_assert_msg(f != NULL, "%s is missing: the bugs:%d/%d entry did not run", path, i, part_n);
        while (fscanf(f, "%63s %15s %15s", name, want, got) == 3)
            if (strcmp(want, "-") != 0) {
                n++;
                right += strcmp(want, got) == 0;
            }
        fclose(f);
    }
    printf("diagnosed to the declared class: %zu of %zu buggy candidates\n", right, n);
    ck_assert_uint_ge(n, 25 / sample);
    ck_assert_msg(10 * right >= 9 * n, "only %zu of %zu buggy candidates diagnosed to their class", right, n);
}
END_TEST

START_TEST(catalogue_output_bounded)
{
    for (size_t i = (size_t)part_i - 1; i < rc_catalogue_count; i += (size_t)part_n * sample) {
        char so[160], rel[200], path[4096], json[600];
        int lines, code;
        rc_catalogue_so_name(&rc_catalogue[i], so, sizeof so);
        snprintf(rel, sizeof rel, "catalogue/%s", so);
        rc_path(RC_PATH_LIB, rel, path, sizeof path);
        snprintf(json, sizeof json, "%s/tests/diagnosis-catalogue-%zu.json", RC_BUILD_DIR, i);
        run(path, json, &lines, &code);
        printf("%-40s %d lines\n", rc_catalogue[i].id, lines);
        ck_assert_msg(lines < MAX_LINES, "%s: %d lines of default output", rc_catalogue[i].id, lines);
        ck_assert_msg(code == 1 || !rc_catalogue[i].must_catch, "%s: exit %d", rc_catalogue[i].id, code);
        remove(json);
    }
}
END_TEST

/* The block depends on the cases, not on their order. */
START_TEST(summary_is_order_free)
{
    static const char *const cls[] = { "position", "frequency", "position", "", "partial", "position" };
    rc_results a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    for (int i = 0; i < 6; i++) {
        rc_case_result *c = rc_results_add(&a);
        ck_assert_ptr_nonnull(c);
        c->status = RC_STATUS_FAIL;
        snprintf(c->suite, sizeof c->suite, "s%d", i % 2);
        snprintf(c->name, sizeof c->name, "case%d", i);
        snprintf(c->diag.cls, sizeof c->diag.cls, "%s", cls[i]);
        c->diag.confidence = cls[i][0] ? (i == 5 ? RC_CONF_HIGH : RC_CONF_MEDIUM) : RC_CONF_NONE;
        snprintf(c->diag.evidence, sizeof c->diag.evidence, "evidence %d", i);
    }
    for (int i = 5; i >= 0; i--)
        *rc_results_add(&b) = a.cases[i];
    rc_diagnose_summarize(&a);
    rc_diagnose_summarize(&b);
    ck_assert_int_gt(a.n_diagnosis, 0);
    ck_assert_int_le(a.n_diagnosis, RC_DIAG_MAX_LINES);
    ck_assert_int_eq(a.n_diagnosis, b.n_diagnosis);
    for (int i = 0; i < a.n_diagnosis; i++)
        ck_assert_str_eq(a.diagnosis[i], b.diagnosis[i]);
    /* three position cases, the high one shown; one unexplained */
    ck_assert_ptr_nonnull(strstr(a.diagnosis[0], "Likely: positions bug"));
    ck_assert_ptr_nonnull(strstr(a.diagnosis[0], "3 of 6 failing cases"));
    ck_assert_str_eq(a.diagnosis[1], "  evidence: evidence 5");
    ck_assert_str_eq(a.diagnosis[a.n_diagnosis - 1], "Unexplained: 1 failing cases match no bug class");
    char c[16];
    rc_confidence conf;
    rc_diagnose_primary(&b, c, sizeof c, &conf);
    ck_assert_str_eq(c, "position");
    rc_results_free(&a);
    rc_results_free(&b);
}
END_TEST

/* --config means that model: a candidate that takes the config only with
 * the other pairing is told so, with the permutation, and the model's
 * dtypes it declined are named. */
START_TEST(config_other_pairing)
{
    char cmd[1024], out[4096] = "";
    snprintf(cmd, sizeof cmd, "'%s' -q --config '%s/llama2_7b.json' '%s/adapters/librope_example_llama2c.so' 2>&1",
             ROPE, RC_FIXTURE_DIR, RC_BUILD_DIR);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    ck_assert_int_eq(WEXITSTATUS(st), 1);
    ck_assert_msg(strstr(out, "FATAL: ") && strstr(out, "declined the model's f32, f16 (its torch_dtype)") &&
                  strstr(out, "it implements the other convention") &&
                  strstr(out, "interleaved channel 2k takes half-split channel k, 2k+1 takes k+r/2"), "%s", out);
}
END_TEST

/* Every catalogue class counts as a diagnosis class. */
START_TEST(catalogue_classes_known)
{
    for (size_t i = 0; i < rc_catalogue_count; i++)
        ck_assert_msg(rc_diag_class_find(rc_diag_class_of_catalogue(rc_catalogue[i].cls)) != NULL,
                      "catalogue class %s has no diagnosis class", rc_catalogue[i].cls);
    for (size_t i = 0; i < N_BUGS; i++)
        ck_assert(!bugs[i].cls[0] || rc_diag_class_find(bugs[i].cls) != NULL);
}
END_TEST

int main(void)
{
    const char *part = getenv("RC_DIAG_PART"), *k = getenv("RC_TEST_SAMPLE");
    if (k && atoi(k) > 1)
        sample = (size_t)atoi(k);
    Suite *s = suite_create("diagnosis");
    TCase *tc = tcase_create("diagnosis");
    tcase_set_timeout(tc, 1200);
    if (part && sscanf(part, "%15[a-z]:%d/%d", part_kind, &part_i, &part_n) == 3 && part_i >= 1 &&
        part_i <= part_n) {
        tcase_add_test(tc, strcmp(part_kind, "bugs") == 0 ? bug_candidates : catalogue_output_bounded);
    } else if (part && sscanf(part, "score/%d", &part_n) == 1) {
        tcase_add_test(tc, score);
    } else {
        tcase_add_test(tc, summary_is_order_free);
        tcase_add_test(tc, catalogue_classes_known);
        tcase_add_test(tc, config_other_pairing);
    }
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
