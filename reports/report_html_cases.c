/* The failing and warning cases of the HTML report, one section per suite:
 * the first cases of each with their plots, the next ones in a table. */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int failing(const rc_case_result *c)
{
    return c->status != RC_STATUS_PASS && c->status != RC_STATUS_SKIP;   /* FAIL, WARN (or corrupt) */
}

static const char *status_class(rc_status s)
{
    switch (s) {
    case RC_STATUS_PASS: return "pass";
    case RC_STATUS_WARN: return "warn";
    case RC_STATUS_SKIP: return "skip";
    default: return "fail";
    }
}

unsigned char *rc_html_case_roles(const rc_results *r)
{
    rc_suite_summary *s;
    size_t ns;
    unsigned char *role = calloc(r->n_cases ? r->n_cases : 1, 1);
    if (!role || rc_report_suites(r, &s, &ns) != 0) {
        free(role);
        return NULL;
    }
    size_t *seen = calloc(ns ? ns : 1, sizeof *seen);
    /* per suite: FAIL cases first, then WARN, each in run order */
    for (int want_fail = 1; seen && want_fail >= 0; want_fail--)
        for (size_t i = 0; i < r->n_cases; i++) {
            const rc_case_result *c = &r->cases[i];
            if (!failing(c) || (c->status != RC_STATUS_WARN) != want_fail)
                continue;
            size_t j = 0;
            while (j < ns && strncmp(s[j].name, c->suite, sizeof c->suite) != 0)
                j++;
            size_t before = seen[j]++;
            role[i] = before < RC_HTML_PLOTTED_PER_SUITE ? RC_HTML_ROLE_PLOTTED
                      : before < RC_HTML_PLOTTED_PER_SUITE + RC_HTML_LISTED_PER_SUITE ? RC_HTML_ROLE_LISTED
                                                                                    : RC_HTML_ROLE_NONE;
        }
    free(s);
    if (!seen) {
        free(role);
        return NULL;
    }
    free(seen);
    return role;
}

void rc_html_case_name(FILE *f, const rc_case_result *c)
{
    rc_html_text(f, c->suite);
    fputc('/', f);
    rc_html_text(f, c->name);
}

static void case_title(FILE *f, const rc_case_result *c)
{
    fprintf(f, "<span class=\"st %s\">%s</span> ", status_class(c->status), rc_status_name(c->status));
    rc_html_case_name(f, c);
    fprintf(f, " <span class=\"dt\">[%s]</span>", rc_report_dtype_name(c->dtype));
}

static void worst_line(FILE *f, const rc_case_result *c)
{
    const rc_metrics *m = &c->metrics;
    const rc_worst *w = &m->worst;
    char e[RC_FMT_LEN], a[RC_FMT_LEN], g[RC_FMT_LEN], u[RC_FMT_LEN];
    fprintf(f, "<p class=\"where\">Worst: pair %lld at position %lld (token %lld, head %lld): input (",
            (long long)w->pair, (long long)w->position, (long long)w->token, (long long)w->head);
    const char *vals[6] = { w->in0, w->in1, w->expected0, w->expected1, w->actual0, w->actual1 };
    static const char *const sep[6] = { ", ", "), expected (", ", ", "), got (", ", ", ")" };
    for (int i = 0; i < 6; i++) {
        fputs("<code>", f);
        rc_html_text(f, vals[i]);
        fputs("</code>", f);
        fputs(sep[i], f);
    }
    fprintf(f, ". Max error %s of the bound; angle %s rad, magnitude %s, %s ulp; %lld pairs.</p>\n",
            rc_fmt_sig(m->max_err, 4, e, sizeof e), rc_fmt_sig(m->max_angle_err, 3, a, sizeof a),
            rc_fmt_sig(m->max_mag_err, 3, g, sizeof g), rc_fmt_sig(m->max_ulp, 3, u, sizeof u),
            (long long)m->n_pairs);
}

