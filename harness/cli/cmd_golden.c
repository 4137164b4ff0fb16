/* `rope-conform golden`: correctly rounded outputs (and cos/sin, angles)
 * for a configuration, positions and inputs, as JSON whose floats are
 * strings "BITS %a": exact for programs, readable for people. */
#include "cli.h"
#include "cmd_golden.h"
#include "escape.h"
#include "dtype.h"
#include "golden.h"
#include "prng.h"
#include "rope_mrope.h"
#include "vectors.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MAX_POSITIONS 1000000
#define MAX_HEADS 64

/* One integer of a position list: optional '-', digits. */
static const char *parse_int(const char *s, int64_t *v)
{
    if (!(*s == '-' && s[1] >= '0' && s[1] <= '9') && !(*s >= '0' && *s <= '9'))
        return NULL;
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (errno)
        return NULL;
    *v = x;
    return end;
}

int rc_positions_parse(const char *list, int64_t **out, size_t *n, char *err, size_t errlen)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    const char *s = list;
    for (;;) {
        const char *start = s, *e;
        int64_t lo, hi;
        if (!(e = parse_int(s, &lo)))
            goto bad;
        hi = lo;
        if (*e == '-' && !(e = parse_int(e + 1, &hi)))
            goto bad;
        if (*e != ',' && *e != '\0')
            goto bad;
        if (hi < lo) {
            snprintf(err, errlen, "--positions: range '%.*s' runs backwards", (int)(e - start), start);
            goto fail;
        }
        if ((uint64_t)hi - (uint64_t)lo >= MAX_POSITIONS - *n) {
            snprintf(err, errlen, "--positions: more than %d positions", MAX_POSITIONS);
            goto fail;
        }
        for (int64_t p = lo;; p++) {
            if (*n == cap) {
                cap = cap ? 2 * cap : 64;
                int64_t *q = realloc(*out, cap * sizeof *q);
                if (!q) {
                    snprintf(err, errlen, "out of memory");
                    goto fail;
                }
                *out = q;
            }
            (*out)[(*n)++] = p;
            if (p == hi)
                break;
        }
        if (*e == '\0')
            return 0;
        s = e + 1;
        continue;
    bad:;
        const char *comma = strchr(start, ',');
        int len = comma ? (int)(comma - start) : (int)strlen(start);
        snprintf(err, errlen, "--positions: bad item '%.*s' (expected an integer N or a range A-B, "
                 "comma-separated)", len > 60 ? 60 : len, start);
        goto fail;
    }
fail:
    free(*out);
    *out = NULL;
    *n = 0;
    return -1;
}

int rc_positions_parse_axes(const char *list, int axes, int64_t **out, size_t *n, char *err,
                            size_t errlen)
{
    const char *semi = strchr(list, ';');
    if (!semi) { /* one list: every axis the same (a text token) */
        if (rc_positions_parse(list, out, n, err, errlen) != 0 || axes == 1)
            return *out ? 0 : -1;
        int64_t *all = realloc(*out, (size_t)axes * *n * sizeof *all);
        if (!all) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        for (int a = 1; a < axes; a++)
            memcpy(all + (size_t)a * *n, all, *n * sizeof *all);
        *out = all;
        return 0;
    }
    if (axes == 1) {
        snprintf(err, errlen, "--positions: ';' separates M-RoPE axes, but the config has one "
                 "position per token");
        return -1;
    }
    *out = NULL;
    *n = 0;
    const char *s = list;
    for (int a = 0; a < axes; a++) {
        const char *end = strchr(s, ';');
        if ((a + 1 < axes) != (end != NULL)) {
            snprintf(err, errlen, "--positions: M-RoPE needs %d ';'-separated lists (T;H;W)", axes);
            goto fail;
        }
        char *one = end ? strndup(s, (size_t)(end - s)) : strdup(s);
        int64_t *pa = NULL;
        size_t na = 0;
        int bad = !one || rc_positions_parse(one, &pa, &na, err, errlen) != 0;
        free(one);
        if (!bad && a > 0 && na != *n) {
            snprintf(err, errlen, "--positions: axis %d has %zu positions, axis 0 has %zu; all must "
                     "have one per token", a, na, *n);
            bad = 1;
        }
        int64_t *all = bad ? NULL : realloc(*out, (size_t)axes * na * sizeof *all);
        if (!all) {
            free(pa);
            if (!bad)
                snprintf(err, errlen, "out of memory");
            goto fail;
        }
        memcpy(all + (size_t)a * na, pa, na * sizeof *all);
        free(pa);
        *out = all;
        *n = na;
        s = end ? end + 1 : s;
    }
    return 0;
fail:
    free(*out);
    *out = NULL;
    *n = 0;
    return -1;
}

