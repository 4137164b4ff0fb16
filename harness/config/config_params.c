/* The rope-conform params JSON (schema in docs/config.md): an explicit,
 * lossless spelling of rc_rope_params.  Floats may be strings so they can
 * travel as hex floats; rc_params_to_json always writes them that way,
 * which makes write-then-read bit-exact. */
#include "config_internal.h"
#include "rope_mrope.h"

#include <stdio.h>
#include <string.h>

#define INT53 ((int64_t)1 << 53)

static const char *const params_keys[] = {
    "rope_conform_params",
#define RC_PARAM(kind, m, key) key,
#include "params_fields.def"
#undef RC_PARAM
    "dtype", "model_type", NULL,
};

/* Keys each type cannot do without (head_dim for all); the writer always
 * emits them so its output is accepted even when a value is 0. */
static int required(rc_rope_type t, const char *key)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    if (strcmp(key, "head_dim") == 0)
        return 1;
    for (const char *const *k = ti ? ti->required : NULL; k && *k; k++)
        if (strcmp(*k, key) == 0)
            return 1;
    return 0;
}

/* A missing key: an error when required, else the default stays. */
static int got(const rcj_ctx *ctx, const rc_rope_params *p, const char *key, int r)
{
    if (r == 0 && strcmp(key, "head_dim") == 0)
        return rcj_fail(ctx, "missing \"head_dim\"");
    if (r == 0 && required(p->type, key))
        return rcj_fail(ctx, "rope_type \"%s\" needs \"%s\"", rc_rope_type_name(p->type), key);
    return r < 0 ? -1 : 0;
}

static int read_I32(const rcj_ctx *ctx, const cJSON *json, const char *key, int32_t *dst,
                    rc_config *out)
{
    int64_t v = 0;
    int head = strcmp(key, "head_dim") == 0;
    int r = rcj_int(ctx, json, key, head ? 1 : -INT32_MAX, INT32_MAX, &v);
    if (r > 0)
        *dst = (int32_t)v;
    else if (r == 0 && !head)   /* rotary_dim defaults to head_dim */
        *dst = out->params.head_dim;
    return got(ctx, &out->params, key, r);
}

static int read_I64(const rcj_ctx *ctx, const cJSON *json, const char *key, int64_t *dst,
                    rc_config *out)
{
    return got(ctx, &out->params, key, rcj_int(ctx, json, key, -INT53, INT53, dst));
}

static int read_F64(const rcj_ctx *ctx, const cJSON *json, const char *key, double *dst,
                    rc_config *out)
{
    return got(ctx, &out->params, key, rcj_number(ctx, json, key, 1, dst));
}

static int read_FLAG(const rcj_ctx *ctx, const cJSON *json, const char *key, int32_t *dst,
                     rc_config *out)
{
    int t = 0;
    int r = rcj_bool(ctx, json, key, &t);
    if (r > 0)
        *dst = t;
    return got(ctx, &out->params, key, r);
}

static int read_PAIRING(const rcj_ctx *ctx, const cJSON *json, const char *key,
                        rc_pairing *dst, rc_config *out)
{
    const char *s = NULL;
    (void)out;
    *dst = RC_HALF_SPLIT;
    int r = rcj_string(ctx, json, key, &s);
    if (r <= 0)
        return r;
    if (strcmp(s, "half-split") == 0)
        *dst = RC_HALF_SPLIT;
    else if (strcmp(s, "interleaved") == 0)
        *dst = RC_INTERLEAVED;
    else
        return rcj_fail(ctx, "\"%s\": unknown value \"%s\" "
                        "(supported: half-split, interleaved)", key, s);
    return 0;
}

/* The type, then the defaults a short hand-written file relies on: HF's
 * base and the type's own (YaRN's betas). */
static int read_TYPE(const rcj_ctx *ctx, const cJSON *json, const char *key,
                     rc_rope_type *dst, rc_config *out)
{
    const char *s = NULL;
    *dst = RC_ROPE_DEFAULT;
    int r = rcj_string(ctx, json, key, &s);
    if (r < 0)
        return -1;
    if (r && rc_rope_type_parse(s, dst))
        return rcj_fail(ctx, "\"%s\": unknown rope type \"%s\" (supported: %s)", key, s,
                        rc_rope_type_list());
    out->params.base = 10000.0;
    const rc_rope_type_info *ti = rc_rope_type_info_of(*dst);
    if (ti->params_defaults)
        ti->params_defaults(&out->params);
    return 0;
}

