/* The terminal report: what a person reads first after a run. */
#include "report.h"
#include "dtype.h"

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
        fprintf(f, "%16s", "-");
    else
        fprintf(f, "%16.4g", e);
}

/* A bit pattern of the case's dtype ("0x3c00") with its decimal value. */
static void value(FILE *f, const char *hex, rc_dtype dt)
{
    unsigned char buf[8] = { 0 };
    char *end = NULL;
    unsigned long long bits = strtoull(hex, &end, 16);
    if (!hex[0] || !end || *end) {
        rc_text_write(f, hex, RC_TEXT_TERM);
        return;
    }
    uint64_t b64 = bits;
    uint32_t b32 = (uint32_t)bits;
    uint16_t b16 = (uint16_t)bits;
    size_t es = rc_dtype_size(dt);
    memcpy(buf, es == 8 ? (const void *)&b64 : es == 4 ? (const void *)&b32 : (const void *)&b16, es);
    fprintf(f, "%.9g ", rc_load(buf, dt, 0));
    rc_text_write(f, hex, RC_TEXT_TERM);
}

/* The message up to its first "; " (the details follow on other lines). */
static void headline(FILE *f, const char *msg, size_t max)
{
    char buf[512];
    size_t n = strcspn(msg, ";");
    if (n > max)
        n = max;
    snprintf(buf, sizeof buf, "%.*s%s", (int)n, msg, msg[n] && n == max ? "..." : "");
    rc_text_write(f, buf, RC_TEXT_TERM);
}

static void status_head(FILE *f, const rc_case_result *c, int color)
{
    fputs("  ", f);
    colored(f, color, status_color(c->status), rc_status_name(c->status));
    fputc(' ', f);
    rc_text_write(f, c->suite, RC_TEXT_TERM);
    fputc('/', f);
    rc_text_write(f, c->name, RC_TEXT_TERM);
    fprintf(f, " [%s]", rc_report_dtype_name(c->dtype));
}

/* At most three lines: what, where with expected against actual (decimal
 * and hex), and the diagnosis. */
static void case_short(FILE *f, const rc_case_result *c, int color)
{
    status_head(f, c, color);
    if (c->message[0]) {
        fputs(": ", f);
        headline(f, c->message, 110);
    }
    fputc('\n', f);
    const rc_worst *w = &c->metrics.worst;
    if (c->has_metrics && (w->expected0[0] || w->actual0[0])) {
        fprintf(f, "      pair %lld at position %lld (token %lld, head %lld): expected (", (long long)w->pair,
                (long long)w->position, (long long)w->token, (long long)w->head);
        value(f, w->expected0, c->dtype);
        fputs(", ", f);
        value(f, w->expected1, c->dtype);
        fputs(") got (", f);
        value(f, w->actual0, c->dtype);
        fputs(", ", f);
        value(f, w->actual1, c->dtype);
        fputs(")\n", f);
    }
    if (c->cause[0]) {
        fputs("      cause: ", f);
        headline(f, c->cause, 170);
        fputc('\n', f);
    }
}

/* Everything about one case, for --verbose. */
static void case_long(FILE *f, const rc_case_result *c, int color)
{
    status_head(f, c, color);
    if (c->message[0]) {
        fputs(": ", f);
        rc_text_write(f, c->message, RC_TEXT_TERM);
    }
    fputc('\n', f);
    if (c->cause[0]) {
        fputs("      cause: ", f);
        rc_text_write(f, c->cause, RC_TEXT_TERM);
        fputc('\n', f);
    }
    const rc_metrics *m = &c->metrics;
    if (c->has_metrics && c->status != RC_STATUS_SKIP) {
        fprintf(f, "      worst err %.6g of the bound (raw %.6g), angle %.3g rad, magnitude %.3g, bias %.3g over %lld pairs",
                m->max_err, m->max_err_raw, m->max_angle_err, m->max_mag_err, m->mean_radial, (long long)m->n_pairs);
        /* ulps against the correctly rounded golden mean something only
         * while the error is near the rounding */
        if (m->max_ulp < 1024)
            fprintf(f, ", %.3g ulp", m->max_ulp);
        fputc('\n', f);
    }
}

static void title(FILE *f, int color, const char *fmt, size_t a, size_t b)
{
    fputc('\n', f);
    if (color)
        fputs(C_BOLD, f);
    fprintf(f, fmt, a, b);
    if (color)
        fputs(C_OFF, f);
    fputc('\n', f);
}

static rc_status status_of(const rc_case_result *c)
{
    unsigned st = (unsigned)c->status;
    return st <= RC_STATUS_SKIP ? (rc_status)st : RC_STATUS_FAIL;
}

