/* Comparing a run with a baseline report: what got worse. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct keyed {
    const rc_case_result *c;
    size_t idx;
} keyed;

static int key_cmp(const rc_case_result *a, const rc_case_result *b)
{
    int d = strncmp(a->suite, b->suite, sizeof a->suite);
    if (d)
        return d;
    d = strncmp(a->name, b->name, sizeof a->name);
    if (d)
        return d;
    return (a->dtype > b->dtype) - (a->dtype < b->dtype);
}

static int keyed_cmp(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int d = key_cmp(a->c, b->c);
    /* duplicates pair up in run order */
    return d ? d : (a->idx > b->idx) - (a->idx < b->idx);
}

static keyed *sorted(const rc_results *r)
{
    keyed *k = malloc((r->n_cases ? r->n_cases : 1) * sizeof *k);
    if (!k)
        return NULL;
    for (size_t i = 0; i < r->n_cases; i++) {
        k[i].c = &r->cases[i];
        k[i].idx = i;
    }
    qsort(k, r->n_cases, sizeof *k, keyed_cmp);
    return k;
}

static int push(rc_baseline_diff *d, rc_baseline_kind kind, const rc_case_result *cur,
                const rc_case_result *base)
{
    if (d->n_items == d->cap_items) {
        size_t cap = d->cap_items ? d->cap_items * 2 : 16;
        rc_baseline_item *it = realloc(d->items, cap * sizeof *it);
        if (!it)
            return -1;
        d->items = it;
        d->cap_items = cap;
    }
    rc_baseline_item *it = &d->items[d->n_items++];
    memset(it, 0, sizeof *it);
    const rc_case_result *any = cur ? cur : base;
    it->kind = kind;
    if (any) {
        memcpy(it->suite, any->suite, sizeof it->suite);
        memcpy(it->name, any->name, sizeof it->name);
        it->suite[sizeof it->suite - 1] = it->name[sizeof it->name - 1] = '\0';
        it->dtype = any->dtype;
    }
    it->current_status = cur ? cur->status : RC_STATUS_SKIP;
    it->baseline_status = base ? base->status : RC_STATUS_SKIP;
    it->current_err = cur && cur->has_metrics ? cur->metrics.max_err : NAN;
    it->baseline_err = base && base->has_metrics ? base->metrics.max_err : NAN;
    switch (kind) {
    case RC_BASELINE_NEW_FAIL:
    case RC_BASELINE_WORSE:
    case RC_BASELINE_FATAL: d->n_regressions++; break;
    case RC_BASELINE_MISSING: d->n_missing++; break;
    case RC_BASELINE_NEW_CASE: d->n_new++; break;
    case RC_BASELINE_NOW_SKIPPED: d->n_now_skipped++; break;
    }
    return 0;
}

static int is_fail(rc_status s)
{
    return (unsigned)s > RC_STATUS_SKIP || s == RC_STATUS_FAIL;
}

/* The regression (if any) of a matched pair; -1 for none. */
static int judge(const rc_case_result *cur, const rc_case_result *base, double factor)
{
    if (is_fail(cur->status) && !is_fail(base->status))
        return RC_BASELINE_NEW_FAIL;
    if (cur->has_metrics && base->has_metrics) {
        double c = cur->metrics.max_err, b = base->metrics.max_err;
        if (isnan(c) && !isnan(b))
            return RC_BASELINE_WORSE;
        if (!isnan(c) && !isnan(b) && c > factor * fmax(b, RC_BASELINE_ERR_FLOOR))
            return RC_BASELINE_WORSE;
    }
    if (cur->status == RC_STATUS_SKIP && base->status != RC_STATUS_SKIP)
        return RC_BASELINE_NOW_SKIPPED;
    return -1;
}

/* One merge walk over both sorted sides; pass 0 emits regressions, pass 1
 * the reported rest, so the list comes out grouped. */
static int walk(rc_baseline_diff *d, const keyed *a, size_t na, const keyed *b, size_t nb,
                double factor, int pass)
{
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        int cmp = i == na ? 1 : j == nb ? -1 : key_cmp(a[i].c, b[j].c);
        if (cmp < 0) {
            if (pass == 1 && push(d, RC_BASELINE_NEW_CASE, a[i].c, NULL))
                return -1;
            i++;
        } else if (cmp > 0) {
            if (pass == 1 && push(d, RC_BASELINE_MISSING, NULL, b[j].c))
                return -1;
            j++;
        } else {
            int k = judge(a[i].c, b[j].c, factor);
            int regression = k == RC_BASELINE_NEW_FAIL || k == RC_BASELINE_WORSE;
            if (pass == 0)
                d->n_matched++;
            if (k >= 0 && regression == (pass == 0) && push(d, (rc_baseline_kind)k, a[i].c, b[j].c))
                return -1;
            i++;
            j++;
        }
    }
    return 0;
}