/* Input rows from a JSON file: an array of rows, or an object with
 * "inputs" (the golden command's own output reads back). */
static int read_inputs(const char *path, rc_dtype dt, size_t rows, size_t width, void *dst, char *err,
                       size_t errlen)
{
    char *text = rc_vec_read_text(path, NULL, err, errlen);
    if (!text)
        return -1;
    cJSON *root = cJSON_ParseWithOpts(text, NULL, 1);
    free(text);
    const cJSON *a = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "inputs") : root;
    int rc = -1;
    if (!root) {
        snprintf(err, errlen, "%s: not valid JSON", path);
        goto done;
    }
    if (!cJSON_IsArray(a)) {
        snprintf(err, errlen, "%s: expected an array of input vectors (or an object with \"inputs\")", path);
        goto done;
    }
    if ((size_t)cJSON_GetArraySize(a) != rows) {
        snprintf(err, errlen, "%s: %d input vectors for %zu positions", path, cJSON_GetArraySize(a), rows);
        goto done;
    }
    size_t r = 0;
    for (const cJSON *row = a->child; row; row = row->next, r++) {
        if (!cJSON_IsArray(row) || (size_t)cJSON_GetArraySize(row) != width) {
            snprintf(err, errlen, "%s: input vector %zu must be an array of %zu values (heads x head_dim)",
                     path, r, width);
            goto done;
        }
        size_t i = 0;
        for (const cJSON *e = row->child; e; e = e->next, i++) {
            char why[160];
            uint64_t bits;
            if (!cJSON_IsString(e)) {
                snprintf(err, errlen, "%s: input vector %zu value %zu must be a string (bits or %%a): "
                         "JSON numbers do not keep every bit", path, r, i);
                goto done;
            }
            if (rc_vec_value_parse(e->valuestring, dt, 0, &bits, why, sizeof why) != 0) {
                snprintf(err, errlen, "%s: input vector %zu value %zu: %s", path, r, i, why);
                goto done;
            }
            size_t at = r * width + i;
            switch (rc_dtype_size(dt)) {
            case 8: ((uint64_t *)dst)[at] = bits; break;
            case 4: ((uint32_t *)dst)[at] = (uint32_t)bits; break;
            default: ((uint16_t *)dst)[at] = (uint16_t)bits; break;
            }
        }
    }
    rc = 0;
done:
    cJSON_Delete(root);
    return rc;
}

static void put_rows(FILE *f, const char *key, const void *data, rc_dtype t, size_t rows, size_t width)
{
    char v[64];
    fprintf(f, ",\n  \"%s\": [\n", key);
    for (size_t r = 0; r < rows; r++) {
        fputs("    [", f);
        for (size_t i = 0; i < width; i++)
            fprintf(f, "%s\"%s\"", i ? ", " : "",
                    rc_vec_value_str(rc_load_bits(data, t, r * width + i), t, 1, v, sizeof v));
        fputs(r + 1 < rows ? "],\n" : "]\n", f);
    }
    fputs("  ]", f);
}

