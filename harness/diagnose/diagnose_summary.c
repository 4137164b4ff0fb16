/* The run's Diagnosis block (diagnose.h): the likely bug or bugs, their
 * evidence in numbers, the fix and a confidence, from the FAIL cases'
 * diag fields alone.  Every choice is by count and then by a total order
 * on (suite, name, dtype), so the block is the same for any case order:
 * after --jobs or a merge of --shard reports. */
#include "diagnose.h"
#include "dtype.h"
#include "rope_type.h"
#include "variants.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CLASSES 24

typedef struct tally {
    char cls[16];
    size_t n, n_conf[RC_CONF_HIGH + 1];
    const rc_case_result *best;       /* the case whose evidence is shown */
    const rc_case_result *entry_case; /* best case naming a catalogue entry */
    size_t n_entry;
    unsigned dtypes, types;           /* bit sets of where it fails       */
    double score;
} tally;

static int case_cmp(const rc_case_result *a, const rc_case_result *b)
{
    int c = strcmp(a->suite, b->suite);
    if (!c)
        c = strcmp(a->name, b->name);
    return c ? c : (int)a->dtype - (int)b->dtype;
}

/* a is the better example: more confident, then first in the total order. */
static int better(const rc_case_result *a, const rc_case_result *b)
{
    if (!b)
        return 1;
    if (a->diag.confidence != b->diag.confidence)
        return a->diag.confidence > b->diag.confidence;
    return case_cmp(a, b) < 0;
}

/* A class of one rope type's scaling bugs (rope_types.def). */
static int is_scaling(const char *cls)
{
    return rc_rope_type_by_class(cls) != NULL;
}

/* A frequency bug seen on default-type rows also breaks every scaled
 * type built on it: count those under frequency. */
static int frequency_root(const rc_results *r)
{
    for (size_t i = 0; i < r->n_cases; i++) {
        const rc_case_result *c = &r->cases[i];
        if (c->status == RC_STATUS_FAIL && c->params.type == RC_ROPE_DEFAULT &&
            strcmp(c->diag.cls, "frequency") == 0 && c->diag.confidence >= RC_CONF_MEDIUM)
            return 1;
    }
    return 0;
}

static size_t tally_cases(const rc_results *r, tally *t, size_t *n_unexplained, size_t *n_fail)
{
    size_t nt = 0;
    int root = frequency_root(r);
    *n_unexplained = *n_fail = 0;
    for (size_t i = 0; i < r->n_cases; i++) {
        const rc_case_result *c = &r->cases[i];
        if (c->status != RC_STATUS_FAIL)
            continue;
        ++*n_fail;
        const char *cls = root && is_scaling(c->diag.cls) ? "frequency" : c->diag.cls;
        if (!cls[0] || !rc_diag_class_find(cls)) {
            ++*n_unexplained;
            continue;
        }
        size_t j = 0;
        while (j < nt && strcmp(t[j].cls, cls) != 0)
            j++;
        if (j == nt) {
            if (nt == MAX_CLASSES)
                continue;
            memset(&t[nt++], 0, sizeof *t);
            snprintf(t[j].cls, sizeof t[j].cls, "%s", cls);
        }
        unsigned conf = (unsigned)c->diag.confidence <= RC_CONF_HIGH ? (unsigned)c->diag.confidence : 0;
        t[j].n++;
        t[j].n_conf[conf]++;
        t[j].score += conf;
        t[j].dtypes |= 1u << ((unsigned)c->dtype & 7u);
        t[j].types |= 1u << ((unsigned)c->params.type & 7u);
        if (better(c, t[j].best))
            t[j].best = c;
        if (c->diag.entry[0]) {
            t[j].n_entry++;
            if (better(c, t[j].entry_case))
                t[j].entry_case = c;
        }
    }
    return nt;
}

static int tally_cmp(const void *pa, const void *pb)
{
    const tally *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->cls, b->cls);
}

