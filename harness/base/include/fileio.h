/* Reading input files: config JSON, --baseline and merge reports, lint
 * configs, vectors, golden --input vectors, identify documents.  Every one
 * goes through rc_read_file, which refuses what is not a regular file (a
 * FIFO would block, /dev/zero never ends, a directory is a mistake) and
 * anything larger than a stated bound, with a one-line message that names
 * the file (escaped: escape.h). */
#ifndef RC_FILEIO_H
#define RC_FILEIO_H

#include <stddef.h>

/* Bounds on input sizes: a config or lint file; the vectors files (frozen
 * vectors, golden --input); reports (merge, --baseline), which the tool
 * writes itself: a whole level-3 report is 152 MB. */
#define RC_INPUT_MAX_BYTES ((size_t)64 << 20)
#define RC_VECTORS_MAX_BYTES ((size_t)256 << 20)
#define RC_REPORT_MAX_BYTES ((size_t)512 << 20)

/* The whole of path, NUL-terminated, in a malloc'd buffer (caller frees);
 * *len (if given) gets its length.  Refused, with NULL and a message
 * "PATH: WHY" in err: a path that cannot be opened, anything but a regular
 * file (checked on the open descriptor, without blocking on a FIFO), more
 * than max_bytes, a NUL byte (every input is text). */
char *rc_read_file(const char *path, size_t max_bytes, size_t *len, char *err, size_t errlen);

/* The same checks without reading: 0 when path is a readable regular file
 * of at most max_bytes, else -1 with the message rc_read_file would give.
 * For refusing a bad input before a long run rather than after it. */
int rc_input_check(const char *path, size_t max_bytes, char *err, size_t errlen);

#endif
