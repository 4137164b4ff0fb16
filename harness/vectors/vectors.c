/* The vector file format: a deterministic writer (one row per line, so a
 * diff names the row) and a strict reader.  Floats are bit-pattern strings
 * because JSON numbers do not round-trip doubles through cJSON. */
#include "vectors.h"
#include "rope_mrope.h"
#include "dtype.h"
#include "report.h"
#include "fileio.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ------------------------------------------------------------- */

static void put_bits(void *data, rc_dtype t, size_t i, uint64_t b)
{
    switch (rc_dtype_size(t)) {
    case 8: ((uint64_t *)data)[i] = b; break;
    case 4: ((uint32_t *)data)[i] = (uint32_t)b; break;
    default: ((uint16_t *)data)[i] = (uint16_t)b; break;
    }
}

/* The value of a bit pattern, through memcpy: reading a uint64_t object
 * as a double is undefined, and an optimising build does break it. */
static double bits_value(uint64_t b, rc_dtype t)
{
    if (t == RC_F64) {
        double d;
        memcpy(&d, &b, sizeof d);
        return d;
    }
    if (t == RC_F32) {
        uint32_t u = (uint32_t)b;
        float f;
        memcpy(&f, &u, sizeof f);
        return (double)f;
    }
    uint16_t h = (uint16_t)b;
    return rc_load(&h, t, 0);
}

