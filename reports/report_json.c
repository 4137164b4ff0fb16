/* The JSON report, schema "rope-conform-report" version 1
 * (docs/report-schema.md).  Every float is an object {"hex": "%a",
 * "dec": "%.17g"}: both are exact, hex is what the reader parses. */
#include "report.h"
#include "rope_mrope.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

/* Adders return NULL when out of memory; callers check once, at the end,
 * through the failed flag. */
typedef struct jw {
    int failed;
} jw;

static cJSON *chk(jw *w, cJSON *item)
{
    if (!item)
        w->failed = 1;
    return item;
}

static void add(jw *w, cJSON *obj, const char *key, cJSON *item)
{
    if (!item || !obj || !cJSON_AddItemToObject(obj, key, item)) {
        w->failed = 1;
        cJSON_Delete(item);
    }
}

static cJSON *str(jw *w, const char *s)
{
    char *clean = rc_utf8_sanitize(s);   /* JSON must be valid UTF-8 */
    if (!clean)
        return chk(w, NULL);
    cJSON *j = cJSON_CreateString(clean);
    free(clean);
    return chk(w, j);
}

/* A string field that may be absent: null rather than "". */
static cJSON *opt_str(jw *w, const char *s)
{
    return s ? str(w, s) : chk(w, cJSON_CreateNull());
}

static cJSON *flt(jw *w, double v)
{
    char hex[RC_FMT_LEN], dec[RC_FMT_LEN];
    cJSON *o = chk(w, cJSON_CreateObject());
    add(w, o, "hex", str(w, rc_fmt_hex(v, hex, sizeof hex)));
    add(w, o, "dec", str(w, rc_fmt_dec(v, dec, sizeof dec)));
    return o;
}

/* Integers are JSON numbers while a double holds them exactly (|v| <=
 * 2^53), decimal strings beyond; the reader takes both. */
static cJSON *i64(jw *w, int64_t v)
{
    if (v >= -(INT64_C(1) << 53) && v <= (INT64_C(1) << 53))
        return chk(w, cJSON_CreateNumber((double)v));
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    return str(w, buf);
}

#define RC_PARAM_JSON_I32(m, key) add(w, o, key, i64(w, p->m))
#define RC_PARAM_JSON_I64(m, key) add(w, o, key, i64(w, p->m))
#define RC_PARAM_JSON_FLAG(m, key) add(w, o, key, i64(w, p->m))
#define RC_PARAM_JSON_F64(m, key) add(w, o, key, flt(w, p->m))
#define RC_PARAM_JSON_PAIRING(m, key) add(w, o, key, str(w, rc_report_pairing_name(p->m)))
#define RC_PARAM_JSON_TYPE(m, key) add(w, o, key, str(w, rc_report_rope_type_name(p->m)))
#define RC_PARAM_JSON_FACTORS(m, key) (void)0
#define RC_PARAM_JSON_OPT32(m, key) add(w, o, key, i64(w, p->m))
#define RC_PARAM_JSON_SECTIONS(m, key) add(w, o, key, chk(w, cJSON_CreateIntArray(p->m, RC_MROPE_MAX_AXES)))
#define RC_PARAM_JSON_LAYOUT(m, key) add(w, o, key, str(w, rc_mrope_layout_name(p->m)))

/* Every field of params_fields.def but the factor arrays. */
static cJSON *params_json(jw *w, const rc_rope_params *p)
{
    cJSON *o = chk(w, cJSON_CreateObject());
#define RC_PARAM(kind, m, key) RC_PARAM_JSON_##kind(m, key);
#include "params_fields.def"
#undef RC_PARAM
    return o;
}

static cJSON *worst_json(jw *w, const rc_worst *x)
{
    cJSON *o = chk(w, cJSON_CreateObject());
    add(w, o, "position", i64(w, x->position));
    add(w, o, "token", i64(w, x->token));
    add(w, o, "head", i64(w, x->head));
    add(w, o, "pair", i64(w, x->pair));
    add(w, o, "in0", str(w, x->in0));
    add(w, o, "in1", str(w, x->in1));
    add(w, o, "expected0", str(w, x->expected0));
    add(w, o, "expected1", str(w, x->expected1));
    add(w, o, "actual0", str(w, x->actual0));
    add(w, o, "actual1", str(w, x->actual1));
    return o;
}

