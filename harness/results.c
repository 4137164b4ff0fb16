/* The rc_results container and its verdict rule. */
#include "results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *rc_status_name(rc_status s)
{
    switch (s) {
    case RC_STATUS_PASS: return "PASS";
    case RC_STATUS_WARN: return "WARN";
    case RC_STATUS_FAIL: return "FAIL";
    case RC_STATUS_SKIP: return "SKIP";
    }
    return "UNKNOWN";
}

rc_case_result *rc_results_add(rc_results *r)
{
    if (r->n_cases == r->cap_cases) {
        size_t cap = r->cap_cases ? r->cap_cases * 2 : 64;
        if (cap < r->cap_cases || cap > SIZE_MAX / sizeof *r->cases)
            return NULL;
        rc_case_result *c = realloc(r->cases, cap * sizeof *c);
        if (!c)
            return NULL;
        r->cases = c;
        r->cap_cases = cap;
    }
    rc_case_result *c = &r->cases[r->n_cases++];
    memset(c, 0, sizeof *c);
    return c;
}

/* info's strings are not owned by r, so only the cases and fatal reset. */
void rc_results_free(rc_results *r)
{
    free(r->cases);
    r->cases = NULL;
    r->n_cases = r->cap_cases = 0;
    r->fatal[0] = '\0';
}

void rc_results_count(const rc_results *r, size_t counts[4])
{
    counts[0] = counts[1] = counts[2] = counts[3] = 0;
    for (size_t i = 0; i < r->n_cases; i++) {
        unsigned s = (unsigned)r->cases[i].status;
        /* A corrupt status must never let a run pass: count it as FAIL. */
        counts[s <= RC_STATUS_SKIP ? s : RC_STATUS_FAIL]++;
    }
}

size_t rc_results_executed(const rc_results *r)
{
    size_t c[4];
    rc_results_count(r, c);
    return r->n_cases - c[RC_STATUS_SKIP];
}

const char *rc_results_fatal(const rc_results *r, char *buf, size_t n)
{
    if (r->fatal[0])
        return r->fatal;
    if (rc_results_executed(r) > 0 || n == 0)
        return "";
    if (r->n_cases == 0)
        snprintf(buf, n, RC_NO_CASE_EXECUTED ": the run had no cases, so it shows nothing");
    else if (r->n_cases == 1)
        snprintf(buf, n, RC_NO_CASE_EXECUTED ": its one case was skipped, so the run shows nothing");
    else
        snprintf(buf, n, RC_NO_CASE_EXECUTED ": all %zu cases were skipped, so the run shows nothing",
                 r->n_cases);
    return buf;
}

rc_status rc_results_verdict(const rc_results *r)
{
    size_t c[4];
    rc_results_count(r, c);
    if (r->fatal[0] || c[RC_STATUS_FAIL] || c[RC_STATUS_SKIP] == r->n_cases)
        return RC_STATUS_FAIL;
    if (c[RC_STATUS_WARN])
        return RC_STATUS_WARN;
    return RC_STATUS_PASS;
}

static int by_ordinal(const void *a, const void *b)
{
    const rc_case_result *x = a, *y = b;
    uint64_t ox = (uint64_t)x->ordinal, oy = (uint64_t)y->ordinal; /* -1 sorts last */
    if (ox != oy)
        return ox < oy ? -1 : 1;
    int s = strcmp(x->suite, y->suite);
    return s ? s : strcmp(x->name, y->name);
}

void rc_results_plan_order(rc_results *r)
{
    if (r->n_cases > 1)
        qsort(r->cases, r->n_cases, sizeof *r->cases, by_ordinal);
    /* cases of no planned slot (a failing fini, seen by every worker):
     * once each */
    size_t n = 0;
    for (size_t i = 0; i < r->n_cases; i++)
        if (i == 0 || r->cases[i].ordinal >= 0 || by_ordinal(&r->cases[i], &r->cases[n - 1]) != 0)
            r->cases[n++] = r->cases[i];
    r->n_cases = n;
}
