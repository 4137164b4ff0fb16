/* The suites: what a run checks, each a plan and a verify (run.h). */
#ifndef RC_SUITES_H
#define RC_SUITES_H

#include "run.h"

/* The suite table (suites.def), in run order. */
extern const rc_suite_def *const rc_suites[];
extern const size_t rc_n_suites;

#endif
