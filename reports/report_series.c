/* The compact text of the plot data: floats as their shortest exact
 * decimal, series as one space-separated string (docs/report-schema.md). */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *rc_fmt_float(float v, char *buf, size_t n)
{
    if (isnan(v))
        return rc_fmt_sig(NAN, 1, buf, n);
    if (v < 0) {
        snprintf(buf, n, "-");
        return buf;
    }
    double back;
    for (int digits = 1; digits < 9; digits++) {
        rc_fmt_sig(v, digits, buf, n);
        if (rc_fmt_parse_double(buf, &back) == 0 && (float)back == v)
            return buf;
    }
    return rc_fmt_sig(v, 9, buf, n);   /* 9 digits always read back */
}

char *rc_series_format(const float *v, size_t n)
{
    char *s = malloc(n * RC_FMT_LEN + 1);
    if (!s)
        return NULL;
    size_t len = 0;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char buf[RC_FMT_LEN];
        rc_fmt_float(v[i], buf, sizeof buf);
        if (i)
            s[len++] = ' ';
        size_t bl = strlen(buf);
        memcpy(s + len, buf, bl + 1);
        len += bl;
    }
    return s;
}

int rc_series_parse(const char *s, float *out, size_t n)
{
    size_t i = 0;
    while (s && *s) {
        const char *end = strchr(s, ' ');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        char tok[RC_FMT_LEN];
        double v;
        if (i >= n || len == 0 || len >= sizeof tok)
            return -1;
        memcpy(tok, s, len);
        tok[len] = '\0';
        if (strcmp(tok, "-") == 0)
            v = -1.0;
        else if (rc_fmt_parse_double(tok, &v) != 0 || v < 0)
            return -1;
        out[i++] = (float)v;
        s = end ? end + 1 : s + len;
    }
    return i == n ? 0 : -1;
}
