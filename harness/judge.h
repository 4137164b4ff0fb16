/* Judging executed cases and concluding a run: shared by `run` (outputs
 * from the candidate, harness/runner.c) and `verify` (outputs from a file,
 * harness/cmd_verify.c), so both judge with the same suites, error model,
 * diagnosis, reports and exit codes. */
#ifndef RC_JUDGE_H
#define RC_JUDGE_H

#include "run.h"

/* Judge case c (its calls' results and outputs filled in, c->executed
 * set) into res with its suite's verify and, for a FAIL, the diagnosis;
 * then free the case's buffers. */
void rc_judge_case(rc_ctx *ctx, rc_case *c, rc_case_result *res);

/* Print the terminal report (unless quiet), write the --json/--junit/
 * --markdown reports and compare with --baseline: the run's exit code
 * (0 conformant, 1 not, 2 baseline unreadable, 3 a report not written). */
int rc_run_conclude(const rc_run_opts *o, const rc_results *results);

#endif
