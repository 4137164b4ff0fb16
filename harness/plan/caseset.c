/* Cases planned without a candidate (caseset.h). */
#include "caseset.h"
#include "suites.h"
#include "diagnose.h"
#include "dtype.h"
#include "golden.h"
#include "grid.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int carried(const rc_case *c)
{
    char why[128];
    for (int k = 0; k < c->n_calls; k++) {
        rc_rope_params p = rc_case_call_params(c, k);
        if (c->recipe[k].kind != RC_CALL_APPLY || rc_params_validate(&p, why, sizeof why) != 0)
            return 0;
    }
    return c->n_calls > 0;
}

int rc_caseset_plan(rc_caseset *cs, char *err, size_t errlen)
{
    memset(&cs->ctx, 0, sizeof cs->ctx);
    memset(&cs->plan, 0, sizeof cs->plan);
    cs->ctx.opts = &cs->opts;
    cs->ctx.max_position = cs->has_fixed ? cs->fixed.params.max_position : 0;
    if (rc_grid_build(&cs->ctx, cs->has_fixed ? &cs->fixed : NULL, err, errlen) != 0)
        return -1;
    if (cs->ctx.n_rows == 0) {
        snprintf(err, errlen, "no configuration to test (--dtype left none)");
        return -1;
    }
    for (size_t s = 0; s < rc_n_suites; s++)
        if (rc_suites[s]->plan(&cs->ctx, &cs->plan) != 0) {
            snprintf(err, errlen, "out of memory while planning suite %s", rc_suites[s]->name);
            return -1;
        }
    size_t kept = 0;
    for (size_t i = 0; i < cs->plan.n; i++) {
        rc_case *c = cs->plan.cases[i];
        if (carried(c)) {
            cs->plan.cases[kept++] = c;
        } else {
            rc_case_free(c);
            cs->n_left_out++;
        }
    }
    cs->plan.n = kept;
    return 0;
}

void rc_caseset_free(rc_caseset *cs)
{
    rc_plan_free(&cs->plan);
    rc_diagnose_release(&cs->ctx);
    rc_ctx_free_goldens(&cs->ctx);
    free(cs->ctx.rows);
    cs->ctx.rows = NULL;
}

void rc_caseset_key(size_t i, char *buf, size_t n)
{
    snprintf(buf, n, "c%05zu", i);
}

void rc_caseset_tensor(size_t i, int call, const char *what, char *buf, size_t n)
{
    snprintf(buf, n, "c%05zu.%d.%s", i, call, what);
}

char *rc_caseset_options_json(const rc_caseset *cs)
{
    cJSON *o = cJSON_CreateObject();
    char seed[32];
    snprintf(seed, sizeof seed, "%" PRIu64, cs->opts.seed);
    cJSON_AddNumberToObject(o, "level", cs->opts.level);
    cJSON_AddStringToObject(o, "seed", seed);
    if (cs->opts.dtype_filter)
        cJSON_AddStringToObject(o, "dtype", cs->opts.dtype_filter);
    if (cs->has_fixed) {
        /* the model's dtype too: the grid offers a config in it and f32 */
        cJSON *cfg = rc_params_to_json(&cs->fixed.params);
        if (cfg && cs->fixed.has_dtype)
            cJSON_AddStringToObject(cfg, "dtype", rc_dtype_name(cs->fixed.dtype));
        cJSON_AddItemToObject(o, "config", cfg);
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

int rc_caseset_options_parse(rc_caseset *cs, const char *json, char *err, size_t errlen)
{
    cJSON *o = cJSON_Parse(json);
    const cJSON *lv = cJSON_GetObjectItemCaseSensitive(o, "level");
    const cJSON *sd = cJSON_GetObjectItemCaseSensitive(o, "seed");
    const cJSON *dt = cJSON_GetObjectItemCaseSensitive(o, "dtype");
    const cJSON *cf = cJSON_GetObjectItemCaseSensitive(o, "config");
    int rc = -1;
    char *cfg_text = cf ? cJSON_PrintUnformatted(cf) : NULL;
    if (!cJSON_IsNumber(lv) || lv->valueint < 1 || lv->valueint > 3 || !cJSON_IsString(sd) ||
        (dt && !cJSON_IsString(dt)) || (cf && !cfg_text)) {
        snprintf(err, errlen, "the \"options\" metadata is malformed");
    } else {
        cs->opts.level = lv->valueint;
        cs->opts.seed = strtoull(sd->valuestring, NULL, 10);
        snprintf(cs->dtype_name, sizeof cs->dtype_name, "%s", dt ? dt->valuestring : "");
        cs->opts.dtype_filter = dt ? cs->dtype_name : NULL;
        cs->has_fixed = cf != NULL;
        rc = cf ? rc_config_parse(cfg_text, "options.config", &cs->fixed, err, errlen) : 0;
    }
    free(cfg_text);
    cJSON_Delete(o);
    return rc;
}
