/* The embedded interpreter of librope_python.so: started once per process
 * (its children inherit it across fork), with the bridge (python/rope_conform/bridge.py)
 * loaded and the candidate named by RC_PYTHON_CANDIDATE imported. */
#ifndef RC_PY_EMBED_H
#define RC_PY_EMBED_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

typedef struct rcpy_info {
    int has_backward, has_cos_sin;
    char version[512];         /* "spec on Python X (exe), torch Y"      */
} rcpy_info;

/* Start the interpreter and load the candidate (first call only; later
 * calls return the first outcome).  Returns the bridge's Candidate object
 * (a borrowed reference), or NULL with a one-line message in err. */
PyObject *rcpy_start(rcpy_info *info, char *err, size_t errlen);

/* The current Python exception as one line into buf (and cleared). */
void rcpy_error_line(char *buf, size_t n);

#endif