/* The evidence with its numbers left out: the kind of symptom. */
static int same_kind(const char *a, const char *b)
{
    for (;;) {
        while (*a >= '0' && *a <= '9')
            a++;
        while (*b >= '0' && *b <= '9')
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++, b++;
    }
}

/* Whether an earlier case of status s has the same symptom as case i:
 * diagnosis class, suite and kind of evidence. */
static int seen_symptom(const rc_results *r, size_t i, rc_status s)
{
    const rc_case_result *c = &r->cases[i];
    for (size_t j = 0; j < i; j++) {
        const rc_case_result *o = &r->cases[j];
        if (status_of(o) == s && strcmp(o->diag.cls, c->diag.cls) == 0 && strcmp(o->suite, c->suite) == 0 &&
            same_kind(o->diag.evidence, c->diag.evidence))
            return 1;
    }
    return 0;
}

/* Default: one case per distinct symptom, at most `max`, three lines
 * each; verbose: every case of status s in full. */
static void list_status(FILE *f, const rc_results *r, rc_status s, const char *name, size_t count, int color,
                        int verbose, size_t max)
{
    if (!count)
        return;
    size_t shown = 0;
    if (verbose)
        title(f, color, name[0] == 'F' ? "Failures (%zu)" : name[0] == 'W' ? "Warnings (%zu)" : "%zu cases", count, 0);
    for (size_t i = 0; i < r->n_cases; i++) {
        if (status_of(&r->cases[i]) != s)
            continue;
        if (verbose) {
            case_long(f, &r->cases[i], color);
            continue;
        }
        if (shown == max || seen_symptom(r, i, s))
            continue;
        if (shown++ == 0)
            fprintf(f, "\n%s: %zu; one per distinct symptom (--verbose lists all)\n", name, count);
        case_short(f, &r->cases[i], color);
    }
}

static void diagnosis(FILE *f, const rc_results *r, int color)
{
    if (r->n_diagnosis <= 0)
        return;
    if (color)
        fputs(C_BOLD, f);
    fputs("Diagnosis", f);
    if (color)
        fputs(C_OFF, f);
    fputc('\n', f);
    for (int i = 0; i < r->n_diagnosis && i < RC_DIAG_MAX_LINES; i++) {
        fputs("  ", f);
        rc_text_write(f, r->diagnosis[i], RC_TEXT_TERM);
        fputc('\n', f);
    }
    fputc('\n', f);
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
    diagnosis(f, r, color);

    fprintf(f, "%-20s %6s %6s %6s %6s %16s\n", "suite", "pass", "warn", "fail", "skip", "worst err/bound");
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

    /* the default view stays within RC_REPORT_TERM_MAX_LINES: what is left
     * after the fixed parts goes to failures first, three lines each */
    rc_coverage cov;
    char fbuf[sizeof r->fatal];
    const char *fatal = rc_results_fatal(r, fbuf, sizeof fbuf);
    size_t cov_lines = rc_report_coverage(r, &cov) != 0 ? 0 : 2 + cov.n_reasons + (cov.other_reasons > 0);
    size_t fixed = 3 + (r->n_diagnosis > 0 ? (size_t)r->n_diagnosis + 2 : 0) + 1 + ns + cov_lines +
                   (fatal[0] ? 2 : 0) + 2;
    size_t room = fixed + 7 < RC_REPORT_TERM_MAX_LINES ? RC_REPORT_TERM_MAX_LINES - fixed - 2 : 5;
    size_t n_fail = n[RC_STATUS_FAIL] ? (room - 2) / 3 : 0;
    if (n_fail > RC_REPORT_TERM_MAX_FAILURES)
        n_fail = RC_REPORT_TERM_MAX_FAILURES;
    size_t left = room - (n_fail ? 2 + 3 * n_fail : 0);
    size_t n_warn = left >= 5 ? (left - 2) / 3 : 0;
    list_status(f, r, RC_STATUS_FAIL, "Failures", n[RC_STATUS_FAIL], color, verbose, n_fail);
    list_status(f, r, RC_STATUS_WARN, "Warnings", n[RC_STATUS_WARN], color, verbose,
                n_warn < RC_REPORT_TERM_MAX_WARNINGS ? n_warn : RC_REPORT_TERM_MAX_WARNINGS);
    if (!verbose && n[RC_STATUS_WARN] && !n_warn)
        fprintf(f, "\nWarnings: %zu (--verbose lists them)\n", n[RC_STATUS_WARN]);
    if (verbose) {
        list_status(f, r, RC_STATUS_SKIP, "Skipped", n[RC_STATUS_SKIP], color, 1, 0);
        list_status(f, r, RC_STATUS_PASS, "Passed", n[RC_STATUS_PASS], color, 1, 0);
    }
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
