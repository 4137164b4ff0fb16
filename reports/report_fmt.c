/* Exact float text and the stable enum names every report uses. */
#include "report.h"
#include "rope_type.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* printf and strtod follow LC_NUMERIC; reports always use '.', so swap the
 * locale's decimal point (when it is one other character) in and out. */
static char locale_point(void)
{
    const char *dp = localeconv()->decimal_point;
    return (dp && dp[0] && !dp[1]) ? dp[0] : '.';
}

static const char *fmt_with(const char *spec, double v, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    snprintf(buf, n, spec, v);
    char lp = locale_point();
    if (lp != '.') {
        char *p = strchr(buf, lp);
        if (p)
            *p = '.';
    }
    return buf;
}

const char *rc_fmt_hex(double v, char *buf, size_t n) { return fmt_with("%a", v, buf, n); }
const char *rc_fmt_dec(double v, char *buf, size_t n) { return fmt_with("%.17g", v, buf, n); }

const char *rc_fmt_sig(double v, int digits, char *buf, size_t n)
{
    char spec[16];
    snprintf(spec, sizeof spec, "%%.%dg", digits < 1 ? 1 : digits > 17 ? 17 : digits);
    return fmt_with(spec, v, buf, n);
}

int rc_fmt_parse_double(const char *s, double *out)
{
    char tmp[128];
    if (!s || !*s || strlen(s) >= sizeof tmp)
        return -1;
    strcpy(tmp, s);
    char lp = locale_point();
    if (lp != '.') {
        char *p = strchr(tmp, '.');
        if (p)
            *p = lp;
    }
    char *end;
    errno = 0;
    double v = strtod(tmp, &end);
    /* ERANGE on a subnormal still returns the exact value; only a string
     * that is not wholly a number is an error. */
    if (end == tmp || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

static const char *const dtype_names[RC_DTYPE_COUNT] = {"f64", "f32", "f16", "bf16"};
/* the spellings of the params JSON (docs/config.md), so the two agree */
static const char *const pairing_names[2] = {"half-split", "interleaved"};
static const char *const status_names[4] = {"PASS", "WARN", "FAIL", "SKIP"};

static int lookup(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *rc_report_dtype_name(rc_dtype t)
{
    return (unsigned)t < RC_DTYPE_COUNT ? dtype_names[t] : "unknown";
}

int rc_report_dtype_parse(const char *s, rc_dtype *out)
{
    int i = lookup(dtype_names, RC_DTYPE_COUNT, s);
    if (i < 0)
        return -1;
    *out = (rc_dtype)i;
    return 0;
}

const char *rc_report_pairing_name(rc_pairing p)
{
    return (unsigned)p < 2 ? pairing_names[p] : "unknown";
}

int rc_report_pairing_parse(const char *s, rc_pairing *out)
{
    int i = lookup(pairing_names, 2, s);
    if (i < 0)
        return -1;
    *out = (rc_pairing)i;
    return 0;
}

/* the rope-type table's names (harness/config/include/rope_type.h) */
const char *rc_report_rope_type_name(rc_rope_type t)
{
    return rc_rope_type_info_of(t) ? rc_rope_type_name(t) : "unknown";
}

int rc_report_rope_type_parse(const char *s, rc_rope_type *out)
{
    return s ? rc_rope_type_parse(s, out) : -1;
}

int rc_report_status_parse(const char *s, rc_status *out)
{
    int i = lookup(status_names, 4, s);
    if (i < 0)
        return -1;
    *out = (rc_status)i;
    return 0;
}
