/* Report writers: terminal, JSON, JUnit XML, Markdown and HTML views of one
 * rc_results, the JSON reader (for --baseline and shard merges) and the
 * baseline comparison.  Writers only read an rc_results and never
 * recompute a measurement; they write whatever the verdict (a FAIL run still
 * gets every report).  docs/report-schema.md describes each format.
 *
 * File writers are atomic for regular files: they write "PATH.tmp.<pid>"
 * in the same directory, fsync it and rename it over PATH, so a reader sees
 * the old report or the new one, never half of one.  A target that is not a
 * regular file (/dev/null, a FIFO, /dev/stdout) is written in place, never
 * renamed over.  On error they remove the temp file and return -1 with a
 * one-line message naming the path in err. */
#ifndef RC_REPORT_H
#define RC_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "atomic.h"
#include "results.h"

#define RC_REPORT_SCHEMA "rope-conform-report"
#define RC_REPORT_SCHEMA_VERSION 1
#define RC_REPORT_TOOL "rope-conform"

/* ---- writers ---------------------------------------------------------- */

/* Summary first: the Diagnosis block (at most 10 lines), the per-suite
 * table, then at most RC_REPORT_TERM_MAX_FAILURES failures (one per
 * distinct symptom, three lines each, values in decimal and hex) and
 * RC_REPORT_TERM_MAX_WARNINGS warnings, then the verdict line ("PASS",
 * "PASS with warnings" or "FAIL" with counts and wall time), all within
 * RC_REPORT_TERM_MAX_LINES lines (fewer failures when the block is long).  color: ANSI
 * colours; verbose: every FAIL, WARN, SKIP and PASS case in full.  0 ok,
 * -1 if the stream reported an error. */
#define RC_REPORT_TERM_MAX_FAILURES 10
#define RC_REPORT_TERM_MAX_LINES 59
#define RC_REPORT_TERM_MAX_WARNINGS 5
int rc_report_terminal(const rc_results *r, FILE *f, int color, int verbose);

/* JSON, schema "rope-conform-report" version 1. */
int rc_report_json(const rc_results *r, const char *path, char *err, size_t errlen);
int rc_report_json_stream(const rc_results *r, FILE *f);
/* The same document as a malloc'd string (caller frees); NULL if out of
 * memory. */
char *rc_report_json_string(const rc_results *r);

/* JUnit XML: one <testsuite> per suite, one <testcase> per case. */
int rc_report_junit(const rc_results *r, const char *path, char *err, size_t errlen);
int rc_report_junit_stream(const rc_results *r, FILE *f);

/* Markdown summary for a PR comment or $GITHUB_STEP_SUMMARY.  repro is the
 * command line shown under "Reproduce"; NULL builds the default from
 * r->info (RC_REPORT_REPRO_FORMAT below).  The _stream form lets a caller
 * append to $GITHUB_STEP_SUMMARY instead of replacing it. */
int rc_report_markdown(const rc_results *r, const char *path, char *err, size_t errlen);
int rc_report_markdown_ex(const rc_results *r, const char *path, const char *repro,
                          char *err, size_t errlen);
int rc_report_markdown_stream(const rc_results *r, FILE *f, const char *repro);
/* The default reproduce command:
 *   rope-conform run --seed N --level L --profile P [--config C] CANDIDATE
 * shell-quoted, into buf.  It cannot know --suite/--dtype filters: pass
 * the real command line to rc_report_markdown_ex for those.  Returns buf. */
const char *rc_report_repro_command(const rc_results *r, char *buf, size_t n);

/* HTML: one self-contained page, inline CSS and SVG, readable without
 * script and with no external reference: verdict, diagnosis, reproduce
 * command and versions, the per-suite table, per failing or warning case a
 * plot of error against position and a pair x position heat map, and for a
 * passing run the margin per pair (docs/report-schema.md).  repro as for
 * Markdown. */
int rc_report_html(const rc_results *r, const char *path, char *err, size_t errlen);
int rc_report_html_ex(const rc_results *r, const char *path, const char *repro,
                      char *err, size_t errlen);
int rc_report_html_stream(const rc_results *r, FILE *f, const char *repro);

/* Failures and warnings listed in the Markdown summary before "and N more". */
#define RC_REPORT_MD_MAX_LISTED 20

/* ---- reading a report back --------------------------------------------- */

/* Owned copies of the run-info strings of a loaded report; out->info's
 * pointers point in here, so keep it alive while out->info is used. */
typedef struct rc_report_meta {
    char candidate_path[1024];
    char candidate_name[128];
    char candidate_version[128];
    char profile[64];
    char config_path[1024];
    char tool_version[64];
    char mpfr_version[64], gmp_version[64], cjson_version[64];
    char cpu[256];
    char started_utc[64];
} rc_report_meta;

/* Read a JSON report.  Cases are appended to out (zero-initialise it, or
 * load several shards into one for a merge); every field the writer wrote
 * comes back bit-exact (params, metrics, worst location, message, cause,
 * seconds).  out->info's numbers (seed, level, wall_seconds) are set from
 * the file; its strings point into meta, or are NULL when meta is NULL.
 * out->fatal is set when the file has one and out->fatal is still "".
 * A schema other than "rope-conform-report" version 1 is an error.
 * 0 ok; -1 with a one-line message naming the file (and key) in err; on
 * error out keeps the cases it had before the call. */
