/* Coverage in the reports: cases executed, skipped and why; no PASS for a
 * run that executed nothing; and the writers keep untrusted strings safe in
 * every format (JUnit XML valid whatever the bytes, Markdown and terminal
 * on one line, JSON exact). */
/* nftw is XSI */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <cjson/cJSON.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "fileio.h"
#include "report.h"
#include "results.h"

#define TMPDIR_PREFIX "rc_coverage"
#include "testutil.h"

/* The terminal report of r as a string (caller frees). */
static char *terminal_text(const rc_results *r, int verbose)
{
    FILE *f = fopen(tpath("term.txt"), "w");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rc_report_terminal(r, f, 0, verbose), 0);
    ck_assert_int_eq(fclose(f), 0);
    return slurp(tpath("term.txt"));
}

static void add(rc_results *r, const char *suite, const char *name, rc_status st, const char *msg)
{
    rc_case_result *c = rc_results_add(r);
    ck_assert_ptr_nonnull(c);
    snprintf(c->suite, sizeof c->suite, "%s", suite);
    snprintf(c->name, sizeof c->name, "%s", name);
    snprintf(c->message, sizeof c->message, "%s", msg);
    c->status = st;
    c->dtype = RC_F32;
    c->params.struct_size = sizeof c->params;
}

static void info(rc_results *r)
{
    r->info.candidate_name = "cand";
    r->info.candidate_version = "1";
    r->info.candidate_path = "cand.so";
    r->info.profile = "standard";
    r->info.tool_version = "0.1.0";
    r->info.level = 1;
    r->info.seed = 1;
}

/* 3 executed; skips: 4 x "b", 4 x "a" (a appears first), 1 x "", then
 * reasons r0..r11 once each (12 more groups: 2 beyond the listed 10). */
static void skippy(rc_results *r)
{
    memset(r, 0, sizeof *r);
    info(r);
    char name[32], why[32];
    int k = 0;
    add(r, "accuracy", "p0", RC_STATUS_PASS, "");
    add(r, "accuracy", "w0", RC_STATUS_WARN, "warned");
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "a%d", k++);
        add(r, "accuracy", name, RC_STATUS_SKIP, "unsupported: a");
        snprintf(name, sizeof name, "b%d", k++);
        add(r, "backward", name, RC_STATUS_SKIP, "not provided: b");
    }
    add(r, "accuracy", "f0", RC_STATUS_FAIL, "failed");
    add(r, "accuracy", "e0", RC_STATUS_SKIP, "");
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "r%d", i);
        snprintf(why, sizeof why, "reason %02d", i);
        add(r, "cos_sin", name, RC_STATUS_SKIP, why);
    }
}

START_TEST(coverage_groups_reasons)
{
    rc_results r;
    skippy(&r);
    rc_coverage cov;
    ck_assert_int_eq(rc_report_coverage(&r, &cov), 0);
    ck_assert_uint_eq(cov.total, 24);
    ck_assert_uint_eq(cov.executed, 3);
    ck_assert_uint_eq(cov.skipped, 21);
    ck_assert_uint_eq(cov.n_reasons, RC_COVERAGE_MAX_REASONS);
    /* most frequent first; equal counts in order of first appearance */
    ck_assert_str_eq(cov.reasons[0].reason, "unsupported: a");
    ck_assert_uint_eq(cov.reasons[0].count, 4);
    ck_assert_str_eq(cov.reasons[1].reason, "not provided: b");
    ck_assert_uint_eq(cov.reasons[1].count, 4);
    ck_assert_str_eq(cov.reasons[2].reason, "no reason given");
    ck_assert_str_eq(cov.reasons[3].reason, "reason 00");
    ck_assert_str_eq(cov.reasons[9].reason, "reason 06");
    ck_assert_uint_eq(cov.other_reasons, 5);
    ck_assert_uint_eq(cov.other_count, 5);
    size_t sum = cov.other_count;
    for (size_t i = 0; i < cov.n_reasons; i++)
        sum += cov.reasons[i].count;
    ck_assert_uint_eq(sum, cov.skipped);
    rc_results_free(&r);
}
END_TEST

