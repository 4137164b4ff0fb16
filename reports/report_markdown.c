/* The Markdown summary for a PR comment or $GITHUB_STEP_SUMMARY.  Case
 * strings are escaped (rc_text_write RC_TEXT_MD): a | in a message must not
 * split a table cell, a * or < must not become formatting or HTML. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void md(FILE *f, const char *s)
{
    rc_text_write(f, s, RC_TEXT_MD);
}

const char *rc_report_repro_command(const rc_results *r, char *buf, size_t n)
{
    const rc_run_info *in = &r->info;
    char cand[1100], prof[200], cfg[1100];
    rc_shell_quote(in->candidate_path ? in->candidate_path : "CANDIDATE.so", cand, sizeof cand);
    rc_shell_quote(in->profile ? in->profile : "standard", prof, sizeof prof);
    if (in->config_path) {
        rc_shell_quote(in->config_path, cfg, sizeof cfg);
        snprintf(buf, n, "rope-conform run --seed %llu --level %d --profile %s --config %s %s",
                 (unsigned long long)in->seed, in->level, prof, cfg, cand);
    } else {
        snprintf(buf, n, "rope-conform run --seed %llu --level %d --profile %s %s",
                 (unsigned long long)in->seed, in->level, prof, cand);
    }
    return buf;
}

static void list_item(FILE *f, const rc_case_result *c)
{
    fputs("- **", f);
    md(f, c->suite);
    fputc('/', f);
    md(f, c->name);
    fprintf(f, "** (%s)", rc_report_dtype_name(c->dtype));
    if (c->message[0]) {
        fputs(": ", f);
        md(f, c->message);
    }
    if (c->has_metrics && c->status != RC_STATUS_WARN) {
        const rc_worst *w = &c->metrics.worst;
        fprintf(f, " (position %lld, head %lld, pair %lld: expected ", (long long)w->position,
                (long long)w->head, (long long)w->pair);
        md(f, w->expected0);
        fputs(", ", f);
        md(f, w->expected1);
        fputs("; actual ", f);
        md(f, w->actual0);
        fputs(", ", f);
        md(f, w->actual1);
        fputs(")", f);
    }
    if (c->cause[0]) {
        fputs(" — likely cause: ", f);
        md(f, c->cause);
    }
    fputc('\n', f);
}

static void list_status(FILE *f, const rc_results *r, rc_status s, const char *title, size_t count)
{
    if (!count)
        return;
    fprintf(f, "\n### %s (%zu)\n\n", title, count);
    size_t shown = 0;
    for (size_t i = 0; i < r->n_cases && shown < RC_REPORT_MD_MAX_LISTED; i++) {
        unsigned st = (unsigned)r->cases[i].status;
        if ((st <= RC_STATUS_SKIP ? (rc_status)st : RC_STATUS_FAIL) == s) {
            list_item(f, &r->cases[i]);
            shown++;
        }
    }
    if (count > shown)
        fprintf(f, "- … and %zu more\n", count - shown);
}

/* "**Coverage:** E of N cases executed, S skipped:" and a list of reasons. */
static const rc_coverage_style coverage_style = {
    "**Coverage:** %zu of %zu cases executed, %zu skipped%s\n", ".", "- %zu × ",
    "- %zu × (%zu other reasons)\n", RC_TEXT_MD
};

