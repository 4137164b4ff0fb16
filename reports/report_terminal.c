/* The terminal report: what a person reads first after a run. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"
#define C_BOLD "\033[1m"
#define C_OFF "\033[0m"

static const char *status_color(rc_status s)
{
    switch (s) {
    case RC_STATUS_PASS: return C_GREEN;
    case RC_STATUS_WARN: return C_YELLOW;
    case RC_STATUS_FAIL: return C_RED;
    case RC_STATUS_SKIP: return C_DIM;
    }
    return C_RED;
}

/* Print s, coloured when asked; candidate strings go through
 * rc_text_write so they cannot inject escape sequences. */
static void colored(FILE *f, int color, const char *code, const char *s)
{
    if (color)
        fputs(code, f);
    rc_text_write(f, s, RC_TEXT_TERM);
    if (color)
        fputs(C_OFF, f);
}

static void print_err(FILE *f, int has, double e)
{
    if (!has)
        fprintf(f, "%12s", "-");
    else
        fprintf(f, "%12.4g", e);
}

/* One line per listed case: status, suite/name [dtype]: message, then
 * where, expected vs actual, and the likely cause. */
static void case_line(FILE *f, const rc_case_result *c, int color, int verbose)
{
    fputs("  ", f);
    colored(f, color, status_color(c->status), rc_status_name(c->status));
    fputc(' ', f);
    rc_text_write(f, c->suite, RC_TEXT_TERM);
    fputc('/', f);
    rc_text_write(f, c->name, RC_TEXT_TERM);
    fprintf(f, " [%s]", rc_report_dtype_name(c->dtype));
    if (c->message[0]) {
        fputs(": ", f);
        rc_text_write(f, c->message, RC_TEXT_TERM);
    }
    const rc_metrics *m = &c->metrics;
    if (c->has_metrics && c->status != RC_STATUS_SKIP && c->status != RC_STATUS_PASS) {
        fprintf(f, " | at position %lld (token %lld, head %lld, pair %lld)",
                (long long)m->worst.position, (long long)m->worst.token,
                (long long)m->worst.head, (long long)m->worst.pair);
        if (m->worst.expected0[0] || m->worst.actual0[0]) {
            fputs(" expected (", f);
            rc_text_write(f, m->worst.expected0, RC_TEXT_TERM);
            fputs(", ", f);
            rc_text_write(f, m->worst.expected1, RC_TEXT_TERM);
            fputs(") actual (", f);
            rc_text_write(f, m->worst.actual0, RC_TEXT_TERM);
            fputs(", ", f);
            rc_text_write(f, m->worst.actual1, RC_TEXT_TERM);
            fputc(')', f);
        }
    }
    if (c->cause[0]) {
        fputs(" | likely cause: ", f);
        rc_text_write(f, c->cause, RC_TEXT_TERM);
    }
    fputc('\n', f);
    if (verbose && c->has_metrics) {
        char hex[RC_FMT_LEN];
        fprintf(f, "       max_err %.6g (%s), raw %.6g, angle %.3g rad, magnitude %.3g, "
                   "%.3g ulp, bias %.3g over %lld pairs\n",
                m->max_err, rc_fmt_hex(m->max_err, hex, sizeof hex), m->max_err_raw,
                m->max_angle_err, m->max_mag_err, m->max_ulp, m->mean_radial,
                (long long)m->n_pairs);
    }
}

static void list_status(FILE *f, const rc_results *r, rc_status s, const char *title,
                        size_t count, int color, int verbose)
{
    if (!count)
        return;
    fputc('\n', f);
    if (color)
        fputs(C_BOLD, f);
    fprintf(f, "%s (%zu)", title, count);
    if (color)
        fputs(C_OFF, f);
    fputc('\n', f);
    for (size_t i = 0; i < r->n_cases; i++) {
        unsigned st = (unsigned)r->cases[i].status;
        rc_status cs = st <= RC_STATUS_SKIP ? (rc_status)st : RC_STATUS_FAIL;
        if (cs == s)
            case_line(f, &r->cases[i], color, verbose && s == RC_STATUS_FAIL);
    }
}

