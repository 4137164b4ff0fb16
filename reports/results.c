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
    r->n_diagnosis = 0;
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

int rc_pair_bands(int pair_count)
{
    return pair_count < RC_PAIR_BANDS ? (pair_count > 0 ? pair_count : 0) : RC_PAIR_BANDS;
}

int rc_pair_band(int k, int pair_count)
{
    return (int)((int64_t)k * rc_pair_bands(pair_count) / pair_count);
}

int rc_band_first_pair(int band, int pair_count)
{
    int nb = rc_pair_bands(pair_count);
    return nb ? (int)(((int64_t)band * pair_count + nb - 1) / nb) : 0;
}

void rc_metrics_plot_clear(rc_metrics *m)
{
    m->pair_count = m->n_bands = 0;
    for (int b = 0; b < RC_N_BUCKETS; b++)
        m->bucket_angle[b] = m->bucket_mag[b] = -1.0f;
    for (int b = 0; b < RC_PAIR_BANDS; b++)
        m->band_max[b] = -1.0f;
    m->heat = NULL;
}

/* The plot store: blocks chained from a static head, so they stay
 * reachable (and are not leaks) until the process exits. */
typedef struct plot_block {
    struct plot_block *next;
    size_t used, cap;
    float data[];
} plot_block;

static plot_block *plot_blocks;

#define PLOT_BLOCK_FLOATS ((size_t)1 << 16)

float *rc_plot_store_alloc(size_t n)
{
    plot_block *b = plot_blocks;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > PLOT_BLOCK_FLOATS ? n : PLOT_BLOCK_FLOATS;
        if (cap > (SIZE_MAX - sizeof *b) / sizeof(float))
            return NULL;
        b = malloc(sizeof *b + cap * sizeof(float));
        if (!b)
            return NULL;
        b->next = plot_blocks;
        b->used = 0;
        b->cap = cap;
        plot_blocks = b;
    }
    float *p = b->data + b->used;
    b->used += n;
    for (size_t i = 0; i < n; i++)
        p[i] = -1.0f;
    return p;
}

static const char *const conf_names[] = { "none", "low", "medium", "high" };

const char *rc_confidence_name(rc_confidence c)
{
    return (unsigned)c <= RC_CONF_HIGH ? conf_names[c] : "none";
}

int rc_confidence_parse(const char *s, rc_confidence *out)
{
    for (int i = 0; i <= RC_CONF_HIGH; i++)
        if (strcmp(s, conf_names[i]) == 0) {
            *out = (rc_confidence)i;
            return 0;
        }
    return -1;
}
