/* Starting CPython inside an adapter (py_embed.h).
 *
 * Adapters are loaded RTLD_LOCAL, so libpython's symbols would be invisible
 * to the extension modules the candidate imports (numpy, torch), which
 * fail with "undefined symbol: PyExc_...".  Re-opening libpython
 * RTLD_GLOBAL first makes them visible.  The interpreter starts once per
 * process and stays across init/fini pairs; CPython's own fork hooks run
 * around every fork, so children carry on with the parent's interpreter. */
#include "py_embed.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char rcpy_bridge_source[];   /* python/rope_conform/bridge.py, built in */

static struct {
    int booted;                /* 0 not tried, 1 running, -1 failed      */
    int loading;               /* inside rcpy_candidate (it may fork)    */
    char spec[512];
    char err[512];
    PyObject *bridge;          /* the module                             */
    PyObject *candidate;       /* bridge.Candidate, once imported        */
    char version[512];
} g_py;

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

/* The harness forks a sandbox child for its calls: import the candidate
 * first, here in the parent, then let CPython prepare for the fork. */
static void before_fork(void)
{
    if (g_py.booted != 1)
        return;
    if (!g_py.loading) {
        char err[512];
        rcpy_candidate(err, sizeof err);   /* a failure is reported by init */
    }
    PyOS_BeforeFork();
}
static void after_fork_parent(void) { if (g_py.booted == 1) PyOS_AfterFork_Parent(); }
static void after_fork_child(void) { if (g_py.booted == 1) PyOS_AfterFork_Child(); }

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
    return 0;
}

/* bridge.NAME(spec) -> (status, payload): payload (new reference) when
 * status is 0, else NULL with the message in err. */
static PyObject *call_bridge(const char *name, char *err, size_t n)
{
    PyObject *res = PyObject_CallMethod(g_py.bridge, name, "s", g_py.spec);
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
        snprintf(err, n, "%s", msg ? msg : "the bridge returned something other than (status, payload)");
        payload = NULL;
    }
    Py_XINCREF(payload);
    Py_DECREF(res);
    PyErr_Clear();
    return payload;
}

static int boot(void)
{
    const char *spec = getenv("RC_PYTHON_CANDIDATE");
    if (!spec || !spec[0]) {
        snprintf(g_py.err, sizeof g_py.err, "RC_PYTHON_CANDIDATE is not set: give the candidate as module:function");
        return -1;
    }
    snprintf(g_py.spec, sizeof g_py.spec, "%s", spec);
    snprintf(g_py.version, sizeof g_py.version, "%s (not imported yet)", spec);
    if (init_interpreter(g_py.err, sizeof g_py.err) != 0)
        return -1;
    PyObject *code = Py_CompileString(rcpy_bridge_source, "rope_conform/bridge.py", Py_file_input);
    g_py.bridge = code ? PyImport_ExecCodeModule("_rope_conform_bridge", code) : NULL;
    Py_XDECREF(code);
    if (!g_py.bridge) {
        rcpy_error_line(g_py.err, sizeof g_py.err);
        return -1;
    }
    PyObject *found = call_bridge("find", g_py.err, sizeof g_py.err);
    Py_XDECREF(found);
    return found ? 0 : -1;
}

int rcpy_boot(char *err, size_t errlen)
{
    if (g_py.booted == 0) {
        g_py.booted = boot() == 0 ? 1 : -1;
        if (g_py.booted == 1)
            pthread_atfork(before_fork, after_fork_parent, after_fork_child);
    }
    snprintf(err, errlen, "%s", g_py.err);
    return g_py.booted == 1 ? 0 : -1;
}

PyObject *rcpy_candidate(char *err, size_t errlen)
{
    if (rcpy_boot(err, errlen) != 0)
        return NULL;
    if (!g_py.candidate && !g_py.err[0]) {
        g_py.loading = 1;
        g_py.candidate = call_bridge("start", g_py.err, sizeof g_py.err);
        PyObject *v = g_py.candidate ? PyObject_GetAttrString(g_py.candidate, "version") : NULL;
        const char *vs = v ? PyUnicode_AsUTF8(v) : NULL;
        if (vs)
            snprintf(g_py.version, sizeof g_py.version, "%s", vs);
        Py_XDECREF(v);
        PyErr_Clear();
        g_py.loading = 0;
    }
    snprintf(err, errlen, "%s", g_py.err);
    return g_py.candidate;
}

const char *rcpy_version(void)
{
    return g_py.version;
}