static int read_FACTORS(const rcj_ctx *ctx, const cJSON *json, const char *key, double *dst,
                        rc_config *out)
{
    int n = 0;
    int r = rcj_number_array(ctx, json, key, 1, dst, RC_MAX_PAIRS, &n);
    if (r < 0)
        return -1;
    if (!rc_rope_type_info_of(out->params.type)->factor_arrays) {
        for (int t = 0; r && t < RC_ROPE_TYPE_COUNT; t++)
            if (rc_rope_type_info_of((rc_rope_type)t)->factor_arrays)
                return rcj_fail(ctx, "\"%s\" is only used by rope_type \"%s\"", key,
                                rc_rope_type_name((rc_rope_type)t));
        return 0;
    }
    if (r == 0)
        return rcj_fail(ctx, "rope_type \"%s\" needs \"%s\"",
                        rc_rope_type_name(out->params.type), key);
    if (n != out->params.rotary_dim / 2 || out->params.rotary_dim < 0)
        return rcj_fail(ctx, "\"%s\" has %d entries, expected rotary_dim/2 = "
                        "%d", key, n, out->params.rotary_dim / 2);
    return 0;
}

static int read_OPT32(const rcj_ctx *ctx, const cJSON *json, const char *key, int32_t *dst,
                      rc_config *out)
{
    int64_t v = 0;
    int r = rcj_int(ctx, json, key, -INT32_MAX, INT32_MAX, &v);
    if (r > 0)
        *dst = (int32_t)v;
    return got(ctx, &out->params, key, r);
}

static int read_SECTIONS(const rcj_ctx *ctx, const cJSON *json, const char *key, int32_t *dst,
                         rc_config *out)
{
    double v[RC_MROPE_MAX_AXES];
    int n = 0;
    int r = rcj_number_array(ctx, json, key, 0, v, RC_MROPE_MAX_AXES, &n);
    if (r <= 0)
        return got(ctx, &out->params, key, r);
    if (n != RC_MROPE_MAX_AXES)
        return rcj_fail(ctx, "\"%s\" has %d entries, expected %d (T, H, W)", key, n,
                        RC_MROPE_MAX_AXES);
    for (int a = 0; a < n; a++) {
        if (v[a] != (double)(int32_t)v[a])
            return rcj_fail(ctx, "\"%s\"[%d] (%.17g) must be an integer", key, a, v[a]);
        dst[a] = (int32_t)v[a];
    }
    return 0;
}

static int read_LAYOUT(const rcj_ctx *ctx, const cJSON *json, const char *key,
                       rc_mrope_layout *dst, rc_config *out)
{
    const char *s = NULL;
    int r = rcj_string(ctx, json, key, &s);
    if (r > 0 && rc_mrope_layout_parse(s, dst))
        return rcj_fail(ctx, "\"%s\": unknown value \"%s\" (supported: %s, %s)", key, s,
                        rc_mrope_layout_name(RC_MROPE_SECTIONED),
                        rc_mrope_layout_name(RC_MROPE_INTERLEAVED));
    return got(ctx, &out->params, key, r);
}

