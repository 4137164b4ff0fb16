/* Judging cases and concluding a run (judge.h). */
#include "judge.h"
#include "diagnose.h"
#include "report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void rc_judge_case(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    double t0 = now_seconds();
    snprintf(res->suite, sizeof res->suite, "%s", c->suite->name);
    snprintf(res->name, sizeof res->name, "%s", c->name);
    res->params = c->cfg.params;
    res->params.short_factor = res->params.long_factor = NULL;
    res->dtype = c->dtype;
    if (!c->executed) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "internal: the sandbox could not run the candidate");
    } else {
        c->suite->verify(ctx, c, res);
    }
    /* time in the candidate plus time judging it */
    double in_candidate = 0.0;
    for (int k = 0; k < c->n_calls; k++)
        in_candidate += c->calls[k].res.seconds;
    res->seconds = in_candidate + (now_seconds() - t0);
    if (res->status != RC_STATUS_FAIL)   /* rc_diagnose_run reads FAIL cases */
        rc_case_release(c);
}

static int write_reports(const rc_run_opts *o, const rc_results *r)
{
    char err[512];
    int bad = 0;
    if (o->json && rc_report_json(r, o->json, err, sizeof err) != 0)
        bad = fprintf(stderr, "rope-conform: %s\n", err) > 0;
    if (o->junit && rc_report_junit(r, o->junit, err, sizeof err) != 0)
        bad = fprintf(stderr, "rope-conform: %s\n", err) > 0;
    if (o->markdown && rc_report_markdown(r, o->markdown, err, sizeof err) != 0)
        bad = fprintf(stderr, "rope-conform: %s\n", err) > 0;
    return bad;
}

/* 1 when the run regressed against o->baseline, 0 not, 2/3 errors. */
static int compare_baseline(const rc_run_opts *o, const rc_results *results)
{
    char err[1024];
    int code = 0;
    rc_results base;
    memset(&base, 0, sizeof base);
    rc_report_meta meta;
    if (rc_report_load_json_ex(o->baseline, &base, &meta, err, sizeof err) != 0) {
        fprintf(stderr, "rope-conform: %s\n", err);
        code = 2;
    } else {
        rc_baseline_diff diff;
        memset(&diff, 0, sizeof diff);
        int reg = rc_report_baseline(results, &base, o->baseline_factor, &diff);
        if (reg < 0) {
            code = 3;
        } else {
            rc_baseline_diff_print(&diff, stdout, o->color);
            code = reg > 0;
        }
        rc_baseline_diff_free(&diff);
    }
    rc_results_free(&base);
    return code;
}

int rc_run_conclude(const rc_run_opts *o, const rc_results *results)
{
    if (!o->quiet)
        rc_report_terminal(results, stdout, o->color, o->verbose);
    else if (results->fatal[0])   /* -q keeps the one line that matters */
        fprintf(stderr, "rope-conform: FATAL: %s\n", results->fatal);
    int report_error = write_reports(o, results);
    int code = rc_results_verdict(results) == RC_STATUS_FAIL ? 1 : 0;
    if (o->baseline) {
        int b = compare_baseline(o, results);
        if (b >= 2 || (b == 1 && code == 0))
            code = b;
    }
    if (report_error && code == 0)
        code = 3;
    return code;
}
