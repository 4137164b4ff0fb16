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
    int keep_inputs;         /* judged cases keep their buffers (a plan
                                run again on other candidates)            */
} rc_exec_state;

/* Cases [start, end) of the plan; 0, or -1 when the sandbox itself broke
 * (fork, pipe) with a message in err. */
int rc_execute_cases(rc_ctx *ctx, rc_plan *plan, size_t start, size_t end, rc_exec_state *st,
                     rc_results *results, char *err, size_t errlen);

/* A FAIL case for a candidate fini that failed when the worker ended. */
int rc_execute_fini_result(const rc_call_result *fini, rc_results *results);

#endif