/* n floats as one compact series string (docs/report-schema.md). */
static cJSON *series(jw *w, const float *v, size_t n)
{
    char *text = rc_series_format(v, n);
    cJSON *j = text ? cJSON_CreateString(text) : NULL;
    free(text);
    return chk(w, j);
}

/* The plot data; the heat map only for FAIL and WARN cases, which the
 * report draws it for (it is the bulk of the data). */
static void plot_json(jw *w, cJSON *o, const rc_metrics *m, rc_status st)
{
    if (m->pair_count <= 0)
        return;
    add(w, o, "pair_count", i64(w, m->pair_count));
    add(w, o, "bucket_angle", series(w, m->bucket_angle, RC_N_BUCKETS));
    add(w, o, "bucket_mag", series(w, m->bucket_mag, RC_N_BUCKETS));
    add(w, o, "band_max", series(w, m->band_max, (size_t)m->n_bands));
    if (!m->heat || (st != RC_STATUS_FAIL && st != RC_STATUS_WARN))
        return;
    cJSON *rows = chk(w, cJSON_CreateArray());
    for (int b = 0; rows && b < m->n_bands; b++) {
        cJSON *row = series(w, m->heat + (size_t)b * RC_N_BUCKETS, RC_N_BUCKETS);
        if (!row || !cJSON_AddItemToArray(rows, row)) {
            w->failed = 1;
            cJSON_Delete(row);
        }
    }
    add(w, o, "heat", rows);
}

static cJSON *metrics_json(jw *w, const rc_metrics *m, rc_status st)
{
    cJSON *o = chk(w, cJSON_CreateObject());
    add(w, o, "n_pairs", i64(w, m->n_pairs));
    add(w, o, "max_err", flt(w, m->max_err));
    add(w, o, "max_err_raw", flt(w, m->max_err_raw));
    add(w, o, "max_angle_err", flt(w, m->max_angle_err));
    add(w, o, "max_mag_err", flt(w, m->max_mag_err));
    add(w, o, "max_ulp", flt(w, m->max_ulp));
    add(w, o, "mean_radial", flt(w, m->mean_radial));
    cJSON *b = chk(w, cJSON_CreateArray());
    for (int i = 0; b && i < RC_N_BUCKETS; i++) {
        cJSON *v = flt(w, m->bucket_max[i]);
        if (!v || !cJSON_AddItemToArray(b, v)) {
            w->failed = 1;
            cJSON_Delete(v);
        }
    }
    add(w, o, "bucket_max", b);
    add(w, o, "worst", worst_json(w, &m->worst));
    plot_json(w, o, m, st);
    return o;
}

/* What diagnosis concluded about the case; null where it said nothing. */
static cJSON *diag_json(jw *w, const rc_case_diag *d)
{
    if (!d->cls[0] && !d->evidence[0])
        return chk(w, cJSON_CreateNull());
    cJSON *o = chk(w, cJSON_CreateObject());
    add(w, o, "class", str(w, d->cls));
    add(w, o, "confidence", str(w, rc_confidence_name(d->confidence)));
    add(w, o, "evidence", str(w, d->evidence));
    add(w, o, "entry", str(w, d->entry));
    add(w, o, "entry_match", flt(w, d->entry_match));
    return o;
}

static cJSON *diagnosis_json(jw *w, const rc_results *r)
{
    cJSON *a = chk(w, cJSON_CreateArray());
    for (int i = 0; a && i < r->n_diagnosis && i < RC_DIAG_MAX_LINES; i++) {
        cJSON *s = str(w, r->diagnosis[i]);
        if (!s || !cJSON_AddItemToArray(a, s)) {
            w->failed = 1;
            cJSON_Delete(s);
        }
    }
    return a;
}

