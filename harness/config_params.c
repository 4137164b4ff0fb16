/* The rope-conform params JSON (schema in docs/config.md): an explicit,
 * lossless spelling of rc_rope_params.  Floats may be strings so they can
 * travel as hex floats; rc_params_to_json always writes them that way,
 * which makes write-then-read bit-exact. */
#include "config_internal.h"

#include <stdio.h>
#include <string.h>

#define INT53 ((int64_t)1 << 53)

static const char *const params_keys[] = {
    "rope_conform_params", "head_dim", "rotary_dim", "pairing", "rope_type",
    "base", "factor", "original_max_position", "max_position",
    "low_freq_factor", "high_freq_factor", "beta_fast", "beta_slow",
    "attention_factor", "mscale", "mscale_all_dim", "truncate",
    "short_factor", "long_factor", "seq_len", "dtype", "model_type", NULL,
};

/* The double fields, by offset, so reading and writing share one list. */
typedef struct dfield {
    const char *key;
    size_t off;
} dfield;
#define DF(k, m) {k, offsetof(rc_rope_params, m)}
static const dfield dfields[] = {
    DF("base", base),
    DF("factor", factor),
    DF("low_freq_factor", low_freq_factor),
    DF("high_freq_factor", high_freq_factor),
    DF("beta_fast", beta_fast),
    DF("beta_slow", beta_slow),
    DF("attention_factor", attention_factor),
    DF("mscale", mscale),
    DF("mscale_all_dim", mscale_all_dim),
};
#define N_DFIELDS (sizeof dfields / sizeof dfields[0])

typedef struct ifield {
    const char *key;
    size_t off;
} ifield;
static const ifield ifields[] = {
    {"original_max_position", offsetof(rc_rope_params, original_max_position)},
    {"max_position", offsetof(rc_rope_params, max_position)},
    {"seq_len", offsetof(rc_rope_params, seq_len)},
};
#define N_IFIELDS (sizeof ifields / sizeof ifields[0])

static double *dptr(rc_rope_params *p, size_t off)
{
    return (double *)(void *)((char *)p + off);
}
static const double *cdptr(const rc_rope_params *p, size_t off)
{
    return (const double *)(const void *)((const char *)p + off);
}
static int64_t *iptr(rc_rope_params *p, size_t off)
{
    return (int64_t *)(void *)((char *)p + off);
}
static const int64_t *ciptr(const rc_rope_params *p, size_t off)
{
    return (const int64_t *)(const void *)((const char *)p + off);
}

/* Keys each type cannot do without; the writer always emits them so its
 * output is accepted even when a value is 0. */
static int required(rc_rope_type t, const char *key)
{
    static const char *const need[RC_ROPE_TYPE_COUNT][5] = {
        [RC_ROPE_DEFAULT] = {NULL},
        [RC_ROPE_LINEAR] = {"factor", NULL},
        [RC_ROPE_DYNAMIC_NTK] = {"factor", "original_max_position", NULL},
        [RC_ROPE_YARN] = {"factor", "original_max_position", NULL},
        [RC_ROPE_LONGROPE] = {"factor", "original_max_position", NULL},
        [RC_ROPE_LLAMA3] = {"factor", "original_max_position",
                            "low_freq_factor", "high_freq_factor", NULL},
    };
    if ((unsigned)t >= RC_ROPE_TYPE_COUNT)
        return 0;
    for (const char *const *k = need[t]; *k; k++)
        if (strcmp(*k, key) == 0)
            return 1;
    return 0;
}

static int read_factors(const rcj_ctx *ctx, const cJSON *json,
                        const char *key, double *dst, rc_config *out)
{
    int n = 0;
    int r = rcj_number_array(ctx, json, key, 1, dst, RC_MAX_PAIRS, &n);
    if (r < 0)
        return -1;
    if (out->params.type != RC_ROPE_LONGROPE) {
        if (r)
            return rcj_fail(ctx, "\"%s\" is only used by rope_type "
                            "\"longrope\"", key);
        return 0;
    }
    if (r == 0)
        return rcj_fail(ctx, "rope_type \"longrope\" needs \"%s\"", key);
    if (n != out->params.rotary_dim / 2 || out->params.rotary_dim < 0)
        return rcj_fail(ctx, "\"%s\" has %d entries, expected rotary_dim/2 = "
                        "%d", key, n, out->params.rotary_dim / 2);
    return 0;
}

