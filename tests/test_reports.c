/* Report writers: JSON round trip (bit-exact floats), JUnit and Markdown
 * escaping, terminal output, atomic writes, baseline comparison, and the
 * rc_results helpers. */
/* nftw is XSI */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <float.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "fileio.h"
#include "report_fixture.h"
#include "results.h"

/* ---- fixtures ----------------------------------------------------------- */

#define TMPDIR_PREFIX "rc_reports"
#include "testutil.h"

static size_t count_sub(const char *s, const char *sub)
{
    size_t n = 0;
    for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub))
        n++;
    return n;
}

static uint64_t bits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static void assert_same_double(double a, double b, const char *what)
{
    if (isnan(a) && isnan(b))
        return;
    ck_assert_msg(bits(a) == bits(b), "%s: %a != %a", what, a, b);
}

/* ---- results helpers ---------------------------------------------------- */

START_TEST(results_helpers)
{
    rc_results r;
    memset(&r, 0, sizeof r);
    ck_assert_str_eq(rc_status_name(RC_STATUS_PASS), "PASS");
    ck_assert_str_eq(rc_status_name(RC_STATUS_WARN), "WARN");
    ck_assert_str_eq(rc_status_name(RC_STATUS_FAIL), "FAIL");
    ck_assert_str_eq(rc_status_name(RC_STATUS_SKIP), "SKIP");
    /* no case executed: never a pass */
    char fb[sizeof r.fatal];
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_FAIL);
    ck_assert_ptr_nonnull(strstr(rc_results_fatal(&r, fb, sizeof fb), RC_NO_CASE_EXECUTED));
    for (int i = 0; i < 1000; i++) {
        rc_case_result *c = rc_results_add(&r);
        ck_assert_ptr_nonnull(c);
        ck_assert_int_eq(c->status, RC_STATUS_PASS);   /* zeroed */
        c->status = i % 10 == 0 ? RC_STATUS_SKIP : RC_STATUS_PASS;
    }
    size_t n[4];
    rc_results_count(&r, n);
    ck_assert_uint_eq(n[RC_STATUS_PASS], 900);
    ck_assert_uint_eq(n[RC_STATUS_SKIP], 100);
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_PASS);
    r.cases[5].status = RC_STATUS_WARN;
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_WARN);
    strcpy(r.fatal, "init crashed");
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_FAIL);
    r.fatal[0] = '\0';
    r.cases[7].status = RC_STATUS_FAIL;
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_FAIL);
    r.cases[7].status = (rc_status)42;   /* corrupt: never a pass */
    ck_assert_int_eq(rc_results_verdict(&r), RC_STATUS_FAIL);
    rc_results_free(&r);
    ck_assert_ptr_null(r.cases);
    ck_assert_uint_eq(r.n_cases, 0);
}
END_TEST

START_TEST(float_format_round_trip)
{
    const double v[] = {0.1, -0.0, 0.0, 1.0 / 3.0, 4.9406564584124654e-324, DBL_MIN, DBL_MAX,
                        -DBL_MAX, INFINITY, -INFINITY, 0x1.fffffffffffffp-1, 6.02214076e23};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char h[RC_FMT_LEN], d[RC_FMT_LEN];
        double a = NAN, b = NAN;
        ck_assert_int_eq(rc_fmt_parse_double(rc_fmt_hex(v[i], h, sizeof h), &a), 0);
        ck_assert_int_eq(rc_fmt_parse_double(rc_fmt_dec(v[i], d, sizeof d), &b), 0);
        assert_same_double(a, v[i], h);
        assert_same_double(b, v[i], d);
    }
    char h[RC_FMT_LEN];
    double a = 0;
    ck_assert_int_eq(rc_fmt_parse_double(rc_fmt_hex(NAN, h, sizeof h), &a), 0);
    ck_assert(isnan(a));
    ck_assert_str_eq(rc_fmt_hex(1.5, h, sizeof h), "0x1.8p+0");
    ck_assert_int_eq(rc_fmt_parse_double("0x1p-3junk", &a), -1);
    ck_assert_int_eq(rc_fmt_parse_double("", &a), -1);
}
END_TEST

START_TEST(shell_quote)
{
    char b[64];
    ck_assert_str_eq(rc_shell_quote("lib/a-b_c.so", b, sizeof b), "lib/a-b_c.so");
    ck_assert_str_eq(rc_shell_quote("a b'c", b, sizeof b), "'a b'\\''c'");
    ck_assert_str_eq(rc_shell_quote("", b, sizeof b), "''");
}
END_TEST

START_TEST(plot_series)
{
    char b[RC_FMT_LEN];
    /* the shortest decimal that reads back to the same float */
    ck_assert_str_eq(rc_fmt_float(0.1f, b, sizeof b), "0.1");
    ck_assert_str_eq(rc_fmt_float(1.0f, b, sizeof b), "1");
    ck_assert_str_eq(rc_fmt_float(1.00000012f, b, sizeof b), "1.0000001");
    ck_assert_str_eq(rc_fmt_float(0x1p-149f, b, sizeof b), "1e-45");
    ck_assert_str_eq(rc_fmt_float(FLT_MAX, b, sizeof b), "3.4028235e+38");
    ck_assert_str_eq(rc_fmt_float(INFINITY, b, sizeof b), "inf");
    ck_assert_str_eq(rc_fmt_float(-1.0f, b, sizeof b), "-");
    /* every float of a sweep over the bit patterns comes back exactly */
    float v[64], back[64];
    for (uint32_t seed = 1; seed < 400; seed++) {
        for (int i = 0; i < 64; i++) {
            uint32_t u = (seed * 2654435761u) ^ (uint32_t)i * 40503u;
            u &= 0x7fffffffu;                 /* non-negative */
            if ((u & 0x7f800000u) == 0x7f800000u)
                u &= 0x7f7fffffu;             /* finite */
            memcpy(&v[i], &u, sizeof u);
        }
        v[seed % 64] = -1.0f;
        char *s = rc_series_format(v, 64);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_eq(rc_series_parse(s, back, 64), 0);
        ck_assert(memcmp(v, back, sizeof v) == 0);
        free(s);
    }
    float three[3];
    ck_assert_int_eq(rc_series_parse("0.5 - inf", three, 3), 0);
    ck_assert(three[0] == 0.5f && three[1] == -1.0f && isinf(three[2]));
    ck_assert_int_eq(rc_series_parse("0.5 -", three, 3), -1);       /* too few */
    ck_assert_int_eq(rc_series_parse("1 2 3 4", three, 3), -1);     /* too many */
    ck_assert_int_eq(rc_series_parse("1  2 3", three, 3), -1);      /* empty value */
    ck_assert_int_eq(rc_series_parse("1 -2 3", three, 3), -1);      /* negative */
    ck_assert_int_eq(rc_series_parse("1 x 3", three, 3), -1);
    /* pair bands: consecutive pairs, every pair in exactly one band */
    for (int pc = 1; pc <= 300; pc++) {
        int nb = rc_pair_bands(pc);
        ck_assert_int_eq(nb, pc < RC_PAIR_BANDS ? pc : RC_PAIR_BANDS);
        ck_assert_int_eq(rc_band_first_pair(0, pc), 0);
        ck_assert_int_eq(rc_band_first_pair(nb, pc), pc);
        for (int k = 0; k < pc; k++) {
            int band = rc_pair_band(k, pc);
            ck_assert(k >= rc_band_first_pair(band, pc) && k < rc_band_first_pair(band + 1, pc));
        }
    }
}
END_TEST

