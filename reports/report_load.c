/* Reading a JSON report back, bit-exact, for --baseline and shard merges. */
#include "report.h"
#include "escape.h"
#include "fileio.h"
#include "rope_mrope.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

typedef struct rd {
    const char *source;
    char *err;
    size_t errlen;
    const char *where;     /* "cases[12]" etc., for messages */
    int failed;
} rd;

static void bad(rd *d, const char *key, const char *what)
{
    if (d->failed)
        return;   /* keep the first error: it is the cause */
    d->failed = 1;
    if (d->err && d->errlen) {
        snprintf(d->err, d->errlen, "%s: %s%s%s: %s", d->source, d->where,
                 d->where[0] ? "." : "", key, what);
        rc_escape_inplace(d->err, d->errlen);   /* the file name is untrusted */
    }
}

static const cJSON *need(rd *d, const cJSON *obj, const char *key)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!j)
        bad(d, key, "missing");
    return j;
}

static void get_str(rd *d, const cJSON *obj, const char *key, char *buf, size_t n)
{
    const cJSON *j = need(d, obj, key);
    if (!j)
        return;
    if (!cJSON_IsString(j)) {
        bad(d, key, "not a string");
        return;
    }
    if (strlen(j->valuestring) >= n) {
        bad(d, key, "too long");
        return;
    }
    strcpy(buf, j->valuestring);
}

/* A string that may be null; sets *set when present. */
static void get_opt_str(rd *d, const cJSON *obj, const char *key, char *buf, size_t n, int *set)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(obj, key);
    *set = 0;
    if (!j || cJSON_IsNull(j))
        return;
    get_str(d, obj, key, buf, n);
    *set = !d->failed;
}

/* A float: {"hex": ..., "dec": ...} (hex is authoritative), or a bare
 * JSON number from a hand-written baseline. */
static double get_flt(rd *d, const cJSON *obj, const char *key)
{
    const cJSON *j = need(d, obj, key);
    double v = 0;
    if (!j)
        return 0;
    if (cJSON_IsNumber(j))
        return j->valuedouble;
    const cJSON *h = cJSON_IsObject(j) ? cJSON_GetObjectItemCaseSensitive(j, "hex") : j;
    if (!cJSON_IsString(h) || rc_fmt_parse_double(h->valuestring, &v) != 0)
        bad(d, key, "not a float ({\"hex\": \"%a\", \"dec\": ...})");
    return v;
}

static int64_t get_i64(rd *d, const cJSON *obj, const char *key)
{
    const cJSON *j = need(d, obj, key);
    if (!j)
        return 0;
    if (cJSON_IsNumber(j)) {
        double v = j->valuedouble;
        if (v != floor(v) || fabs(v) > 9007199254740992.0) {
            bad(d, key, "not an exact integer");
            return 0;
        }
        return (int64_t)v;
    }
    if (cJSON_IsString(j)) {
        char *end;
        errno = 0;
        long long v = strtoll(j->valuestring, &end, 10);
        if (end != j->valuestring && *end == '\0' && errno == 0)
            return (int64_t)v;
    }
    bad(d, key, "not an integer");
    return 0;
}

static void load_pairing(rd *d, const cJSON *o, const char *key, rc_pairing *out)
{
    char s[32];
    get_str(d, o, key, s, sizeof s);
    if (!d->failed && rc_report_pairing_parse(s, out) != 0)
        bad(d, key, "unknown value");
}

static void load_type(rd *d, const cJSON *o, const char *key, rc_rope_type *out)
{
    char s[32];
    get_str(d, o, key, s, sizeof s);
    if (!d->failed && rc_report_rope_type_parse(s, out) != 0)
        bad(d, key, "unknown value");
}

/* ABI 1.1 fields: absent in reports written before them, then 0. */
static void load_opt32(rd *d, const cJSON *o, const char *key, int32_t *out)
{
    if (cJSON_GetObjectItemCaseSensitive(o, key))
        *out = (int32_t)get_i64(d, o, key);
}

