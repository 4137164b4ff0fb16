/* Untrusted text on one line: the one escaping rule (escape.h). */
#include "escape.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rc_utf8_decode(const unsigned char *s, unsigned long *cp)
{
    unsigned char c = s[0];
    int len;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)   /* also stops at the terminating NUL */
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v == 0xFFFE || v == 0xFFFF)
        return 0;
    *cp = v;
    return len;
}

size_t rc_escape_one(const unsigned char *p, char out[RC_ESCAPE_ONE_MAX], int *escaped,
                     unsigned long *cp)
{
    int len = rc_utf8_decode(p, cp);
    *escaped = 1;
    if (len == 0) {
        *cp = p[0];
        snprintf(out, RC_ESCAPE_ONE_MAX, "\\x%02X", p[0]);
        return 1;
    }
    if (*cp == '\n' || *cp == '\r' || *cp == '\t') {
        snprintf(out, RC_ESCAPE_ONE_MAX, "\\%c", *cp == '\n' ? 'n' : *cp == '\r' ? 'r' : 't');
    } else if (*cp < 0x20 || (*cp >= 0x7F && *cp <= 0x9F)) {
        snprintf(out, RC_ESCAPE_ONE_MAX, "\\x%02lX", *cp);
    } else {
        memcpy(out, p, (size_t)len);
        out[len] = '\0';
        *escaped = 0;
    }
    return (size_t)len;
}

/* Length of s escaped. */
static size_t escaped_len(const unsigned char *p)
{
    size_t len = 0;
    while (*p) {
        char one[RC_ESCAPE_ONE_MAX];
        int esc;
        unsigned long cp;
        p += rc_escape_one(p, one, &esc, &cp);
        len += strlen(one);
    }
    return len;
}

const char *rc_escape(const char *s, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    /* all of it fits: no room to keep for an ellipsis */
    int fits = escaped_len(p) < n;
    size_t o = 0;
    while (*p) {
        char one[RC_ESCAPE_ONE_MAX];
        int esc;
        unsigned long cp;
        size_t used = rc_escape_one(p, one, &esc, &cp);
        size_t k = strlen(one);
        /* keep room for "..." unless this is the last character */
        size_t need = k + (p[used] && !fits ? 3 : 0);
        if (o + need >= n) {
            /* the previous character left room for this (o + 3 < n) */
            if (o + 3 < n) {
                memcpy(buf + o, "...", 3);
                o += 3;
            }
            break;
        }
        memcpy(buf + o, one, k);
        o += k;
        p += used;
    }
    buf[o] = '\0';
    return buf;
}

char *rc_escape_dup(const char *s)
{
    size_t n = strlen(s ? s : "") * 4 + 1;   /* a byte grows to \xHH at most */
    char *buf = malloc(n);
    return buf ? (char *)rc_escape(s, buf, n) : NULL;
}

void rc_escape_inplace(char *buf, size_t n)
{
    char *e = rc_escape_dup(buf);
    if (e) {
        rc_escape(e, buf, n);   /* already escaped: only cut to fit */
        free(e);
    } else {
        rc_escape(buf, buf, 1); /* out of memory: never leave it raw */
    }
}

int rc_err_vformat(char *err, size_t errlen, const char *before, const char *name,
                   const char *after, const char *fmt, va_list ap)
{
    if (!err || errlen == 0)
        return -1;
    int n = snprintf(err, errlen, "%s%s%s", before, name ? name : "", after);
    if (n >= 0 && (size_t)n < errlen)
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    rc_escape_inplace(err, errlen);
    return -1;
}

void rc_errorf(const char *fmt, ...)
{
    char small[1024];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    char *text = small;
    if (len >= (int)sizeof small && (text = malloc((size_t)len + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(text, (size_t)len + 1, fmt, ap);
        va_end(ap);
    }
    char *e = rc_escape_dup(text ? text : small);
    fprintf(stderr, "%s\n", e ? e : "rope-conform: out of memory");
    free(e);
    if (text != small)
        free(text);
}