int rc_report_baseline(const rc_results *current, const rc_results *baseline,
                       double factor, rc_baseline_diff *out)
{
    memset(out, 0, sizeof *out);
    if (!(factor > 1.0))   /* also NaN */
        factor = RC_BASELINE_DEFAULT_FACTOR;
    out->factor = factor;
    keyed *a = sorted(current), *b = sorted(baseline);
    int rc = -1;
    if (a && b) {
        rc = 0;
        /* a run that executed nothing counts as fatal here too */
        char cbuf[sizeof current->fatal], bbuf[sizeof baseline->fatal];
        const char *cf = rc_results_fatal(current, cbuf, sizeof cbuf);
        if (cf[0] && !rc_results_fatal(baseline, bbuf, sizeof bbuf)[0]) {
            rc = push(out, RC_BASELINE_FATAL, NULL, NULL);
            if (rc == 0) {   /* the fatal message, shortened, stands in for the name */
                char *nm = out->items[0].name;
                strncpy(nm, cf, sizeof out->items[0].name - 1);
                nm[sizeof out->items[0].name - 1] = '\0';
            }
        }
        if (rc == 0)
            rc = walk(out, a, current->n_cases, b, baseline->n_cases, factor, 0);
        if (rc == 0)
            rc = walk(out, a, current->n_cases, b, baseline->n_cases, factor, 1);
    }
    free(a);
    free(b);
    if (rc != 0) {
        rc_baseline_diff_free(out);
        return -1;
    }
    return (int)out->n_regressions;
}

void rc_baseline_diff_free(rc_baseline_diff *d)
{
    free(d->items);
    memset(d, 0, sizeof *d);
}

const char *rc_baseline_kind_name(rc_baseline_kind k)
{
    switch (k) {
    case RC_BASELINE_NEW_FAIL: return "new-fail";
    case RC_BASELINE_WORSE: return "worse";
    case RC_BASELINE_FATAL: return "fatal";
    case RC_BASELINE_MISSING: return "missing";
    case RC_BASELINE_NEW_CASE: return "new";
    case RC_BASELINE_NOW_SKIPPED: return "now-skipped";
    }
    return "unknown";
}

static void print_item(const rc_baseline_item *it, FILE *f, int color)
{
    int reg = it->kind <= RC_BASELINE_FATAL;
    if (color)
        fputs(reg ? "\033[31m" : "\033[2m", f);
    fprintf(f, "  %-11s", rc_baseline_kind_name(it->kind));
    if (color)
        fputs("\033[0m", f);
    fputc(' ', f);
    if (it->kind == RC_BASELINE_FATAL) {
        rc_text_write(f, it->name, RC_TEXT_TERM);
        fputc('\n', f);
        return;
    }
    rc_text_write(f, it->suite, RC_TEXT_TERM);
    fputc('/', f);
    rc_text_write(f, it->name, RC_TEXT_TERM);
    fprintf(f, " [%s]", rc_report_dtype_name(it->dtype));
    if (it->kind == RC_BASELINE_NEW_FAIL || it->kind == RC_BASELINE_NOW_SKIPPED)
        fprintf(f, ": %s -> %s", rc_status_name(it->baseline_status),
                rc_status_name(it->current_status));
    if (it->kind == RC_BASELINE_WORSE || (it->kind == RC_BASELINE_NEW_FAIL &&
                                          !isnan(it->current_err) && !isnan(it->baseline_err)))
        fprintf(f, " max_err %.4g -> %.4g (x%.3g)", it->baseline_err, it->current_err,
                it->current_err / fmax(it->baseline_err, RC_BASELINE_ERR_FLOOR));
    fputc('\n', f);
}

int rc_baseline_diff_print(const rc_baseline_diff *d, FILE *f, int color, size_t max_info)
{
    size_t info = 0;
    for (size_t i = 0; i < d->n_items; i++) {
        const rc_baseline_item *it = &d->items[i];
        if (it->kind > RC_BASELINE_FATAL && info++ >= max_info)
            continue;
        print_item(it, f, color);
    }
    if (info > max_info)
        fprintf(f, "  ... and %zu more cases missing, new or now skipped (--verbose lists them)\n",
                info - max_info);
    fprintf(f, "%zu regression%s against the baseline (factor %g; %zu cases matched, %zu missing, "
               "%zu new, %zu now skipped)\n",
            d->n_regressions, d->n_regressions == 1 ? "" : "s", d->factor, d->n_matched,
            d->n_missing, d->n_new, d->n_now_skipped);
    return ferror(f) ? -1 : 0;
}