int rc_report_load_json(const char *path, rc_results *out, char *err, size_t errlen);
int rc_report_load_json_ex(const char *path, rc_results *out, rc_report_meta *meta,
                           char *err, size_t errlen);
/* The same from a string; source names it in messages. */
int rc_report_parse_json(const char *text, const char *source, rc_results *out,
                         rc_report_meta *meta, char *err, size_t errlen);

/* ---- baseline comparison ----------------------------------------------- */

/* Default for `factor`: max_err more than twice the baseline's (one bit)
 * is a regression. */
#define RC_BASELINE_DEFAULT_FACTOR 2.0
/* Errors below this (normalised: a fraction of the case's bound) are
 * treated as this value when compared, so 0 -> 1e-9 is not "infinitely
 * worse". */
#define RC_BASELINE_ERR_FLOOR (1.0 / 1024.0)

typedef enum rc_baseline_kind {
    RC_BASELINE_NEW_FAIL = 0,  /* FAIL now, not FAIL in the baseline: regression */
    RC_BASELINE_WORSE,         /* max_err > factor * baseline's: regression     */
    RC_BASELINE_FATAL,         /* the run has a fatal error, the baseline had
                                  none: regression                               */
    RC_BASELINE_MISSING,       /* in the baseline, not in this run: reported   */
    RC_BASELINE_NEW_CASE,      /* in this run, not in the baseline: reported   */
    RC_BASELINE_NOW_SKIPPED    /* SKIP now, PASS/WARN/FAIL in the baseline (the
                                  candidate dropped support): reported         */
} rc_baseline_kind;

typedef struct rc_baseline_item {
    rc_baseline_kind kind;
    char suite[32];
    char name[160];
    rc_dtype dtype;
    rc_status current_status, baseline_status;  /* of the side(s) present */
    double current_err, baseline_err;           /* max_err, NAN if absent */
} rc_baseline_item;

typedef struct rc_baseline_diff {
    rc_baseline_item *items;   /* regressions first, then the reported rest */
    size_t n_items, cap_items;
    size_t n_regressions, n_missing, n_new, n_now_skipped;
    size_t n_matched;
    double factor;
} rc_baseline_diff;

/* Compare current with baseline case by case, matching suite + name +
 * dtype.  Regressions: a FAIL where the baseline had PASS, WARN or SKIP;
 * a max_err (both sides with metrics) above factor times the baseline's
 * (factor <= 1 or NaN means RC_BASELINE_DEFAULT_FACTOR); a NaN max_err where
 * the baseline's was a number; a fatal error the baseline did not have.
 * Missing and new cases are listed but are not regressions.  Returns the
 * number of regressions, -1 when out of memory.  Free out with
 * rc_baseline_diff_free. */
int rc_report_baseline(const rc_results *current, const rc_results *baseline,
                       double factor, rc_baseline_diff *out);
void rc_baseline_diff_free(rc_baseline_diff *d);
/* "new-fail" "worse" "fatal" "missing" "new" "now-skipped" */
const char *rc_baseline_kind_name(rc_baseline_kind k);
/* One line per regression, at most max_info lines for the other items
 * (missing, new, now skipped: a level-1 run against a level-3 baseline
 * has 40 000) with a count of the rest, and a summary line ("N
 * regressions against the baseline"). */
#define RC_BASELINE_INFO_LINES 10
int rc_baseline_diff_print(const rc_baseline_diff *d, FILE *f, int color, size_t max_info);

/* ---- helpers shared by the writers ------------------------------------- */

/* A double as a C99 hex float ("%a": exact) and as "%.17g" (readable and
 * also exact), independent of the C locale's decimal point. */
#define RC_FMT_LEN 40
const char *rc_fmt_hex(double v, char *buf, size_t n);
const char *rc_fmt_dec(double v, char *buf, size_t n);
/* Parse either form back (strtod: hex floats, decimal, inf, nan); the
 * whole string must be consumed.  0 ok, -1 not a number. */
int rc_fmt_parse_double(const char *s, double *out);
/* v with `digits` significant digits ("%.*g"), '.' whatever the locale. */
const char *rc_fmt_sig(double v, int digits, char *buf, size_t n);

/* Plot data (rc_metrics): a float as the shortest decimal that
 * rc_fmt_parse_double reads back to the same float ("inf", "nan"), and a
 * negative value (nothing measured) as "-".  A series is n of them in one
 * string, separated by single spaces (malloc'd; NULL when out of memory);
 * rc_series_parse reads one back, "-" as -1: 0 when s holds exactly n
 * values, else -1. */
const char *rc_fmt_float(float v, char *buf, size_t n);
char *rc_series_format(const float *v, size_t n);
int rc_series_parse(const char *s, float *out, size_t n);