int rc_golden_emit(FILE *f, const rc_golden_req *q, char *err, size_t errlen)
{
    const rc_rope_params *p = &q->cfg->params;
    rc_golden *g = rc_golden_new(p, err, errlen);
    if (!g)
        return -1;
    const size_t n = q->n_positions, hd = (size_t)p->head_dim, width = (size_t)q->heads * hd;
    const size_t half = (size_t)(p->rotary_dim / 2), es = rc_dtype_size(q->dtype);
    void *in = calloc(n * width + 1, es), *out = calloc(n * width + 1, es);
    void *cs = calloc(n * half + 1, es), *sn = calloc(n * half + 1, es);
    double *ang = calloc(n * half + 1, sizeof *ang);
    int rc = -1;
    if (!in || !out || !cs || !sn || !ang) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    if (q->input_path) {
        if (read_inputs(q->input_path, q->dtype, n, width, in, err, errlen) != 0)
            goto done;
    } else {
        /* row t: splitmix64 keyed by (seed, "golden/t"), 2u-1 to nearest */
        for (size_t t = 0; t < n; t++) {
            char key[40];
            snprintf(key, sizeof key, "golden/%zu", t);
            rc_prng pg = rc_prng_keyed(q->seed, key);
            for (size_t i = 0; i < width; i++)
                rc_store(in, q->dtype, t * width + i, 2.0 * rc_prng_unit(&pg) - 1.0);
        }
    }
    rc_tensor ti = { q->dtype, in, (int64_t)n, q->heads, (int64_t)hd, (int64_t)width, (int64_t)hd };
    rc_tensor to = ti;
    to.data = out;
    if (rc_golden_apply(g, q->positions, &ti, &to, 1) != 0 ||
        (q->cos_sin && rc_golden_cos_sin(g, q->positions, (int64_t)n, q->dtype, cs, sn) != 0) ||
        (q->angles && rc_golden_angles(g, q->positions, (int64_t)n, ang) != 0)) {
        snprintf(err, errlen, "golden engine: %s", rc_golden_last_error(g));
        goto done;
    }
    cJSON *pj = rc_params_to_json(p);
    char *ps = pj ? cJSON_PrintUnformatted(pj) : NULL;
    cJSON_Delete(pj);
    if (!ps) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    double m = rc_golden_magnitude(g);
    uint64_t mb;
    memcpy(&mb, &m, sizeof mb);
    char v[64];
    fprintf(f, "{\n  \"rope_conform_golden\": 1,\n  \"params\": %s,\n  \"dtype\": \"%s\",\n"
            "  \"heads\": %d,\n  \"head_dim\": %d,\n", ps, rc_dtype_name(q->dtype), q->heads, p->head_dim);
    free(ps);
    if (q->input_path)
        fprintf(f, "  \"input_file\": \"%s\",\n", q->input_path);
    else
        fprintf(f, "  \"seed\": %" PRIu64 ",\n", q->seed);
    fprintf(f, "  \"magnitude\": \"%s\",\n  \"positions\": ", rc_vec_value_str(mb, RC_F64, 1, v, sizeof v));
    const int axes = rc_mrope_axes(p); /* M-RoPE: one list per axis, T, H, W */
    fputs(axes > 1 ? "[[" : "[", f);
    for (int a = 0; a < axes; a++)
        for (size_t t = 0; t < n; t++)
            fprintf(f, "%s%" PRId64, t ? ", " : a ? "], [" : "", q->positions[(size_t)a * n + t]);
    fputs(axes > 1 ? "]]" : "]", f);
    put_rows(f, "inputs", in, q->dtype, n, width);
    put_rows(f, "outputs", out, q->dtype, n, width);
    if (q->cos_sin) {
        put_rows(f, "cos", cs, q->dtype, n, half);
        put_rows(f, "sin", sn, q->dtype, n, half);
    }
    if (q->angles)
        put_rows(f, "angles", ang, RC_F64, n, half);
    fputs("\n}\n", f);
    rc = ferror(f) ? -1 : 0;
    if (rc)
        snprintf(err, errlen, "write error");
done:
    rc_golden_free(g);
    free(in);
    free(out);
    free(cs);
    free(sn);
    free(ang);
    return rc;
}

static void help(FILE *f)
{
    fprintf(f,
            "usage: rope-conform golden --config FILE --dtype D --positions LIST [OPTIONS]\n"
            "Correctly rounded RoPE outputs from the MPFR golden engine, as JSON; every float\n"
            "is a string \"BITS %%a\" (bit pattern in hex, then the exact value).\n"
            "  --config FILE     HF config.json or rope-conform params JSON\n"
            "  --dtype D         f64, f32, f16 or bf16 (default: the config's dtype)\n"
            "  --positions LIST  integers and ranges, e.g. 0,1,2,100-110,2147483647; for an\n"
            "                    M-RoPE config \"T;H;W\", one such list per axis, all of one\n"
            "                    length (a single list: every axis the same)\n"
            "  --input FILE      JSON input vectors, one per position, heads x head_dim values\n"
            "                    each, as bit strings or %%a strings (default: random)\n"
            "  --seed S          seed of the random inputs (*1): row t is splitmix64 keyed by\n"
            "                    (S, \"golden/t\"), each value 2u-1 rounded to the dtype\n"
            "  --heads N         heads per position (*1)\n"
            "  --cos-sin         add m*cos and m*sin, [position][rotary_dim/2], in the dtype\n"
            "  --angles          add the exact angles reduced to (-pi, pi], as binary64\n");
}

