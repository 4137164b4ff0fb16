/* Judging executed cases and concluding a run: shared by `run` (outputs
 * from the candidate, harness/execute/execute.c) and `verify` (outputs from a file,
 * harness/cli/cmd_verify.c), so both judge with the same suites, error model,
 * diagnosis, reports and exit codes. */
#ifndef RC_JUDGE_H
#define RC_JUDGE_H

#include "report.h"
#include "run.h"

/* Judge case c (its calls' results and outputs filled in, c->executed
 * set) into res with its suite's verify and, for a FAIL when diagnose is
 * set, the diagnosis.  The case keeps its buffers (rc_case_release). */
void rc_judge_case(rc_ctx *ctx, rc_case *c, rc_case_result *res, int diagnose);

/* --json, --junit, --markdown; 1 when one could not be written (said on
 * stderr), else 0. */
int rc_write_reports(const rc_run_opts *o, const rc_results *r);

/* The --baseline, read before any candidate code runs (a candidate
 * process must not be able to rewrite what it is compared against). */
typedef struct rc_baseline {
    int loaded;
    rc_results base;
    rc_report_meta meta;
} rc_baseline;
/* 0 (also without --baseline), or 2 with one line on stderr. */
int rc_baseline_load(const rc_run_opts *o, rc_baseline *b);
void rc_baseline_release(rc_baseline *b);

/* Print the terminal report (unless quiet; a fatal reason is printed even
 * then), write the --json/--junit/--markdown reports and compare with the
 * baseline: the run's exit code from `code` so far (0 conformant, 1 not,
 * 3 a report not written). */
int rc_run_conclude(const rc_run_opts *o, const rc_results *results, const rc_baseline *b,
                    int code);

#endif