/* Stable names used in every report, and their parsers (0 ok, -1 unknown). */
const char *rc_report_dtype_name(rc_dtype t);      /* "f64" "f32" "f16" "bf16" */
int rc_report_dtype_parse(const char *s, rc_dtype *out);
/* Pairing and rope type use the params JSON's spellings (docs/config.md). */
const char *rc_report_pairing_name(rc_pairing p);  /* "half-split" "interleaved" */
int rc_report_pairing_parse(const char *s, rc_pairing *out);
const char *rc_report_rope_type_name(rc_rope_type t); /* the rope-type table's
                                                         names (rope_type.h) */
int rc_report_rope_type_parse(const char *s, rc_rope_type *out);
int rc_report_status_parse(const char *s, rc_status *out); /* "PASS" ... */

/* Text contexts for rc_text_write: untrusted strings (candidate error
 * messages) are made safe for each output. */
typedef enum rc_text_mode {
    RC_TEXT_TERM,      /* one line, no control characters                */
    RC_TEXT_XML,       /* XML character data; newlines kept             */
    RC_TEXT_XML_ATTR,  /* XML attribute value (double-quoted)           */
    RC_TEXT_MD,        /* one line of Markdown, punctuation escaped     */
    RC_TEXT_HTML       /* HTML text or attribute value: as XML_ATTR, and
                          ':' as "&#58;" so no URL scheme appears        */
} rc_text_mode;
/* Write s (NULL = "") to f.  Everywhere, control characters and bytes that
 * are not valid UTF-8 take rc_escape_one's form (escape.h: \n \r \t
 * \xHH), except tab and newlines where an XML mode keeps them.  0 ok, -1 on
 * a stream error. */
int rc_text_write(FILE *f, const char *s, rc_text_mode mode);
/* s with invalid UTF-8 replaced by U+FFFD (malloc'd; NULL = ""); NULL if
 * out of memory. */
char *rc_utf8_sanitize(const char *s);
/* s quoted for a POSIX shell when it needs it, into buf.  Returns buf. */
const char *rc_shell_quote(const char *s, char *buf, size_t n);

/* Per-suite totals, in order of first appearance. */
typedef struct rc_suite_summary {
    const char *name;          /* points into a case of r                  */
    size_t counts[4];          /* indexed by rc_status                     */
    size_t n_cases;
    int has_err;               /* some case has metrics                    */
    double worst_err;          /* max max_err of those (NaN wins)          */
    double seconds;            /* sum of case seconds                      */
} rc_suite_summary;
/* malloc'd array (caller frees) in *out, count in *n; -1 out of memory. */
int rc_report_suites(const rc_results *r, rc_suite_summary **out, size_t *n);

/* Coverage: how many cases executed and why the others were skipped.  A
 * reason is a SKIP case's message ("no reason given" when empty); the
 * reasons are grouped, most frequent first (ties: first appearance), at
 * most RC_COVERAGE_MAX_REASONS of them, the rest summed into `other`. */
#define RC_COVERAGE_MAX_REASONS 10
typedef struct rc_skip_reason {
    const char *reason;        /* points into a case of r                  */
    size_t count;
} rc_skip_reason;
typedef struct rc_coverage {
    size_t total, executed, skipped;
    rc_skip_reason reasons[RC_COVERAGE_MAX_REASONS];
    size_t n_reasons;
    size_t other_reasons, other_count; /* groups beyond the listed ones  */
} rc_coverage;
/* 0 ok, -1 out of memory. */
int rc_report_coverage(const rc_results *r, rc_coverage *out);
/* The coverage block of a text view.  head is a printf format taking
 * executed, total, skipped and a string (":" when some were skipped, else
 * quiet_end); item takes a count and is followed by the reason (written in
 * mode) and a newline; other takes the count and the number of reasons
 * beyond the listed ones.  0 ok, -1 out of memory or a stream error. */
typedef struct rc_coverage_style {
    const char *head, *quiet_end, *item, *other;
    rc_text_mode mode;
} rc_coverage_style;
int rc_report_coverage_write(FILE *f, const rc_results *r, const rc_coverage_style *st);

/* Run write(r, f, ctx) into PATH atomically (atomic.h); a nonzero return
 * from write or a stream error aborts.  The one entry the file writers
 * share. */
typedef int (*rc_report_stream_fn)(const rc_results *r, FILE *f, const void *ctx);
int rc_report_write_file(const rc_results *r, const char *path, rc_report_stream_fn write,
                         const void *ctx, char *err, size_t errlen);

/* ---- report targets, checked before a run ------------------------------- */

/* Check every path a command will write (NULL entries: not asked for)
 * before it does any work: the directory exists and is writable, the
 * target is not a directory, a socket or a dangling link, an existing
 * device or FIFO is writable, a /dev/stdout-like name has its descriptor
 * open for writing, and no two paths name the same file.  0 ok; -1 with one
 * line in err ("cannot write report 'PATH': WHY", escaped). */
int rc_report_targets_check(const char *const paths[], size_t n, char *err, size_t errlen);
/* -1 with a message when input (e.g. --baseline) is one of paths: the
 * report would replace it before it is read. */
int rc_report_targets_exclude(const char *const paths[], size_t n, const char *input,
                              char *err, size_t errlen);

#endif
