/* Making untrusted text (candidate error messages, case names) safe for
 * each output: valid UTF-8, no terminal control sequences, XML and
 * Markdown escaping. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* Length (1..4) of the well-formed UTF-8 sequence at s and its code point,
 * or 0 when s does not start one (overlong forms, surrogates, > U+10FFFF
 * and the noncharacters U+FFFE/U+FFFF, which XML forbids, count as bad). */
static int utf8_decode(const unsigned char *s, unsigned long *cp)
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

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

char *rc_utf8_sanitize(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1);   /* each bad byte grows to 3 */
    if (!out)
        return NULL;
    char *o = out;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned long cp;
        int len = utf8_decode(p, &cp);
        if (len == 0) {
            memcpy(o, REPLACEMENT, 3);
            o += 3;
            p++;
        } else {
            memcpy(o, p, (size_t)len);
            o += len;
            p += len;
        }
    }
    *o = '\0';
    return out;
}

static int is_control(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Characters Markdown would read as formatting (or as a table cell
 * boundary); a backslash makes each literal in CommonMark and GFM. */
static int md_special(unsigned long cp)
{
    return cp < 0x80 && cp && strchr("\\`*_[]<>|~&#!", (int)cp) != NULL;
}

int rc_text_write(FILE *f, const char *s, rc_text_mode mode)
{
    if (!s)
        s = "";
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned long cp;
        int len = utf8_decode(p, &cp);
        if (len == 0) {
            fputs(REPLACEMENT, f);
            p++;
            continue;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            if (mode == RC_TEXT_XML_ATTR || (mode == RC_TEXT_XML && cp == '\r'))
                fprintf(f, "&#%lu;", cp);   /* else parsers normalise it away */
            else if (mode == RC_TEXT_XML)
                fputc((int)cp, f);
            else
                fputc(' ', f);              /* terminal and Markdown: one line */
        } else if (is_control(cp)) {
            fprintf(f, "\\x%02lX", cp);
        } else if (mode == RC_TEXT_XML || mode == RC_TEXT_XML_ATTR) {
            switch (cp) {
            case '&': fputs("&amp;", f); break;
            case '<': fputs("&lt;", f); break;
            case '>': fputs("&gt;", f); break;
            case '"': fputs("&quot;", f); break;
            case '\'': fputs("&apos;", f); break;
            default: fwrite(p, 1, (size_t)len, f);
            }
        } else if (mode == RC_TEXT_MD && md_special(cp)) {
            fputc('\\', f);
            fputc((int)cp, f);
        } else {
            fwrite(p, 1, (size_t)len, f);
        }
        p += len;
    }
    return ferror(f) ? -1 : 0;
}

const char *rc_shell_quote(const char *s, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (!s)
        s = "";
    int plain = *s != '\0';
    for (const char *p = s; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@%+,-", *p))
            plain = 0;
    if (plain) {
        snprintf(buf, n, "%s", s);
        return buf;
    }
    /* '...' with each ' written as '\'' */
    size_t o = 0;
#define PUT(ch) do { if (o + 1 < n) buf[o++] = (ch); } while (0)
    PUT('\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'') {
            PUT('\'');
            PUT('\\');
            PUT('\'');
            PUT('\'');
        } else {
            PUT(*p);
        }
    }
    PUT('\'');
#undef PUT
    buf[o] = '\0';
    return buf;
}
