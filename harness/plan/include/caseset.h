/* The cases of a run planned without a candidate: what `gen` writes to a
 * file and `verify` judges from one.  The rows come from the configuration
 * (or the default grid, every combination taken as supported) and every
 * suite plans its cases exactly as in `run`; the cases a file cannot carry
 * are left out: calls other than apply (backward, cos_sin: optional entry
 * points a file cannot say it has) and cases whose params are invalid (the
 * validation suite expects a refusal, which a file cannot express). */
#ifndef RC_CASESET_H
#define RC_CASESET_H

#include "run.h"

typedef struct rc_caseset {
    rc_run_opts opts;          /* level, seed, dtype filter, profile, ... */
    rc_config fixed;
    int has_fixed;             /* --config given (else the default grid)  */
    rc_ctx ctx;                /* no candidate loaded                      */
    rc_plan plan;              /* the cases a file carries, in run order   */
    size_t n_left_out;
    char dtype_name[16];       /* opts.dtype_filter points here (verify)  */
} rc_caseset;

/* Plan cs->plan from cs->opts and cs->fixed: 0, or -1 with a message. */
int rc_caseset_plan(rc_caseset *cs, char *err, size_t errlen);
void rc_caseset_free(rc_caseset *cs);

/* The key of case i in a cases file ("c00042") and of its calls' tensors
 * ("c00042.0.x", ".positions", ".y"). */
void rc_caseset_key(size_t i, char *buf, size_t n);
void rc_caseset_tensor(size_t i, int call, const char *what, char *buf, size_t n);

/* The "options" metadata of a cases file (JSON text, caller frees) and
 * back: level, seed, dtype filter and the configuration. */
char *rc_caseset_options_json(const rc_caseset *cs);
int rc_caseset_options_parse(rc_caseset *cs, const char *json, char *err, size_t errlen);

#endif
