/* Writing output files: reports, safetensors, vectors, documents. */
#ifndef RC_ATOMIC_H
#define RC_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

/* Output files.  A regular file (or a path that does not exist yet) is
 * written atomically: a temp file in the same directory, then commit (fsync
 * + rename over the path; through symbolic links, over the file they name)
 * or abort (close + remove).  Anything else (/dev/null, a FIFO, a terminal)
 * is written in place and never renamed over, and /dev/stdout,
 * /dev/stderr, /dev/fd/N and /proc/self/fd/N write to that descriptor of
 * this process (after flushing stdio), so a report follows the terminal
 * output in order. */
typedef struct rc_atomic_file {
    FILE *f;
    char path[4096];   /* as given, for messages                          */
    char target[4096]; /* the file replaced: path, or what its links name */
    char tmp[4160];    /* "" when written in place                        */
    int direct;        /* written in place: commit only flushes and closes */
} rc_atomic_file;
int rc_atomic_open(rc_atomic_file *a, const char *path, char *err, size_t errlen);
int rc_atomic_commit(rc_atomic_file *a, char *err, size_t errlen);
void rc_atomic_abort(rc_atomic_file *a);
/* Run write(f, ctx) into PATH atomically; a nonzero return from write or a
 * stream error aborts.  0 ok, -1 with a one-line message in err. */
typedef int (*rc_stream_fn)(FILE *f, const void *ctx);
int rc_atomic_write(const char *path, rc_stream_fn write, const void *ctx, char *err,
                    size_t errlen);
/* len bytes of text into path the same way (identify's documents, the
 * catalogue's Markdown).  0 ok, -1 with a one-line message in err. */
int rc_write_text_file(const char *path, const char *text, size_t len, char *err, size_t errlen);

/* The descriptor a path names directly (/dev/stdout 1, /dev/stderr 2,
 * /dev/fd/N and /proc/self/fd/N: N), else -1. */
int rc_report_std_fd(const char *path);

#endif
