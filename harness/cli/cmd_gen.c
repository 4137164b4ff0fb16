/* `rope-conform gen`: every case of a run, inputs and positions, into a
 * safetensors file, for outputs computed anywhere (a GPU, another
 * language) and judged by `rope-conform verify` (docs/python.md). */
#include "caseset.h"
#include "cli.h"
#include "dtype.h"
#include "escape.h"
#include "golden.h"
#include "rope_mrope.h"
#include "safetensors.h"
#include "variants.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: rope-conform gen [--config FILE] [--level 1|2|3] [--dtype D] [--seed N] -o CASES.safetensors\n\n"
               "Writes the cases `run` would give a candidate: for case i and call j, the input\n"
               "cI.J.x [n_tokens, n_heads, head_dim] and cI.J.positions [n_tokens] (int64;\n"
               "[3, n_tokens] for M-RoPE params, n_axes 3); the\n"
               "header metadata holds each case's suite, name, dtype and params (key cI) and the\n"
               "options.  Compute cI.J.y = RoPE(x) in the same dtype and judge the outputs with\n"
               "`rope-conform verify CASES OUTPUTS`.  Backward, cos_sin and validation cases are\n"
               "left out (a file cannot carry them).\n");
}

/* The metadata of one case: suite, name, dtype and per call its params
 * (the params JSON of docs/config.md) and tensor names. */
static char *case_meta(const rc_case *c, size_t i)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "suite", c->suite->name);
    cJSON_AddStringToObject(o, "name", c->name);
    cJSON_AddStringToObject(o, "dtype", rc_dtype_name(c->dtype));
    cJSON *calls = cJSON_AddArrayToObject(o, "calls");
    for (int k = 0; k < c->n_calls; k++) {
        cJSON *cj = cJSON_CreateObject();
        char name[48];
        rc_rope_params p = rc_case_call_params(c, k);
        cJSON_AddItemToObject(cj, "params", rc_params_to_json(&p));
        cJSON_AddBoolToObject(cj, "in_place", c->recipe[k].in_place);
        static const char *const what[] = { "x", "positions", "y" };
        for (int w = 0; w < 3; w++) {
            rc_caseset_tensor(i, k, what[w], name, sizeof name);
            cJSON_AddStringToObject(cj, what[w], name);
        }
        cJSON_AddItemToArray(calls, cj);
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

/* Case i made and added to w: its buffers stay until the file is written. */
static int add_case(rc_st_writer *w, rc_case *c, size_t i, size_t *bytes)
{
    char key[16], name[48];
    char *meta = case_meta(c, i);
    rc_caseset_key(i, key, sizeof key);
    int rc = meta && rc_st_set_meta(w, key, meta) == 0 && rc_case_make(c) == 0 ? 0 : -1;
    free(meta);
    for (int k = 0; k < c->n_calls && rc == 0; k++) {
        const rc_case_call *cc = &c->calls[k];
        int64_t shape[3] = { cc->in.n_tokens, cc->in.n_heads, cc->in.head_dim };
        const int axes = rc_mrope_axes(&cc->params);   /* M-RoPE: [axis][token] */
        int64_t pshape[2] = { axes, cc->in.n_tokens };
        size_t xb = rc_tensor_span(&cc->in) * rc_dtype_size(c->dtype);
        size_t pb = (size_t)axes * (size_t)cc->in.n_tokens * 8;
        rc_caseset_tensor(i, k, "x", name, sizeof name);
        rc = rc_st_add(w, name, rc_st_dtype_name(c->dtype), 3, shape, cc->in.data, xb);
        rc_caseset_tensor(i, k, "positions", name, sizeof name);
        if (rc == 0)
            rc = rc_st_add(w, name, "I64", axes > 1 ? 2 : 1, axes > 1 ? pshape : shape, cc->positions, pb);
        *bytes += xb + pb;
    }
    return rc;
}

static int write_cases(rc_caseset *cs, const char *out, char *err, size_t errlen)
{
    rc_st_writer w;
    size_t bytes = 0;
    int rc = rc_st_writer_init(&w);
    for (size_t i = 0; i < cs->plan.n && rc == 0; i++)
        rc = add_case(&w, cs->plan.cases[i], i, &bytes);
    char count[32], *opts = rc_caseset_options_json(cs);
    snprintf(count, sizeof count, "%zu", cs->plan.n);
    if (rc != 0 || !opts || rc_st_set_meta(&w, "rope_conform_cases", "1") || rc_st_set_meta(&w, "cases", count) ||
        rc_st_set_meta(&w, "options", opts) || rc_st_set_meta(&w, "tool_version", RC_VERSION_STRING)) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
    }
    free(opts);
    if (rc == 0 && (rc = rc_st_write(&w, out, err, errlen)) == 0)
        printf("wrote %zu cases (%.1f MiB of inputs) to %s; left out %zu backward, cos_sin and validation cases\n",
               cs->plan.n, (double)bytes / (1 << 20), out, cs->n_left_out);
    rc_st_writer_free(&w);
    return rc;
}

enum { G_CONFIG = 256, G_LEVEL, G_DTYPE, G_SEED, G_HELP };

int rc_cmd_gen(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "config", required_argument, 0, G_CONFIG }, { "level", required_argument, 0, G_LEVEL },
        { "dtype", required_argument, 0, G_DTYPE },   { "seed", required_argument, 0, G_SEED },
        { "output", required_argument, 0, 'o' },      { "help", no_argument, 0, G_HELP },
        { 0, 0, 0, 0 }
    };
    static rc_caseset cs;
    memset(&cs, 0, sizeof cs);
    cs.opts.profile = "standard";
    cs.opts.level = 1;
    cs.opts.seed = 1;
    cs.opts.timeout = 5.0;
    const char *config = NULL, *out = NULL;
    unsigned long long u;
    int ch, dt;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
        switch (ch) {
        case G_CONFIG: config = optarg; break;
        case G_LEVEL:
            if (rc_cli_parse_u64("--level", optarg, &u) != 0 || u < 1 || u > 3)
                return fprintf(stderr, "rope-conform gen: --level must be 1, 2 or 3\n"), 2;
            cs.opts.level = (int)u;
            break;
        case G_DTYPE:
            if (rc_cli_parse_dtype(optarg, &dt) != 0)
                return 2;
            cs.opts.dtype_filter = optarg;
            break;
        case G_SEED:
            if (rc_cli_parse_u64("--seed", optarg, &u) != 0)
                return 2;
            cs.opts.seed = u;
            break;
        case 'o': out = optarg; break;
        case G_HELP: usage(stdout); return 0;
        default: return rc_cli_bad_option("gen", ch, argv);
        }
    }
    if (!out || optind != argc) {
        fprintf(stderr, "rope-conform gen: %s (see --help)\n", out ? "unexpected argument" : "-o CASES.safetensors is required");
        return 2;
    }
    char err[1024];
    if (config) {
        if (rc_config_load(config, &cs.fixed, err, sizeof err) != 0)
            return rc_errorf("rope-conform: %s", err), 2;
        if (rc_params_validate(&cs.fixed.params, err, sizeof err) != 0)
            return rc_errorf("rope-conform: %s: %s", config, err), 2;
        cs.has_fixed = 1;
    }
    int code = rc_caseset_plan(&cs, err, sizeof err) == 0 && write_cases(&cs, out, err, sizeof err) == 0 ? 0 : 3;
    if (code)
        rc_errorf("rope-conform gen: %s", err);
    rc_caseset_free(&cs);
    return code;
}
