/* Diagnosis of a run's FAIL cases (diagnose.h): per case from that case
 * alone, then the run's Diagnosis block from the case results. */
#include "diagnose_internal.h"
#include "rope_mrope.h"
#include "symptom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Catalogue mutants run per FAIL case: the work budget of the
 * differential (the symptom class picks which).  Each costs a sandbox
 * child, so only cases of the suites the catalogue rows name, or whose
 * symptoms alone are not conclusive, run them. */
#define RC_DIAG_MAX_MUTANTS 6
static const char *const differential_suites[] = { "accuracy", "scaling", "validation", RC_MROPE_NAME };

static int wants_differential(const rc_case *c, const rc_case_diag *d)
{
    if (d->confidence < RC_CONF_HIGH)
        return 1;
    for (size_t i = 0; i < sizeof differential_suites / sizeof differential_suites[0]; i++)
        if (strcmp(c->suite->name, differential_suites[i]) == 0)
            return 1;
    return 0;
}

/* A call that did not return OK: what its outcome says. */
static int outcome_diag(const rc_case *c, const rc_case_call **bad_call, rc_case_diag *d)
{
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        const rc_call_result *r = &cc->res;
        if (rc_diag_has_values(r->outcome) || rc_diag_skipped(r->outcome) || cc->call.kind == RC_CALL_SUPPORTS)
            continue;
        *bad_call = cc;
        const char *ph = r->phase[0] ? r->phase : "the call";
        switch (r->outcome) {
        case RC_OUTCOME_TIMEOUT:
            return rc_sym_set(d, "hang", RC_CONF_HIGH, "%s does not return within the time limit", ph);
        case RC_OUTCOME_CRASH:
            return rc_sym_set(d, "memory", RC_CONF_MEDIUM, "%s crashed with signal %d", ph, r->signo);
        case RC_OUTCOME_OOB_WRITE:
            return rc_sym_set(d, "memory", RC_CONF_HIGH, "%s wrote outside the output, at byte offset %lld", ph,
                              (long long)r->fault_offset);
        case RC_OUTCOME_INPUT_WRITE:
            return rc_sym_set(d, "memory", RC_CONF_HIGH, "%s wrote into its input (out of place), byte offset %lld",
                              ph, (long long)r->fault_offset);
        default:
            return rc_sym_set(d, "api", RC_CONF_MEDIUM, "%s: %s (%.120s)", ph, rc_outcome_name(r->outcome),
                              r->message);
        }
    }
    return 0;
}

/* The catalogue entry of the diagnosed class that reproduces the case. */
static void name_entry(rc_ctx *ctx, const rc_case *c, const call_ref *cr, rc_case_diag *d)
{
    const rc_cat_entry *list[RC_DIAG_MAX_MUTANTS];
    size_t n = 0;
    if (!wants_differential(c, d))
        return;
    for (size_t i = 0; i < rc_catalogue_count && n < RC_DIAG_MAX_MUTANTS; i++) {
        const rc_cat_entry *e = &rc_catalogue[i];
        if (strcmp(rc_diag_class_of_catalogue(e->cls), d->cls) == 0 && rc_diag_relevant(e, c))
            list[n++] = e;
    }
    /* the first that reproduces the case, in table order: each costs a
     * sandbox child, so the rest are not run */
    for (size_t i = 0; i < n; i++) {
        rc_diag_match m[1];
        if (rc_diag_differential(ctx, c, cr, &list[i], 1, m, 1) == 1) {
            snprintf(d->entry, sizeof d->entry, "%s", m[0].entry->id);
            d->entry_match = m[0].match;
            d->confidence = RC_CONF_HIGH;
            return;
        }
    }
}

static void diagnose_values(rc_ctx *ctx, const rc_case *c, rc_case_diag *d)
{
    call_ref cr[RC_CASE_MAX_CALLS];
    rc_symptoms s;
    memset(&s, 0, sizeof s);
    if (rc_diag_refs_init(ctx, c, cr) != 0) {
        rc_sym_set(d, "", RC_CONF_NONE, "not diagnosed: no golden for these params");
    } else {
        for (int i = 0; i < c->n_calls; i++)
            if (cr[i].used && cr[i].invalid) {
                rc_sym_set(d, "api", RC_CONF_HIGH, "accepted params the spec rejects and returned RC_OK");
                break;
            }
        if (!d->cls[0] && rc_sym_measure(c, cr, &s) == 0)
            rc_sym_classify(&s, d);
        if (d->cls[0])
            name_entry(ctx, c, cr, d);
    }
    rc_sym_free(&s);
    rc_diag_refs_free(cr, c->n_calls);
}

static void write_cause(rc_case_result *res)
{
    const rc_case_diag *d = &res->diag;
    const rc_diag_class *k = rc_diag_class_find(d->cls);
    char entry[96] = "";
    if (d->entry[0])
        snprintf(entry, sizeof entry, "; catalogue entry %s reproduces %.0f%% of values", d->entry, 100 * d->entry_match);
    char line[sizeof d->evidence + sizeof entry + 128];
    snprintf(line, sizeof line, "%s (%s): %s%s", k ? k->title : "unexplained", rc_confidence_name(d->confidence),
             d->evidence, entry);
    snprintf(res->cause, sizeof res->cause, "%.*s", (int)sizeof res->cause - 1, line);   /* cut to fit */
}

void rc_diagnose_case(rc_ctx *ctx, const rc_case *c, rc_case_result *res)
{
    rc_case_diag *d = &res->diag;
    const rc_case_call *bad = NULL;
    memset(d, 0, sizeof *d);
    if (c->n_calls == 0 || !c->executed)
        return;   /* the runner's message says why: nothing ran */
    if (outcome_diag(c, &bad, d)) {
        call_ref cr[RC_CASE_MAX_CALLS];
        if (rc_diag_refs_init(ctx, c, cr) == 0)
            name_entry(ctx, c, cr, d);
        rc_diag_refs_free(cr, c->n_calls);
    } else {
        diagnose_values(ctx, c, d);
    }
    if (!res->cause[0])   /* a suite's own cause stays; diag has ours */
        write_cause(res);
}