/* "coverage: E of N cases executed, S skipped", then one line per reason. */
static const rc_coverage_style coverage_style = {
    "\ncoverage: %zu of %zu cases executed, %zu skipped%s\n", "", "  %6zu  ",
    "  %6zu  (%zu other reasons)\n", RC_TEXT_TERM
};

int rc_report_terminal(const rc_results *r, FILE *f, int color, int verbose)
{
    const rc_run_info *in = &r->info;
    rc_suite_summary *s;
    size_t ns, n[4];
    if (rc_report_suites(r, &s, &ns) != 0)
        return -1;
    rc_results_count(r, n);

    fputs("rope-conform ", f);
    rc_text_write(f, in->tool_version ? in->tool_version : "", RC_TEXT_TERM);
    fputs(": ", f);
    rc_text_write(f, in->candidate_name ? in->candidate_name : "(unnamed candidate)", RC_TEXT_TERM);
    if (in->candidate_version && in->candidate_version[0]) {
        fputc(' ', f);
        rc_text_write(f, in->candidate_version, RC_TEXT_TERM);
    }
    if (in->candidate_path) {
        fputs(" (", f);
        rc_text_write(f, in->candidate_path, RC_TEXT_TERM);
        fputc(')', f);
    }
    fprintf(f, "\nseed %llu, level %d, profile ", (unsigned long long)in->seed, in->level);
    rc_text_write(f, in->profile ? in->profile : "-", RC_TEXT_TERM);
    if (in->config_path) {
        fputs(", config ", f);
        rc_text_write(f, in->config_path, RC_TEXT_TERM);
    }
    fputs("\n\n", f);

    fprintf(f, "%-20s %6s %6s %6s %6s %12s\n", "suite", "pass", "warn", "fail", "skip", "worst err");
    for (size_t i = 0; i < ns; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s", s[i].name);
        /* suite names are harness identifiers, but keep the table clean */
        for (char *p = name; *p; p++)
            if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F)
                *p = '?';
        fprintf(f, "%-20s %6zu %6zu ", name, s[i].counts[0], s[i].counts[1]);
        if (color && s[i].counts[RC_STATUS_FAIL])
            fprintf(f, C_RED "%6zu" C_OFF, s[i].counts[2]);
        else
            fprintf(f, "%6zu", s[i].counts[2]);
        fprintf(f, " %6zu ", s[i].counts[3]);
        print_err(f, s[i].has_err, s[i].worst_err);
        fputc('\n', f);
    }
    free(s);
    if (rc_report_coverage_write(f, r, &coverage_style) != 0)
        return -1;

    list_status(f, r, RC_STATUS_FAIL, "Failures", n[RC_STATUS_FAIL], color, verbose);
    list_status(f, r, RC_STATUS_WARN, "Warnings", n[RC_STATUS_WARN], color, verbose);
    if (verbose) {
        list_status(f, r, RC_STATUS_SKIP, "Skipped", n[RC_STATUS_SKIP], color, 0);
        list_status(f, r, RC_STATUS_PASS, "Passed", n[RC_STATUS_PASS], color, 0);
    }
    char fbuf[sizeof r->fatal];
    const char *fatal = rc_results_fatal(r, fbuf, sizeof fbuf);
    if (fatal[0]) {
        fputc('\n', f);
        colored(f, color, C_RED C_BOLD, "FATAL: ");
        rc_text_write(f, fatal, RC_TEXT_TERM);
        fputc('\n', f);
    }

    rc_status v = rc_results_verdict(r);
    const char *word = v == RC_STATUS_FAIL ? "FAIL" : v == RC_STATUS_WARN ? "PASS with warnings" : "PASS";
    fputc('\n', f);
    if (color)
        fprintf(f, C_BOLD "%s%s" C_OFF, status_color(v), word);
    else
        fputs(word, f);
    fprintf(f, ": %zu cases: %zu passed, %zu with warnings, %zu failed, %zu skipped",
            r->n_cases, n[0], n[1], n[2], n[3]);
    if (isfinite(in->wall_seconds))
        fprintf(f, " in %.2f s", in->wall_seconds);
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}