static void load_sections(rd *d, const cJSON *o, const char *key, int32_t *out)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!a)
        return;
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) != RC_MROPE_MAX_AXES) {
        bad(d, key, "not an array of 3 integers");
        return;
    }
    for (int i = 0; i < RC_MROPE_MAX_AXES; i++) {
        const cJSON *e = cJSON_GetArrayItem(a, i);
        if (!cJSON_IsNumber(e) || e->valuedouble != (double)(int32_t)e->valuedouble) {
            bad(d, key, "not an array of 3 integers");
            return;
        }
        out[i] = (int32_t)e->valuedouble;
    }
}

static void load_layout(rd *d, const cJSON *o, const char *key, rc_mrope_layout *out)
{
    char s[32];
    if (!cJSON_GetObjectItemCaseSensitive(o, key))
        return;
    get_str(d, o, key, s, sizeof s);
    if (!d->failed && rc_mrope_layout_parse(s, out) != 0)
        bad(d, key, "unknown value");
}

/* Every field of params_fields.def but the factor arrays. */
static void load_params(rd *d, const cJSON *o, rc_rope_params *p)
{
    memset(p, 0, sizeof *p);
    p->struct_size = sizeof *p;
#define RC_PARAM_LOAD_I32(m, key) p->m = (int32_t)get_i64(d, o, key)
#define RC_PARAM_LOAD_I64(m, key) p->m = get_i64(d, o, key)
#define RC_PARAM_LOAD_FLAG(m, key) p->m = (int32_t)get_i64(d, o, key)
#define RC_PARAM_LOAD_F64(m, key) p->m = get_flt(d, o, key)
#define RC_PARAM_LOAD_PAIRING(m, key) load_pairing(d, o, key, &p->m)
#define RC_PARAM_LOAD_TYPE(m, key) load_type(d, o, key, &p->m)
#define RC_PARAM_LOAD_FACTORS(m, key) (void)0
#define RC_PARAM_LOAD_OPT32(m, key) load_opt32(d, o, key, &p->m)
#define RC_PARAM_LOAD_SECTIONS(m, key) load_sections(d, o, key, p->m)
#define RC_PARAM_LOAD_LAYOUT(m, key) load_layout(d, o, key, &p->m)
#define RC_PARAM(kind, m, key) RC_PARAM_LOAD_##kind(m, key);
#include "params_fields.def"
#undef RC_PARAM
}

static void get_series(rd *d, const cJSON *obj, const char *key, float *out, size_t n)
{
    const cJSON *j = need(d, obj, key);
    if (j && (!cJSON_IsString(j) || rc_series_parse(j->valuestring, out, n) != 0)) {
        char what[64];
        snprintf(what, sizeof what, "not a series of %zu values", n);
        bad(d, key, what);
    }
}

/* The plot data: optional (reports written before it have none), but
 * complete when pair_count is there; the heat map only where kept. */
static void load_plot(rd *d, const cJSON *o, rc_metrics *m)
{
    rc_metrics_plot_clear(m);
    if (!cJSON_GetObjectItemCaseSensitive(o, "pair_count"))
        return;
    int64_t pc = get_i64(d, o, "pair_count");
    if (!d->failed && (pc < 1 || pc > (INT64_C(1) << 30))) {
        bad(d, "pair_count", "out of range");
        return;
    }
    int nb = rc_pair_bands((int)pc);
    get_series(d, o, "bucket_angle", m->bucket_angle, RC_N_BUCKETS);
    get_series(d, o, "bucket_mag", m->bucket_mag, RC_N_BUCKETS);
    get_series(d, o, "band_max", m->band_max, (size_t)nb);
    const cJSON *heat = cJSON_GetObjectItemCaseSensitive(o, "heat");
    if (d->failed)
        return;
    m->pair_count = (int32_t)pc;
    m->n_bands = nb;
    if (!heat)
        return;
    if (!cJSON_IsArray(heat) || cJSON_GetArraySize(heat) != nb) {
        bad(d, "heat", "not an array of one series per pair band");
        return;
    }
    float *h = rc_plot_store_alloc((size_t)nb * RC_N_BUCKETS);
    if (!h) {
        bad(d, "heat", "out of memory");
        return;
    }
    for (int b = 0; b < nb && !d->failed; b++) {
        const cJSON *row = cJSON_GetArrayItem(heat, b);
        if (!cJSON_IsString(row) || rc_series_parse(row->valuestring, h + (size_t)b * RC_N_BUCKETS,
                                                    RC_N_BUCKETS) != 0)
            bad(d, "heat", "row not a series of " "33" " values");
    }
    m->heat = d->failed ? NULL : h;
}

