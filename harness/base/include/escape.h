/* Untrusted text on one line.  File names, config keys, JSON strings, the
 * candidate's name, version and error messages reach the terminal, the
 * error stream and the reports; rc_escape_one is the one rule that makes
 * them safe there, and every error message goes through it:
 *
 *   - a valid, printable UTF-8 character is kept as it is;
 *   - newline, carriage return and tab become the two characters \n \r \t;
 *   - every other control character (C0, DEL, C1) becomes \xHH;
 *   - a byte that starts no valid UTF-8 sequence becomes \xHH of that byte.
 *
 * Backslashes are kept, so escaping an escaped string changes nothing. */
#ifndef RC_ESCAPE_H
#define RC_ESCAPE_H

#include <stdarg.h>
#include <stddef.h>

/* Longest rendering of one character: "\xHH" or a 4-byte UTF-8 sequence. */
#define RC_ESCAPE_ONE_MAX 8

/* The well-formed UTF-8 sequence at s: its length (1..4) and code point,
 * or 0 when s does not start one (overlong forms, surrogates, > U+10FFFF and
 * the noncharacters U+FFFE/U+FFFF count as bad; so does the NUL byte's
 * absence of a successor).  Reads no further than a NUL. */
int rc_utf8_decode(const unsigned char *s, unsigned long *cp);

/* Render the character at p (not at its NUL) into out (NUL-terminated).
 * Returns the bytes of p consumed (>= 1).  *escaped is 1 when out is an
 * escape (\n \r \t \xHH), 0 when out is p's own bytes; *cp is the code
 * point, or the byte itself for a bad byte. */
size_t rc_escape_one(const unsigned char *p, char out[RC_ESCAPE_ONE_MAX], int *escaped,
                     unsigned long *cp);

/* s (NULL = "") escaped into buf (n > 0), cut at a character boundary with
 * "..." when it does not fit.  Returns buf. */
const char *rc_escape(const char *s, char *buf, size_t n);
/* The same into a malloc'd string (caller frees); NULL if out of memory. */
char *rc_escape_dup(const char *s);
/* Escape buf in place (for a message a producer has just formatted). */
void rc_escape_inplace(char *buf, size_t n);

/* Format an error message into err as before + name + after + the
 * formatted text, escaped to one line.  Always returns -1 (for
 * "return rc_err_vformat(...)"). */
int rc_err_vformat(char *err, size_t errlen, const char *before, const char *name,
                   const char *after, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/* Print one error line on stderr: the formatted text, escaped, then one
 * newline.  fmt should not end in a newline. */
void rc_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
