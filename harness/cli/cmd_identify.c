/* `rope-conform identify`: what a candidate actually does, as findings with
 * confidences and as a params JSON that --config reads back. */
#include "cli.h"
#include "escape.h"
#include "config.h"
#include "dtype.h"
#include "probe.h"
#include "report.h"
#include "rope_mrope.h"
#include "rope_type.h"
#include "variants.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: rope-conform identify CANDIDATE.so [--config FILE] [--dtype D] [--json FILE]\n"
            "                                [--params FILE]\n\n"
            "Probe the candidate and report its pairing, rotary_dim, direction, base, rope type\n"
            "and parameters, magnitude and angle precision, with confidences and evidence, and\n"
            "where that differs from the params it was called with (the given config, else its\n"
            "default_params, else half-split head_dim 128 base 1e4).\n\n"
            "  --config FILE   HF config.json or params JSON to call the candidate with\n"
            "  --dtype D       f64|f32|f16|bf16 (default: the widest the candidate runs)\n"
            "  --json FILE     write the findings, with the identified params as a \"params\" block\n"
            "  --params FILE   write the identified params alone: a params JSON for --config\n"
            "  --timeout S     limit per candidate call (default 10)\n\n"
            "Exit: 0 behaves as declared, 1 differs from the declaration, 2 error.\n");
}

static const char *conf_word(double c)
{
    return c >= 0.95 ? "high" : c >= 0.7 ? "medium" : "low";
}

static void print_finding(const char *name, const rc_finding *f)
{
    if (!f->text[0])
        return;
    printf("  %-10s ", name);
    rc_text_write(stdout, f->text, RC_TEXT_TERM);   /* may quote the candidate */
    printf("\n  %-10s   confidence %.2f (%s); ", "", f->confidence, conf_word(f->confidence));
    rc_text_write(stdout, f->evidence, RC_TEXT_TERM);
    putchar('\n');
}

static void print_text(const char *path, const rc_identify_result *r)
{
    char label[160];
    rc_params_label(&r->declared.params, label, sizeof label);
    fputs("identify ", stdout);
    rc_text_write(stdout, path, RC_TEXT_TERM);
    printf("\n  called with %s at %s: ", label, rc_dtype_name(r->dtype));
    rc_text_write(stdout, r->note, RC_TEXT_TERM);
    fputs("\n\n", stdout);
    print_finding("pairing", &r->f_pairing);
    print_finding("rotary", &r->f_rotary);
    print_finding("direction", &r->f_direction);
    print_finding("base", &r->f_base);
    print_finding("type", &r->f_type);
    print_finding("magnitude", &r->f_magnitude);
    print_finding("precision", &r->f_precision);
    if (r->f_mrope.text[0])
        print_finding("M-RoPE", &r->f_mrope);
    if (r->sweep) {
        const rc_rope_params *p = &r->ident.params;
        const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
        char own[256] = "";
        if (ti && ti->describe)   /* the type's own fields, from its file */
            ti->describe(p, own, sizeof own);
        printf("\n  identified: %s%s", rc_rope_type_name(p->type), own);
        rc_params_label(p, label, sizeof label);
        printf("\n  as params:  %s\n", label);
        const int np = r->map.n_pairs;
        printf("  w'_k:       k=0 %.9g  k=%d %.9g  k=%d %.9g\n", r->sweep->w[0], np / 2,
               r->sweep->w[np / 2], np - 1, r->sweep->w[np - 1]);
    }
    if (r->n_mismatch == 0)
        printf("\n  behaves as declared\n");
    else {
        printf("\n  mismatches with what it was called with:\n");
        for (int i = 0; i < r->n_mismatch; i++) {
            fputs("    - ", stdout);
            rc_text_write(stdout, r->mismatch[i], RC_TEXT_TERM);
            putchar('\n');
        }
    }
}

static cJSON *finding_json(const rc_finding *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "value", f->text);
    cJSON_AddNumberToObject(o, "confidence", f->confidence);
    cJSON_AddStringToObject(o, "evidence", f->evidence);
    return o;
}

/* The identified params as a params JSON (the "params" block), dtype set to
 * the dtype probed so that run --config tests what was measured. */
static cJSON *ident_params_json(const rc_identify_result *r)
{
    cJSON *pj = r->sweep ? rc_params_to_json(&r->ident.params) : NULL;
    if (pj) {
        cJSON_DeleteItemFromObject(pj, "dtype");
        cJSON_AddStringToObject(pj, "dtype", rc_dtype_name(r->dtype));
    }
    return pj;
}

static int write_file(const char *file, cJSON *doc)
{
    char *s = doc ? cJSON_Print(doc) : NULL;
    char err[1024] = "out of memory";
    size_t n = s ? strlen(s) : 0;
    char *text = s ? realloc(s, n + 2) : NULL;
    int rc = -1;
    if (text) {
        text[n] = '\n';
        text[n + 1] = '\0';
        rc = rc_write_text_file(file, text, n + 1, err, sizeof err);
    } else {
        free(s);
    }
    free(text);
    if (rc != 0)
        rc_errorf("rope-conform: %s", err);
    return rc;
}