/* Backtick fence longer than any backtick run in s, so s cannot close it. */
static int fence_len(const char *s)
{
    int best = 0, run = 0;
    for (; *s; s++) {
        run = *s == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best < 3 ? 3 : best < 30 ? best + 1 : 30;
}

int rc_report_markdown_stream(const rc_results *r, FILE *f, const char *repro)
{
    const rc_run_info *in = &r->info;
    rc_suite_summary *s;
    size_t ns, n[4];
    if (rc_report_suites(r, &s, &ns) != 0)
        return -1;
    rc_results_count(r, n);
    rc_status v = rc_results_verdict(r);

    fprintf(f, "## %s rope-conform: %s\n\n",
            v == RC_STATUS_FAIL ? "❌" : v == RC_STATUS_WARN ? "⚠️" : "✅",
            v == RC_STATUS_FAIL ? "FAIL" : v == RC_STATUS_WARN ? "PASS with warnings" : "PASS");
    fprintf(f, "%zu cases: %zu passed, %zu with warnings, %zu failed, %zu skipped",
            r->n_cases, n[0], n[1], n[2], n[3]);
    if (isfinite(in->wall_seconds))
        fprintf(f, " in %.2f s", in->wall_seconds);
    fputs(".\n\n", f);
    char fbuf[sizeof r->fatal];
    const char *fatal = rc_results_fatal(r, fbuf, sizeof fbuf);
    if (fatal[0]) {
        fputs("**Fatal:** ", f);
        md(f, fatal);
        fputs("\n\n", f);
    }
    if (rc_report_coverage_write(f, r, &coverage_style) != 0 || fputc('\n', f) == EOF) {
        free(s);
        return -1;
    }
    if (r->n_diagnosis > 0)
        fputs("### Diagnosis\n\n", f);
    for (int i = 0; i < r->n_diagnosis && i < RC_DIAG_MAX_LINES; i++) {
        /* indented lines of the block are details of the line above */
        const char *l = r->diagnosis[i];
        fputs(l[0] == ' ' ? "  - " : "- ", f);
        md(f, l + strspn(l, " "));
        fputc('\n', f);
    }
    if (r->n_diagnosis > 0)
        fputc('\n', f);

    fputs("**Candidate:** ", f);
    md(f, in->candidate_name ? in->candidate_name : "(unnamed)");
    if (in->candidate_version && in->candidate_version[0]) {
        fputc(' ', f);
        md(f, in->candidate_version);
    }
    if (in->candidate_path) {
        fputs(" (", f);
        md(f, in->candidate_path);
        fputc(')', f);
    }
    fprintf(f, "  \n**Run:** seed %llu, level %d, profile ", (unsigned long long)in->seed, in->level);
    md(f, in->profile ? in->profile : "-");
    if (in->config_path) {
        fputs(", config ", f);
        md(f, in->config_path);
    }
    if (in->tool_version) {
        fputs(", rope-conform ", f);
        md(f, in->tool_version);
    }
    fputs("\n\n| Suite | Pass | Warn | Fail | Skip | Worst error |\n"
          "|---|---:|---:|---:|---:|---:|\n", f);
    for (size_t i = 0; i < ns; i++) {
        fputs("| ", f);
        md(f, s[i].name);
        fprintf(f, " | %zu | %zu | %zu | %zu | ", s[i].counts[0], s[i].counts[1],
                s[i].counts[2], s[i].counts[3]);
        if (s[i].has_err)
            fprintf(f, "%.4g |\n", s[i].worst_err);
        else
            fputs("- |\n", f);
    }
    free(s);

    list_status(f, r, RC_STATUS_FAIL, "Failures", n[RC_STATUS_FAIL]);
    list_status(f, r, RC_STATUS_WARN, "Warnings", n[RC_STATUS_WARN]);

    char cmd[4096];
    if (!repro)
        repro = rc_report_repro_command(r, cmd, sizeof cmd);
    int fl = fence_len(repro);
    fputs("\n### Reproduce\n\n", f);
    fprintf(f, "%.*s%s\n%s\n%.*s\n", fl, "``````````````````````````````", "sh", repro, fl,
            "``````````````````````````````");
    return ferror(f) ? -1 : 0;
}

static int md_cb(const rc_results *r, FILE *f, const void *ctx)
{
    return rc_report_markdown_stream(r, f, (const char *)ctx);
}

int rc_report_markdown_ex(const rc_results *r, const char *path, const char *repro,
                          char *err, size_t errlen)
{
    return rc_report_write_file(r, path, md_cb, repro, err, errlen);
}

int rc_report_markdown(const rc_results *r, const char *path, char *err, size_t errlen)
{
    return rc_report_markdown_ex(r, path, NULL, err, errlen);
}
