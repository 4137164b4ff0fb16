/* What a run found: the plain interface between verification (suites) and
 * reporting (reports/).  Suites fill it; report writers only read it and
 * never recompute anything. */
#ifndef RC_RESULTS_H
#define RC_RESULTS_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"

typedef enum rc_status {
    RC_STATUS_PASS = 0,
    RC_STATUS_WARN,   /* passes, with a warning (e.g. precision runs out
                         before the model's max position)                 */
    RC_STATUS_FAIL,
    RC_STATUS_SKIP    /* the candidate declared the case unsupported      */
} rc_status;

const char *rc_status_name(rc_status s);   /* "PASS" "WARN" "FAIL" "SKIP" */

#define RC_N_BUCKETS 33  /* position buckets: 0, [1,2), [2,4) ... [2^31, 2^32) */
#define RC_PAIR_BANDS 32 /* at most this many pair rows in the plot data    */

/* Where the worst error of a case occurred, with the values as hex bit
 * patterns (of the case's dtype) so a report can be checked by hand. */
typedef struct rc_worst {
    int64_t position;
    int64_t token, head, pair;  /* pair index k                           */
    char in0[24], in1[24];      /* input pair, bit patterns                */
    char expected0[24], expected1[24]; /* golden, correctly rounded        */
    char actual0[24], actual1[24];
} rc_worst;

/* Error measures of a case (docs/error-model.md defines each). */
typedef struct rc_metrics {
    int64_t n_pairs;            /* pairs compared                          */
    double max_err;             /* max normalised pair error / its bound   */
    double max_err_raw;         /* max normalised pair error               */
    double max_angle_err;       /* radians                                  */
    double max_mag_err;         /* relative                                 */
    double max_ulp;             /* per element, vs correctly rounded golden */
    double mean_radial;         /* mean signed magnitude error (bias)       */
    double bucket_max[RC_N_BUCKETS]; /* max normalised error per position
                                       bucket; < 0 = no position there     */
    rc_worst worst;
    /* Plot data, in single precision, each a fraction of its bound (error
     * / bound: above 1 fails); < 0 = nothing measured there.  The pairs of
     * a position fall into n_bands bands of consecutive pairs
     * (rc_pair_band).  pair_count 0: the case has no plot data. */
    int32_t pair_count;         /* pairs per position (rotary_dim / 2)      */
    int32_t n_bands;            /* min(pair_count, RC_PAIR_BANDS)           */
    float bucket_angle[RC_N_BUCKETS]; /* max |angle error| / angle bound per
                                       position bucket (angles the model
                                       cannot judge are left out)          */
    float bucket_mag[RC_N_BUCKETS];   /* max |magnitude error| / its bound  */
    float band_max[RC_PAIR_BANDS];    /* max error / bound per pair band     */
    /* n_bands x RC_N_BUCKETS, row-major: the max error / bound of each pair
     * band in each position bucket (the heat map); NULL when not kept.  It
     * lives in the plot store (rc_plot_store_alloc), not in the case, so a
     * case result stays a plain value that can be copied and merged. */
    float *heat;
} rc_metrics;

/* What diagnosis concluded about one FAIL case from that case alone
 * (harness/diagnose/symptom.c): a bug class, how sure, the evidence in numbers, and
 * the catalogue entry that reproduces the outputs, if one does. */
typedef enum rc_confidence {
    RC_CONF_NONE = 0,   /* unexplained                                      */
    RC_CONF_LOW,
    RC_CONF_MEDIUM,
    RC_CONF_HIGH
} rc_confidence;

const char *rc_confidence_name(rc_confidence c);   /* "none" "low" "medium" "high" */
int rc_confidence_parse(const char *s, rc_confidence *out);   /* 0 ok, -1 unknown */

typedef struct rc_case_diag {
    char cls[16];               /* diagnosis class (diagnose_classes.c), "" */
    rc_confidence confidence;
    char evidence[200];         /* one line of numbers                     */
    char entry[48];             /* catalogue entry id reproduced, or ""    */
    double entry_match;         /* fraction of values it reproduces        */
} rc_case_diag;

/* The run-level Diagnosis block: at most this many lines. */
#define RC_DIAG_MAX_LINES 10
#define RC_DIAG_LINE 200

