/* JUnit XML in the dialect GitHub, GitLab and Jenkins all render:
 * <testsuites>/<testsuite>/<testcase> with <failure>, <skipped/>,
 * <system-out>.  Every string goes through rc_text_write, which escapes
 * markup and replaces what XML 1.0 cannot carry. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double secs(double s)
{
    return isfinite(s) && s > 0 ? s : 0.0;
}

static void attr(FILE *f, const char *name, const char *value)
{
    fprintf(f, " %s=\"", name);
    rc_text_write(f, value, RC_TEXT_XML_ATTR);
    fputc('"', f);
}

static void xtext(FILE *f, const char *s)
{
    rc_text_write(f, s, RC_TEXT_XML);
}

/* The details of a FAIL or WARN: message, location with hex values,
 * metrics, cause. */
static void details(FILE *f, const rc_case_result *c)
{
    xtext(f, c->suite);
    fputc('/', f);
    xtext(f, c->name);
    fprintf(f, " [%s]\n", rc_report_dtype_name(c->dtype));
    xtext(f, c->message);
    fputc('\n', f);
    if (c->has_metrics) {
        const rc_metrics *m = &c->metrics;
        const rc_worst *w = &m->worst;
        char h[RC_FMT_LEN];
        fprintf(f, "at position %lld (token %lld, head %lld, pair %lld)\n",
                (long long)w->position, (long long)w->token, (long long)w->head,
                (long long)w->pair);
        const char *rows[3][3] = {{"input", w->in0, w->in1},
                                  {"expected", w->expected0, w->expected1},
                                  {"actual", w->actual0, w->actual1}};
        for (int i = 0; i < 3; i++) {
            fprintf(f, "%-9s (", rows[i][0]);
            xtext(f, rows[i][1]);
            fputs(", ", f);
            xtext(f, rows[i][2]);
            fputs(")\n", f);
        }
        fprintf(f, "max_err %.6g (%s), raw %.6g, angle %.3g rad, magnitude %.3g, %.3g ulp\n",
                m->max_err, rc_fmt_hex(m->max_err, h, sizeof h), m->max_err_raw,
                m->max_angle_err, m->max_mag_err, m->max_ulp);
    }
    if (c->cause[0]) {
        fputs("likely cause: ", f);
        xtext(f, c->cause);
        fputc('\n', f);
    }
}

static void testcase(FILE *f, const rc_case_result *c)
{
    char cls[64], t[32];
    snprintf(cls, sizeof cls, "rope-conform.%s", c->suite);
    snprintf(t, sizeof t, "%.6f", secs(c->seconds));
    fputs("    <testcase", f);
    attr(f, "classname", cls);
    attr(f, "name", c->name);
    attr(f, "time", t);
    switch (c->status) {
    case RC_STATUS_PASS:
        fputs("/>\n", f);
        return;
    case RC_STATUS_SKIP:
        fputs(">\n      <skipped", f);
        attr(f, "message", c->message);
        fputs("/>\n", f);
        break;
    case RC_STATUS_WARN:
        fputs(">\n      <system-out>WARN: ", f);
        details(f, c);
        fputs("</system-out>\n", f);
        break;
    default: /* FAIL, and any corrupt status */
        fputs(">\n      <failure", f);
        attr(f, "message", c->message[0] ? c->message : "FAIL");
        attr(f, "type", "FAIL");
        fputc('>', f);
        details(f, c);
        fputs("</failure>\n", f);
        break;
    }
    fputs("    </testcase>\n", f);
}

static void property(FILE *f, const char *name, const char *value)
{
    fputs("      <property", f);
    attr(f, "name", name);
    attr(f, "value", value);
    fputs("/>\n", f);
}

/* The run's coverage: "coverage" = "E of N cases executed, S skipped" and
 * one "skip_reason" per group, "COUNT: REASON". */
static void coverage_properties(FILE *f, const rc_coverage *cov)
{
    char line[700];
    snprintf(line, sizeof line, "%zu of %zu cases executed, %zu skipped", cov->executed, cov->total,
             cov->skipped);
    property(f, "coverage", line);
    for (size_t i = 0; i < cov->n_reasons; i++) {
        snprintf(line, sizeof line, "%zu: %s", cov->reasons[i].count, cov->reasons[i].reason);
        property(f, "skip_reason", line);
    }
    if (cov->other_reasons) {
        snprintf(line, sizeof line, "%zu: (%zu other reasons)", cov->other_count, cov->other_reasons);
        property(f, "skip_reason", line);
    }
}

