/* The embedded interpreter of librope_python.so, in two steps:
 *
 * rcpy_boot() starts CPython with the bridge (python/rope_conform/
 * bridge.py) and checks that the candidate named by RC_PYTHON_CANDIDATE
 * can be found; it is cheap, and runs when the harness loads the adapter.
 *
 * rcpy_candidate() imports the candidate (and with it torch or numpy),
 * once per process.  The harness process does that just before its first
 * fork (a pthread_atfork hook), so every sandbox child inherits the
 * imported candidate instead of importing it again; a process that never
 * forks does it on its first call. */
#ifndef RC_PY_EMBED_H
#define RC_PY_EMBED_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

/* 0, or -1 with a one-line message in err. */
int rcpy_boot(char *err, size_t errlen);

/* The bridge's Candidate object (borrowed), or NULL with a one-line
 * message in err (the same message on every later call). */
PyObject *rcpy_candidate(char *err, size_t errlen);

/* "spec on Python X (exe), torch Y" once the candidate is imported, a
 * placeholder before. */
const char *rcpy_version(void);

/* The current Python exception as one line into buf (and cleared). */
void rcpy_error_line(char *buf, size_t n);

#endif