enum { O_CONFIG = 256, O_DTYPE, O_POSITIONS, O_INPUT, O_COS_SIN, O_ANGLES, O_HEADS, O_SEED, O_HELP };

int rc_cmd_golden(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "config", required_argument, 0, O_CONFIG }, { "dtype", required_argument, 0, O_DTYPE },
        { "positions", required_argument, 0, O_POSITIONS }, { "input", required_argument, 0, O_INPUT },
        { "cos-sin", no_argument, 0, O_COS_SIN }, { "angles", no_argument, 0, O_ANGLES },
        { "heads", required_argument, 0, O_HEADS }, { "seed", required_argument, 0, O_SEED },
        { "help", no_argument, 0, O_HELP }, { 0, 0, 0, 0 }
    };
    const char *config = NULL, *dtype = NULL, *list = NULL;
    rc_golden_req q;
    memset(&q, 0, sizeof q);
    q.heads = 1;
    q.seed = 1;
    unsigned long long u;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (ch) {
        case O_CONFIG: config = optarg; break;
        case O_DTYPE: dtype = optarg; break;
        case O_POSITIONS: list = optarg; break;
        case O_INPUT: q.input_path = optarg; break;
        case O_COS_SIN: q.cos_sin = 1; break;
        case O_ANGLES: q.angles = 1; break;
        case O_HEADS:
            if (rc_cli_parse_u64("--heads", optarg, &u) != 0)
                return 2;
            if (u < 1 || u > MAX_HEADS) {
                rc_errorf("rope-conform: golden: --heads must be 1..%d, got %s", MAX_HEADS, optarg);
                return 2;
            }
            q.heads = (int)u;
            break;
        case O_SEED:
            if (rc_cli_parse_u64("--seed", optarg, &u) != 0)
                return 2;
            q.seed = u;
            break;
        case O_HELP: help(stdout); return 0;
        default:
            return rc_cli_bad_option("golden", ch, argv);
        }
    }
    if (optind < argc) {
        rc_errorf("rope-conform: golden: unexpected argument '%s' (see --help)", argv[optind]);
        return 2;
    }
    if (!config || !list) {
        rc_errorf("rope-conform: golden: --config and --positions are required (see --help)");
        return 2;
    }
    char err[512];
    rc_config *cfg = malloc(sizeof *cfg);
    int64_t *pos = NULL;
    int rc = 2;
    if (!cfg) {
        rc_errorf("rope-conform: golden: out of memory");
        return 2;
    }
    if (rc_config_load(config, cfg, err, sizeof err) != 0 ||
        rc_params_validate(&cfg->params, err, sizeof err) != 0) {
        rc_errorf("rope-conform: golden: %s%s%s", strstr(err, config) ? "" : config,
                strstr(err, config) ? "" : ": ", err);
        goto done;
    }
    if (dtype ? rc_dtype_parse(dtype, &q.dtype) != 0 : !cfg->has_dtype) {
        rc_errorf("rope-conform: golden: %s%s%s (f64, f32, f16, bf16)",
                dtype ? "unknown dtype '" : "--dtype is required: the config names none", dtype ? dtype : "",
                dtype ? "'" : "");
        goto done;
    }
    if (!dtype)
        q.dtype = cfg->dtype;
    if (rc_positions_parse_axes(list, rc_mrope_axes(&cfg->params), &pos, &q.n_positions, err,
                                sizeof err) != 0) {
        rc_errorf("rope-conform: golden: %s", err);
        goto done;
    }
    q.cfg = cfg;
    q.positions = pos;
    if (rc_golden_emit(stdout, &q, err, sizeof err) != 0) {
        rc_errorf("rope-conform: golden: %s", err);
        goto done;
    }
    rc = fflush(stdout) == 0 ? 0 : 2;
done:
    free(pos);
    free(cfg);
    return rc;
}
