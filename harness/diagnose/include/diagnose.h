/* Diagnosis of a run's failures: what bug the candidate most likely has.
 *
 * Per FAIL case, from that case alone (so a case gets the same cause in any
 * --jobs worker or --shard slice): the symptoms of its outputs against the
 * golden (which pairs, heads, tokens and positions fail; angle against
 * magnitude; the per-pair frequency the candidate turns at; pass-through
 * channels; hypotheses such as the other pairing, a shifted position or a
 * constant magnitude factor) give a bug class with evidence in numbers and
 * a confidence (harness/diagnose/symptom.c); the catalogue mutants of that class
 * then run the case's own calls, and one that reproduces the outputs is
 * named.  The run-level Diagnosis block is a pure function of the case
 * results (rc_diagnose_summarize), so `merge` recomputes it.
 *
 * No global state; the work per case is bounded in values examined and
 * mutants run, never in seconds, so results are deterministic. */
#ifndef RC_DIAGNOSE_H
#define RC_DIAGNOSE_H

#include <stddef.h>
#include <stdio.h>
#include "catalogue.h"
#include "run.h"

/* ---- bug classes ---------------------------------------------------------- */

typedef struct rc_diag_class {
    const char *id;            /* "frequency"; catalogue classes use the same;
                                  NULL: the rope type's class (rope_types.def) */
    rc_rope_type type;         /* with id NULL: whose scaling                */
    const char *title;         /* "inverse frequencies"                     */
    const char *fix;           /* what correct code does                    */
} rc_diag_class;

/* NULL if id names no class. */
const rc_diag_class *rc_diag_class_find(const char *id);
/* The class's id ("" if none). */
const char *rc_diag_class_id(const rc_diag_class *k);
/* The diagnosis class a catalogue class counts as ("cache" -> "position"). */
const char *rc_diag_class_of_catalogue(const char *cat_cls);

/* ---- the run ------------------------------------------------------------ */

/* Diagnose one FAIL case from that case alone, right after it is judged
 * (its buffers still held): fills res->diag and, unless the suite wrote
 * one, res->cause.  The same case gets the same cause in any --jobs
 * worker or --shard slice. */
void rc_diagnose_case(rc_ctx *ctx, const rc_case *c, rc_case_result *res);

/* Close the workers diagnosis kept for the run's catalogue mutants. */
void rc_diagnose_release(rc_ctx *ctx);

/* The Diagnosis block from the cases' diag fields alone (any case order
 * gives the same block). */
void rc_diagnose_summarize(rc_results *results);

/* The class the block names first ("" when none) and its confidence. */
void rc_diagnose_primary(const rc_results *results, char *cls, size_t n, rc_confidence *conf);

/* ---- the catalogue differential ------------------------------------------ */

typedef struct rc_diag_match {
    const rc_cat_entry *entry;
    double match;       /* fraction of compared values where the candidate
                           agrees with the mutant                          */
    double explained;   /* fraction of the candidate's wrong values the
                           mutant reproduces                               */
} rc_diag_match;

/* Run every relevant mutant on case c (whose calls already ran on the
 * candidate) and fill out with those that match, best first.  Returns the
 * count (<= cap), or -1 when the sandbox or memory failed. */
int rc_diagnose_differential(rc_ctx *ctx, const rc_case *c, rc_diag_match *out, size_t cap);

#endif