static void load_metrics(rd *d, const cJSON *o, rc_metrics *m)
{
    m->n_pairs = get_i64(d, o, "n_pairs");
    m->max_err = get_flt(d, o, "max_err");
    m->max_err_raw = get_flt(d, o, "max_err_raw");
    m->max_angle_err = get_flt(d, o, "max_angle_err");
    m->max_mag_err = get_flt(d, o, "max_mag_err");
    m->max_ulp = get_flt(d, o, "max_ulp");
    m->mean_radial = get_flt(d, o, "mean_radial");
    const cJSON *b = need(d, o, "bucket_max");
    if (b && (!cJSON_IsArray(b) || cJSON_GetArraySize(b) != RC_N_BUCKETS))
        bad(d, "bucket_max", "not an array of " "33" " floats");
    for (int i = 0; b && !d->failed && i < RC_N_BUCKETS; i++) {
        double v = 0;
        const cJSON *e = cJSON_GetArrayItem(b, i);
        const cJSON *h = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "hex") : e;
        if (cJSON_IsNumber(h))
            v = h->valuedouble;
        else if (!cJSON_IsString(h) || rc_fmt_parse_double(h->valuestring, &v) != 0)
            bad(d, "bucket_max", "element not a float");
        m->bucket_max[i] = v;
    }
    load_plot(d, o, m);
    const cJSON *w = need(d, o, "worst");
    if (!w || d->failed)
        return;
    rc_worst *x = &m->worst;
    x->position = get_i64(d, w, "position");
    x->token = get_i64(d, w, "token");
    x->head = get_i64(d, w, "head");
    x->pair = get_i64(d, w, "pair");
    get_str(d, w, "in0", x->in0, sizeof x->in0);
    get_str(d, w, "in1", x->in1, sizeof x->in1);
    get_str(d, w, "expected0", x->expected0, sizeof x->expected0);
    get_str(d, w, "expected1", x->expected1, sizeof x->expected1);
    get_str(d, w, "actual0", x->actual0, sizeof x->actual0);
    get_str(d, w, "actual1", x->actual1, sizeof x->actual1);
}

/* The case's diagnosis: optional (null, or absent in older reports). */
static void load_diag(rd *d, const cJSON *o, rc_case_diag *g)
{
    char conf[16];
    if (!cJSON_IsObject(o))
        return;
    get_str(d, o, "class", g->cls, sizeof g->cls);
    get_str(d, o, "confidence", conf, sizeof conf);
    if (!d->failed && rc_confidence_parse(conf, &g->confidence) != 0)
        bad(d, "confidence", "unknown value");
    get_str(d, o, "evidence", g->evidence, sizeof g->evidence);
    get_str(d, o, "entry", g->entry, sizeof g->entry);
    g->entry_match = get_flt(d, o, "entry_match");
}

