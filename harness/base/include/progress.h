/* Progress a person or a CI log can see: on a terminal one line redrawn in
 * place; elsewhere a plain line at least every RC_PROGRESS_PERIOD seconds
 * (cases done of total, failures so far). */
#ifndef RC_PROGRESS_H
#define RC_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#define RC_PROGRESS_PERIOD 10.0

typedef struct rc_progress {
    FILE *f;                 /* NULL: silent                               */
    int tty;
    const char *what;        /* "cases", "mutants", "files"                */
    size_t total, done, failed;
    double start, last;      /* seconds (monotonic)                        */
} rc_progress;

/* f NULL makes it silent; tty from isatty of f's descriptor. */
void rc_progress_start(rc_progress *p, FILE *f, const char *what, size_t total);
void rc_progress_update(rc_progress *p, size_t done, size_t failed, const char *label);
/* Clears the terminal line (a final plain line when not a terminal). */
void rc_progress_end(rc_progress *p);
double rc_progress_now(void);

#endif
