/* Making untrusted text (candidate error messages, case names) safe for
 * each output: valid UTF-8, no terminal control sequences, XML and
 * Markdown and HTML escaping. */
#include "report.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

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
        int len = rc_utf8_decode(p, &cp);
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

/* Characters Markdown would read as formatting (or as a table cell
 * boundary); a backslash makes each literal in CommonMark and GFM. */
static int md_special(unsigned long cp)
{
    return cp < 0x80 && cp && strchr("\\`*_[]<>|~&#!", (int)cp) != NULL;
}

static void xml_char(FILE *f, unsigned long cp, const char *bytes)
{
    switch (cp) {
    case '&': fputs("&amp;", f); break;
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&apos;", f); break;
    default: fputs(bytes, f);
    }
}

/* Control characters and bad bytes take rc_escape_one's form everywhere;
 * XML keeps tab and newline (as references in attributes, where parsers
 * would normalise them away; HTML text is an attribute or a cell). */
int rc_text_write(FILE *f, const char *s, rc_text_mode mode)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int xml = mode == RC_TEXT_XML || mode == RC_TEXT_XML_ATTR || mode == RC_TEXT_HTML;
    while (*p) {
        char one[RC_ESCAPE_ONE_MAX];
        int escaped;
        unsigned long cp;
        p += rc_escape_one(p, one, &escaped, &cp);
        if (xml && escaped && (cp == '\t' || cp == '\n' || cp == '\r')) {
            if (mode != RC_TEXT_XML || cp == '\r')
                fprintf(f, "&#%lu;", cp);
            else
                fputc((int)cp, f);
        } else if (escaped) {
            fputs(one, f);
        } else if (mode == RC_TEXT_HTML && cp == ':') {
            fputs("&#58;", f);   /* no "http://" or "https://" in the page's text */
        } else if (xml) {
            xml_char(f, cp, one);
        } else {
            if (mode == RC_TEXT_MD && md_special(cp))
                fputc('\\', f);
            fputs(one, f);
        }
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