static int read_extras(const rcj_ctx *ctx, const cJSON *json, rc_config *out)
{
    const char *s = NULL;
    int r = rcj_string(ctx, json, "dtype", &s);
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
#define RC_PARAM(kind, m, key)                                                                 \
    if (read_##kind(ctx, json, key, RC_PARAM_DST_##kind(m), out))                              \
        return -1;
#define RC_PARAM_DST_I32(m) &p->m
#define RC_PARAM_DST_I64(m) &p->m
#define RC_PARAM_DST_F64(m) &p->m
#define RC_PARAM_DST_FLAG(m) &p->m
#define RC_PARAM_DST_PAIRING(m) &p->m
#define RC_PARAM_DST_TYPE(m) &p->m
#define RC_PARAM_DST_FACTORS(m) out->m
#define RC_PARAM_DST_OPT32(m) &p->m
#define RC_PARAM_DST_SECTIONS(m) p->m
#define RC_PARAM_DST_LAYOUT(m) &p->m
#include "params_fields.def"
#undef RC_PARAM
    return read_extras(ctx, json, out);
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

/* The reader's default for a field: what a file without the key gives. */
static rc_rope_params defaults_of(rc_rope_type t)
{
    rc_rope_params d;
    memset(&d, 0, sizeof d);
    d.base = 10000.0;
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    if (ti->params_defaults)
        ti->params_defaults(&d);
    return d;
}

/* A field is written when it is not +0.0, when the type requires it, or
 * when the reader would otherwise fill in a non-zero default (base,
 * YaRN's betas): then reading it back gives the same bits. */
static int write_field(cJSON *o, const rc_rope_params *p, const rc_rope_params *d, int kind,
                       const char *key, const void *v, const void *dv)
{
    int req = required(p->type, key);
    switch (kind) {
    case 'i':
        return !cJSON_AddNumberToObject(o, key, *(const int32_t *)v);
    case 'l':
        if (*(const int64_t *)v == 0 && !req)
            return 0;
        return !cJSON_AddNumberToObject(o, key, (double)*(const int64_t *)v);
    case 'd':
        if (!nonzero_bits(*(const double *)v) && !req && !nonzero_bits(*(const double *)dv))
            return 0;
        return add_hex(o, key, *(const double *)v);
    case 'b':
        if (*(const int32_t *)v == 0 && *(const int32_t *)dv == 0)
            return 0;
        return !cJSON_AddBoolToObject(o, key, *(const int32_t *)v != 0);
    case 'p':
        return !cJSON_AddStringToObject(o, key, p->pairing == RC_INTERLEAVED ? "interleaved"
                                                                             : "half-split");
    case 't':
        return !cJSON_AddStringToObject(o, key, rc_rope_type_name(p->type));
    case 'o':
        if (*(const int32_t *)v == 0 && !req)
            return 0;
        return !cJSON_AddNumberToObject(o, key, *(const int32_t *)v);
    case 's':
        if (p->n_axes <= 1 && !memcmp(v, dv, sizeof p->mrope_section))
            return 0;
        return !cJSON_AddItemToObject(o, key, cJSON_CreateIntArray(v, RC_MROPE_MAX_AXES));
    case 'y':
        if (p->n_axes <= 1 && p->mrope_layout == RC_MROPE_SECTIONED)
            return 0;
        return !cJSON_AddStringToObject(o, key, rc_mrope_layout_name(p->mrope_layout));
    default: /* factor arrays */
        if (!rc_rope_type_info_of(p->type)->factor_arrays)
            return 0;
        (void)d;
        return add_factors(o, key, *(const double *const *)v, p->rotary_dim / 2) != 0;
    }
}

cJSON *rc_params_to_json(const rc_rope_params *p)
{
    if (!p || !rc_rope_type_info_of(p->type) ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return NULL;
    int npairs = p->rotary_dim / 2;
    if (rc_rope_type_info_of(p->type)->factor_arrays &&
        (!p->short_factor || !p->long_factor || npairs < 0 || npairs > RC_MAX_PAIRS))
        return NULL;
    const rc_rope_params d = defaults_of(p->type);
    cJSON *o = cJSON_CreateObject();
    int bad = !o || !cJSON_AddNumberToObject(o, "rope_conform_params", 1);
#define KIND_I32 'i'
#define KIND_I64 'l'
#define KIND_F64 'd'
#define KIND_FLAG 'b'
#define KIND_PAIRING 'p'
#define KIND_TYPE 't'
#define KIND_FACTORS 'f'
#define KIND_OPT32 'o'
#define KIND_SECTIONS 's'
#define KIND_LAYOUT 'y'
#define RC_PARAM(kind, m, key) \
    bad = bad || write_field(o, p, &d, KIND_##kind, key, (const void *)&p->m, (const void *)&d.m);
#include "params_fields.def"
#undef RC_PARAM
    if (bad) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}