START_TEST(coverage_in_every_report)
{
    rc_results r;
    skippy(&r);
    char err[512];
    ck_assert_int_eq(rc_report_json(&r, tpath("c.json"), err, sizeof err), 0);
    char *text = slurp(tpath("c.json"));
    cJSON *root = cJSON_Parse(text);
    ck_assert_ptr_nonnull(root);
    const cJSON *cov = cJSON_GetObjectItem(root, "coverage");
    ck_assert_int_eq(cJSON_GetObjectItem(cov, "executed")->valueint, 3);
    ck_assert_int_eq(cJSON_GetObjectItem(cov, "skipped")->valueint, 21);
    const cJSON *reasons = cJSON_GetObjectItem(cov, "skip_reasons");
    ck_assert_int_eq(cJSON_GetArraySize(reasons), RC_COVERAGE_MAX_REASONS);
    const cJSON *first = cJSON_GetArrayItem(reasons, 0);
    ck_assert_str_eq(cJSON_GetObjectItem(first, "reason")->valuestring, "unsupported: a");
    ck_assert_int_eq(cJSON_GetObjectItem(first, "count")->valueint, 4);
    ck_assert_int_eq(cJSON_GetObjectItem(cov, "other_reasons")->valueint, 5);
    ck_assert_int_eq(cJSON_GetObjectItem(cov, "other_skipped")->valueint, 5);
    cJSON_Delete(root);
    free(text);

    ck_assert_int_eq(rc_report_markdown(&r, tpath("c.md"), err, sizeof err), 0);
    char *md = slurp(tpath("c.md"));
    ck_assert_ptr_nonnull(strstr(md, "**Coverage:** 3 of 24 cases executed, 21 skipped:\n"
                                     "- 4 × unsupported: a\n- 4 × not provided: b\n"));
    ck_assert_ptr_nonnull(strstr(md, "- 5 × (5 other reasons)\n"));
    free(md);

    ck_assert_int_eq(rc_report_junit(&r, tpath("c.xml"), err, sizeof err), 0);
    char *x = slurp(tpath("c.xml"));
    ck_assert_ptr_nonnull(strstr(x, "<property name=\"coverage\" value=\"3 of 24 cases executed, 21 skipped\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<property name=\"skip_reason\" value=\"4: unsupported: a\"/>"));
    free(x);

    char *t = terminal_text(&r, 0);
    ck_assert_ptr_nonnull(strstr(t, "coverage: 3 of 24 cases executed, 21 skipped:\n"
                                    "       4  unsupported: a\n"));
    ck_assert_ptr_nonnull(strstr(t, "       5  (5 other reasons)\n"));
    free(t);
    rc_results_free(&r);
}
END_TEST

/* Nothing executed: FAIL with a reason in every report, and the reason is
 * not carried into a merge as if it were the candidate's own fatal error. */
START_TEST(nothing_executed_is_not_a_pass)
{
    rc_results r;
    memset(&r, 0, sizeof r);
    info(&r);
    add(&r, "backward", "b0", RC_STATUS_SKIP, "not provided: backward");
    add(&r, "backward", "b1", RC_STATUS_SKIP, "not provided: backward");
    ck_assert_uint_eq(rc_results_executed(&r), 0);
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_FAIL);
    char fb[sizeof r.fatal], err[512];
    ck_assert_str_eq(rc_results_fatal(&r, fb, sizeof fb),
                     RC_NO_CASE_EXECUTED ": all 2 cases were skipped, so the run shows nothing");
    ck_assert_int_eq(rc_report_json(&r, tpath("s1.json"), err, sizeof err), 0);
    ck_assert_int_eq(rc_report_junit(&r, tpath("s1.xml"), err, sizeof err), 0);
    char *j = slurp(tpath("s1.json"));
    ck_assert_ptr_nonnull(strstr(j, "\"verdict\":\t\"FAIL\""));
    ck_assert_ptr_nonnull(strstr(j, "\"fatal\":\t\"" RC_NO_CASE_EXECUTED));
    free(j);
    char *x = slurp(tpath("s1.xml"));
    ck_assert_ptr_nonnull(strstr(x, "<error message=\"" RC_NO_CASE_EXECUTED));
    free(x);
    /* a second shard that executed cases: the merged run passes */
    rc_results other;
    memset(&other, 0, sizeof other);
    info(&other);
    add(&other, "accuracy", "a0", RC_STATUS_PASS, "");
    ck_assert_int_eq(rc_report_json(&other, tpath("s2.json"), err, sizeof err), 0);
    rc_results merged;
    memset(&merged, 0, sizeof merged);
    ck_assert_int_eq(rc_report_load_json(tpath("s1.json"), &merged, err, sizeof err), 0);
    ck_assert_str_eq(merged.fatal, "");
    ck_assert_int_eq(rc_report_load_json(tpath("s2.json"), &merged, err, sizeof err), 0);
    ck_assert_int_eq(rc_results_verdict(&merged), RC_STATUS_PASS);
    /* against a baseline that executed cases, executing nothing regresses */
    rc_baseline_diff d;
    memset(&d, 0, sizeof d);
    ck_assert_int_eq(rc_report_baseline(&r, &other, 0, &d), 1);
    ck_assert_int_eq(d.items[0].kind, RC_BASELINE_FATAL);
    rc_baseline_diff_free(&d);
    /* a real fatal error survives the round trip */
    strcpy(r.fatal, "init crashed");
    ck_assert_int_eq(rc_report_json(&r, tpath("s3.json"), err, sizeof err), 0);
    rc_results back;
    memset(&back, 0, sizeof back);
    ck_assert_int_eq(rc_report_load_json(tpath("s3.json"), &back, err, sizeof err), 0);
    ck_assert_str_eq(back.fatal, "init crashed");
    rc_results_free(&back);
    rc_results_free(&merged);
    rc_results_free(&other);
    rc_results_free(&r);
}
END_TEST

