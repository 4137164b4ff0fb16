/* M-RoPE (ABI 1.1) through the tool: the golden engine against the
 * published formulas, equal axes as 1-D RoPE bit for bit, HF import of
 * both forms, ABI-1.0 adapters never offered it; and the proportional type. */
#define _XOPEN_SOURCE 700 /* nftw (testutil.h) */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "default_params.h"
#include "cmd_golden.h"
#include "config.h"
#include "testrun.h"
#define TMPDIR_PREFIX "rc_mrope"
#include "testutil.h"
#include "dtype.h"
#include "fileio.h"
#include "loader.h"
#include "probe.h"
#include "rope_mrope.h"
#include "run.h"
#include "runner.h"
#include "sandbox.h"
#include "variants.h"
#include "vectors.h"
/* after run.h: mpfr.h's mpfr_version macro would clash with results.h */
#include "golden_internal.h"

#define FIX(name) RC_FIXTURE_DIR "/" name
#define ADAPTER(name) RC_TEST_ADAPTER_DIR "/" name ".so"
#define REFERENCE RC_BUILD_DIR "/adapters/librope_reference.so"

static rc_config cfg;
static char err[512];

/* ---- rope-conform golden: one document per call, parsed ---------------- */

static cJSON *golden_doc(const rc_config *c, rc_dtype dt, const char *positions)
{
    rc_golden_req q;
    memset(&q, 0, sizeof q);
    int64_t *pos = NULL;
    ck_assert_msg(rc_positions_parse_axes(positions, rc_mrope_axes(&c->params), &pos, &q.n_positions,
                                          err, sizeof err) == 0, "%s", err);
    q.cfg = c;
    q.dtype = dt;
    q.positions = pos;
    q.heads = 2;
    q.seed = 7;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_msg(rc_golden_emit(f, &q, err, sizeof err) == 0, "%s", err);
    fclose(f);
    free(pos);
    cJSON *doc = cJSON_Parse(buf);
    free(buf);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static void mrope_params(rc_config *c, rc_rope_type t, rc_pairing pr, rc_mrope_layout lay)
{
    rc_variant_params(c, t, pr, 64, 48, 1e4);
    rc_mrope_canonical(&c->params, lay);
}

#define POS "0,1,2,3,100,4095-4097,65535,16777217,2147483647,-3"

/* M-RoPE with t = h = w is the 1-D RoPE of those positions: the same
 * outputs bit for bit, every dtype, both layouts and both pairings. */
START_TEST(test_equal_axes_are_1d)
{
    const rc_dtype dt = (rc_dtype)(_i % 4);
    const rc_mrope_layout lay = (rc_mrope_layout)(_i / 4 % 2);
    const rc_pairing pr = (rc_pairing)(_i / 8 % 2);
    const rc_rope_type t = _i / 16 ? RC_ROPE_YARN : RC_ROPE_DEFAULT;
    static rc_config plain;
    mrope_params(&cfg, t, pr, lay);
    rc_variant_params(&plain, t, pr, 64, 48, 1e4);
    cJSON *a = golden_doc(&cfg, dt, POS ";" POS ";" POS);
    cJSON *b = golden_doc(&plain, dt, POS);
    cJSON *oa = cJSON_GetObjectItem(a, "outputs"), *ob = cJSON_GetObjectItem(b, "outputs");
    ck_assert_int_eq(cJSON_GetArraySize(oa), 12);
    ck_assert_msg(cJSON_Compare(oa, ob, 1), "M-RoPE with equal axes differs from 1-D RoPE");
    cJSON *pa = cJSON_GetObjectItem(a, "positions");
    ck_assert_int_eq(cJSON_GetArraySize(pa), 3);
    cJSON_Delete(a);
    cJSON_Delete(b);
}
END_TEST

/* ---- the published formulas, computed here independently --------------- */

/* HF Qwen2-VL apply_multimodal_rotary_pos_emb: emb = cat(freqs, freqs)
 * per axis; its r channels split into chunks mrope_section * 2 and chunk
 * i takes axis i % 3 (a chunk past the sections is index 6: axis T).
 * Qwen3-VL apply_interleaved_mrope on the r/2 frequencies: freqs_t =
 * freqs[T]; freqs_t[1 : 3 s_H : 3] = freqs[H]; freqs_t[2 : 3 s_W : 3] =
 * freqs[W]. */
static int published_axis(const rc_rope_params *p, int k)
{
    const int32_t *s = p->mrope_section;
    if (p->mrope_layout == RC_MROPE_INTERLEAVED) {
        int axis = 0;
        for (int j = 1; j < 3 * s[1]; j += 3)
            axis = j == k ? 1 : axis;
        for (int j = 2; j < 3 * s[2]; j += 3)
            axis = j == k ? 2 : axis;
        return axis;
    }
    const int chunks[6] = { s[0], s[1], s[2], s[0], s[1], s[2] };
    int start = 0;
    for (int i = 0; i < 6; i++) {
        if (k < start + chunks[i])
            return i % 3;
        start += chunks[i];
    }
    return 0;
}

START_TEST(test_distinct_axes_follow_formula)
{
    const rc_mrope_layout lay = (rc_mrope_layout)(_i % 2);
    const rc_pairing pr = (rc_pairing)(_i / 2);
    mrope_params(&cfg, RC_ROPE_DEFAULT, pr, lay);
    const rc_rope_params *p = &cfg.params;
    const char *lists = "0,1,7,300,1000;5,0,11,40,2000;9,3,0,700,3000";
    cJSON *doc = golden_doc(&cfg, RC_F64, lists);
    const int64_t P[3][5] = { { 0, 1, 7, 300, 1000 }, { 5, 0, 11, 40, 2000 }, { 9, 3, 0, 700, 3000 } };
    const cJSON *in = cJSON_GetObjectItem(doc, "inputs"), *out = cJSON_GetObjectItem(doc, "outputs");
    const int np = p->rotary_dim / 2;
    int checked = 0, off_axis_t = 0;
    for (int t = 0; t < 5; t++) {
        const cJSON *xr = cJSON_GetArrayItem(in, t), *yr = cJSON_GetArrayItem(out, t);
        for (int h = 0; h < 2; h++)
            for (int k = 0; k < np; k++) {
                const int i0 = pr == RC_HALF_SPLIT ? k : 2 * k, i1 = pr == RC_HALF_SPLIT ? k + np : 2 * k + 1;
                double x[2], y[2];
                for (int j = 0; j < 2; j++) {
                    const int ch = h * 64 + (j ? i1 : i0);
                    x[j] = strtod(strchr(cJSON_GetArrayItem(xr, ch)->valuestring, ' ') + 1, NULL);
                    y[j] = strtod(strchr(cJSON_GetArrayItem(yr, ch)->valuestring, ' ') + 1, NULL);
                }
                const int a = published_axis(p, k);
                off_axis_t += a != 0;
                const long double ang = (long double)P[a][t] * powl(1e4L, -2.0L * k / p->rotary_dim);
                const long double e0 = x[0] * cosl(ang) - x[1] * sinl(ang);
                const long double e1 = x[0] * sinl(ang) + x[1] * cosl(ang);
                const double tol = 1e-13 * (fabs(x[0]) + fabs(x[1]));
                ck_assert_msg(fabsl(e0 - y[0]) <= tol && fabsl(e1 - y[1]) <= tol,
                              "token %d head %d pair %d (axis %d): golden %a %a, formula %La %La", t, h, k,
                              a, y[0], y[1], e0, e1);
                checked++;
            }
        /* the pass-through channels 48..63 are the inputs */
        for (int ch = 48; ch < 64; ch++)
            ck_assert_str_eq(cJSON_GetArrayItem(xr, ch)->valuestring, cJSON_GetArrayItem(yr, ch)->valuestring);
    }
    ck_assert_int_eq(checked, 5 * 2 * np);
    ck_assert_int_gt(off_axis_t, 0);
    cJSON_Delete(doc);
}
END_TEST

/* The harness's map matches the formula for every layout and section set. */
START_TEST(test_axis_map)
{
    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = p.rotary_dim = 128;
    p.base = 1e4;
    p.n_axes = 3;
    const int32_t sets[][3] = { { 16, 24, 24 }, { 24, 20, 20 }, { 64, 0, 0 }, { 0, 32, 32 }, { 22, 21, 21 } };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++)
        for (int lay = 0; lay < 2; lay++) {
            memcpy(p.mrope_section, sets[s], sizeof p.mrope_section);
            p.mrope_layout = (rc_mrope_layout)lay;
            ck_assert_int_eq(rc_params_validate(&p, err, sizeof err), 0);
            for (int k = 0; k < 64; k++)
                ck_assert_int_eq(rc_mrope_axis(&p, k), published_axis(&p, k));
        }
    p.mrope_section[0] = 21; /* 63 pairs of 64: HF's split needs all of them */
    ck_assert_int_eq(rc_params_validate(&p, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "mrope_section"));
    p.mrope_section[0] = 22;
    p.n_axes = 2;
    ck_assert_int_eq(rc_params_validate(&p, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "n_axes"));
}
END_TEST