/* ---- JSON ---------------------------------------------------------------- */

static const cJSON *get(const cJSON *o, const char *k)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, k);
    ck_assert_msg(j != NULL, "missing key %s", k);
    return j;
}

START_TEST(json_document)
{
    rc_results r;
    char err[256] = "";
    build(&r);
    ck_assert_int_eq(rc_report_json(&r, tpath("r.json"), err, sizeof err), 0);
    char *text = slurp(tpath("r.json"));
    ck_assert_ptr_null(strchr(text, '\xff'));   /* valid UTF-8 only */
    cJSON *root = cJSON_Parse(text);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(get(root, "schema")->valuestring, "rope-conform-report");
    ck_assert_int_eq(get(root, "version")->valueint, 1);
    ck_assert_str_eq(get(root, "verdict")->valuestring, "FAIL");
    ck_assert_str_eq(get(get(root, "tool"), "name")->valuestring, "rope-conform");
    ck_assert_str_eq(get(get(root, "candidate"), "name")->valuestring, "cand");
    const cJSON *run = get(root, "run");
    ck_assert_str_eq(get(run, "seed")->valuestring, "18446744073709551615");
    ck_assert_int_eq(get(run, "level")->valueint, 2);
    ck_assert_str_eq(get(run, "profile")->valuestring, "strict");
    ck_assert_str_eq(get(get(run, "environment"), "cpu")->valuestring, "Test CPU @ 3.0GHz");
    const cJSON *counts = get(root, "counts");
    ck_assert_int_eq(get(counts, "total")->valueint, 4);
    ck_assert_int_eq(get(counts, "pass")->valueint, 1);
    ck_assert_int_eq(get(counts, "warn")->valueint, 1);
    ck_assert_int_eq(get(counts, "fail")->valueint, 1);
    ck_assert_int_eq(get(counts, "skip")->valueint, 1);
    const cJSON *cases = get(root, "cases");
    ck_assert_int_eq(cJSON_GetArraySize(cases), 4);
    const cJSON *c1 = cJSON_GetArrayItem(cases, 1);
    ck_assert_str_eq(get(c1, "name")->valuestring, TRICKY_NAME);
    ck_assert_str_eq(get(c1, "status")->valuestring, "FAIL");
    ck_assert_str_eq(get(c1, "dtype")->valuestring, "f16");
    const cJSON *me = get(c1, "metrics");
    const cJSON *mx = get(me, "max_err");
    ck_assert_str_eq(get(mx, "hex")->valuestring, "0x1.cp+1");
    ck_assert_str_eq(get(mx, "dec")->valuestring, "3.5");
    ck_assert_int_eq(cJSON_GetArraySize(get(me, "bucket_max")), RC_N_BUCKETS);
    ck_assert_str_eq(get(get(me, "worst"), "actual0")->valuestring, "0x3a45");
    ck_assert_int_eq(get(me, "pair_count")->valueint, 40);
    ck_assert(strncmp(get(me, "bucket_angle")->valuestring, "0.1 0.33333334 1e-45 1.0000001 0 ", 32) == 0);
    ck_assert_int_eq(cJSON_GetArraySize(get(me, "heat")), RC_PAIR_BANDS);
    ck_assert_ptr_nonnull(strstr(cJSON_GetArrayItem(get(me, "heat"), 3)->valuestring, " inf - "));
    /* a PASS case carries no heat map */
    const cJSON *m0 = get(cJSON_GetArrayItem(cases, 0), "metrics");
    ck_assert_ptr_null(cJSON_GetObjectItem(m0, "heat"));
    ck_assert_ptr_nonnull(cJSON_GetObjectItem(m0, "band_max"));
    /* no float is a JSON number */
    const cJSON *params = get(c1, "params");
    ck_assert(cJSON_IsObject(get(params, "base")));
    ck_assert_str_eq(get(get(params, "factor"), "hex")->valuestring, "0x1.999999999999ap-4");
    ck_assert(cJSON_IsString(get(params, "max_position")));
    ck_assert_str_eq(get(params, "pairing")->valuestring, "interleaved");
    ck_assert_str_eq(get(params, "rope_type")->valuestring, "yarn");
    const cJSON *c3 = cJSON_GetArrayItem(cases, 3);
    ck_assert(cJSON_IsNull(get(c3, "metrics")));
    ck_assert_str_eq(get(get(c3, "params"), "pairing")->valuestring, "half-split");
    ck_assert_str_eq(get(get(c3, "params"), "rope_type")->valuestring, "dynamic");
    /* the invalid byte became U+FFFD, the valid one survived */
    const char *msg = get(c1, "message")->valuestring;
    ck_assert_ptr_nonnull(strstr(msg, "\xc2\xb5 \xef\xbf\xbd end"));
    ck_assert_ptr_nonnull(strstr(msg, "\"12\"\nsecond"));
    cJSON_Delete(root);
    free(text);
    rc_results_free(&r);
}
END_TEST

