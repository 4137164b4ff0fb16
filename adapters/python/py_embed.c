/* Starting CPython inside an adapter (py_embed.h).
 *
 * Adapters are loaded RTLD_LOCAL, so libpython's symbols would be invisible
 * to the extension modules the candidate imports (numpy, torch), which
 * fail with "undefined symbol: PyExc_...".  Re-opening libpython
 * RTLD_GLOBAL first makes them visible.  The interpreter then starts once:
 * the harness loads the adapter in its own process, and every sandbox
 * child forked from it inherits the started interpreter and the imported
 * candidate (CPython's fork hooks run around each fork), so no child pays
 * for `import torch` again. */
#include "py_embed.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char rcpy_bridge_source[];   /* python/rope_conform/bridge.py, generated at build time */

static struct {
    int state;                 /* 0 not tried, 1 started, -1 failed     */
    char err[512];
    PyObject *candidate;
    rcpy_info info;
} g_py;

static void before_fork(void) { if (g_py.state == 1) PyOS_BeforeFork(); }
static void after_fork_parent(void) { if (g_py.state == 1) PyOS_AfterFork_Parent(); }
static void after_fork_child(void) { if (g_py.state == 1) PyOS_AfterFork_Child(); }

void rcpy_error_line(char *buf, size_t n)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *s = value ? PyObject_Str(value) : NULL;
    const char *text = s ? PyUnicode_AsUTF8(s) : NULL;
    const char *name = type ? ((PyTypeObject *)type)->tp_name : "error";
    snprintf(buf, n, "%s: %s", name, text ? text : "(no message)");
    Py_XDECREF(s);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
}

static int init_interpreter(char *err, size_t n)
{
    if (!dlopen(RC_LIBPYTHON, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD) &&
        !dlopen(RC_LIBPYTHON, RTLD_NOW | RTLD_GLOBAL)) {
        const char *e = dlerror();
        snprintf(err, n, "cannot load %s: %s", RC_LIBPYTHON, e ? e : "dlopen failed");
        return -1;
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.install_signal_handlers = 0;  /* the harness owns the signals */
    config.parse_argv = 0;
    PyStatus st = PyConfig_SetBytesString(&config, &config.program_name, RC_PYTHON_EXECUTABLE);
    if (!PyStatus_Exception(st))
        st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) {
        snprintf(err, n, "cannot start Python (%s): %s", RC_PYTHON_EXECUTABLE,
                 st.err_msg ? st.err_msg : "unknown error");
        return -1;
    }
    pthread_atfork(before_fork, after_fork_parent, after_fork_child);
    return 0;
}

/* Compile bridge.py as module _rope_conform_bridge and call start(spec). */
static PyObject *load_candidate(const char *spec, char *err, size_t n)
{
    PyObject *code = Py_CompileString(rcpy_bridge_source, "rope_conform/bridge.py", Py_file_input);
    PyObject *mod = code ? PyImport_ExecCodeModule("_rope_conform_bridge", code) : NULL;
    PyObject *res = mod ? PyObject_CallMethod(mod, "start", "s", spec) : NULL;
    Py_XDECREF(code);
    Py_XDECREF(mod);
    if (!res) {
        rcpy_error_line(err, n);
        return NULL;
    }
    PyObject *payload = NULL;
    long status = -1;
    if (PyTuple_Check(res) && PyTuple_Size(res) == 2) {
        status = PyLong_AsLong(PyTuple_GetItem(res, 0));
        payload = PyTuple_GetItem(res, 1);
    }
    if (status != 0) {
        const char *msg = payload && PyUnicode_Check(payload) ? PyUnicode_AsUTF8(payload) : NULL;
        snprintf(err, n, "%s", msg ? msg : "the bridge could not start the candidate");
        Py_DECREF(res);
        return NULL;
    }
    Py_INCREF(payload);
    Py_DECREF(res);
    return payload;
}

static int read_info(PyObject *cand, rcpy_info *info)
{
    PyObject *b = PyObject_GetAttrString(cand, "has_backward");
    PyObject *c = PyObject_GetAttrString(cand, "has_cos_sin");
    PyObject *v = PyObject_GetAttrString(cand, "version");
    const char *vs = v ? PyUnicode_AsUTF8(v) : NULL;
    int ok = b && c && vs;
    if (ok) {
        info->has_backward = PyObject_IsTrue(b) == 1;
        info->has_cos_sin = PyObject_IsTrue(c) == 1;
        snprintf(info->version, sizeof info->version, "%s", vs);
    }
    Py_XDECREF(b);
    Py_XDECREF(c);
    Py_XDECREF(v);
    PyErr_Clear();
    return ok ? 0 : -1;
}

PyObject *rcpy_start(rcpy_info *info, char *err, size_t errlen)
{
    if (g_py.state == 0) {
        const char *spec = getenv("RC_PYTHON_CANDIDATE");
        g_py.state = -1;
        if (!spec || !spec[0])
            snprintf(g_py.err, sizeof g_py.err,
                     "RC_PYTHON_CANDIDATE is not set: give the candidate as module:function");
        else if (init_interpreter(g_py.err, sizeof g_py.err) == 0) {
            g_py.state = 1;   /* the fork hooks apply from now on */
            g_py.candidate = load_candidate(spec, g_py.err, sizeof g_py.err);
            if (g_py.candidate && read_info(g_py.candidate, &g_py.info) != 0)
                snprintf(g_py.err, sizeof g_py.err, "the bridge's Candidate lacks its attributes");
            if (!g_py.candidate || g_py.err[0]) {
                Py_CLEAR(g_py.candidate);
            }
        }
    }
    if (!g_py.candidate) {
        snprintf(err, errlen, "%s", g_py.err);
        return NULL;
    }
    if (info)
        *info = g_py.info;
    return g_py.candidate;
}