/* ---- configuration files ------------------------------------------------- */

static void load_ok(const char *path)
{
    ck_assert_msg(rc_config_load(path, &cfg, err, sizeof err) == 0, "%s: %s", path, err);
    ck_assert_int_eq(rc_params_validate(&cfg.params, err, sizeof err), 0);
}

static void parse_fails(const char *text, const char *needle)
{
    ck_assert_int_eq(rc_config_parse(text, "inline", &cfg, err, sizeof err), -1);
    ck_assert_msg(strstr(err, needle), "'%s' not in: %s", needle, err);
}

START_TEST(test_hf_import)
{
    load_ok(FIX("qwen2_vl_7b.json"));
    const rc_rope_params *p = &cfg.params;
    ck_assert_int_eq(p->type, RC_ROPE_DEFAULT);
    ck_assert_int_eq(p->head_dim, 128);
    ck_assert_int_eq(p->rotary_dim, 128);
    ck_assert_int_eq(p->n_axes, 3);
    ck_assert_int_eq(p->mrope_layout, RC_MROPE_SECTIONED);
    ck_assert_int_eq(p->mrope_section[0], 16);
    ck_assert_int_eq(p->mrope_section[1], 24);
    ck_assert_int_eq(p->mrope_section[2], 24);
    ck_assert(p->base == 1e6);
    load_ok(FIX("qwen3_vl_text.json"));
    ck_assert_int_eq(p->n_axes, 3);
    ck_assert_int_eq(p->mrope_layout, RC_MROPE_INTERLEAVED);
    ck_assert_int_eq(p->mrope_section[0], 24);
    ck_assert_int_eq(p->mrope_section[2], 20);
    load_ok(FIX("proportional_quarter.json"));
    ck_assert_int_eq(p->type, RC_ROPE_PROPORTIONAL);
    ck_assert_int_eq(p->rotary_dim, 256);
    ck_assert_int_eq(p->freq_pairs, 32);
    ck_assert(p->factor == 1.0);
    parse_fails("{\"head_dim\": 64, \"num_attention_heads\": 1, \"rope_scaling\": {\"type\": \"mrope\"}}",
                "needs \"mrope_section\"");
    parse_fails("{\"head_dim\": 64, \"rope_scaling\": {\"type\": \"mrope\", \"mrope_section\": [8, 8]}}",
                "expected 3");
    parse_fails("{\"head_dim\": 64, \"rope_scaling\": {\"type\": \"mrope\", \"mrope_section\": [16, 16, 16]}}",
                "rotary_dim/2");
    parse_fails("{\"rope_conform_params\": 1, \"head_dim\": 64, \"n_axes\": 3, \"mrope_section\": [8, 8, 8],"
                " \"mrope_layout\": \"diagonal\"}", "mrope_layout");
}
END_TEST