static void assert_same_floats(const float *a, const float *b, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t x, y;
        memcpy(&x, &a[i], sizeof x);
        memcpy(&y, &b[i], sizeof y);
        ck_assert_msg(x == y || (isnan(a[i]) && isnan(b[i])), "%s[%zu]: %a != %a", what, i, a[i], b[i]);
    }
}

/* The plot data comes back bit for bit; the heat map only for FAIL and
 * WARN cases, the report's only users of it. */
static void assert_same_plot(const rc_case_result *a, const rc_metrics *m, const rc_metrics *n)
{
    ck_assert_int_eq(m->pair_count, n->pair_count);
    ck_assert_int_eq(m->n_bands, n->n_bands);
    if (m->pair_count == 0)
        return;
    assert_same_floats(m->bucket_angle, n->bucket_angle, RC_N_BUCKETS, "bucket_angle");
    assert_same_floats(m->bucket_mag, n->bucket_mag, RC_N_BUCKETS, "bucket_mag");
    assert_same_floats(m->band_max, n->band_max, (size_t)m->n_bands, "band_max");
    if (a->status == RC_STATUS_FAIL || a->status == RC_STATUS_WARN) {
        ck_assert_ptr_nonnull(n->heat);
        assert_same_floats(m->heat, n->heat, (size_t)m->n_bands * RC_N_BUCKETS, "heat");
    } else {
        ck_assert_ptr_null(n->heat);
    }
}

static void assert_same_case(const rc_case_result *a, const rc_case_result *b)
{
    ck_assert_str_eq(a->suite, b->suite);
    ck_assert_str_eq(a->name, b->name);
    ck_assert_int_eq(a->status, b->status);
    ck_assert_int_eq(a->dtype, b->dtype);
    ck_assert_int_eq(a->has_metrics, b->has_metrics);
    ck_assert_str_eq(a->cause, b->cause);
    ck_assert_str_eq(a->diag.cls, b->diag.cls);
    ck_assert_int_eq(a->diag.confidence, b->diag.confidence);
    ck_assert_str_eq(a->diag.evidence, b->diag.evidence);
    ck_assert_str_eq(a->diag.entry, b->diag.entry);
    assert_same_double(a->diag.entry_match, b->diag.entry_match, "entry_match");
    assert_same_double(a->seconds, b->seconds, "seconds");
    const rc_rope_params *p = &a->params, *q = &b->params;
    ck_assert_int_eq(p->head_dim, q->head_dim);
    ck_assert_int_eq(p->rotary_dim, q->rotary_dim);
    ck_assert_int_eq(p->pairing, q->pairing);
    ck_assert_int_eq(p->type, q->type);
    ck_assert(p->original_max_position == q->original_max_position);
    ck_assert(p->max_position == q->max_position);
    ck_assert(p->seq_len == q->seq_len);
    ck_assert_int_eq(p->truncate, q->truncate);
    const double pd[] = {p->base, p->factor, p->low_freq_factor, p->high_freq_factor, p->beta_fast,
                         p->beta_slow, p->attention_factor, p->mscale, p->mscale_all_dim};
    const double qd[] = {q->base, q->factor, q->low_freq_factor, q->high_freq_factor, q->beta_fast,
                         q->beta_slow, q->attention_factor, q->mscale, q->mscale_all_dim};
    for (size_t i = 0; i < sizeof pd / sizeof pd[0]; i++)
        assert_same_double(pd[i], qd[i], "param");
    if (!a->has_metrics)
        return;
    const rc_metrics *m = &a->metrics, *n = &b->metrics;
    ck_assert(m->n_pairs == n->n_pairs);
    assert_same_double(m->max_err, n->max_err, "max_err");
    assert_same_double(m->max_err_raw, n->max_err_raw, "max_err_raw");
    assert_same_double(m->max_angle_err, n->max_angle_err, "max_angle_err");
    assert_same_double(m->max_mag_err, n->max_mag_err, "max_mag_err");
    assert_same_double(m->max_ulp, n->max_ulp, "max_ulp");
    assert_same_double(m->mean_radial, n->mean_radial, "mean_radial");
    for (int i = 0; i < RC_N_BUCKETS; i++)
        assert_same_double(m->bucket_max[i], n->bucket_max[i], "bucket");
    ck_assert(memcmp(&m->worst, &n->worst, sizeof m->worst) == 0);
    assert_same_plot(a, m, n);
}

/* The file is written one case at a time; its bytes must be what
 * cJSON_Print gives for the whole tree: parsed and printed again by cJSON,
 * the text comes back unchanged (with cases, and with none). */
START_TEST(json_streamed_as_one_tree)
{
    rc_results r;
    char err[256] = "";
    build(&r);
    for (int round = 0; round < 2; round++) {
        if (round == 1)
            r.n_cases = 0;
        ck_assert_int_eq(rc_report_json(&r, tpath("s.json"), err, sizeof err), 0);
        char *text = slurp(tpath("s.json"));
        size_t n = strlen(text);
        ck_assert(n > 2 && text[n - 1] == '\n');
        text[n - 1] = '\0';
        cJSON *root = cJSON_Parse(text);
        ck_assert_ptr_nonnull(root);
        ck_assert_int_eq(cJSON_GetArraySize(get(root, "cases")), (int)r.n_cases);
        char *again = cJSON_Print(root);
        ck_assert_str_eq(again, text);
        char *str = rc_report_json_string(&r);
        ck_assert_str_eq(str, text);
        free(str);
        free(again);
        cJSON_Delete(root);
        free(text);
    }
    rc_results_free(&r);
}
END_TEST

/* Reports get their own size bound: the tool writes them, and a whole
 * level-3 report (152 MB) is past the 64 MiB bound of a config.  A report
 * padded with whitespace past that bound loads; past its own it is refused
 * with one line. */