static cJSON *case_json(jw *w, const rc_case_result *c)
{
    cJSON *o = chk(w, cJSON_CreateObject());
    add(w, o, "ordinal", i64(w, c->ordinal));
    add(w, o, "suite", str(w, c->suite));
    add(w, o, "name", str(w, c->name));
    add(w, o, "status", str(w, rc_status_name(c->status)));
    add(w, o, "dtype", str(w, rc_report_dtype_name(c->dtype)));
    add(w, o, "params", params_json(w, &c->params));
    add(w, o, "metrics", c->has_metrics ? metrics_json(w, &c->metrics, c->status)
                                        : chk(w, cJSON_CreateNull()));
    add(w, o, "message", str(w, c->message));
    add(w, o, "cause", str(w, c->cause));
    if (c->output_bytes) {
        add(w, o, "candidate_output", str(w, c->output));
        add(w, o, "candidate_output_bytes", flt(w, (double)c->output_bytes));
    }
    add(w, o, "diagnosis", diag_json(w, &c->diag));
    add(w, o, "seconds", flt(w, c->seconds));
    return o;
}

/* {"executed", "skipped", "skip_reasons": [{"reason", "count"}],
 *  "other_reasons", "other_skipped"} */
static cJSON *coverage_json(jw *w, const rc_results *r)
{
    rc_coverage cov;
    if (rc_report_coverage(r, &cov) != 0)
        return chk(w, NULL);
    cJSON *o = chk(w, cJSON_CreateObject());
    add(w, o, "executed", i64(w, (int64_t)cov.executed));
    add(w, o, "skipped", i64(w, (int64_t)cov.skipped));
    cJSON *reasons = chk(w, cJSON_CreateArray());
    for (size_t i = 0; reasons && i < cov.n_reasons; i++) {
        cJSON *g = chk(w, cJSON_CreateObject());
        add(w, g, "reason", str(w, cov.reasons[i].reason));
        add(w, g, "count", i64(w, (int64_t)cov.reasons[i].count));
        if (g && !cJSON_AddItemToArray(reasons, g)) {
            w->failed = 1;
            cJSON_Delete(g);
        }
    }
    add(w, o, "skip_reasons", reasons);
    add(w, o, "other_reasons", i64(w, (int64_t)cov.other_reasons));
    add(w, o, "other_skipped", i64(w, (int64_t)cov.other_count));
    return o;
}

static cJSON *report_json(jw *w, const rc_results *r)
{
    const rc_run_info *in = &r->info;
    cJSON *root = chk(w, cJSON_CreateObject());
    add(w, root, "schema", str(w, RC_REPORT_SCHEMA));
    add(w, root, "version", chk(w, cJSON_CreateNumber(RC_REPORT_SCHEMA_VERSION)));

    cJSON *tool = chk(w, cJSON_CreateObject());
    add(w, tool, "name", str(w, RC_REPORT_TOOL));
    add(w, tool, "version", opt_str(w, in->tool_version));
    add(w, root, "tool", tool);

    cJSON *cand = chk(w, cJSON_CreateObject());
    add(w, cand, "path", opt_str(w, in->candidate_path));
    add(w, cand, "name", opt_str(w, in->candidate_name));
    add(w, cand, "version", opt_str(w, in->candidate_version));
    add(w, root, "candidate", cand);

    /* The seed is a string: a uint64 does not fit a JSON number exactly. */
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)in->seed);
    cJSON *run = chk(w, cJSON_CreateObject());
    add(w, run, "seed", str(w, seed));
    add(w, run, "level", i64(w, in->level));
    add(w, run, "profile", opt_str(w, in->profile));
    add(w, run, "config_path", opt_str(w, in->config_path));
    add(w, run, "started_utc", opt_str(w, in->started_utc));
    add(w, run, "wall_seconds", flt(w, in->wall_seconds));
    cJSON *workers = chk(w, cJSON_CreateObject());
    add(w, workers, "started", i64(w, in->worker_starts));
    add(w, workers, "inits", i64(w, in->worker_inits));
    add(w, run, "workers", workers);
    if (in->shard_count > 0) {
        cJSON *shard = chk(w, cJSON_CreateObject());
        add(w, shard, "index", i64(w, in->shard_index));
        add(w, shard, "count", i64(w, in->shard_count));
        add(w, shard, "run_id", str(w, in->run_id));
        add(w, run, "shard", shard);
    }
    cJSON *env = chk(w, cJSON_CreateObject());
    add(w, env, "tool_version", opt_str(w, in->tool_version));
    add(w, env, "mpfr_version", opt_str(w, in->mpfr_version));
    add(w, env, "gmp_version", opt_str(w, in->gmp_version));
    add(w, env, "cjson_version", opt_str(w, in->cjson_version));
    add(w, env, "cpu", opt_str(w, in->cpu));
    add(w, run, "environment", env);
    add(w, root, "run", run);

    rc_status v = rc_results_verdict(r);
    char fbuf[sizeof r->fatal];
    add(w, root, "verdict", str(w, rc_status_name(v)));
    add(w, root, "fatal", str(w, rc_results_fatal(r, fbuf, sizeof fbuf)));
    add(w, root, "diagnosis", diagnosis_json(w, r));
    size_t n[4];
    rc_results_count(r, n);
    cJSON *counts = chk(w, cJSON_CreateObject());
    add(w, counts, "total", i64(w, (int64_t)r->n_cases));
    add(w, counts, "pass", i64(w, (int64_t)n[RC_STATUS_PASS]));
    add(w, counts, "warn", i64(w, (int64_t)n[RC_STATUS_WARN]));
    add(w, counts, "fail", i64(w, (int64_t)n[RC_STATUS_FAIL]));
    add(w, counts, "skip", i64(w, (int64_t)n[RC_STATUS_SKIP]));
    add(w, root, "counts", counts);
    add(w, root, "coverage", coverage_json(w, r));

    return root;
}