static void load_case(rd *d, const cJSON *o, rc_case_result *c)
{
    c->ordinal = cJSON_GetObjectItemCaseSensitive(o, "ordinal") ? get_i64(d, o, "ordinal") : -1;
    char s[32];
    if (!cJSON_IsObject(o)) {
        bad(d, "", "not an object");
        return;
    }
    get_str(d, o, "suite", c->suite, sizeof c->suite);
    get_str(d, o, "name", c->name, sizeof c->name);
    get_str(d, o, "status", s, sizeof s);
    if (!d->failed && rc_report_status_parse(s, &c->status) != 0)
        bad(d, "status", "unknown value");
    get_str(d, o, "dtype", s, sizeof s);
    if (!d->failed && rc_report_dtype_parse(s, &c->dtype) != 0)
        bad(d, "dtype", "unknown value");
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "params");
    if (cJSON_IsObject(p))
        load_params(d, p, &c->params);   /* optional: hand-written baselines */
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "metrics");
    if (cJSON_IsObject(m)) {
        c->has_metrics = 1;
        load_metrics(d, m, &c->metrics);
    }
    get_str(d, o, "message", c->message, sizeof c->message);
    const cJSON *cause = cJSON_GetObjectItemCaseSensitive(o, "cause");
    if (cause)
        get_str(d, o, "cause", c->cause, sizeof c->cause);
    if (cJSON_GetObjectItemCaseSensitive(o, "candidate_output")) {
        get_str(d, o, "candidate_output", c->output, sizeof c->output);
        c->output_bytes = (uint64_t)get_flt(d, o, "candidate_output_bytes");
    }
    load_diag(d, cJSON_GetObjectItemCaseSensitive(o, "diagnosis"), &c->diag);
    if (cJSON_GetObjectItemCaseSensitive(o, "seconds"))
        c->seconds = get_flt(d, o, "seconds");
}

static void load_info(rd *d, const cJSON *root, rc_run_info *info, rc_report_meta *meta)
{
    rc_report_meta tmp;
    rc_report_meta *mm = meta ? meta : &tmp;
    int set;
    memset(mm, 0, sizeof *mm);
    const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "tool");
    const cJSON *cand = cJSON_GetObjectItemCaseSensitive(root, "candidate");
    const cJSON *run = cJSON_GetObjectItemCaseSensitive(root, "run");
    const cJSON *env = cJSON_GetObjectItemCaseSensitive(run, "environment");

    /* run is optional (hand-written baselines); so is each key in it */
    rc_run_info ni;
    memset(&ni, 0, sizeof ni);
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(run, "seed");
    if (seed) {
        char *end;
        errno = 0;
        unsigned long long v = cJSON_IsString(seed) ? strtoull(seed->valuestring, &end, 10) : 0;
        if (!cJSON_IsString(seed) || end == seed->valuestring || *end || errno)
            bad(d, "run.seed", "not a decimal string");
        ni.seed = (uint64_t)v;
    }
    if (cJSON_GetObjectItemCaseSensitive(run, "level"))
        ni.level = (int)get_i64(d, run, "level");
    if (cJSON_GetObjectItemCaseSensitive(run, "wall_seconds"))
        ni.wall_seconds = get_flt(d, run, "wall_seconds");
    const cJSON *workers = cJSON_GetObjectItemCaseSensitive(run, "workers");
    if (workers) {
        ni.worker_starts = get_i64(d, workers, "started");
        ni.worker_inits = get_i64(d, workers, "inits");
    }
    const cJSON *shard = cJSON_GetObjectItemCaseSensitive(run, "shard");
    if (shard) {
        ni.shard_index = (int)get_i64(d, shard, "index");
        ni.shard_count = (int)get_i64(d, shard, "count");
        get_str(d, shard, "run_id", ni.run_id, sizeof ni.run_id);
    }
    if (d->failed)
        return;

/* Each string goes to its meta buffer; info points at it when given. */
#define OPT(obj, key, field) do { \
        if (obj) get_opt_str(d, obj, key, mm->field, sizeof mm->field, &set); else set = 0; \
        if (meta && set) ni.field = mm->field; } while (0)
    OPT(cand, "path", candidate_path);
    OPT(cand, "name", candidate_name);
    OPT(cand, "version", candidate_version);
    OPT(run, "profile", profile);
    OPT(run, "config_path", config_path);
    OPT(run, "started_utc", started_utc);
    OPT(tool, "version", tool_version);
    OPT(env, "mpfr_version", mpfr_version);
    OPT(env, "gmp_version", gmp_version);
    OPT(env, "cjson_version", cjson_version);
    OPT(env, "cpu", cpu);
#undef OPT
    if (!d->failed)
        *info = ni;
}

