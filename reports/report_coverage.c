/* Coverage: cases executed, and the grouped reasons for the skipped ones,
 * shared by every writer. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define NO_REASON "no reason given"

typedef struct group {
    const char *reason;
    size_t first, count;
} group;

static const char *reason_of(const rc_case_result *c)
{
    return c->message[0] ? c->message : NO_REASON;
}

/* Skipped cases sorted by reason (then plan order), so equal reasons sit
 * together. */
static int by_reason(const void *a, const void *b)
{
    const group *x = a, *y = b;
    int c = strcmp(x->reason, y->reason);
    return c ? c : (x->first > y->first) - (x->first < y->first);
}

static int by_count(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return (x->first > y->first) - (x->first < y->first);
}

int rc_report_coverage(const rc_results *r, rc_coverage *out)
{
    memset(out, 0, sizeof *out);
    out->total = r->n_cases;
    group *skip = malloc((r->n_cases ? r->n_cases : 1) * sizeof *skip);
    group *g = malloc((r->n_cases ? r->n_cases : 1) * sizeof *g);
    if (!skip || !g) {
        free(skip);
        free(g);
        return -1;
    }
    size_t ns = 0, ng = 0;
    for (size_t i = 0; i < r->n_cases; i++)
        if (r->cases[i].status == RC_STATUS_SKIP)
            skip[ns++] = (group){ reason_of(&r->cases[i]), i, 1 };
    qsort(skip, ns, sizeof *skip, by_reason);
    for (size_t k = 0; k < ns; k++) {
        if (ng == 0 || strcmp(g[ng - 1].reason, skip[k].reason) != 0)
            g[ng++] = (group){ skip[k].reason, skip[k].first, 0 };
        g[ng - 1].count++;
    }
    qsort(g, ng, sizeof *g, by_count);
    out->skipped = ns;
    out->executed = r->n_cases - ns;
    for (size_t k = 0; k < ng; k++) {
        if (k < RC_COVERAGE_MAX_REASONS) {
            out->reasons[k] = (rc_skip_reason){ g[k].reason, g[k].count };
            out->n_reasons++;
        } else {
            out->other_reasons++;
            out->other_count += g[k].count;
        }
    }
    free(skip);
    free(g);
    return 0;
}

int rc_report_coverage_write(FILE *f, const rc_results *r, const rc_coverage_style *st)
{
    rc_coverage cov;
    if (rc_report_coverage(r, &cov) != 0)
        return -1;
    fprintf(f, st->head, cov.executed, cov.total, cov.skipped, cov.skipped ? ":" : st->quiet_end);
    for (size_t i = 0; i < cov.n_reasons; i++) {
        fprintf(f, st->item, cov.reasons[i].count);
        rc_text_write(f, cov.reasons[i].reason, st->mode);
        fputc('\n', f);
    }
    if (cov.other_reasons)
        fprintf(f, st->other, cov.other_count, cov.other_reasons);
    return ferror(f) ? -1 : 0;
}