START_TEST(json_large_report_loads)
{
    rc_results r, back;
    char err[256] = "";
    build(&r);
    ck_assert_int_eq(rc_report_json(&r, tpath("big.json"), err, sizeof err), 0);
    FILE *f = fopen(tpath("big.json"), "a");
    ck_assert_ptr_nonnull(f);
    static char pad[1 << 20];
    memset(pad, ' ', sizeof pad);
    for (size_t i = 0; i <= RC_INPUT_MAX_BYTES / sizeof pad; i++)
        ck_assert_uint_eq(fwrite(pad, 1, sizeof pad, f), sizeof pad);
    ck_assert_int_eq(fclose(f), 0);
    memset(&back, 0, sizeof back);
    ck_assert_msg(rc_report_load_json(tpath("big.json"), &back, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_eq(back.n_cases, r.n_cases);
    rc_results_free(&back);
    ck_assert_int_eq(truncate(tpath("big.json"), (off_t)RC_REPORT_MAX_BYTES + 1), 0);
    memset(&back, 0, sizeof back);
    ck_assert_int_eq(rc_report_load_json(tpath("big.json"), &back, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "more than the limit") && !strchr(err, '\n'), "%s", err);
    unlink(tpath("big.json"));
    rc_results_free(&r);
}
END_TEST

START_TEST(json_round_trip)
{
    rc_results r, back;
    rc_report_meta meta;
    char err[256] = "";
    build(&r);
    r.cases[0].metrics.max_ulp = NAN;
    r.cases[2].metrics.max_err = INFINITY;
    r.n_diagnosis = 2;
    snprintf(r.diagnosis[0], RC_DIAG_LINE, "Likely: arithmetic precision bug (medium confidence)");
    snprintf(r.diagnosis[1], RC_DIAG_LINE, "  fix: <round once>");
    ck_assert_int_eq(rc_report_json(&r, tpath("r.json"), err, sizeof err), 0);
    memset(&back, 0, sizeof back);
    ck_assert_msg(rc_report_load_json_ex(tpath("r.json"), &back, &meta, err, sizeof err) == 0,
                  "%s", err);
    ck_assert_uint_eq(back.n_cases, r.n_cases);
    for (size_t i = 0; i < r.n_cases; i++) {
        assert_same_case(&r.cases[i], &back.cases[i]);
        char *clean = rc_utf8_sanitize(r.cases[i].message);
        ck_assert_str_eq(back.cases[i].message, clean);
        free(clean);
    }
    ck_assert(back.info.seed == UINT64_MAX);
    ck_assert_int_eq(back.info.level, 2);
    assert_same_double(back.info.wall_seconds, 12.345, "wall");
    ck_assert_str_eq(back.info.candidate_path, r.info.candidate_path);
    ck_assert_str_eq(back.info.profile, "strict");
    ck_assert_str_eq(back.info.cpu, r.info.cpu);
    ck_assert_int_eq(rc_results_verdict(&back), RC_STATUS_FAIL);
    ck_assert_int_eq(back.n_diagnosis, 2);
    ck_assert_str_eq(back.diagnosis[1], "  fix: <round once>");
    /* loading again appends (shard merge) */
    ck_assert_int_eq(rc_report_load_json(tpath("r.json"), &back, err, sizeof err), 0);
    ck_assert_uint_eq(back.n_cases, 2 * r.n_cases);
    ck_assert_ptr_null(back.info.candidate_path);   /* no meta: no strings */
    /* and the reloaded results write the same document */
    rc_results_free(&back);
    ck_assert_int_eq(rc_report_load_json_ex(tpath("r.json"), &back, &meta, err, sizeof err), 0);
    char *t1 = rc_report_json_string(&back);
    ck_assert_int_eq(rc_report_json(&back, tpath("r2.json"), err, sizeof err), 0);
    char *t0 = slurp(tpath("r.json")), *t2 = slurp(tpath("r2.json"));
    ck_assert_ptr_nonnull(t1);
    ck_assert_str_eq(t0, t2);
    free(t0);
    free(t2);
    free(t1);
    rc_results_free(&back);
    rc_results_free(&r);
}
END_TEST

START_TEST(json_load_rejects)
{
    rc_results r, back;
    char err[256] = "";
    build(&r);
    char *text = rc_report_json_string(&r);
    ck_assert_ptr_nonnull(text);
    cJSON *root = cJSON_Parse(text);
    cJSON_ReplaceItemInObjectCaseSensitive(root, "version", cJSON_CreateNumber(2));
    char *v2 = cJSON_Print(root);
    memset(&back, 0, sizeof back);
    ck_assert_int_eq(rc_report_parse_json(v2, "v2.json", &back, NULL, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "version") && strstr(err, "v2.json"), "%s", err);
    ck_assert_uint_eq(back.n_cases, 0);
    ck_assert_int_eq(rc_report_parse_json("{\"schema\":\"other\",\"version\":1}", "x", &back, NULL,
                                          err, sizeof err), -1);
    ck_assert_int_eq(rc_report_parse_json("{ not json", "bad.json", &back, NULL, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "bad.json"));
    /* a broken case names its index and key, and nothing is appended */
    cJSON_ReplaceItemInObjectCaseSensitive(root, "version", cJSON_CreateNumber(1));
    cJSON *c2 = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "cases"), 2);
    cJSON_ReplaceItemInObjectCaseSensitive(c2, "status", cJSON_CreateString("MAYBE"));
    char *broken = cJSON_Print(root);
    ck_assert_int_eq(rc_report_parse_json(broken, "b.json", &back, NULL, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "cases[2].status"), "%s", err);
    ck_assert_uint_eq(back.n_cases, 0);
    /* plot data: a series of the wrong length names its key; a report
     * written before plot data existed loads without it */
    cJSON *m1 = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "cases"), 1), "metrics");
    cJSON_ReplaceItemInObjectCaseSensitive(c2, "status", cJSON_CreateString("WARN"));
    cJSON_ReplaceItemInObjectCaseSensitive(m1, "bucket_mag", cJSON_CreateString("1 2 3"));
    char *short_series = cJSON_Print(root);
    ck_assert_int_eq(rc_report_parse_json(short_series, "s.json", &back, NULL, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "cases[1].bucket_mag") && strstr(err, "33"), "%s", err);
    free(short_series);
    cJSON_ReplaceItemInObjectCaseSensitive(m1, "bucket_mag",
                                           cJSON_Duplicate(cJSON_GetObjectItem(m1, "bucket_angle"), 1));
    cJSON_AddItemToArray(cJSON_GetObjectItem(m1, "heat"), cJSON_CreateString("0"));   /* a band too many */
    char *long_heat = cJSON_Print(root);
    ck_assert_int_eq(rc_report_parse_json(long_heat, "h.json", &back, NULL, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "cases[1].heat"), "%s", err);
    free(long_heat);
    for (int i = 0; i < cJSON_GetArraySize(cJSON_GetObjectItem(root, "cases")); i++) {
        cJSON *mi = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "cases"), i), "metrics");
        const char *keys[] = { "pair_count", "bucket_angle", "bucket_mag", "band_max", "heat" };
        for (size_t k = 0; cJSON_IsObject(mi) && k < sizeof keys / sizeof keys[0]; k++)
            cJSON_DeleteItemFromObject(mi, keys[k]);
    }
    char *old_report = cJSON_Print(root);
    ck_assert_msg(rc_report_parse_json(old_report, "old.json", &back, NULL, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_eq(back.n_cases, 4);
    ck_assert_int_eq(back.cases[1].has_metrics, 1);
    ck_assert_int_eq(back.cases[1].metrics.pair_count, 0);
    ck_assert_ptr_null(back.cases[1].metrics.heat);
    free(old_report);
    rc_results_free(&back);
    /* the smallest hand-written baseline */
    ck_assert_msg(rc_report_parse_json("{\"schema\":\"rope-conform-report\",\"version\":1,"
                                       "\"cases\":[{\"suite\":\"accuracy\",\"name\":\"a\","
                                       "\"status\":\"WARN\",\"dtype\":\"bf16\",\"message\":\"\"}]}",
                                       "hand.json", &back, NULL, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_eq(back.n_cases, 1);
    ck_assert_int_eq(back.cases[0].status, RC_STATUS_WARN);
    ck_assert_int_eq(back.cases[0].dtype, RC_BF16);
    ck_assert_int_eq(back.cases[0].has_metrics, 0);
    rc_results_free(&back);
    ck_assert_int_eq(rc_report_load_json(tpath("absent.json"), &back, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "absent.json"));
    free(broken);
    free(v2);
    free(text);
    cJSON_Delete(root);
    rc_results_free(&back);
    rc_results_free(&r);
}
END_TEST

/* ---- JUnit ---------------------------------------------------------------- */

/* The Diagnosis block appears in JUnit (properties) and Markdown (a list). */
START_TEST(diagnosis_in_junit_and_markdown)
{
    rc_results r;
    char err[256] = "";
    build(&r);
    r.n_diagnosis = 2;
    snprintf(r.diagnosis[0], RC_DIAG_LINE, "Likely: positions bug (high confidence) <x>");
    snprintf(r.diagnosis[1], RC_DIAG_LINE, "  fix: rotate by positions[t] | itself");
    ck_assert_int_eq(rc_report_junit(&r, tpath("d.xml"), err, sizeof err), 0);
    char *x = slurp(tpath("d.xml"));
    ck_assert_ptr_nonnull(strstr(x, "<property name=\"diagnosis.1\" value=\"Likely: positions bug (high confidence) &lt;x&gt;\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<property name=\"diagnosis.2\" value=\"  fix: rotate by positions[t] | itself\"/>"));
    free(x);
    ck_assert_int_eq(rc_report_markdown(&r, tpath("d.md"), err, sizeof err), 0);
    char *m = slurp(tpath("d.md"));
    ck_assert_ptr_nonnull(strstr(m, "### Diagnosis\n\n- Likely: positions bug (high confidence)"));
    ck_assert_ptr_nonnull(strstr(m, "\n  - fix: rotate by positions\\[t\\] \\| itself\n"));
    free(m);
    rc_results_free(&r);
}
END_TEST

START_TEST(junit_document)
{
    rc_results r;
    char err[256] = "";
    build(&r);
    ck_assert_int_eq(rc_report_junit(&r, tpath("r.xml"), err, sizeof err), 0);
    char *x = slurp(tpath("r.xml"));
    ck_assert_ptr_nonnull(strstr(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    ck_assert_ptr_nonnull(strstr(x, "<testsuites name=\"rope-conform\" tests=\"4\" failures=\"1\" "
                                    "errors=\"0\" skipped=\"1\""));
    ck_assert_ptr_nonnull(strstr(x, "<testsuite name=\"accuracy\" tests=\"2\" failures=\"1\" "
                                    "errors=\"0\" skipped=\"0\""));
    ck_assert_ptr_nonnull(strstr(x, "<testsuite name=\"properties\" tests=\"2\" failures=\"0\" "
                                    "errors=\"0\" skipped=\"1\""));
    ck_assert_ptr_nonnull(strstr(x, "classname=\"rope-conform.accuracy\" name=\"yarn &lt;f16&gt; "
                                    "&amp; &quot;quotes&quot; &apos;single&apos; | pipe\""));
    ck_assert_ptr_nonnull(strstr(x, "type=\"FAIL\""));
    /* attribute newline kept as a reference, body text escaped */
    ck_assert_ptr_nonnull(strstr(x, "&quot;12&quot;&#10;second line"));
    ck_assert_ptr_nonnull(strstr(x, "expected  (0x3a41, 0x3b12)"));
    ck_assert_ptr_nonnull(strstr(x, "actual    (0x3a45, 0x3b10)"));
    ck_assert_ptr_nonnull(strstr(x, "likely cause: table rounded to f16 before the multiply | see &lt;docs&gt;"));
    ck_assert_ptr_nonnull(strstr(x, "<skipped message=\"unsupported &lt;by&gt; candidate\"/>"));
    ck_assert_ptr_nonnull(strstr(x, "<system-out>WARN: "));
    ck_assert_uint_eq(count_sub(x, "<testcase "), 4);
    ck_assert_uint_eq(count_sub(x, "<failure "), 1);
    /* nothing XML 1.0 forbids: no ESC, no invalid UTF-8 */
    ck_assert_ptr_null(strchr(x, '\x1b'));
    ck_assert_ptr_null(strchr(x, '\xff'));
    ck_assert_ptr_nonnull(strstr(x, "\\x1B[31mred \xc2\xb5 \\xFF end"));
    if (system("command -v xmllint >/dev/null 2>&1") == 0) {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", tpath("r.xml"));
        ck_assert_msg(system(cmd) == 0, "xmllint rejects the JUnit report");
    }
    free(x);
    rc_results_free(&r);
}
END_TEST

START_TEST(junit_fatal)
{
    rc_results r;
    char err[256] = "";
    memset(&r, 0, sizeof r);
    snprintf(r.fatal, sizeof r.fatal, "candidate crashed in init() <SIGSEGV>");
    ck_assert_int_eq(rc_report_junit(&r, tpath("f.xml"), err, sizeof err), 0);
    char *x = slurp(tpath("f.xml"));
    ck_assert_ptr_nonnull(strstr(x, "tests=\"1\" failures=\"0\" errors=\"1\""));
    ck_assert_ptr_nonnull(strstr(x, "<error message=\"candidate crashed in init() &lt;SIGSEGV&gt;\""));
    if (system("command -v xmllint >/dev/null 2>&1") == 0) {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", tpath("f.xml"));
        ck_assert(system(cmd) == 0);
    }
    free(x);
}
END_TEST

/* ---- Markdown ------------------------------------------------------------- */

START_TEST(markdown_document)
{
    rc_results r;
    char err[256] = "";
    build(&r);
    ck_assert_int_eq(rc_report_markdown(&r, tpath("r.md"), err, sizeof err), 0);
    char *m = slurp(tpath("r.md"));
    ck_assert_ptr_nonnull(strstr(m, "## ❌ rope-conform: FAIL"));
    ck_assert_ptr_nonnull(strstr(m, "| accuracy | 1 | 0 | 1 | 0 | 3.5 |"));
    ck_assert_ptr_nonnull(strstr(m, "| properties | 0 | 1 | 0 | 1 | 0.75 |"));
    ck_assert_ptr_nonnull(strstr(m, "### Failures (1)"));
    ck_assert_ptr_nonnull(strstr(m, "### Warnings (1)"));
    ck_assert_ptr_nonnull(strstr(m, "yarn \\<f16\\> \\& \"quotes\" 'single' \\| pipe"));
    ck_assert_ptr_nonnull(strstr(m, "precision \\| runs out\\nbefore 2^20"));
    ck_assert_ptr_nonnull(strstr(m, "likely cause: table rounded to f16 before the multiply \\| see"));
    ck_assert_ptr_nonnull(strstr(m, "--seed 18446744073709551615"));
    ck_assert_ptr_nonnull(strstr(m, "rope-conform run --seed 18446744073709551615 --level 2 "
                                    "--profile strict --config configs/llama3.json "
                                    "'/opt/cand dir/libcand'\\''s.so'\n"));
    ck_assert_ptr_null(strchr(m, '\x1b'));
    free(m);
    /* a caller-supplied reproduce command, and the warning headline */
    rc_results_free(&r);
    build(&r);
    r.cases[1].status = RC_STATUS_PASS;
    ck_assert_int_eq(rc_report_markdown_ex(&r, tpath("w.md"), "make repro SEED=1", err, sizeof err), 0);
    m = slurp(tpath("w.md"));
    ck_assert_ptr_nonnull(strstr(m, "rope-conform: PASS with warnings"));
    ck_assert_ptr_nonnull(strstr(m, "```sh\nmake repro SEED=1\n```"));
    free(m);
    rc_results_free(&r);
}
END_TEST

START_TEST(markdown_truncates_failures)
{
    rc_results r;
    char err[256] = "";
    memset(&r, 0, sizeof r);
    for (int i = 0; i < 25; i++) {
        char name[32];
        snprintf(name, sizeof name, "case%02d", i);
        add_case(&r, "accuracy", name, RC_STATUS_FAIL, RC_F32);
    }
    ck_assert_int_eq(rc_report_markdown(&r, tpath("m.md"), err, sizeof err), 0);
    char *m = slurp(tpath("m.md"));
    ck_assert_ptr_nonnull(strstr(m, "case19"));
    ck_assert_ptr_null(strstr(m, "case20"));
    ck_assert_ptr_nonnull(strstr(m, "and 5 more"));
    free(m);
    rc_results_free(&r);
}
END_TEST

/* ---- terminal ------------------------------------------------------------- */

static char *terminal(const rc_results *r, int color, int verbose)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rc_report_terminal(r, f, color, verbose), 0);
    fclose(f);
    return buf;
}

START_TEST(terminal_report)
{
    rc_results r;
    build(&r);
    char *t = terminal(&r, 0, 0);
    ck_assert_ptr_nonnull(strstr(t, "accuracy                  1      0      1      0              3.5"));
    ck_assert_ptr_nonnull(strstr(t, "worst err/bound"));
    ck_assert_ptr_nonnull(strstr(t, "FAIL accuracy/" TRICKY_NAME " [f16]: max err 3.5"));
    /* values in decimal beside their bit patterns; the cause on its own line */
    ck_assert_ptr_nonnull(strstr(t, "pair 11 at position 4095 (token 7, head 3): expected (0.781738281 0x3a41, "
                                    "0.883789062 0x3b12) got (0.783691406 0x3a45, 0.8828125 0x3b10)\n"));
    ck_assert_ptr_nonnull(strstr(t, "      cause: table rounded to f16 before the multiply | see <docs>\n"));
    ck_assert_ptr_nonnull(strstr(t, "WARN properties/linearity | scale [bf16]"));
    ck_assert_ptr_nonnull(strstr(t, "\nFAIL: 4 cases: 1 passed, 1 with warnings, 1 failed, 1 skipped in 12.35 s\n"));
    ck_assert_ptr_null(strchr(t, '\x1b'));   /* no colour, and the candidate's ESC is defused */
    ck_assert_ptr_null(strstr(t, "bf16 backward"));   /* SKIP only when verbose */
    ck_assert_ptr_null(strstr(t, "Diagnosis"));       /* nothing to say: no block */
    free(t);
    t = terminal(&r, 1, 1);
    ck_assert_ptr_nonnull(strstr(t, "\033[31mFAIL\033[0m"));
    ck_assert_ptr_nonnull(strstr(t, "bf16 backward"));
    ck_assert_ptr_nonnull(strstr(t, "worst err 3.5 of the bound (raw"));
    ck_assert_ptr_nonnull(strstr(t, ", 0.5 ulp\n"));
    free(t);
    r.cases[1].status = RC_STATUS_PASS;
    t = terminal(&r, 0, 0);
    ck_assert_ptr_nonnull(strstr(t, "\nPASS with warnings: 4 cases"));
    free(t);
    r.cases[2].status = RC_STATUS_PASS;
    t = terminal(&r, 0, 0);
    ck_assert_ptr_nonnull(strstr(t, "\nPASS: 4 cases"));
    free(t);
    rc_results_free(&r);
}
END_TEST

static size_t count_lines(const char *t)
{
    size_t n = 0;
    for (; *t; t++)
        n += *t == '\n';
    return n;
}

/* The Diagnosis block first; one failure per distinct symptom, at most 10. */
START_TEST(terminal_summary_first)
{
    rc_results r;
    memset(&r, 0, sizeof r);
    set_info(&r);
    for (int i = 0; i < 40; i++) {
        char name[32];
        snprintf(name, sizeof name, "case%02d", i);
        rc_case_result *c = add_case(&r, i % 2 ? "accuracy" : "long_context", name, RC_STATUS_FAIL, RC_F32);
        fill_metrics(c, 2.0 + i);
        /* 12 classes over 2 suites: 24 distinct symptoms */
        snprintf(c->diag.cls, sizeof c->diag.cls, "class%d", i % 12);
    }
    r.n_diagnosis = 2;
    snprintf(r.diagnosis[0], RC_DIAG_LINE, "Likely: something (high confidence)");
    snprintf(r.diagnosis[1], RC_DIAG_LINE, "  fix: do it right");
    char *t = terminal(&r, 0, 0);
    char *d = strstr(t, "Diagnosis\n  Likely: something (high confidence)\n    fix: do it right\n");
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_nonnull(strstr(t, "Failures: 40; one per distinct symptom"));
    ck_assert_ptr_nonnull(strstr(t, "case09"));
    ck_assert_ptr_null(strstr(t, "case10"));   /* the 11th distinct symptom */
    ck_assert_uint_lt(count_lines(t), 60);
    ck_assert(d < strstr(t, "suite   "));       /* summary first */
    free(t);
    t = terminal(&r, 0, 1);
    ck_assert_ptr_nonnull(strstr(t, "case39"));
    free(t);
    rc_results_free(&r);
}
END_TEST

/* ---- atomic writes --------------------------------------------------------- */

static int temp_files_left(void)
{
    DIR *d = opendir(tmpdir);
    int n = 0;
    struct dirent *e;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".tmp."))
            n++;
    closedir(d);
    return n;
}

START_TEST(atomic_writes)
{
    rc_results r;
    char err[512] = "";
    build(&r);
    /* a missing directory: clean failure naming the path */
    const char *bad = tpath("no/such/dir/r.json");
    ck_assert_int_eq(rc_report_json(&r, bad, err, sizeof err), -1);
    ck_assert_msg(strstr(err, bad) && strstr(err, strerror(ENOENT)), "%s", err);
    ck_assert_int_eq(rc_report_junit(&r, bad, err, sizeof err), -1);
    ck_assert_int_eq(rc_report_markdown(&r, bad, err, sizeof err), -1);
    ck_assert_ptr_null(strchr(err, '\n'));
    /* the rename fails (the target is a directory): the temp file goes */
    ck_assert_int_eq(mkdir(tpath("adir"), 0700), 0);
    ck_assert_int_eq(rc_report_json(&r, tpath("adir"), err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "adir"));
    ck_assert_int_eq(temp_files_left(), 0);
    /* an existing, longer report is replaced whole */
    rc_results big;
    memset(&big, 0, sizeof big);
    for (int i = 0; i < 200; i++)
        fill_metrics(add_case(&big, "accuracy", "many", RC_STATUS_FAIL, RC_F32), i);
    ck_assert_int_eq(rc_report_json(&big, tpath("r.json"), err, sizeof err), 0);
    ck_assert_int_eq(rc_report_json(&r, tpath("r.json"), err, sizeof err), 0);
    char *on_disk = slurp(tpath("r.json"));
    char *expect = rc_report_json_string(&r);
    size_t el = strlen(expect);
    ck_assert_uint_eq(strlen(on_disk), el + 1);   /* plus the final newline */
    ck_assert(strncmp(on_disk, expect, el) == 0);
    ck_assert_int_eq(temp_files_left(), 0);
    free(on_disk);
    free(expect);
    /* a FAIL run still gets every report */
    ck_assert_int_eq(rc_report_junit(&r, tpath("r.xml"), err, sizeof err), 0);
    ck_assert_int_eq(rc_report_markdown(&r, tpath("r.md"), err, sizeof err), 0);
    ck_assert_int_eq(temp_files_left(), 0);
    rc_results_free(&big);
    rc_results_free(&r);
}
END_TEST

/* ---- baseline ---------------------------------------------------------------- */

static rc_results baseline_set(void)
{
    rc_results r;
    memset(&r, 0, sizeof r);
    fill_metrics(add_case(&r, "accuracy", "a", RC_STATUS_PASS, RC_F32), 0.1);
    fill_metrics(add_case(&r, "accuracy", "b", RC_STATUS_PASS, RC_F32), 0.1);
    fill_metrics(add_case(&r, "accuracy", "c", RC_STATUS_PASS, RC_F32), 0.1);
    fill_metrics(add_case(&r, "accuracy", "c", RC_STATUS_PASS, RC_F16), 0.1);  /* dtype in key */
    fill_metrics(add_case(&r, "accuracy", "gone", RC_STATUS_PASS, RC_F32), 0.1);
    add_case(&r, "properties", "p", RC_STATUS_SKIP, RC_F32);
    return r;
}

/* What the terminal gets for d, listing at most max_info other items. */
static char *diff_text(const rc_baseline_diff *d, size_t max_info)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rc_baseline_diff_print(d, f, 0, max_info), 0);
    fclose(f);
    return out;
}