const char *rc_vec_value_str(uint64_t bits, rc_dtype t, int human, char *buf, size_t n)
{
    int digits = (int)(2 * rc_dtype_size(t));
    if (!human) {
        snprintf(buf, n, "0x%0*" PRIx64, digits, bits);
        return buf;
    }
    char h[RC_FMT_LEN];
    snprintf(buf, n, "0x%0*" PRIx64 " %s", digits, bits, rc_fmt_hex(bits_value(bits, t), h, sizeof h));
    return buf;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int same_double(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

int rc_vec_value_parse(const char *s, rc_dtype t, int bits_only, uint64_t *bits, char *err, size_t errlen)
{
    size_t digits = 2 * rc_dtype_size(t), i = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        while (i < digits && is_hex(s[2 + i]))
            i++;
    if (i == digits && (s[2 + i] == '\0' || s[2 + i] == ' ')) {
        char hex[20];
        memcpy(hex, s + 2, digits);
        hex[digits] = '\0';
        *bits = strtoull(hex, NULL, 16);
        if (s[2 + i] == ' ') {
            double v;
            if (rc_fmt_parse_double(s + 3 + i, &v) != 0 || !same_double(v, bits_value(*bits, t))) {
                snprintf(err, errlen, "'%.60s': the number after the bits does not equal them", s);
                return -1;
            }
        }
        return 0;
    }
    double v;
    if (bits_only) {
        snprintf(err, errlen, "'%.60s' is not a %s bit pattern (0x and %zu hex digits)", s, rc_dtype_name(t),
                 digits);
        return -1;
    }
    if (rc_fmt_parse_double(s, &v) != 0) {
        snprintf(err, errlen, "'%.60s' is neither a %s bit pattern (0x and %zu hex digits) nor a number",
                 s, rc_dtype_name(t), digits);
        return -1;
    }
    /* each dtype through an object of its own type (no type punning) */
    double d;
    float f;
    uint16_t h;
    void *obj = t == RC_F64 ? (void *)&d : t == RC_F32 ? (void *)&f : (void *)&h;
    rc_store(obj, t, 0, v);
    if (!same_double(rc_load(obj, t, 0), v)) {
        snprintf(err, errlen, "'%.60s' is not exactly representable in %s", s, rc_dtype_name(t));
        return -1;
    }
    *bits = rc_load_bits(obj, t, 0);
    return 0;
}

/* ---- writer ------------------------------------------------------------- */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_put(sbuf *b, const char *fmt, ...)
{
    if (b->oom)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->oom = 1;
            return;
        }
        if (b->p && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) {
            b->oom = 1;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
}

/* JSON string body: the notes are ASCII text we write ourselves. */
static void sb_str(sbuf *b, const char *s)
{
    sb_put(b, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_put(b, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            sb_put(b, "\\u%04x", (unsigned)(unsigned char)*s);
        else
            sb_put(b, "%c", *s);
    }
    sb_put(b, "\"");
}

static void sb_row(sbuf *b, const void *data, rc_dtype t, size_t off, size_t n, int human)
{
    char v[64];
    sb_put(b, "[");
    for (size_t i = 0; i < n; i++)
        sb_put(b, "%s\"%s\"", i ? ", " : "",
               rc_vec_value_str(rc_load_bits(data, t, off + i), t, human, v, sizeof v));
    sb_put(b, "]");
}

static void sb_rows(sbuf *b, const char *key, const void *data, rc_dtype t, int64_t rows, size_t width,
                    int last)
{
    sb_put(b, "      \"%s\": [\n", key);
    for (int64_t r = 0; r < rows; r++) {
        sb_put(b, "        ");
        sb_row(b, data, t, (size_t)r * width, width, 0);
        sb_put(b, r + 1 < rows ? ",\n" : "\n");
    }
    sb_put(b, "      ]%s\n", last ? "" : ",");
}

static void format_case(sbuf *b, const rc_vec_file *f, const rc_vec_case *c)
{
    const rc_rope_params *p = &c->cfg.params;
    size_t hd = (size_t)p->head_dim, half = (size_t)(p->rotary_dim / 2);
    char v[64];
    sb_put(b, "    {\n      \"name\": ");
    sb_str(b, c->name);
    sb_put(b, ",\n      \"note\": ");
    sb_str(b, c->note);
    cJSON *pj = rc_params_to_json(p);
    char *ps = pj ? cJSON_PrintUnformatted(pj) : NULL;
    cJSON_Delete(pj);
    if (!ps) {
        b->oom = 1;
        return;
    }
    sb_put(b, ",\n      \"params\": %s,\n", ps);
    free(ps);
    uint64_t mb;
    memcpy(&mb, &c->magnitude, sizeof mb);
    sb_put(b, "      \"magnitude\": \"%s\",\n", rc_vec_value_str(mb, RC_F64, 1, v, sizeof v));
    sb_put(b, "      \"inv_freq\": ");
    sb_row(b, c->inv_freq, RC_F64, 0, half, 1);
    /* M-RoPE: one list per axis, [[T...], [H...], [W...]] */
    const int axes = rc_mrope_axes(&c->cfg.params);
    sb_put(b, ",\n      \"positions\": [");
    for (int a = 0; a < axes; a++) {
        sb_put(b, "%s", axes == 1 ? "" : a ? "], [" : "[");
        for (int64_t t = 0; t < c->n_tokens; t++)
            sb_put(b, "%s%" PRId64, t ? ", " : "", c->positions[a * c->n_tokens + t]);
    }
    if (axes > 1)
        sb_put(b, "]");
    sb_put(b, "],\n");
    sb_rows(b, "inputs", c->in, f->dtype, c->n_tokens, hd, 0);
    sb_rows(b, "expected", c->expected, f->dtype, c->n_tokens, hd, 0);
    if (f->dtype != RC_F64)
        sb_rows(b, "expected_f64", c->exact, RC_F64, c->n_tokens, hd, 0);
    sb_rows(b, "cos", c->cos, f->dtype, c->n_tokens, half, 0);
    sb_rows(b, "sin", c->sin, f->dtype, c->n_tokens, half, 1);
    sb_put(b, "    }");
}

char *rc_vec_format(const rc_vec_file *f)
{
    sbuf b = { 0 };
    sb_put(&b, "{\n  \"rope_conform_vectors\": %d,\n  \"generator_version\": %d,\n  \"name\": ",
           RC_VEC_FORMAT, RC_VEC_GENERATOR_VERSION);
    sb_str(&b, f->name);
    sb_put(&b, ",\n  \"dtype\": \"%s\",\n  \"seed\": %" PRIu64 ",\n  \"cases\": [\n",
           rc_dtype_name(f->dtype), f->seed);
    for (size_t i = 0; i < f->n_cases; i++) {
        format_case(&b, f, &f->cases[i]);
        sb_put(&b, i + 1 < f->n_cases ? ",\n" : "\n");
    }
    sb_put(&b, "  ]\n}\n");
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

void rc_vec_file_free(rc_vec_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_cases; i++) {
        rc_vec_case *c = &f->cases[i];
        free(c->positions);
        free(c->in);
        free(c->expected);
        free(c->exact);
        free(c->cos);
        free(c->sin);
        free(c->inv_freq);
    }
    free(f->cases);
    memset(f, 0, sizeof *f);
}

/* ---- reader ------------------------------------------------------------- */

typedef struct rdctx {
    const char *source;
    char *err;
    size_t errlen;
    char where[96];            /* case N "name" */
} rdctx;

static int fail(rdctx *x, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(x->err, x->errlen, "%s: %s%s%s", x->source, x->where, x->where[0] ? ": " : "", msg);
    return -1;
}

static const cJSON *item(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static int get_int(rdctx *x, const cJSON *o, const char *key, int64_t lo, int64_t hi, int64_t *out)
{
    const cJSON *j = item(o, key);
    if (!cJSON_IsNumber(j))
        return fail(x, "\"%s\" missing or not a number", key);
    double d = j->valuedouble;
    if (d != floor(d) || d < (double)lo || d > (double)hi)
        return fail(x, "\"%s\" must be an integer in %" PRId64 "..%" PRId64, key, lo, hi);
    *out = (int64_t)d;
    return 0;
}

static int get_str(rdctx *x, const cJSON *o, const char *key, const char **out)
{
    const cJSON *j = item(o, key);
    if (!cJSON_IsString(j))
        return fail(x, "\"%s\" missing or not a string", key);
    *out = j->valuestring;
    return 0;
}

/* A flat row of n values; row < 0 means "not a row of a table". */
static int read_row(rdctx *x, const cJSON *a, const char *key, int64_t row, rc_dtype t, void *dst,
                    size_t off, size_t n)
{
    char rw[32] = "";
    if (row >= 0)
        snprintf(rw, sizeof rw, " row %" PRId64, row);
    if (!cJSON_IsArray(a) || (size_t)cJSON_GetArraySize(a) != n)
        return fail(x, "\"%s\"%s must be an array of %zu strings", key, rw, n);
    size_t i = 0;
    for (const cJSON *e = a->child; e; e = e->next, i++) {
        char why[160];
        uint64_t bits;
        if (!cJSON_IsString(e))
            return fail(x, "\"%s\"%s element %zu is not a string", key, rw, i);
        if (rc_vec_value_parse(e->valuestring, t, 1, &bits, why, sizeof why) != 0)
            return fail(x, "\"%s\"%s element %zu: %s", key, rw, i, why);
        put_bits(dst, t, off + i, bits);
    }
    return 0;
}

static int read_table(rdctx *x, const cJSON *c, const char *key, rc_dtype t, int64_t rows, size_t width,
                      void **dst)
{
    const cJSON *a = item(c, key);
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) != rows)
        return fail(x, "\"%s\" must be an array of %" PRId64 " rows", key, rows);
    *dst = calloc((size_t)rows * width + 1, rc_dtype_size(t));
    if (!*dst)
        return fail(x, "out of memory");
    int64_t r = 0;
    for (const cJSON *e = a->child; e; e = e->next, r++)
        if (read_row(x, e, key, r, t, *dst, (size_t)r * width, width) != 0)
            return -1;
    return 0;
}

/* "positions": integers, or for M-RoPE params one array per axis, all of
 * one length.  The count per axis, or -1 with a message. */
static int read_positions(rdctx *x, const cJSON *pa, int axes, rc_vec_case *out)
{
    const cJSON *row = axes > 1 && cJSON_IsArray(pa) ? pa->child : pa;
    int n = cJSON_IsArray(row) ? cJSON_GetArraySize(row) : 0;
    if (axes > 1 && (n <= 0 || cJSON_GetArraySize(pa) != axes))
        return fail(x, "\"positions\" must be %d non-empty arrays of integers (T, H, W)", axes);
    if (n <= 0)
        return fail(x, "\"positions\" must be a non-empty array of integers");
    out->n_tokens = n;
    out->positions = calloc((size_t)(axes * n), sizeof(int64_t));
    if (!out->positions)
        return fail(x, "out of memory");
    for (int a = 0; a < axes; a++, row = row->next) {
        if (!cJSON_IsArray(row) || cJSON_GetArraySize(row) != n)
            return fail(x, "\"positions\" axis %d must have %d integers", a, n);
        int i = 0;
        for (const cJSON *e = row->child; e; e = e->next, i++) {
            double d = cJSON_IsNumber(e) ? e->valuedouble : NAN;
            if (!(d == floor(d)) || fabs(d) > 0x1p53)
                return fail(x, "\"positions\" element %d is not an integer of at most 2^53", i);
            out->positions[a * n + i] = (int64_t)d;
        }
    }
    return n;
}

static int read_case(rdctx *x, const cJSON *c, rc_dtype dt, rc_vec_case *out)
{
    const char *s = NULL;
    if (!cJSON_IsObject(c))
        return fail(x, "not an object");
    if (get_str(x, c, "name", &s) != 0)
        return -1;
    snprintf(out->name, sizeof out->name, "%s", s);
    snprintf(x->where + strlen(x->where), sizeof x->where - strlen(x->where), " \"%.40s\"", s);
    if (get_str(x, c, "note", &s) != 0)
        return -1;
    snprintf(out->note, sizeof out->note, "%s", s);
    const cJSON *pj = item(c, "params");
    char *ptext = cJSON_IsObject(pj) ? cJSON_PrintUnformatted(pj) : NULL;
    char perr[256];
    if (!ptext)
        return fail(x, "\"params\" missing or not an object");
    int prc = rc_config_parse(ptext, "params", &out->cfg, perr, sizeof perr);
    free(ptext);
    if (prc != 0)
        return fail(x, "%s", perr);
    const rc_rope_params *p = &out->cfg.params;
    if (p->rotary_dim < 2 || p->rotary_dim > p->head_dim || p->rotary_dim % 2 || p->head_dim > 4096)
        return fail(x, "\"params\": rotary_dim %d does not fit head_dim %d", p->rotary_dim, p->head_dim);
    size_t hd = (size_t)p->head_dim, half = (size_t)(p->rotary_dim / 2);

    uint64_t mb;
    if (get_str(x, c, "magnitude", &s) != 0)
        return -1;
    if (rc_vec_value_parse(s, RC_F64, 1, &mb, perr, sizeof perr) != 0)
        return fail(x, "\"magnitude\": %s", perr);
    memcpy(&out->magnitude, &mb, sizeof mb);
    out->inv_freq = calloc(half, sizeof(double));
    if (!out->inv_freq)
        return fail(x, "out of memory");
    if (read_row(x, item(c, "inv_freq"), "inv_freq", -1, RC_F64, out->inv_freq, 0, half) != 0)
        return -1;

    int n = read_positions(x, item(c, "positions"), rc_mrope_axes(&out->cfg.params), out);
    if (n <= 0)
        return -1;
    if (read_table(x, c, "inputs", dt, n, hd, &out->in) != 0 ||
        read_table(x, c, "expected", dt, n, hd, &out->expected) != 0)
        return -1;
    if (dt == RC_F64) {
        /* binary64 files: the rounded golden is the exact one */
        out->exact = malloc((size_t)n * hd * sizeof(double));
        if (!out->exact)
            return fail(x, "out of memory");
        memcpy(out->exact, out->expected, (size_t)n * hd * sizeof(double));
        if (item(c, "expected_f64"))
            return fail(x, "\"expected_f64\" is only for narrower dtypes");
    } else if (read_table(x, c, "expected_f64", RC_F64, n, hd, (void **)&out->exact) != 0) {
        return -1;
    }
    if (read_table(x, c, "cos", dt, n, half, &out->cos) != 0 ||
        read_table(x, c, "sin", dt, n, half, &out->sin) != 0)
        return -1;
    return 0;
}

int rc_vec_parse(const char *text, const char *source, rc_vec_file *out, char *err, size_t errlen)
{
    rdctx x = { source, err, errlen, "" };
    memset(out, 0, sizeof *out);
    const char *at = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &at, 1);
    if (!root) {
        size_t off = at && at >= text ? (size_t)(at - text) : 0;
        return fail(&x, "not valid JSON (near byte %zu)", off);
    }
    int rc = -1;
    int64_t v = 0; /* set by get_int on success; 0 quiets -Wmaybe-uninitialized */
    const char *s = NULL;
    if (!cJSON_IsObject(root)) {
        fail(&x, "not a JSON object");
        goto done;
    }
    if (get_int(&x, root, "rope_conform_vectors", 0, 1000, &v) != 0)
        goto done;
    if (v != RC_VEC_FORMAT) {
        fail(&x, "\"rope_conform_vectors\" is %" PRId64 ", this reader knows %d", v, RC_VEC_FORMAT);
        goto done;
    }
    if (get_str(&x, root, "name", &s) != 0)
        goto done;
    snprintf(out->name, sizeof out->name, "%s", s);
    if (get_str(&x, root, "dtype", &s) != 0)
        goto done;
    if (rc_dtype_parse(s, &out->dtype) != 0) {
        fail(&x, "unknown \"dtype\" '%.20s'", s);
        goto done;
    }
    if (get_int(&x, root, "seed", 0, (int64_t)1 << 53, &v) != 0)
        goto done;
    out->seed = (uint64_t)v;
    const cJSON *cs = item(root, "cases");
    int n = cJSON_IsArray(cs) ? cJSON_GetArraySize(cs) : 0;
    if (n <= 0) {
        fail(&x, "\"cases\" must be a non-empty array");
        goto done;
    }
    out->cases = calloc((size_t)n, sizeof *out->cases);
    if (!out->cases) {
        fail(&x, "out of memory");
        goto done;
    }
    for (const cJSON *c = cs->child; c; c = c->next) {
        rc_vec_case *vc = &out->cases[out->n_cases++];
        snprintf(x.where, sizeof x.where, "case %zu", out->n_cases - 1);
        if (read_case(&x, c, out->dtype, vc) != 0)
            goto done;
        rc_config_rebind(&vc->cfg);
    }
    rc = 0;
done:
    cJSON_Delete(root);
    if (rc != 0)
        rc_vec_file_free(out);
    return rc;
}

char *rc_vec_read_text(const char *path, size_t *len, char *err, size_t errlen)
{
    return rc_read_file(path, RC_VECTORS_MAX_BYTES, len, err, errlen);
}

int rc_vec_load(const char *path, rc_vec_file *out, char *err, size_t errlen)
{
    char *text = rc_vec_read_text(path, NULL, err, errlen);
    if (!text)
        return -1;
    int rc = rc_vec_parse(text, path, out, err, errlen);
    free(text);
    return rc;
}
