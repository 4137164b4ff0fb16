/* The conformance run: options, the context suites see, and the suite
 * table.  A suite plans cases (plan) and judges each after its calls ran
 * (verify); it never prints and never writes reports. */
#ifndef RC_RUN_H
#define RC_RUN_H

#include <stdint.h>
#include <stdio.h>
#include "rope_conform/adapter.h"
#include "config.h"
#include "golden.h"
#include "loader.h"
#include "plan.h"
#include "results.h"

typedef struct rc_run_opts {
    const char *candidate;
    const char *config_path;   /* --config, or NULL                         */
    const char *profile;       /* "standard" (default) or "strict"          */
    const char *only_suite;    /* --suite NAME, or NULL for all             */
    const char *dtype_filter;  /* --dtype NAME, or NULL for every supported */
    int level;                 /* 1, 2, 3                                   */
    uint64_t seed;
    double timeout;            /* CPU seconds per candidate call            */
    rc_limits limits;          /* every limit on candidate code (timeout
                                  above is its cpu_s)                      */
    int jobs;                  /* worker processes (0 or 1: run in-process) */
    int shard_index, shard_count; /* run shard I of N (count 0: all cases) */
    int list_only;             /* --list                                    */
    int verbose, quiet, color, progress;
    const char *json, *junit, *markdown, *html, *baseline;
    double baseline_factor;
} rc_run_opts;

/* A configuration the run covers: params x dtype, known to be supported. */
typedef struct rc_row {
    rc_config cfg;
    rc_dtype dtype;
    char label[96];            /* "default/half-split/hd128/r128/b1e4"    */
    int primary;               /* tested densely                            */
} rc_row;

typedef struct rc_golden_entry rc_golden_entry;

typedef struct rc_ctx {
    const rc_run_opts *opts;
    rc_candidate cand;
    rc_row *rows;
    size_t n_rows;
    size_t n_unsupported;      /* grid rows the candidate declined          */
    rc_golden_entry *goldens;  /* cache: one engine per distinct params     */
    rc_sandbox *sb;            /* the run's sandbox: asks what the candidate
                                  supports, then runs its cases in-process
                                  (one init), or NULL                      */
    int has_backward, has_cos_sin;
    int64_t max_position;      /* of the model (config), 0 if unknown       */
    struct rc_mutant_pool *mutants;   /* diagnosis: the catalogue mutants'
                                         workers (rc_diagnose_release)      */
} rc_ctx;

/* The one golden engine for these params (created on first use).  Valid
 * until the next rc_ctx_trim_goldens, which the judge calls between cases:
 * only the most recently used engines are kept. */
rc_golden *rc_ctx_golden(rc_ctx *ctx, const rc_rope_params *p, char *err, size_t errlen);
void rc_ctx_trim_goldens(rc_ctx *ctx);
void rc_ctx_free_goldens(rc_ctx *ctx);

typedef struct rc_suite_def {
    const char *name;
    const char *description;
    int (*plan)(rc_ctx *ctx, rc_plan *plan);  /* 0 ok, -1 out of memory    */
    void (*verify)(rc_ctx *ctx, rc_case *c, rc_case_result *res);
    int fresh_state;   /* each case starts from fresh candidate state
                          (fini, then init): the suite checks state      */
} rc_suite_def;

#endif
