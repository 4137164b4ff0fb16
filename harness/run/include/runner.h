/* The run as a pipeline (runner.c). */
#ifndef RC_RUNNER_H
#define RC_RUNNER_H

#include "run.h"

/* The whole run: load, plan, execute, verify, report.  Returns the exit
 * code (0 conformant, 1 not, 2 usage/config/load error, 3 internal). */
int rc_run(const rc_run_opts *opts);

#endif