static void properties(FILE *f, const rc_results *r, const rc_coverage *cov)
{
    const rc_run_info *in = &r->info;
    char seed[32], level[16];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)in->seed);
    snprintf(level, sizeof level, "%d", in->level);
    const char *kv[][2] = {{"candidate", in->candidate_name}, {"candidate_version", in->candidate_version},
                           {"candidate_path", in->candidate_path}, {"seed", seed},
                           {"level", level}, {"profile", in->profile},
                           {"config", in->config_path}, {"tool_version", in->tool_version}};
    fputs("    <properties>\n", f);
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++) {
        if (kv[i][1])
            property(f, kv[i][0], kv[i][1]);
    }
    coverage_properties(f, cov);
    /* the Diagnosis block, one property per line */
    for (int i = 0; i < r->n_diagnosis && i < RC_DIAG_MAX_LINES; i++) {
        char name[32];
        snprintf(name, sizeof name, "diagnosis.%d", i + 1);
        property(f, name, r->diagnosis[i]);
    }
    fputs("    </properties>\n", f);
}

int rc_report_junit_stream(const rc_results *r, FILE *f)
{
    rc_suite_summary *s;
    size_t ns, n[4];
    if (rc_report_suites(r, &s, &ns) != 0)
        return -1;
    rc_results_count(r, n);
    char fbuf[sizeof r->fatal];
    const char *fatal_text = rc_results_fatal(r, fbuf, sizeof fbuf);
    int fatal = fatal_text[0] != '\0';
    char buf[64];
    rc_coverage cov;
    if (rc_report_coverage(r, &cov) != 0) {
        free(s);
        return -1;
    }

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", f);
    attr(f, "name", "rope-conform");
    fprintf(f, " tests=\"%zu\" failures=\"%zu\" errors=\"%d\" skipped=\"%zu\"",
            r->n_cases + fatal, n[RC_STATUS_FAIL], fatal, n[RC_STATUS_SKIP]);
    snprintf(buf, sizeof buf, "%.6f", secs(r->info.wall_seconds));
    attr(f, "time", buf);
    fputs(">\n", f);
    for (size_t i = 0; i < ns; i++) {
        fputs("  <testsuite", f);
        attr(f, "name", s[i].name);
        fprintf(f, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\"",
                s[i].n_cases, s[i].counts[RC_STATUS_FAIL], s[i].counts[RC_STATUS_SKIP]);
        snprintf(buf, sizeof buf, "%.6f", s[i].seconds);
        attr(f, "time", buf);
        if (r->info.started_utc)
            attr(f, "timestamp", r->info.started_utc);
        fputs(">\n", f);
        properties(f, r, &cov);
        for (size_t j = 0; j < r->n_cases; j++)
            if (strncmp(r->cases[j].suite, s[i].name, sizeof r->cases[j].suite) == 0)
                testcase(f, &r->cases[j]);
        fputs("  </testsuite>\n", f);
    }
    /* A fatal error gets a suite of its own so CI shows it as an error
     * even when no case ran. */
    if (fatal) {
        fputs("  <testsuite name=\"harness\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
              "    <testcase classname=\"rope-conform.harness\" name=\"candidate\" time=\"0\">\n"
              "      <error", f);
        attr(f, "message", fatal_text);
        attr(f, "type", "FATAL");
        fputc('>', f);
        xtext(f, fatal_text);
        fputs("</error>\n    </testcase>\n  </testsuite>\n", f);
    }
    fputs("</testsuites>\n", f);
    free(s);
    return ferror(f) ? -1 : 0;
}

static int junit_cb(const rc_results *r, FILE *f, const void *ctx)
{
    (void)ctx;
    return rc_report_junit_stream(r, f);
}

int rc_report_junit(const rc_results *r, const char *path, char *err, size_t errlen)
{
    return rc_report_write_file(r, path, junit_cb, NULL, err, errlen);
}
