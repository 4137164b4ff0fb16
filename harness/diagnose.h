/* Diagnosis of a failing case: which known bug (adapters/catalogue) the
 * candidate most likely has.
 *
 * Differential: every relevant catalogue mutant runs the case's own calls
 * (same inputs, positions, params, in the sandbox); a mutant matches where
 * the candidate's output agrees with the mutant's within the error model.
 * An entry is named when it matches nearly everything the candidate got
 * wrong and nearly everything else.  When none does, cheap probes (one-hot
 * inputs at position 1) say what the candidate's pairing, direction,
 * frequencies and magnitude look like. */
#ifndef RC_DIAGNOSE_H
#define RC_DIAGNOSE_H

#include <stddef.h>
#include <stdio.h>
#include "catalogue.h"
#include "run.h"

typedef struct rc_diag_match {
    const rc_cat_entry *entry;
    double match;       /* fraction of compared values where the candidate
                           agrees with the mutant                          */
    double explained;   /* fraction of the candidate's wrong values the
                           mutant reproduces                               */
} rc_diag_match;

/* Run the relevant mutants on case c (whose calls already ran on the
 * candidate) and fill out with those that match, best first.  Returns the
 * count (<= cap), or -1 when the sandbox or memory failed. */
int rc_diagnose_differential(rc_ctx *ctx, const rc_case *c, rc_diag_match *out, size_t cap);

/* Probe the candidate with one-hot inputs under the case's params and
 * describe what deviates ("" when nothing does).  0 ok, -1 could not run. */
int rc_diagnose_probes(rc_ctx *ctx, const rc_case *c, char *buf, size_t n);

/* Fill res->cause for a FAIL case (the runner calls this once per FAIL).
 * Entries that matched earlier cases of the run are tried first, and the
 * whole run's diagnosis time is bounded, so a candidate failing hundreds of
 * cases costs little more than one. */
void rc_diagnose_case(rc_ctx *ctx, const rc_case *c, rc_case_result *res);

/* 0 turns rc_diagnose_case off (the self-test judges mutants by itself);
 * returns the previous setting.  Default on. */
int rc_diagnose_enable(int on);
/* Forget the run's matches and spent time (a new run starts). */
void rc_diagnose_reset(void);

/* The catalogue's self-test (harness/cmd_catalogue.c): the reference must
 * pass the level's suites, and every must-catch mutant must FAIL in the
 * suite and case its row names, with a diagnosis naming its class.  only:
 * one entry id, or NULL for all.  Prints one line per mutant and the wall
 * time to out; returns 0 iff all of that holds. */
int rc_catalogue_selftest(int level, const char *only, FILE *out);

/* docs/catalogue.md from the table, to f. */
void rc_catalogue_markdown(FILE *f);

#endif