/* ---- adapters built for ABI 1.0 ------------------------------------------ */

static int run(const char *adapter, const char *config, const char *suite, const char *json)
{
    rc_run_opts o = level1_opts(adapter, config, suite, json);
    return rc_run(&o);
}

static cJSON *read_json(const char *path)
{
    char *text = rc_read_file(path, RC_INPUT_MAX_BYTES, NULL, err, sizeof err);
    ck_assert_msg(text != NULL, "%s", err);
    cJSON *j = cJSON_Parse(text);
    free(text);
    ck_assert_ptr_nonnull(j);
    return j;
}

static const char *write_params(const rc_config *c)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/rc_mrope_cfg_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    cJSON *j = rc_params_to_json(&c->params);
    char *text = cJSON_Print(j);
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    free(text);
    cJSON_Delete(j);
    return path;
}

START_TEST(test_abi10_adapter)
{
    rc_candidate c;
    ck_assert_msg(rc_candidate_load(ADAPTER("abi10"), &c, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(rc_candidate_abi_minor(&c), 0);
    mrope_params(&cfg, RC_ROPE_DEFAULT, RC_HALF_SPLIT, RC_MROPE_SECTIONED);
    ck_assert_int_eq(rc_candidate_offers(&c, &cfg.params), 0);
    rc_variant_params(&cfg, RC_ROPE_PROPORTIONAL, RC_HALF_SPLIT, 64, 64, 1e4);
    ck_assert_int_eq(rc_candidate_offers(&c, &cfg.params), 0);
    rc_variant_params(&cfg, RC_ROPE_DEFAULT, RC_HALF_SPLIT, 64, 64, 1e4);
    ck_assert_int_eq(rc_candidate_offers(&c, &cfg.params), 1);
    /* the sandbox itself never hands them over, whoever asks: its
     * supports() aborts on 1.1 params, so a call that reached it crashes */
    rc_config asked[3];
    rc_call calls[3];
    rc_call_result res[3];
    memset(calls, 0, sizeof calls);
    mrope_params(&asked[0], RC_ROPE_DEFAULT, RC_HALF_SPLIT, RC_MROPE_INTERLEAVED);
    rc_variant_params(&asked[1], RC_ROPE_PROPORTIONAL, RC_HALF_SPLIT, 64, 64, 1e4);
    rc_variant_params(&asked[2], RC_ROPE_DEFAULT, RC_HALF_SPLIT, 64, 64, 1e4);
    for (int i = 0; i < 3; i++) {
        calls[i].kind = RC_CALL_SUPPORTS;
        calls[i].params = &asked[i].params;
        calls[i].dtype = RC_F32;
    }
    ck_assert_int_eq(rc_sandbox_run(&c, calls, 3, res, 10.0), 0);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(res[i].outcome, RC_OUTCOME_UNSUPPORTED);
        ck_assert_msg(strstr(res[i].message, "ABI 1.0") && strstr(res[i].message, "ABI 1.1"), "%s",
                      res[i].message);
    }
    ck_assert_int_eq(res[2].outcome, RC_OUTCOME_OK);
    rc_candidate_unload(&c);
    ck_assert_msg(rc_candidate_load(REFERENCE, &c, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(rc_candidate_abi_minor(&c), RC_ABI_MINOR);
    rc_candidate_unload(&c);

    /* the whole default grid: it loads and passes, and its supports()
     * (which aborts on 1.1 params) is never asked about M-RoPE */
    char json[] = "/tmp/rc_mrope_json_XXXXXX";
    close(mkstemp(json));
    ck_assert_int_eq(run(ADAPTER("abi10"), NULL, NULL, json), 0);
    cJSON *r = read_json(json);
    char *text = cJSON_PrintUnformatted(r);
    ck_assert_ptr_null(strstr(text, "mrope-"));
    ck_assert_ptr_null(strstr(text, "\"n_axes\":3"));
    free(text);
    cJSON_Delete(r);
    /* an M-RoPE config: not run, and the message says why */
    mrope_params(&cfg, RC_ROPE_DEFAULT, RC_HALF_SPLIT, RC_MROPE_SECTIONED);
    const char *path = write_params(&cfg);
    ck_assert_int_eq(run(ADAPTER("abi10"), path, NULL, json), 1);
    r = read_json(json);
    text = cJSON_PrintUnformatted(r);
    ck_assert_msg(strstr(text, "ABI 1.0"), "%s", text);
    free(text);
    cJSON_Delete(r);
    unlink(path);
    unlink(json);
}
END_TEST

/* The reference (ABI 1.1) passes the mrope suite on an M-RoPE config. */
START_TEST(test_reference_mrope_suite)
{
    mrope_params(&cfg, RC_ROPE_DEFAULT, (rc_pairing)_i, (rc_mrope_layout)_i);
    const char *path = write_params(&cfg);
    char json[] = "/tmp/rc_mrope_json_XXXXXX";
    close(mkstemp(json));
    ck_assert_int_eq(run(REFERENCE, path, "mrope", json), 0);
    cJSON *r = read_json(json);
    char *text = cJSON_PrintUnformatted(r);
    ck_assert_ptr_nonnull(strstr(text, "mrope-distinct"));
    ck_assert_ptr_nonnull(strstr(text, "mrope-shift-W"));
    ck_assert_ptr_null(strstr(text, "\"FAIL\""));
    free(text);
    cJSON_Delete(r);
    unlink(path);
    unlink(json);
}
END_TEST

/* identify recovers the sections and layout from the outputs, and names
 * a candidate whose layout is not the declared one. */
START_TEST(test_identify)
{
    static rc_identify_result res;
    static const char *const cands[2] = { REFERENCE, RC_BUILD_DIR "/adapters/catalogue/libmrope-layout-swapped.so" };
    rc_candidate c;
    ck_assert_msg(rc_candidate_load(cands[_i], &c, err, sizeof err) == 0, "%s", err);
    rc_variant_params(&cfg, RC_ROPE_DEFAULT, RC_HALF_SPLIT, 128, 128, 1e6);
    cfg.params.n_axes = 3;
    cfg.params.mrope_section[0] = 16;
    cfg.params.mrope_section[1] = cfg.params.mrope_section[2] = 24;
    ck_assert_msg(rc_identify(&c, &cfg, RC_F32, 20.0, &res, err, sizeof err) == 0, "%s", err);
    const rc_rope_params *ip = &res.ident.params;
    ck_assert_int_eq(ip->n_axes, 3);
    if (_i == 0) {
        ck_assert_int_eq(ip->mrope_layout, RC_MROPE_SECTIONED);
        ck_assert_int_eq(ip->mrope_section[0], 16);
        ck_assert_int_eq(ip->mrope_section[1], 24);
        ck_assert_int_eq(res.n_mismatch, 0);
    } else { /* the interleaved map of 64 pairs: 22 T, 21 H, 21 W */
        ck_assert_int_eq(ip->mrope_layout, RC_MROPE_INTERLEAVED);
        ck_assert_int_eq(ip->mrope_section[0], 22);
        ck_assert_int_eq(res.n_mismatch, 1);
        ck_assert_ptr_nonnull(strstr(res.mismatch[0], "M-RoPE: declares sectioned 16/24/24"));
    }
    rc_identify_free(&res);
    rc_candidate_unload(&c);
}
END_TEST

/* ---- proportional ------------------------------------------------------- */

/* Pairs past freq_pairs have frequency 0 and pass through; the fast path
 * gives the MPFR path's bits. */
START_TEST(test_proportional)
{
    rc_variant_params(&cfg, RC_ROPE_PROPORTIONAL, (rc_pairing)_i, 64, 64, 1e6);
    cfg.params.freq_pairs = 8;
    rc_golden *g = rc_golden_new(&cfg.params, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    ck_assert(rc_golden_inv_freq(g, 7) == pow(1e6, -14.0 / 64));
    ck_assert(rc_golden_inv_freq(g, 8) == 0.0);
    const int64_t pos[3] = { 1, 65535, 2147483647 };
    float x[3 * 64], y[3 * 64], z[3 * 64];
    for (int i = 0; i < 3 * 64; i++)
        x[i] = (float)sin(i + 0.5);
    rc_tensor in = { RC_F32, x, 3, 1, 64, 64, 64 }, out = in, out2 = in;
    out.data = y;
    out2.data = z;
    ck_assert_int_eq(rc_golden_apply(g, pos, &in, &out, 1), 0);
    rc_golden_set_fast(g, 0);
    ck_assert_int_eq(rc_golden_apply(g, pos, &in, &out2, 1), 0);
    ck_assert_int_eq(memcmp(y, z, sizeof y), 0);
    for (int t = 0; t < 3; t++)
        for (int k = 8; k < 32; k++) {
            int i0 = _i ? 2 * k : k, i1 = _i ? 2 * k + 1 : k + 32;
            ck_assert(y[t * 64 + i0] == x[t * 64 + i0] && y[t * 64 + i1] == x[t * 64 + i1]);
        }
    /* a zero frequency is an exact zero angle: cos 1 and sin +0, decided at
     * once (an approximated sin of 0 has an undecidable sign: every level
     * up to the widest, then counted as unproven) */
    double cs[2][3 * 32];
    for (int fast = 0; fast < 2; fast++) {
        rc_golden_set_fast(g, fast);
        ck_assert_int_eq(rc_golden_cos_sin(g, pos, 3, RC_F64, cs[0], cs[1]), 0);
        for (int t = 0; t < 3; t++)
            for (int k = 8; k < 32; k++)
                ck_assert(cs[0][t * 32 + k] == 1.0 && cs[1][t * 32 + k] == 0.0 &&
                          !signbit(cs[1][t * 32 + k]));
    }
    ck_assert_int_eq(rc_golden_unproven(g), 0);
    rc_golden_free(g);
}
END_TEST

/* Diagnosis names the M-RoPE bugs: the layout swap as such (either way
 * round) and 1-D positions, each with the catalogue entry reproducing it. */
START_TEST(test_diagnosis_names_mrope_bugs)
{
    static const struct { const char *so, *evidence, *entry; } bug[2] = {
        { "libmrope-layout-swapped.so", "M-RoPE layouts swapped", "mrope.layout-swapped" },
        { "libmrope-positions-1d.so", "the T axis's position", "mrope.positions-1d" },
    };
    char so[512], json[] = "/tmp/rc_mrope_diag_XXXXXX";
    snprintf(so, sizeof so, "%s/adapters/catalogue/%s", RC_BUILD_DIR, bug[_i].so);
    close(mkstemp(json));
    ck_assert_int_eq(run(so, NULL, RC_MROPE_NAME, json), 1);
    cJSON *r = read_json(json);
    const cJSON *cases = cJSON_GetObjectItem(r, "cases");
    int failed = 0, named = 0;
    for (const cJSON *c = cases ? cases->child : NULL; c; c = c->next) {
        const cJSON *d = cJSON_GetObjectItem(c, "diagnosis");
        if (!d || !cJSON_IsObject(d))
            continue;
        failed++;
        const char *cls = cJSON_GetStringValue(cJSON_GetObjectItem(d, "class"));
        const char *ev = cJSON_GetStringValue(cJSON_GetObjectItem(d, "evidence"));
        const char *entry = cJSON_GetStringValue(cJSON_GetObjectItem(d, "entry"));
        ck_assert_msg(cls && strcmp(cls, RC_MROPE_NAME) == 0, "%s: class %s", bug[_i].so, cls ? cls : "-");
        ck_assert_msg(ev && strstr(ev, bug[_i].evidence), "%s: %s", bug[_i].so, ev ? ev : "-");
        named += entry && strcmp(entry, bug[_i].entry) == 0;
    }
    ck_assert_int_ge(failed, 4);
    ck_assert_int_ge(named, 1);
    cJSON_Delete(r);
    unlink(json);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("mrope");
    TCase *g = tcase_create("golden");
    tcase_add_loop_test(g, test_equal_axes_are_1d, 0, 32);
    tcase_add_loop_test(g, test_distinct_axes_follow_formula, 0, 4);
    tcase_add_test(g, test_axis_map);
    tcase_add_loop_test(g, test_proportional, 0, 2);
    suite_add_tcase(s, g);
    TCase *c = tcase_create("config");
    tcase_add_test(c, test_hf_import);
    suite_add_tcase(s, c);
    TCase *a = tcase_create("adapters");
    tcase_set_timeout(a, 600);
    tcase_add_test(a, test_abi10_adapter);
    tcase_add_loop_test(a, test_reference_mrope_suite, 0, 2);
    tcase_add_loop_test(a, test_identify, 0, 2);
    tcase_add_loop_test(a, test_diagnosis_names_mrope_bugs, 0, 2);
    suite_add_tcase(s, a);
    return s;
}

int main(void) { return run_suite(suite()); }
