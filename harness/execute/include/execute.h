/* Executing and judging a range of planned cases: the calls go to the
 * candidate in batches through one sandbox (one worker kept across
 * batches), then each case is judged and its result appended.  Used by the
 * run (in-process or in each --jobs worker) and the catalogue self-test. */
#ifndef RC_EXECUTE_H
#define RC_EXECUTE_H

#include "progress.h"
#include "run.h"

typedef struct rc_exec_state {
    rc_sandbox *sb;
    rc_progress *progress;   /* may be NULL                                */
    size_t done, failed;     /* cases judged so far (for progress)         */
    int diagnose;            /* name the likely bug of each FAIL           */
    size_t keep_budget;      /* bytes of candidate outputs FAIL cases may
                                still keep (rc_case_keep_failed)           */
} rc_exec_state;

/* What the run's executions keep of failing cases' outputs, per process. */
#define RC_EXEC_KEEP_FAILED_BYTES ((size_t)128 << 20)

/* Cases [start, end) of the plan: each made from its recipe when its
 * batch is gathered, executed, judged and freed; a FAIL keeps its calls
 * (results, and outputs within st->keep_budget) for a later diagnosis,
 * which remakes its inputs with rc_case_remake_inputs and frees it with
 * rc_case_release.  0, or -1 when the sandbox itself broke (fork, pipe) or
 * memory ran out, with a message in err. */
int rc_execute_cases(rc_ctx *ctx, rc_plan *plan, size_t start, size_t end, rc_exec_state *st,
                     rc_results *results, char *err, size_t errlen);

/* A FAIL case for a candidate fini that failed when the worker ended. */
int rc_execute_fini_result(const rc_call_result *fini, rc_results *results);

#endif
