/* Per-suite totals shared by the terminal, JUnit and Markdown writers. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int rc_report_suites(const rc_results *r, rc_suite_summary **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (r->n_cases == 0)
        return 0;
    rc_suite_summary *s = calloc(r->n_cases, sizeof *s);
    if (!s)
        return -1;
    size_t ns = 0;
    for (size_t i = 0; i < r->n_cases; i++) {
        const rc_case_result *c = &r->cases[i];
        size_t j = 0;
        /* Few suites: a linear search keeps first-appearance order. */
        while (j < ns && strncmp(s[j].name, c->suite, sizeof c->suite) != 0)
            j++;
        if (j == ns) {
            s[ns].name = c->suite;
            ns++;
        }
        unsigned st = (unsigned)c->status;
        s[j].counts[st <= RC_STATUS_SKIP ? st : RC_STATUS_FAIL]++;
        s[j].n_cases++;
        if (isfinite(c->seconds))
            s[j].seconds += c->seconds;
        if (c->has_metrics) {
            double e = c->metrics.max_err;
            if (!s[j].has_err || isnan(e) || (!isnan(s[j].worst_err) && e > s[j].worst_err))
                s[j].worst_err = e;
            s[j].has_err = 1;
        }
    }
    *out = s;
    *n = ns;
    return 0;
}
