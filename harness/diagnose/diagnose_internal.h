/* Shared by the diagnosis files (diagnose*.c, symptom.c): the golden of
 * every call of a FAIL case and, per compared value, whether the
 * candidate's is wrong. */
#ifndef RC_DIAGNOSE_INTERNAL_H
#define RC_DIAGNOSE_INTERNAL_H

#include "diagnose.h"
#include "errmodel.h"
#include "golden.h"

/* Values of a call: for APPLY/BACKWARD every rotary pair then every
 * pass-through element, per (token, head); for COS_SIN every (cos, sin)
 * entry; for a call that did not return OK, its outcome alone. */
typedef struct call_ref {
    int used;
    int invalid;                /* params the golden rejects               */
    rc_errmodel em;
    rc_golden *g;
    void *gx, *gr;              /* exact (f64) and rounded golden outputs  */
    unsigned char *bad;
    int64_t n;
} call_ref;

int rc_diag_has_outputs(rc_call_kind k);
int rc_diag_skipped(rc_outcome o);
/* The call returned outputs to compare: OK, or OK with unwritten elements
 * or a changed FP environment. */
int rc_diag_has_values(rc_outcome o);

/* The golden and the candidate's wrong values of every call of c (cr has
 * RC_CASE_MAX_CALLS slots).  0 ok, -1 out of memory or no golden. */
int rc_diag_refs_init(rc_ctx *ctx, const rc_case *c, call_ref *cr);
void rc_diag_refs_free(call_ref *cr, int n);

/* Compare the outputs y of call cc value by value with a reference: the
 * golden (ref NULL) or another adapter's outputs (taken as exact).
 * agree[v] = 1 where they agree within the error model. */
void rc_diag_compare(const rc_case_call *cc, const call_ref *cr, const void *y_data, const void *y_sin,
                     const void *ref, const void *ref_sin, unsigned char *agree);

/* Input, golden and output pair k of (token, head) as doubles. */
void rc_diag_pair_at(const rc_tensor *t, const void *data, rc_dtype dt, const rc_rope_params *p,
                     int64_t tok, int64_t h, int k, double v[2]);

/* Entries that can apply to case c (a type's scaling bugs need that
 * type, backward bugs a backward call). */
int rc_diag_relevant(const rc_cat_entry *e, const rc_case *c);
/* Run `entries` on c (whose golden is cr) and keep those that match, best
 * first; returns the count (<= cap), -1 when the sandbox failed. */
int rc_diag_differential(rc_ctx *ctx, const rc_case *c, const call_ref *cr, const rc_cat_entry *const *entries,
                         size_t n_entries, rc_diag_match *out, size_t cap);

/* Fill d (class, confidence, evidence) from the symptoms of case c alone
 * (harness/diagnose/symptom.c): no candidate call, a bounded amount of work. */
void rc_diag_symptoms(const rc_case *c, const call_ref *cr, rc_case_diag *d);

#endif
