/* The HTML report: one self-contained page (inline CSS and SVG, no script,
 * no external reference) with the verdict, the diagnosis, how to reproduce
 * the run, the per-suite table, and plots of where the errors are. */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char css[] =
    "body{font:14px/1.45 \"DejaVu Sans\",Verdana,sans-serif;color:#222;margin:0 auto;padding:16px 24px;"
    "max-width:1140px}\n"
    "h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:26px 0 8px;border-bottom:1px solid #ddd}"
    "h3{font-size:14px;margin:0 0 6px;overflow-wrap:anywhere}\n"
    ".verdict{padding:10px 14px;border-left:8px solid;margin:8px 0 14px}"
    ".verdict.pass{background:#e8f5e9;border-color:#2e7d32}.verdict.warn{background:#fff4e0;border-color:#b26a00}"
    ".verdict.fail{background:#fdecea;border-color:#c62828}.verdict b{font-size:20px}\n"
    "table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #e3e3e3;"
    "text-align:right;vertical-align:top}th:first-child,td:first-child,.l{text-align:left}"
    "tr.fail td{background:#fdecea}tr.warn td{background:#fff4e0}"
    "table.more td{font-size:12px}table.more td:first-child{max-width:520px;overflow-wrap:anywhere}\n"
    ".st{font-weight:bold;padding:0 5px;border-radius:3px;color:#fff}.st.fail{background:#c62828}"
    ".st.warn{background:#b26a00}.st.pass{background:#2e7d32}.st.skip{background:#777}.dt{color:#555}\n"
    "pre{background:#f4f6f8;padding:8px 10px;white-space:pre-wrap;overflow-wrap:anywhere}"
    "code{font-size:12px}.msg,.where{overflow-wrap:anywhere}\n"
    ".case{border:1px solid #ddd;border-radius:6px;padding:10px 12px;margin:12px 0}"
    ".case.fail{border-left:5px solid #c62828}.case.warn{border-left:5px solid #b26a00}\n"
    ".plots{display:flex;flex-wrap:wrap;gap:12px;margin-top:8px}figure{margin:0}\n"
    "dl.info{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{color:#555}dd{margin:0;"
    "overflow-wrap:anywhere}\n.fatal{color:#c62828}\n"
    "svg.plot{background:#fff;display:block}svg text{font-size:11px;fill:#333}"
    ".grid{stroke:#e8e8e8}.tick{stroke:#888}"
    ".bound{stroke:#c62828;stroke-dasharray:5 3;stroke-width:1.5}text.bound{fill:#c62828;stroke:none}"
    ".line{fill:none;stroke-width:1.5;opacity:.55}"
    ".pt.angle{fill:" RC_HTML_ANGLE "}.pt.mag{fill:" RC_HTML_MAG "}.pt.other{fill:" RC_HTML_OTHER "}"
    "rect.c,rect.bar{shape-rendering:crispEdges}rect.bar{stroke:#6f8faf;stroke-width:1}\n";

static void head(FILE *f, const rc_results *r, rc_status v)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", f);
    rc_html_colors_meta(f);
    fprintf(f, "<title>rope-conform %s: ", v == RC_STATUS_FAIL ? "FAIL" : v == RC_STATUS_WARN ? "PASS with warnings" : "PASS");
    rc_html_text(f, r->info.candidate_name ? r->info.candidate_name : "(unnamed)");
    fprintf(f, "</title>\n<style>\n%s", css);
    for (int i = 0; i < rc_html_n_levels; i++)
        fprintf(f, ".l%d{fill:%s}", i, rc_html_levels[i].color);
    fputs("\n</style>\n</head>\n<body>\n", f);
}

