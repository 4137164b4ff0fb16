/*
 * librope_python.so: a candidate written in Python (docs/python.md).
 *
 * RC_PYTHON_CANDIDATE=module:function names fn(x, positions, params) -> y.
 * Each ABI call hands the bridge (python/rope_conform/bridge.py) the params as a dict, the
 * positions and the input as bytes; the bridge builds torch tensors (or
 * numpy arrays), calls fn, checks what comes back (type, dtype, shape,
 * contiguity) and returns bytes, which are copied into the output.  A
 * Python exception is an RC_ERROR whose last_error is the traceback's last
 * line; NotImplementedError is RC_UNSUPPORTED.
 */
#include "py_embed.h"
#include "rope_conform/adapter.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static char g_error[512] = "no error";

static size_t dtype_size(rc_dtype t) { return t == RC_F64 ? 8 : t == RC_F32 ? 4 : 2; }

static int fail(int code, const char *msg)
{
    snprintf(g_error, sizeof g_error, "%s", msg);
    return code;
}

/* One dict entry per kind of field in harness/config/include/params_fields.def. */
static void put(PyObject *d, const char *key, PyObject *v)
{
    if (v) {
        PyDict_SetItemString(d, key, v);
        Py_DECREF(v);
    }
}
static PyObject *v_I32(const rc_rope_params *p, int32_t v) { (void)p; return PyLong_FromLong(v); }
static PyObject *v_I64(const rc_rope_params *p, int64_t v) { (void)p; return PyLong_FromLongLong(v); }
static PyObject *v_F64(const rc_rope_params *p, double v) { (void)p; return PyFloat_FromDouble(v); }
static PyObject *v_FLAG(const rc_rope_params *p, int32_t v) { (void)p; return PyBool_FromLong(v); }
static PyObject *v_PAIRING(const rc_rope_params *p, rc_pairing v)
{
    (void)p;
    return PyUnicode_FromString(v == RC_INTERLEAVED ? "interleaved" : "half-split");
}
static PyObject *v_TYPE(const rc_rope_params *p, rc_rope_type v)
{
    /* the params-JSON names (harness/config/rope_type_*.c), by enum value */
    static const char *const names[RC_ROPE_TYPE_COUNT] = { "default", "linear", "dynamic",
                                                           "yarn", "longrope", "llama3",
                                                           "proportional" };
    (void)p;
    return PyUnicode_FromString((unsigned)v < RC_ROPE_TYPE_COUNT ? names[v] : "unknown");
}
/* ABI 1.1 fields (0 for an adapter that does not set params_size) */
static PyObject *v_OPT32(const rc_rope_params *p, int32_t v) { (void)p; return PyLong_FromLong(v); }
static PyObject *v_SECTIONS(const rc_rope_params *p, const int32_t *s)
{
    (void)p;
    return Py_BuildValue("[iii]", (int)s[0], (int)s[1], (int)s[2]);
}
static PyObject *v_LAYOUT(const rc_rope_params *p, rc_mrope_layout v)
{
    (void)p;
    return PyUnicode_FromString(v == RC_MROPE_INTERLEAVED ? "interleaved" : "sectioned");
}
static PyObject *v_FACTORS(const rc_rope_params *p, const double *f)
{
    if (!f || p->rotary_dim < 2)
        Py_RETURN_NONE;
    PyObject *l = PyList_New(p->rotary_dim / 2);
    for (int i = 0; l && i < p->rotary_dim / 2; i++)
        PyList_SET_ITEM(l, i, PyFloat_FromDouble(f[i]));
    return l;
}

/* The params as a dict: every field of the params JSON (docs/config.md)
 * under its key, plus rope_theta, HF's name for base. */
static PyObject *params_dict(const rc_rope_params *p)
{
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
#define RC_PARAM(kind, member, key) put(d, key, v_##kind(p, p->member));
#include "params_fields.def"
#undef RC_PARAM
    put(d, "rope_theta", PyFloat_FromDouble(p->base));
    if (PyErr_Occurred())
        Py_CLEAR(d);
    return d;
}

/* Read the bridge's (status, payload): 0 copies the payload bytes out
 * through `sink`, 1/2 keep the reason in g_error. */
static int take_result(PyObject *res, int (*sink)(const char *, Py_ssize_t, void *), void *arg)
{
    if (!res) {
        rcpy_error_line(g_error, sizeof g_error);
        return RC_ERROR;
    }
    long status = -1;
    PyObject *payload = NULL;
    if (PyTuple_Check(res) && PyTuple_Size(res) == 2) {
        status = PyLong_AsLong(PyTuple_GetItem(res, 0));
        payload = PyTuple_GetItem(res, 1);
    }
    int rc = RC_ERROR;
    if (status == 0 && payload && PyBytes_Check(payload))
        rc = sink ? sink(PyBytes_AS_STRING(payload), PyBytes_GET_SIZE(payload), arg) : RC_OK;
    else if ((status == 1 || status == 2) && payload && PyUnicode_Check(payload))
        rc = fail(status == 1 ? RC_UNSUPPORTED : RC_ERROR, PyUnicode_AsUTF8(payload));
    else
        fail(RC_ERROR, "the bridge returned something other than (status, payload)");
    Py_DECREF(res);
    PyErr_Clear();
    return rc;
}

static PyObject *candidate(void)
{
    char err[512];
    PyObject *c = rcpy_candidate(err, sizeof err);
    if (!c)
        fail(RC_ERROR, err);
    return c;
}