static void case_article(FILE *f, const rc_case_result *c, size_t idx)
{
    fprintf(f, "<article class=\"case %s\" id=\"case-%zu\">\n<h3>", status_class(c->status), idx);
    case_title(f, c);
    fputs("</h3>\n<p class=\"msg\">", f);
    rc_html_text(f, c->message);
    fputs("</p>\n", f);
    if (c->cause[0]) {
        fputs("<p class=\"cause\"><b>Likely cause:</b> ", f);
        rc_html_text(f, c->cause);
        fputs("</p>\n", f);
    }
    if (c->has_metrics)
        worst_line(f, c);
    int pos = c->has_metrics && rc_html_case_has_points(&c->metrics);
    int heat = c->has_metrics && rc_html_heat_has_cells(&c->metrics);
    if (pos || heat) {
        fputs("<div class=\"plots\">\n", f);
        if (pos)
            rc_html_plot_position(f, &c->metrics);
        if (heat)
            rc_html_plot_heat(f, &c->metrics);
        fputs("</div>\n", f);
    }
    fputs("</article>\n", f);
}

static void case_row(FILE *f, const rc_case_result *c, size_t idx)
{
    char e[RC_FMT_LEN];
    fprintf(f, "<tr class=\"%s\" id=\"case-%zu\"><td>", status_class(c->status), idx);
    case_title(f, c);
    fprintf(f, "</td><td>%s</td><td class=\"l\">", c->has_metrics ? rc_fmt_sig(c->metrics.max_err, 4, e, sizeof e) : "-");
    rc_html_text_n(f, c->message, 160);
    fputs("</td></tr>\n", f);
}

static void suite_section(FILE *f, const rc_results *r, const rc_suite_summary *s, const unsigned char *role)
{
    fputs("<section id=\"suite-", f);
    rc_html_text(f, s->name);
    fputs("\"><h2>", f);
    rc_html_text(f, s->name);
    fprintf(f, ": %zu failed, %zu with warnings</h2>\n", s->counts[RC_STATUS_FAIL], s->counts[RC_STATUS_WARN]);
    size_t unlisted = 0;
    int table = 0;
    /* plotted cases, then listed ones: the order rc_html_case_roles chose */
    for (int pass = RC_HTML_ROLE_PLOTTED; pass <= RC_HTML_ROLE_LISTED; pass++)
        for (int want_fail = 1; want_fail >= 0; want_fail--)
            for (size_t i = 0; i < r->n_cases; i++) {
                const rc_case_result *c = &r->cases[i];
                if (role[i] != pass || strcmp(c->suite, s->name) != 0 || (c->status != RC_STATUS_WARN) != want_fail)
                    continue;
                if (pass == RC_HTML_ROLE_PLOTTED) {
                    case_article(f, c, i);
                    continue;
                }
                if (!table)
                    fputs("<table class=\"more\"><tr><th>More cases</th><th>Worst error / bound</th>"
                          "<th class=\"l\">Message</th></tr>\n", f);
                table = 1;
                case_row(f, c, i);
            }
    if (table)
        fputs("</table>\n", f);
    for (size_t i = 0; i < r->n_cases; i++)
        unlisted += role[i] == RC_HTML_ROLE_NONE && failing(&r->cases[i]) && strcmp(r->cases[i].suite, s->name) == 0;
    if (unlisted)
        fprintf(f, "<p>&#8230; and %zu more (all in the JSON report).</p>\n", unlisted);
    fputs("</section>\n", f);
}

int rc_html_suite_sections(FILE *f, const rc_results *r, const unsigned char *role)
{
    rc_suite_summary *s;
    size_t ns;
    if (rc_report_suites(r, &s, &ns) != 0)
        return -1;
    for (size_t i = 0; i < ns; i++)
        if (s[i].counts[RC_STATUS_PASS] + s[i].counts[RC_STATUS_SKIP] < s[i].n_cases)
            suite_section(f, r, &s[i], role);
    free(s);
    return 0;
}