static void verdict(FILE *f, const rc_results *r, rc_status v)
{
    size_t n[4];
    rc_results_count(r, n);
    static const char *const cls[] = { "pass", "warn", "fail" };
    fprintf(f, "<h1>rope-conform report</h1>\n<div class=\"verdict %s\"><b>%s</b><br>%zu cases: %zu passed, "
               "%zu with warnings, %zu failed, %zu skipped",
            cls[v == RC_STATUS_FAIL ? 2 : v == RC_STATUS_WARN ? 1 : 0],
            v == RC_STATUS_FAIL ? "FAIL" : v == RC_STATUS_WARN ? "PASS with warnings" : "PASS", r->n_cases,
            n[RC_STATUS_PASS], n[RC_STATUS_WARN], n[RC_STATUS_FAIL], n[RC_STATUS_SKIP]);
    if (isfinite(r->info.wall_seconds))
        fprintf(f, " in %.2f s", r->info.wall_seconds);
    fputs(".</div>\n", f);
}

/* The distinct likely causes of the FAIL and WARN cases, the most frequent
 * first (ties in order of appearance), each with one case to look at. */
#define MAX_CAUSES 10
typedef struct cause_row {
    const char *cause;    /* "" for cases without one */
    size_t count, first;
} cause_row;

static size_t group_causes(const rc_results *r, cause_row *rows, size_t *others)
{
    size_t n = 0;
    *others = 0;
    for (size_t i = 0; i < r->n_cases; i++) {
        const rc_case_result *c = &r->cases[i];
        if (c->status == RC_STATUS_PASS || c->status == RC_STATUS_SKIP)
            continue;
        size_t j = 0;
        while (j < n && strncmp(rows[j].cause, c->cause, sizeof c->cause) != 0)
            j++;
        if (j == n && n == MAX_CAUSES) {
            (*others)++;
            continue;
        }
        if (j == n)
            rows[n++] = (cause_row){ c->cause, 0, i };
        rows[j].count++;
    }
    for (size_t j = 1; j < n; j++)
        for (size_t k = j; k > 0 && rows[k].count > rows[k - 1].count; k--) {
            cause_row t = rows[k];
            rows[k] = rows[k - 1];
            rows[k - 1] = t;
        }
    return n;
}

static void case_link(FILE *f, const rc_results *r, size_t i, const unsigned char *role)
{
    const rc_case_result *c = &r->cases[i];
    if (role[i] != RC_HTML_ROLE_NONE) {
        fprintf(f, "<a href=\"#case-%zu\">", i);
    } else {
        fputs("<a href=\"#suite-", f);
        rc_html_text(f, c->suite);
        fputs("\">", f);
    }
    rc_html_case_name(f, c);
    fprintf(f, "</a> [%s]", rc_report_dtype_name(c->dtype));
}

static void diagnosis(FILE *f, const rc_results *r, const unsigned char *role)
{
    fputs("<section id=\"diagnosis\"><h2>Diagnosis</h2>\n", f);
    if (r->fatal[0]) {
        fputs("<p class=\"fatal\"><b>Fatal:</b> ", f);
        rc_html_text(f, r->fatal);
        fputs("</p>\n", f);
    }
    cause_row rows[MAX_CAUSES];
    size_t others, n = group_causes(r, rows, &others);
    if (n == 0 && !r->fatal[0])
        fputs("<p>No failures and no warnings: nothing to diagnose.</p>\n", f);
    if (n > 0)
        fputs("<ul>\n", f);
    for (size_t j = 0; j < n; j++) {
        fputs("<li>", f);
        if (rows[j].cause[0]) {
            fputs("<b>Likely cause:</b> ", f);
            rc_html_text(f, rows[j].cause);
        } else {
            fputs("<b>No likely cause named</b>", f);
        }
        fprintf(f, " &#8212; %zu case%s, first ", rows[j].count, rows[j].count == 1 ? "" : "s");
        case_link(f, r, rows[j].first, role);
        fputs("</li>\n", f);
    }
    if (others)
        fprintf(f, "<li>&#8230; and %zu more cases with other causes</li>\n", others);
    if (n > 0)
        fputs("</ul>\n", f);
    fputs("</section>\n", f);
}

static void info_row(FILE *f, const char *key, const char *value)
{
    fprintf(f, "<dt>%s</dt><dd>", key);
    rc_html_text(f, value && value[0] ? value : "-");
    fputs("</dd>\n", f);
}