typedef struct rc_case_result {
    int64_t ordinal;            /* place in the run's plan (any shard or
                                   worker sorts by it); -1: not a planned
                                   case (lifecycle/fini)                   */
    char suite[32];             /* "accuracy", "properties", ...           */
    char name[160];             /* unique within the suite                 */
    rc_status status;
    rc_rope_params params;      /* factor pointers are not valid here     */
    rc_dtype dtype;
    int has_metrics;
    rc_metrics metrics;
    char message[512];          /* one line: what, where, expected vs actual */
    char cause[256];            /* likely cause / diagnosis, or ""         */
    char output[256];           /* start of what the candidate printed
                                   (escaped), or ""                        */
    uint64_t output_bytes;      /* how much it printed in all              */
    rc_case_diag diag;          /* the structured diagnosis behind cause   */
    double seconds;
} rc_case_result;

typedef struct rc_run_info {
    const char *candidate_path;
    const char *candidate_name;
    const char *candidate_version;
    const char *profile;        /* "strict" "standard"                     */
    int level;
    uint64_t seed;
    const char *config_path;    /* or NULL                                  */
    const char *tool_version;
    const char *mpfr_version, *gmp_version, *cjson_version;
    const char *cpu;            /* model name, "" if unknown               */
    const char *started_utc;    /* ISO 8601                                */
    double wall_seconds;
    /* Which slice of which run this is: shard I of N (1 of 1 for a whole
     * run), and the run's identity, a hash of everything that decides its
     * cases (candidate name and version, seed, level, profile, config,
     * filters, every planned case name), so `merge` can refuse a set that
     * is incomplete, duplicated or mixed. */
    int shard_index, shard_count;
    char run_id[24];
    /* Candidate worker processes started and inits asked of them over the
     * whole run (every --jobs process); like the timings, they depend on
     * --jobs and on crashes, and are not part of the results. */
    int64_t worker_starts, worker_inits;
} rc_run_info;

typedef struct rc_results {
    rc_run_info info;
    rc_case_result *cases;
    size_t n_cases, cap_cases;
    /* A fatal candidate problem (crash in init, load error after start),
     * reported as the run's headline: "" if none. */
    char fatal[512];
    /* The Diagnosis block: the likely bug(s), evidence, fix, confidence;
     * a pure function of the cases (rc_diagnose_summarize), so a merge of
     * shard reports recomputes it.  n_diagnosis 0: nothing to say. */
    char diagnosis[RC_DIAG_MAX_LINES][RC_DIAG_LINE];
    int n_diagnosis;
} rc_results;

/* Growable array; returns a zeroed slot or NULL when out of memory. */
rc_case_result *rc_results_add(rc_results *r);
void rc_results_free(rc_results *r);
/* Counts by status; the verdict: FAIL if any FAIL, a fatal error, or no
 * executed case; WARN if any WARN; else PASS. */
void rc_results_count(const rc_results *r, size_t counts[4]);
rc_status rc_results_verdict(const rc_results *r);
/* Cases in the order of the run's plan (by ordinal), whichever worker or
 * shard judged them; unplanned cases (ordinal -1) last, once each. */
void rc_results_plan_order(rc_results *r);

/* Cases that executed: every status but SKIP.  A run proves nothing about
 * a candidate unless some case executed, so a run where none did is not a
 * PASS, whatever else it says. */
size_t rc_results_executed(const rc_results *r);
/* The text every fatal reason derived from the coverage rule starts with
 * (a report loaded back does not take it as its own fatal error: it
 * follows from the cases). */
#define RC_NO_CASE_EXECUTED "no case was executed"
/* The run's fatal problem, for the reports: r->fatal when set, else when no
 * case executed RC_NO_CASE_EXECUTED and why (buf holds it), else "". */
const char *rc_results_fatal(const rc_results *r, char *buf, size_t n);

/* Plot data.  Pair k of pair_count falls in band k * n_bands / pair_count;
 * band b holds pairs rc_band_first_pair(b) .. rc_band_first_pair(b + 1) - 1. */
int rc_pair_bands(int pair_count);               /* min(pair_count, RC_PAIR_BANDS) */
int rc_pair_band(int k, int pair_count);
int rc_band_first_pair(int band, int pair_count);
/* No plot data: pair_count 0, every value -1, heat NULL. */
void rc_metrics_plot_clear(rc_metrics *m);
/* n floats from the process-wide plot store, set to -1: they stay valid
 * until the process exits and are never freed one by one (plot data is
 * small and is kept for the run's whole life anyway).  NULL when out of
 * memory. */
float *rc_plot_store_alloc(size_t n);

#endif