/* text, with each line after the first indented by two more tabs: what
 * cJSON_Print gives for an object two levels down ("cases"' items). */
static void put_nested(const char *text, FILE *f)
{
    for (const char *nl; (nl = strchr(text, '\n')) != NULL; text = nl + 1) {
        fwrite(text, 1, (size_t)(nl - text) + 1, f);
        fputs("\t\t", f);
    }
    fputs(text, f);
}

/* The bytes cJSON_Print gives for the whole report's tree, made one case
 * at a time: a level-3 report has 40 000 cases, and their tree took
 * hundreds of MiB at once.  "cases" is the root's last member, so the
 * text without it ends in "\n}" and the array goes in before that brace. */
int rc_report_json_stream(const rc_results *r, FILE *f)
{
    jw w = {0};
    cJSON *root = report_json(&w, r);
    char *head = w.failed ? NULL : cJSON_Print(root);
    cJSON_Delete(root);
    size_t n = head ? strlen(head) : 0;
    if (n < 2 || strcmp(head + n - 2, "\n}") != 0) {
        free(head);
        return -1;
    }
    fwrite(head, 1, n - 2, f);
    free(head);
    fputs(",\n\t\"cases\":\t[", f);
    for (size_t i = 0; i < r->n_cases; i++) {
        cJSON *c = case_json(&w, &r->cases[i]);
        char *text = w.failed ? NULL : cJSON_Print(c);
        cJSON_Delete(c);
        if (!text)
            return -1;
        if (i)
            fputs(", ", f);
        put_nested(text, f);
        free(text);
    }
    fputs("]\n}\n", f);
    return ferror(f) ? -1 : 0;
}

/* The report as one string, without the final newline. */
char *rc_report_json_string(const rc_results *r)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (!f)
        return NULL;
    int rc = rc_report_json_stream(r, f);
    if (fclose(f) != 0 || rc != 0 || n == 0) {
        free(text);
        return NULL;
    }
    text[n - 1] = '\0';
    return text;
}

static int json_cb(const rc_results *r, FILE *f, const void *ctx)
{
    (void)ctx;
    return rc_report_json_stream(r, f);
}

int rc_report_json(const rc_results *r, const char *path, char *err, size_t errlen)
{
    return rc_report_write_file(r, path, json_cb, NULL, err, errlen);
}