static void run_info(FILE *f, const rc_results *r, const char *repro)
{
    const rc_run_info *in = &r->info;
    char seed[32], level[16], wall[RC_FMT_LEN];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)in->seed);
    snprintf(level, sizeof level, "%d", in->level);
    fputs("<section id=\"run\"><h2>Reproduce</h2>\n<pre>", f);
    rc_html_text(f, repro);
    fputs("</pre>\n<dl class=\"info\">\n", f);
    info_row(f, "candidate", in->candidate_name);
    info_row(f, "candidate version", in->candidate_version);
    info_row(f, "candidate path", in->candidate_path);
    info_row(f, "seed", seed);
    info_row(f, "level", level);
    info_row(f, "profile", in->profile);
    info_row(f, "config", in->config_path);
    info_row(f, "started (UTC)", in->started_utc);
    info_row(f, "wall time (s)", rc_fmt_sig(in->wall_seconds, 4, wall, sizeof wall));
    info_row(f, "rope-conform", in->tool_version);
    info_row(f, "MPFR", in->mpfr_version);
    info_row(f, "GMP", in->gmp_version);
    info_row(f, "cJSON", in->cjson_version);
    info_row(f, "CPU", in->cpu);
    fputs("</dl>\n</section>\n", f);
}

static int suite_table(FILE *f, const rc_results *r)
{
    rc_suite_summary *s;
    size_t ns;
    if (rc_report_suites(r, &s, &ns) != 0)
        return -1;
    fputs("<section id=\"suites\"><h2>Suites</h2>\n<table>\n<tr><th>Suite</th><th>Cases</th><th>Pass</th>"
          "<th>Warn</th><th>Fail</th><th>Skip</th><th>Worst error / bound</th><th>Seconds</th></tr>\n", f);
    for (size_t i = 0; i < ns; i++) {
        size_t *c = s[i].counts;
        int bad = c[RC_STATUS_FAIL] + c[RC_STATUS_WARN] > 0;
        char e[RC_FMT_LEN], t[RC_FMT_LEN];
        fprintf(f, "<tr class=\"%s\"><td>", c[RC_STATUS_FAIL] ? "fail" : c[RC_STATUS_WARN] ? "warn" : "pass");
        if (bad) {
            fputs("<a href=\"#suite-", f);
            rc_html_text(f, s[i].name);
            fputs("\">", f);
        }
        rc_html_text(f, s[i].name);
        fprintf(f, "%s</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td class=\"worst\">%s</td>"
                   "<td>%s</td></tr>\n", bad ? "</a>" : "", s[i].n_cases, c[0], c[1], c[2], c[3],
                s[i].has_err ? rc_fmt_sig(s[i].worst_err, 4, e, sizeof e) : "-",
                rc_fmt_sig(s[i].seconds, 3, t, sizeof t));
    }
    fputs("</table>\n</section>\n", f);
    free(s);
    return 0;
}

int rc_report_html_stream(const rc_results *r, FILE *f, const char *repro)
{
    rc_status v = rc_results_verdict(r);
    unsigned char *role = rc_html_case_roles(r);
    if (!role)
        return -1;
    char cmd[4096];
    if (!repro)
        repro = rc_report_repro_command(r, cmd, sizeof cmd);
    head(f, r, v);
    verdict(f, r, v);
    diagnosis(f, r, role);
    run_info(f, r, repro);
    int rc = suite_table(f, r);
    if (rc == 0)
        rc = rc_html_suite_sections(f, r, role);
    if (rc == 0)
        rc_html_margin_section(f, r);
    fputs("</body>\n</html>\n", f);
    free(role);
    return rc != 0 || ferror(f) ? -1 : 0;
}

static int html_cb(const rc_results *r, FILE *f, const void *ctx)
{
    return rc_report_html_stream(r, f, (const char *)ctx);
}

int rc_report_html_ex(const rc_results *r, const char *path, const char *repro, char *err, size_t errlen)
{
    return rc_report_write_file(r, path, html_cb, repro, err, errlen);
}

int rc_report_html(const rc_results *r, const char *path, char *err, size_t errlen)
{
    return rc_report_html_ex(r, path, NULL, err, errlen);
}
