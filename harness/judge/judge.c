/* Judging cases and concluding a run (judge.h). */
#include "judge.h"
#include "diagnose.h"
#include "escape.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int same_params(const rc_rope_params *a, const rc_rope_params *b)
{
    rc_rope_params x = *a, y = *b;
    x.short_factor = x.long_factor = y.short_factor = y.long_factor = NULL;
    return memcmp(&x, &y, sizeof x) == 0;
}

/* supports() said yes to these exact params and dtype when the run asked
 * which rows it supports: a later "no" is the candidate changing its mind,
 * which would let it skip any case it likes. */
static void forbid_declining_rows(const rc_ctx *ctx, rc_case *c)
{
    for (int k = 0; k < c->n_calls; k++) {
        rc_call_result *r = &c->calls[k].res;
        if (r->outcome != RC_OUTCOME_UNSUPPORTED || strcmp(r->phase, "supports") != 0)
            continue;
        for (size_t i = 0; i < ctx->n_rows; i++)
            if (ctx->rows[i].dtype == c->calls[k].call.dtype &&
                same_params(&ctx->rows[i].cfg.params, &c->calls[k].params)) {
                r->outcome = RC_OUTCOME_ERROR;
                snprintf(r->message, sizeof r->message,
                         "supports: declined params and dtype it accepted when the run asked "
                         "which configurations it supports");
                break;
            }
    }
}

void rc_judge_case(rc_ctx *ctx, rc_case *c, rc_case_result *res, int diagnose)
{
    double t0 = now_seconds();
    res->ordinal = c->ordinal;
    snprintf(res->suite, sizeof res->suite, "%s", c->suite->name);
    snprintf(res->name, sizeof res->name, "%s", c->name);
    res->params = c->cfg->params;
    res->params.short_factor = res->params.long_factor = NULL;
    res->dtype = c->dtype;
    if (!c->executed) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "internal: the sandbox could not run the candidate");
    } else {
        forbid_declining_rows(ctx, c);
        c->suite->verify(ctx, c, res);
        /* name the known bug a FAIL most likely is (harness/diagnose/diagnose.c) */
        if (res->status == RC_STATUS_FAIL && diagnose)
            rc_diagnose_case(ctx, c, res);
    }
    /* time in the candidate plus time judging it; what it printed */
    double in_candidate = 0.0;
    for (int k = 0; k < c->n_calls; k++) {
        in_candidate += c->calls[k].res.seconds;
        if (!res->output[0] && c->calls[k].res.output_bytes) {
            snprintf(res->output, sizeof res->output, "%s", c->calls[k].res.output);
            res->output_bytes = c->calls[k].res.output_bytes;
        }
    }
    res->seconds = in_candidate + (now_seconds() - t0);
    rc_ctx_trim_goldens(ctx);
}

int rc_write_reports(const rc_run_opts *o, const rc_results *r)
{
    char err[512];
    int bad = 0;
    if (o->json && rc_report_json(r, o->json, err, sizeof err) != 0)
        bad = 1, rc_errorf("rope-conform: %s", err);
    if (o->junit && rc_report_junit(r, o->junit, err, sizeof err) != 0)
        bad = 1, rc_errorf("rope-conform: %s", err);
    if (o->markdown && rc_report_markdown(r, o->markdown, err, sizeof err) != 0)
        bad = 1, rc_errorf("rope-conform: %s", err);
    if (o->html && rc_report_html(r, o->html, err, sizeof err) != 0)
        bad = 1, rc_errorf("rope-conform: %s", err);
    return bad;
}

int rc_baseline_load(const rc_run_opts *o, rc_baseline *b)
{
    char err[1024];
    memset(b, 0, sizeof *b);
    if (!o->baseline)
        return 0;
    if (rc_report_load_json_ex(o->baseline, &b->base, &b->meta, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        rc_results_free(&b->base);
        return 2;
    }
    b->loaded = 1;
    return 0;
}

void rc_baseline_release(rc_baseline *b)
{
    rc_results_free(&b->base);
    b->loaded = 0;
}

/* 1 when the run regressed against the baseline, 0 not, 3 on an error. */
static int compare_baseline(const rc_run_opts *o, const rc_results *results, const rc_baseline *b)
{
    rc_baseline_diff diff;
    memset(&diff, 0, sizeof diff);
    int reg = rc_report_baseline(results, &b->base, o->baseline_factor, &diff);
    if (reg >= 0)
        rc_baseline_diff_print(&diff, stdout, o->color,
                               o->verbose ? SIZE_MAX : o->quiet ? 0 : RC_BASELINE_INFO_LINES);
    rc_baseline_diff_free(&diff);
    return reg < 0 ? 3 : reg > 0;
}

int rc_run_conclude(const rc_run_opts *o, const rc_results *results, const rc_baseline *b,
                    int code)
{
    if (!o->quiet)
        rc_report_terminal(results, stdout, o->color, o->verbose);
    else if (results->fatal[0])
        rc_errorf("rope-conform: FATAL: %s", results->fatal);   /* -q keeps the one line that matters */
    int report_error = rc_write_reports(o, results);
    if (code == 0)
        code = rc_results_verdict(results) == RC_STATUS_FAIL ? 1 : 0;
    if (b && b->loaded && code <= 1) {
        int reg = compare_baseline(o, results, b);
        if (reg == 3 || (reg == 1 && code == 0))
            code = reg;
    }
    if (report_error && code == 0)
        code = 3;
    return code;
}
