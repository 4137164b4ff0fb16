/* --jobs N: N worker processes each execute and judge their deterministic
 * shard of the plan already made (harness code, each with its own sandbox)
 * and send progress and their results back over a pipe that no candidate
 * process holds.  The parent gathers the results in plan order. */
#ifndef RC_JOBS_H
#define RC_JOBS_H

#include "execute.h"

/* 0 with every case's result appended to results in plan order; -1 with a
 * message in err when a worker broke (its cases are then missing).  warm:
 * NULL, or `jobs` sandboxes (entries may be NULL) whose workers were
 * started earlier, so their inits ran while the plan was made: job k
 * adopts warm[k].  Every entry is taken over and set to NULL. */
int rc_jobs_run(rc_ctx *ctx, rc_plan *plan, int jobs, const rc_limits *lim, rc_sandbox **warm,
                int diagnose, rc_progress *progress, rc_results *results, char *err,
                size_t errlen);

/* Signals: SIGINT, SIGTERM and SIGHUP end every worker and sandbox child
 * of this process and exit 128 + signal (130, 143, 129); reports already
 * on disk are untouched (new ones are only ever renamed into place). */
void rc_signals_install(void);

#endif