static int write_json(const char *file, const char *path, const rc_identify_result *r,
                      int params_only)
{
    if (params_only) {
        cJSON *pj = ident_params_json(r);
        int rc = write_file(file, pj);
        cJSON_Delete(pj);
        return rc;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "candidate", path);
    cJSON_AddStringToObject(doc, "dtype", rc_dtype_name(r->dtype));
    cJSON_AddStringToObject(doc, "probed_with", r->note);
    cJSON *dj = rc_params_to_json(&r->declared.params);
    if (dj)
        cJSON_AddItemToObject(doc, "declared", dj);
    cJSON *pj = ident_params_json(r);
    if (pj)
        cJSON_AddItemToObject(doc, "params", pj);
    cJSON *fs = cJSON_AddObjectToObject(doc, "findings");
    cJSON_AddItemToObject(fs, "pairing", finding_json(&r->f_pairing));
    cJSON_AddItemToObject(fs, "rotary_dim", finding_json(&r->f_rotary));
    cJSON_AddItemToObject(fs, "direction", finding_json(&r->f_direction));
    if (r->sweep) {
        cJSON_AddItemToObject(fs, "base", finding_json(&r->f_base));
        cJSON_AddItemToObject(fs, "rope_type", finding_json(&r->f_type));
        cJSON_AddItemToObject(fs, "magnitude", finding_json(&r->f_magnitude));
        cJSON_AddItemToObject(fs, "precision", finding_json(&r->f_precision));
        if (r->f_mrope.text[0])
            cJSON_AddItemToObject(fs, RC_MROPE_NAME, finding_json(&r->f_mrope));
        cJSON_AddNumberToObject(doc, "base_fit", r->base_fit);
        cJSON_AddNumberToObject(doc, "magnitude", r->m);
        cJSON_AddNumberToObject(doc, "angle_k", r->k_eff);
        cJSON_AddNumberToObject(doc, "ulp_lost_at", (double)r->ulp_lost_at);
        cJSON *w = cJSON_AddArrayToObject(doc, "inv_freq");
        for (int k = 0; k < r->map.n_pairs; k++)
            cJSON_AddItemToArray(w, cJSON_CreateNumber(r->sweep->w[k]));
    }
    cJSON *pairs = cJSON_AddArrayToObject(doc, "pairs");
    for (int k = 0; k < r->map.n_pairs; k++) {
        int two[2] = { r->map.first[k], r->map.second[k] };
        cJSON_AddItemToArray(pairs, cJSON_CreateIntArray(two, 2));
    }
    cJSON *mm = cJSON_AddArrayToObject(doc, "mismatches");
    for (int i = 0; i < r->n_mismatch; i++)
        cJSON_AddItemToArray(mm, cJSON_CreateString(r->mismatch[i]));
    int rc = write_file(file, doc);
    cJSON_Delete(doc);
    return rc;
}

enum { O_CONFIG = 256, O_DTYPE, O_JSON, O_PARAMS, O_TIMEOUT, O_HELP };

int rc_cmd_identify(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "config", required_argument, 0, O_CONFIG }, { "dtype", required_argument, 0, O_DTYPE },
        { "json", required_argument, 0, O_JSON },     { "timeout", required_argument, 0, O_TIMEOUT },
        { "params", required_argument, 0, O_PARAMS }, { "help", no_argument, 0, O_HELP },
        { 0, 0, 0, 0 }
    };
    const char *config = NULL, *json = NULL, *params_out = NULL;
    int dtype = -1;
    double timeout = 10.0;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (ch) {
        case O_CONFIG: config = optarg; break;
        case O_JSON: json = optarg; break;
        case O_PARAMS: params_out = optarg; break;
        case O_DTYPE:
            if (rc_cli_parse_dtype(optarg, &dtype) != 0)
                return 2;
            break;
        case O_TIMEOUT:
            if (rc_cli_parse_double("--timeout", optarg, &timeout) != 0 || timeout <= 0)
                return 2;
            break;
        case O_HELP: help(stdout); return 0;
        default:
            return rc_cli_bad_option(NULL, ch, argv);
        }
    }
    if (optind != argc - 1) {
        rc_errorf("rope-conform: identify takes one candidate: rope-conform identify "
                        "CANDIDATE.so [OPTIONS]");
        return 2;
    }
    const char *path = argv[optind];
    char err[1024];
    const char *const outs[] = { json, params_out };
    if (rc_report_targets_check(outs, 2, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    static rc_config cfg;
    if (config && rc_config_load(config, &cfg, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    rc_candidate cand;
    if (rc_candidate_load(path, &cand, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    static rc_identify_result res;
    int rc = rc_identify(&cand, config ? &cfg : NULL, dtype, timeout, &res, err, sizeof err);
    if (rc != 0) {
        rc_errorf("rope-conform: identify: %s", err);
        rc_identify_free(&res);
        rc_candidate_unload(&cand);
        return 2;
    }
    print_text(path, &res);
    int exit_code = res.n_mismatch ? 1 : 0;
    if (json && write_json(json, path, &res, 0) != 0)
        exit_code = 2;
    if (params_out && write_json(params_out, path, &res, 1) != 0)
        exit_code = 2;
    rc_identify_free(&res);
    rc_candidate_unload(&cand);
    return exit_code;
}