static void line(rc_results *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line(rc_results *r, const char *fmt, ...)
{
    if (r->n_diagnosis >= RC_DIAG_MAX_LINES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->diagnosis[r->n_diagnosis++], RC_DIAG_LINE, fmt, ap);
    va_end(ap);
}

static rc_confidence run_confidence(const tally *t, size_t n_explained)
{
    if (t->n_entry > 0 || (t->n_conf[RC_CONF_HIGH] >= 2 && 2 * t->n >= n_explained))
        return RC_CONF_HIGH;
    if (t->n_conf[RC_CONF_HIGH] + t->n_conf[RC_CONF_MEDIUM] > 0)
        return RC_CONF_MEDIUM;
    return RC_CONF_LOW;
}

/* "f32, bf16" for a bit set of dtypes; "default, yarn" for rope types. */
static void names(unsigned set, int dtypes, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (unsigned i = 0; i < 8 && len < n; i++) {
        if (!(set & (1u << i)))
            continue;
        const char *s = dtypes ? (i < RC_DTYPE_COUNT ? rc_dtype_name((rc_dtype)i) : "?")
                               : rc_rope_type_name((rc_rope_type)i);
        len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "", s);
    }
}

static void describe(rc_results *r, const tally *t, size_t n_fail, size_t n_explained, int primary)
{
    const rc_diag_class *k = rc_diag_class_find(t->cls);
    const rc_case_diag *d = &t->best->diag;
    char dt[64], ty[96];
    names(t->dtypes, 1, dt, sizeof dt);
    names(t->types, 0, ty, sizeof ty);
    line(r, "%s %s bug (%s confidence): %zu of %zu failing cases; dtypes %s; rope types %s",
         primary ? "Likely:" : "Also:", k->title, rc_confidence_name(run_confidence(t, n_explained)), t->n, n_fail,
         dt, ty);
    line(r, "  evidence: %s", d->evidence);
    line(r, "  e.g. %s/%s [%s]", t->best->suite, t->best->name, rc_dtype_name(t->best->dtype));
    const rc_cat_entry *e = t->entry_case ? rc_catalogue_find(t->entry_case->diag.entry) : NULL;
    if (e)
        line(r, "  catalogue entry %s reproduces it (%zu cases, %.0f%% of values): %s", e->id, t->n_entry,
             100 * t->entry_case->diag.entry_match, e->description);
    if (primary)
        line(r, "  fix: %s", e ? e->fix : k->fix);
}

void rc_diagnose_primary(const rc_results *r, char *cls, size_t n, rc_confidence *conf)
{
    tally t[MAX_CLASSES];
    size_t n_unexplained, n_fail;
    size_t nt = tally_cases(r, t, &n_unexplained, &n_fail);
    qsort(t, nt, sizeof *t, tally_cmp);
    snprintf(cls, n, "%s", nt ? t[0].cls : "");
    *conf = nt ? run_confidence(&t[0], n_fail - n_unexplained) : RC_CONF_NONE;
}

void rc_diagnose_summarize(rc_results *r)
{
    tally t[MAX_CLASSES];
    size_t n_unexplained, n_fail;
    size_t nt = tally_cases(r, t, &n_unexplained, &n_fail);
    r->n_diagnosis = 0;
    if (n_fail == 0)
        return;
    qsort(t, nt, sizeof *t, tally_cmp);
    size_t n_explained = n_fail - n_unexplained;
    if (nt == 0) {
        line(r, "Unexplained: %zu failing cases match no bug class; the failures below say what differs", n_fail);
        return;
    }
    describe(r, &t[0], n_fail, n_explained, 1);
    for (size_t i = 1; i < nt && i < 3 && r->n_diagnosis + 3 <= RC_DIAG_MAX_LINES - 1; i++)
        if (t[i].n_conf[RC_CONF_HIGH] > 0 && 5 * t[i].n >= t[0].n)
            describe(r, &t[i], n_fail, n_explained, 0);
    if (n_unexplained)
        line(r, "Unexplained: %zu failing cases match no bug class", n_unexplained);
}