int rc_config_from_params(const cJSON *json, rc_config *out, const rcj_ctx *ctx)
{
    rc_rope_params *p = &out->params;
    if (rcj_check_keys(ctx, json, params_keys))
        return -1;
    int64_t v = 0;
    int r = rcj_int(ctx, json, "rope_conform_params", -INT53, INT53, &v);
    if (r < 0)
        return -1;
    if (r == 0 || v != 1)
        return rcj_fail(ctx, "\"rope_conform_params\" must be 1 (the only "
                        "schema version this reader knows)");

    r = rcj_int(ctx, json, "head_dim", 1, INT32_MAX, &v);
    if (r <= 0)
        return r < 0 ? -1 : rcj_fail(ctx, "missing \"head_dim\"");
    p->head_dim = (int32_t)v;
    p->rotary_dim = p->head_dim;
    r = rcj_int(ctx, json, "rotary_dim", -INT32_MAX, INT32_MAX, &v);
    if (r < 0)
        return -1;
    if (r)
        p->rotary_dim = (int32_t)v;

    const char *s = NULL;
    p->pairing = RC_HALF_SPLIT;
    r = rcj_string(ctx, json, "pairing", &s);
    if (r < 0)
        return -1;
    if (r) {
        if (strcmp(s, "half-split") == 0)
            p->pairing = RC_HALF_SPLIT;
        else if (strcmp(s, "interleaved") == 0)
            p->pairing = RC_INTERLEAVED;
        else
            return rcj_fail(ctx, "\"pairing\": unknown value \"%s\" "
                            "(supported: half-split, interleaved)", s);
    }

    p->type = RC_ROPE_DEFAULT;
    r = rcj_string(ctx, json, "rope_type", &s);
    if (r < 0)
        return -1;
    if (r && rcj_rope_type_parse(s, &p->type))
        return rcj_fail(ctx, "\"rope_type\": unknown rope type \"%s\" "
                        "(supported: " RC_ROPE_TYPES_LIST ")", s);

    /* Defaults: HF's base, and HF's YaRN defaults, so a hand-written file
     * can stay short. */
    p->base = 10000.0;
    if (p->type == RC_ROPE_YARN) {
        p->beta_fast = 32.0;
        p->beta_slow = 1.0;
        p->truncate = 1;
    }
    for (size_t i = 0; i < N_DFIELDS; i++) {
        r = rcj_number(ctx, json, dfields[i].key, 1, dptr(p, dfields[i].off));
        if (r < 0)
            return -1;
        if (r == 0 && required(p->type, dfields[i].key))
            return rcj_fail(ctx, "rope_type \"%s\" needs \"%s\"",
                            rcj_rope_type_name(p->type), dfields[i].key);
    }
    for (size_t i = 0; i < N_IFIELDS; i++) {
        r = rcj_int(ctx, json, ifields[i].key, -INT53, INT53,
                    iptr(p, ifields[i].off));
        if (r < 0)
            return -1;
        if (r == 0 && required(p->type, ifields[i].key))
            return rcj_fail(ctx, "rope_type \"%s\" needs \"%s\"",
                            rcj_rope_type_name(p->type), ifields[i].key);
    }
    int t = 0;
    r = rcj_bool(ctx, json, "truncate", &t);
    if (r < 0)
        return -1;
    if (r)
        p->truncate = t;

    if (read_factors(ctx, json, "short_factor", out->short_factor, out) ||
        read_factors(ctx, json, "long_factor", out->long_factor, out))
        return -1;

    r = rcj_string(ctx, json, "dtype", &s);
    if (r < 0)
        return -1;
    if (r) {
        if (rcj_dtype_parse(s, &out->dtype))
            return rcj_fail(ctx, "\"dtype\": unknown dtype \"%s\" (supported: "
                            "f64, f32, f16, bf16)", s);
        out->has_dtype = 1;
    }
    r = rcj_string(ctx, json, "model_type", &s);
    if (r < 0)
        return -1;
    if (r)
        rcj_copy(out->model_type, sizeof out->model_type, s);
    return 0;
}

/* ---- writing ---------------------------------------------------------- */

static int add_hex(cJSON *o, const char *key, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%a", v);
    return cJSON_AddStringToObject(o, key, buf) ? 0 : -1;
}

static int nonzero_bits(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b != 0;   /* -0.0 counts: omitting it would read back as +0.0 */
}

static int add_factors(cJSON *o, const char *key, const double *f, int n)
{
    cJSON *a = cJSON_AddArrayToObject(o, key);
    if (!a)
        return -1;
    for (int i = 0; i < n; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%a", f[i]);
        cJSON *s = cJSON_CreateString(buf);
        if (!s || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            return -1;
        }
    }
    return 0;
}

cJSON *rc_params_to_json(const rc_rope_params *p)
{
    if (!p || (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return NULL;
    int npairs = p->rotary_dim / 2;
    int longrope = p->type == RC_ROPE_LONGROPE;
    if (longrope && (!p->short_factor || !p->long_factor || npairs < 0 ||
                     npairs > RC_MAX_PAIRS))
        return NULL;

    cJSON *o = cJSON_CreateObject();
    int bad = !o;
    bad = bad || !cJSON_AddNumberToObject(o, "rope_conform_params", 1);
    bad = bad || !cJSON_AddNumberToObject(o, "head_dim", p->head_dim);
    bad = bad || !cJSON_AddNumberToObject(o, "rotary_dim", p->rotary_dim);
    bad = bad || !cJSON_AddStringToObject(o, "pairing",
        p->pairing == RC_INTERLEAVED ? "interleaved" : "half-split");
    bad = bad || !cJSON_AddStringToObject(o, "rope_type",
                                          rcj_rope_type_name(p->type));
    int yarn = p->type == RC_ROPE_YARN;
    /* A field is written when it is not +0.0, when the type requires it, or
     * when the reader would otherwise fill in a non-zero default (base,
     * YaRN's betas): then reading it back gives the same bits. */
    for (size_t i = 0; i < N_DFIELDS && !bad; i++) {
        const char *k = dfields[i].key;
        double v = *cdptr(p, dfields[i].off);
        int dflt = strcmp(k, "base") == 0 ||
                   (yarn && (strcmp(k, "beta_fast") == 0 ||
                             strcmp(k, "beta_slow") == 0));
        if (nonzero_bits(v) || required(p->type, k) || dflt)
            bad = add_hex(o, k, v) != 0;
    }
    for (size_t i = 0; i < N_IFIELDS && !bad; i++) {
        int64_t v = *ciptr(p, ifields[i].off);
        if (v != 0 || required(p->type, ifields[i].key))
            bad = !cJSON_AddNumberToObject(o, ifields[i].key, (double)v);
    }
    if (!bad && (yarn || p->truncate != 0))
        bad = !cJSON_AddBoolToObject(o, "truncate", p->truncate != 0);
    if (!bad && longrope)
        bad = add_factors(o, "short_factor", p->short_factor, npairs) ||
              add_factors(o, "long_factor", p->long_factor, npairs);
    if (bad) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}