int rc_report_parse_json(const char *text, const char *source, rc_results *out,
                         rc_report_meta *meta, char *err, size_t errlen)
{
    rd d = {source ? source : "report", err, errlen, "", 0};
    cJSON *root = cJSON_Parse(text);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        if (err && errlen) {
            snprintf(err, errlen, "%s: not valid JSON (at byte %ld)", d.source,
                     at ? (long)(at - text) : 0L);
            rc_escape_inplace(err, errlen);
        }
        return -1;
    }
    size_t n_before = out->n_cases;
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, RC_REPORT_SCHEMA) != 0) {
        bad(&d, "schema", "not a " RC_REPORT_SCHEMA " document");
    } else if (!cJSON_IsNumber(ver) || ver->valuedouble != RC_REPORT_SCHEMA_VERSION) {
        char msg[96];
        snprintf(msg, sizeof msg, "unsupported report schema version %g (this build reads %d)",
                 cJSON_IsNumber(ver) ? ver->valuedouble : 0.0, RC_REPORT_SCHEMA_VERSION);
        bad(&d, "version", msg);
    }
    rc_run_info info = out->info;
    if (!d.failed)
        load_info(&d, root, &info, meta);

    const cJSON *cases = d.failed ? NULL : need(&d, root, "cases");
    if (cases && !cJSON_IsArray(cases))
        bad(&d, "cases", "not an array");
    char where[32];
    int i = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        if (d.failed)
            break;
        snprintf(where, sizeof where, "cases[%d]", i++);
        d.where = where;
        rc_case_result *slot = rc_results_add(out);
        if (!slot) {
            bad(&d, "", "out of memory");
            break;
        }
        load_case(&d, c, slot);
    }
    d.where = "";
    const cJSON *fatal = cJSON_GetObjectItemCaseSensitive(root, "fatal");
    char fbuf[sizeof out->fatal] = "";
    if (!d.failed && fatal && !cJSON_IsNull(fatal))
        get_str(&d, root, "fatal", fbuf, sizeof fbuf);
    /* the Diagnosis block (optional): kept from the first report loaded;
     * a merge recomputes it from the cases */
    const cJSON *diag = cJSON_GetObjectItemCaseSensitive(root, "diagnosis"), *l;
    char lines[RC_DIAG_MAX_LINES][RC_DIAG_LINE];
    int n_lines = 0;
    if (!d.failed && diag && !cJSON_IsArray(diag))
        bad(&d, "diagnosis", "not an array of strings");
    const cJSON *arr = d.failed ? NULL : diag;
    cJSON_ArrayForEach(l, arr) {
        if (!cJSON_IsString(l) || n_lines == RC_DIAG_MAX_LINES) {
            bad(&d, "diagnosis", "not an array of at most 10 strings");
            break;
        }
        snprintf(lines[n_lines++], RC_DIAG_LINE, "%s", l->valuestring);
    }
    cJSON_Delete(root);
    if (d.failed) {
        out->n_cases = n_before;
        return -1;
    }
    out->info = info;
    /* a fatal derived from the coverage rule follows from the cases: the
     * merged or compared results derive their own */
    if (!out->fatal[0] && fbuf[0] &&
        strncmp(fbuf, RC_NO_CASE_EXECUTED, strlen(RC_NO_CASE_EXECUTED)) != 0)
        strcpy(out->fatal, fbuf);
    if (out->n_diagnosis == 0) {
        memcpy(out->diagnosis, lines, sizeof lines);
        out->n_diagnosis = n_lines;
    }
    return 0;
}

int rc_report_load_json_ex(const char *path, rc_results *out, rc_report_meta *meta,
                           char *err, size_t errlen)
{
    char *buf = rc_read_file(path, RC_REPORT_MAX_BYTES, NULL, err, errlen);
    if (!buf)
        return -1;
    int rc = rc_report_parse_json(buf, path, out, meta, err, errlen);
    free(buf);
    return rc;
}

int rc_report_load_json(const char *path, rc_results *out, char *err, size_t errlen)
{
    return rc_report_load_json_ex(path, out, NULL, err, errlen);
}