START_TEST(baseline_compare)
{
    rc_results base = baseline_set(), cur = baseline_set();
    rc_baseline_diff d;
    char err[256];
    /* identical, also after a JSON round trip */
    ck_assert_int_eq(rc_report_baseline(&cur, &base, 2.0, &d), 0);
    ck_assert_uint_eq(d.n_items, 0);
    ck_assert_uint_eq(d.n_matched, 6);
    rc_baseline_diff_free(&d);
    ck_assert_int_eq(rc_report_json(&base, tpath("base.json"), err, sizeof err), 0);
    rc_results loaded;
    memset(&loaded, 0, sizeof loaded);
    ck_assert_int_eq(rc_report_load_json(tpath("base.json"), &loaded, err, sizeof err), 0);
    ck_assert_int_eq(rc_report_baseline(&cur, &loaded, RC_BASELINE_DEFAULT_FACTOR, &d), 0);
    rc_baseline_diff_free(&d);

    cur.cases[0].status = RC_STATUS_FAIL;        /* a: new FAIL             */
    cur.cases[1].metrics.max_err = 0.4;          /* b: 4x worse: regression */
    cur.cases[2].metrics.max_err = 0.15;         /* c f32: 1.5x: fine       */
    cur.cases[3].metrics.max_err = 0.05;         /* c f16: better           */
    snprintf(cur.cases[4].name, sizeof cur.cases[4].name, "new"); /* gone/new */
    cur.cases[5].status = RC_STATUS_FAIL;        /* p: SKIP -> FAIL         */
    ck_assert_int_eq(rc_report_baseline(&cur, &loaded, 2.0, &d), 3);
    ck_assert_uint_eq(d.n_regressions, 3);
    ck_assert_uint_eq(d.n_missing, 1);
    ck_assert_uint_eq(d.n_new, 1);
    ck_assert_uint_eq(d.n_items, 5);
    ck_assert_int_eq(d.items[0].kind, RC_BASELINE_NEW_FAIL);
    ck_assert_str_eq(d.items[0].name, "a");
    ck_assert_int_eq(d.items[1].kind, RC_BASELINE_WORSE);
    ck_assert_str_eq(d.items[1].name, "b");
    assert_same_double(d.items[1].current_err, 0.4, "cur");
    assert_same_double(d.items[1].baseline_err, 0.1, "base");
    ck_assert_int_eq(d.items[2].kind, RC_BASELINE_NEW_FAIL);
    ck_assert_str_eq(d.items[2].name, "p");
    ck_assert_int_eq(d.items[3].kind, RC_BASELINE_MISSING);
    ck_assert_str_eq(d.items[3].name, "gone");
    ck_assert_int_eq(d.items[4].kind, RC_BASELINE_NEW_CASE);
    ck_assert_str_eq(d.items[4].name, "new");
    char *out = diff_text(&d, SIZE_MAX);
    ck_assert_ptr_nonnull(strstr(out, "worse       accuracy/b [f32] max_err 0.1 -> 0.4 (x4)"));
    ck_assert_ptr_nonnull(strstr(out, "missing     accuracy/gone"));
    ck_assert_ptr_nonnull(strstr(out, "new         accuracy/new"));
    ck_assert_ptr_nonnull(strstr(out, "3 regressions against the baseline"));
    ck_assert_ptr_null(strstr(out, "more cases"));
    free(out);
    /* capped: every regression, one other item, a count of the rest */
    out = diff_text(&d, 1);
    ck_assert_ptr_nonnull(strstr(out, "new-fail    accuracy/a"));
    ck_assert_ptr_nonnull(strstr(out, "worse       accuracy/b"));
    ck_assert_ptr_nonnull(strstr(out, "new-fail    properties/p"));
    ck_assert_ptr_nonnull(strstr(out, "missing     accuracy/gone"));
    ck_assert_ptr_null(strstr(out, "new         accuracy/new"));
    ck_assert_ptr_nonnull(strstr(out, "... and 1 more cases missing, new or now skipped"));
    free(out);
    rc_baseline_diff_free(&d);
    /* a looser factor forgives the 4x; NaN is always worse; a fatal counts */
    cur.cases[0].status = RC_STATUS_PASS;
    cur.cases[5].status = RC_STATUS_SKIP;
    ck_assert_int_eq(rc_report_baseline(&cur, &loaded, 5.0, &d), 0);
    rc_baseline_diff_free(&d);
    cur.cases[2].metrics.max_err = NAN;
    strcpy(cur.fatal, "adapter crashed");
    ck_assert_int_eq(rc_report_baseline(&cur, &loaded, 5.0, &d), 2);
    ck_assert_int_eq(d.items[0].kind, RC_BASELINE_FATAL);
    ck_assert_int_eq(d.items[1].kind, RC_BASELINE_WORSE);
    rc_baseline_diff_free(&d);
    /* errors near zero do not make "infinitely worse" noise */
    cur.fatal[0] = '\0';
    cur.cases[2].metrics.max_err = 0.15;
    loaded.cases[0].metrics.max_err = 0.0;
    cur.cases[0].metrics.max_err = 1e-6;
    ck_assert_int_eq(rc_report_baseline(&cur, &loaded, 5.0, &d), 0);
    rc_baseline_diff_free(&d);
    rc_results_free(&loaded);
    rc_results_free(&cur);
    rc_results_free(&base);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reports");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, results_helpers);
    tcase_add_test(t, float_format_round_trip);
    tcase_add_test(t, shell_quote);
    tcase_add_test(t, plot_series);
    tcase_add_test(t, json_document);
    tcase_add_test(t, json_streamed_as_one_tree);
    tcase_add_test(t, json_large_report_loads);
    tcase_add_test(t, json_round_trip);
    tcase_add_test(t, json_load_rejects);
    tcase_add_test(t, junit_document);
    tcase_add_test(t, junit_fatal);
    tcase_add_test(t, markdown_document);
    tcase_add_test(t, markdown_truncates_failures);
    tcase_add_test(t, terminal_report);
    tcase_add_test(t, terminal_summary_first);
    tcase_add_test(t, diagnosis_in_junit_and_markdown);
    tcase_add_test(t, atomic_writes);
    tcase_add_test(t, baseline_compare);
    suite_add_tcase(s, t);
    return run_suite(s);
}