/* Every byte a candidate could put in a message: C0, DEL, C1, invalid
 * UTF-8, markup, a CDATA end, Markdown punctuation. */
static void hostile(char *buf, size_t n)
{
    size_t o = 0;
    for (int b = 1; b < 0x20 && o + 1 < n; b++)
        buf[o++] = (char)b;
    const char *rest = "\x7f\xc2\x80\xc2\x9f\xc2\x85 <tag a=\"1\">&amp;]]> | `*_[x](y)` # ~ ! \xff\xfe\xc3 "
                       "\xed\xa0\x80 \xef\xbf\xbf end";
    snprintf(buf + o, n - o, "%s", rest);
}

START_TEST(writers_keep_hostile_text_safe)
{
    char evil[256];
    hostile(evil, sizeof evil);
    rc_results r;
    memset(&r, 0, sizeof r);
    info(&r);
    r.info.candidate_name = evil;
    r.info.candidate_version = evil;
    add(&r, "accuracy", evil, RC_STATUS_FAIL, evil);
    add(&r, "accuracy", "w", RC_STATUS_WARN, evil);
    add(&r, "accuracy", "s", RC_STATUS_SKIP, evil);
    snprintf(r.cases[0].cause, sizeof r.cases[0].cause, "%s", evil);
    snprintf(r.fatal, sizeof r.fatal, "%s", evil);
    char err[512];

    ck_assert_int_eq(rc_report_junit(&r, tpath("h.xml"), err, sizeof err), 0);
    char *x = slurp(tpath("h.xml"));
    assert_clean_text(x, 1, 0);
    ck_assert_ptr_null(strstr(x, "]]>"));
    ck_assert_ptr_null(strstr(x, "<tag"));
    ck_assert_ptr_nonnull(strstr(x, "\\x01\\x02"));
    if (system("command -v xmllint >/dev/null 2>&1") == 0) {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", tpath("h.xml"));
        ck_assert_msg(system(cmd) == 0, "xmllint rejects the JUnit report");
    }
    free(x);

    /* Markdown: each list item and table row on one line, no raw control
     * byte, the table's pipes escaped */
    ck_assert_int_eq(rc_report_markdown(&r, tpath("h.md"), err, sizeof err), 0);
    char *md = slurp(tpath("h.md"));
    assert_clean_text(md, 0, 0);
    for (const char *p = md; *p; p++) {
        ck_assert_msg(*p != '<' || (p > md && p[-1] == '\\'), "raw < in Markdown");
    }
    ck_assert_ptr_nonnull(strstr(md, "\\<tag a=\"1\"\\>\\&amp;\\]\\]\\> \\| \\`\\*\\_\\[x\\](y)\\` \\# \\~ \\!"));
    ck_assert_ptr_nonnull(strstr(md, "- **accuracy/\\x01\\x02"));
    free(md);

    /* terminal: one line per case, no control byte */
    char *t = terminal_text(&r, 1);
    assert_clean_text(t, 0, 0);
    ck_assert_ptr_nonnull(strstr(t, "FATAL: \\x01\\x02\\x03"));
    free(t);

    /* JSON: valid UTF-8 (bad bytes become U+FFFD), control characters kept
     * exactly through the encoder's escapes */
    ck_assert_int_eq(rc_report_json(&r, tpath("h.json"), err, sizeof err), 0);
    char *j = slurp(tpath("h.json"));
    assert_clean_text(j, 1, 1);
    cJSON *root = cJSON_Parse(j);
    ck_assert_ptr_nonnull(root);
    char *clean = rc_utf8_sanitize(evil);
    const cJSON *c0 = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "cases"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(c0, "message")->valuestring, clean);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "candidate"), "name")->valuestring,
                     clean);
    free(clean);
    cJSON_Delete(root);
    free(j);
    rc_results_free(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("coverage");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, coverage_groups_reasons);
    tcase_add_test(t, coverage_in_every_report);
    tcase_add_test(t, nothing_executed_is_not_a_pass);
    tcase_add_test(t, writers_keep_hostile_text_safe);
    suite_add_tcase(s, t);
    return run_suite(s);
}