static int py_init(void **state)
{
    *state = NULL;
    return candidate() ? RC_OK : RC_ERROR;
}

static void py_fini(void *state) { (void)state; /* the interpreter stays */ }

static const char *py_last_error(void *state)
{
    (void)state;
    return g_error;
}

static int py_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    PyObject *c = candidate();
    if (!c)
        return RC_ERROR;
    PyObject *pd = params_dict(p);
    if (!pd)
        return take_result(NULL, NULL, NULL);
    return take_result(PyObject_CallMethod(c, "supports", "Ni", pd, (int)dtype), NULL, NULL);
}

static void copy_heads(const rc_tensor *t, char *flat, int to_flat)
{
    const size_t es = dtype_size(t->dtype), row = (size_t)t->head_dim * es;
    for (int64_t i = 0; i < t->n_tokens; i++)
        for (int64_t h = 0; h < t->n_heads; h++) {
            char *v = (char *)t->data + (size_t)(i * t->token_stride + h * t->head_stride) * es;
            char *f = flat + (size_t)(i * t->n_heads + h) * row;
            memcpy(to_flat ? f : v, to_flat ? v : f, row);
        }
}

static int sink_tensor(const char *data, Py_ssize_t n, void *arg)
{
    rc_tensor *out = arg;
    if ((size_t)n != (size_t)(out->n_tokens * out->n_heads * out->head_dim) * dtype_size(out->dtype))
        return fail(RC_ERROR, "the bridge returned the wrong number of bytes");
    copy_heads(out, (char *)data, 0);
    return RC_OK;
}

static int rotate(int backward, const rc_rope_params *p, const int64_t *positions,
                  const rc_tensor *in, rc_tensor *out)
{
    PyObject *c = candidate();
    if (!c)
        return RC_ERROR;
    const size_t bytes = (size_t)(in->n_tokens * in->n_heads * in->head_dim) * dtype_size(in->dtype);
    PyObject *x = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)bytes);
    PyObject *pos = PyBytes_FromStringAndSize((const char *)positions,
                                              (Py_ssize_t)((size_t)in->n_tokens * sizeof *positions));
    PyObject *pd = params_dict(p);
    if (!x || !pos || !pd) {
        Py_XDECREF(x);
        Py_XDECREF(pos);
        Py_XDECREF(pd);
        return take_result(NULL, NULL, NULL);
    }
    copy_heads(in, PyBytes_AS_STRING(x), 1);
    PyObject *res = PyObject_CallMethod(c, "rotate", "iNiNNLLL", backward, pd, (int)in->dtype, pos, x,
                                        (long long)in->n_tokens, (long long)in->n_heads,
                                        (long long)in->head_dim);
    return take_result(res, sink_tensor, out);
}

static int py_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                    const rc_tensor *in, rc_tensor *out)
{
    (void)state;
    return rotate(0, p, positions, in, out);
}

static int py_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                       const rc_tensor *grad_out, rc_tensor *grad_in)
{
    (void)state;
    return rotate(1, p, positions, grad_out, grad_in);
}

typedef struct cos_sin_out { void *cos, *sin; size_t bytes; } cos_sin_out;

static int sink_cos_sin(const char *data, Py_ssize_t n, void *arg)
{
    cos_sin_out *o = arg;
    if ((size_t)n != 2 * o->bytes)
        return fail(RC_ERROR, "the bridge returned the wrong number of bytes");
    memcpy(o->cos, data, o->bytes);
    memcpy(o->sin, data + o->bytes, o->bytes);
    return RC_OK;
}

static int py_cos_sin(void *state, const rc_rope_params *p, const int64_t *positions, int64_t n,
                      rc_dtype dtype, void *cos, void *sin)
{
    (void)state;
    PyObject *c = candidate();
    if (!c)
        return RC_ERROR;
    cos_sin_out o = { cos, sin, (size_t)n * (size_t)(p->rotary_dim / 2) * dtype_size(dtype) };
    PyObject *pd = params_dict(p);
    PyObject *pos = PyBytes_FromStringAndSize((const char *)positions, (Py_ssize_t)((size_t)n * sizeof *positions));
    if (!pd || !pos) {
        Py_XDECREF(pd);
        Py_XDECREF(pos);
        return take_result(NULL, NULL, NULL);
    }
    PyObject *res = PyObject_CallMethod(c, "cos_sin", "NiNL", pd, (int)dtype, pos, (long long)n);
    return take_result(res, sink_cos_sin, &o);
}

/* backward and cos_sin are always offered: a candidate without
 * fn.backward or fn.cos_sin declines those calls (a skip), since the table
 * is read before the candidate is imported. */
static rc_adapter g_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "python",
    .init = py_init,
    .fini = py_fini,
    .supports = py_supports,
    .apply = py_apply,
    .backward = py_backward,
    .cos_sin = py_cos_sin,
    .last_error = py_last_error,
};

/* The harness calls this when it loads the adapter (in a probe child
 * first, under a time limit): start the interpreter and check that the
 * candidate can be found, but leave the import for later (py_embed.h).
 * A candidate that cannot be found is a load error: one line on stderr,
 * and no table. */
const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void)
{
    char err[512];
    if (rcpy_boot(err, sizeof err) != 0) {
        fprintf(stderr, "librope_python: %s\n", err);
        return NULL;
    }
    g_adapter.version = rcpy_version();
    return &g_adapter;
}
