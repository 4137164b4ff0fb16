/* Hugging Face config.json -> rc_rope_params, following how transformers
 * reads the keys (docs/config.md has the table and the era choices;
 * research-rope-math.md sections 1.1 and 2.x the reasons).  Unknown
 * top-level keys are ignored because real configs carry hundreds; the rope
 * block is strict because an unknown key there usually changes the math. */
#include "config_internal.h"
#include "rope_mrope.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define INT53 ((int64_t)1 << 53)

/* Scalar fields of a rope block, in one table so reading, merging and
 * conflict messages share the key names. */
const char *const rc_hf_key[RC_HF_COUNT] = {
    "factor", "original_max_position_embeddings", "low_freq_factor",
    "high_freq_factor", "beta_fast", "beta_slow", "attention_factor",
    "mscale", "mscale_all_dim", "rope_theta", "partial_rotary_factor",
    "truncate",
};
static const char *const block_keys[] = {
    "rope_type", "type", "factor", "original_max_position_embeddings",
    "low_freq_factor", "high_freq_factor", "beta_fast", "beta_slow",
    "attention_factor", "mscale", "mscale_all_dim", "rope_theta",
    "partial_rotary_factor", "truncate", "short_factor", "long_factor",
    "mrope_section", "mrope_interleaved", NULL,
};

/* Model types whose HF modeling code rotates adjacent pairs (2k, 2k+1):
 * rotate_every_two (gptj, codegen), the stack/flatten rotate_half (cohere,
 * glm), complex multiplication (deepseek_v2), rope_interleave (deepseek_v3,
 * default on).  Everything else uses rotate_half, i.e. HALF_SPLIT. */
static const char *const interleaved_types[] = {
    "gptj", "codegen", "cohere", "cohere2", "glm", "glm4", "deepseek_v2",
    "deepseek_v3", NULL,
};

static rc_pairing pairing_for(const char *model_type)
{
    for (const char *const *t = interleaved_types; *t; t++)
        if (strcmp(*t, model_type) == 0)
            return RC_INTERLEAVED;
    return RC_HALF_SPLIT;
}

/* A type name of the table, or HF's M-RoPE spelling: its frequencies are
 * the default ones (HF rewrites that spelling to the default type). */
static int parse_type(const char *s, rc_rope_type *out)
{
    if (rc_mrope_hf_type(s)) {
        *out = RC_ROPE_DEFAULT;
        return 0;
    }
    return rc_rope_type_parse(s, out);
}

/* Read rope_scaling or rope_parameters (object or null/missing). */
static int read_block(const rcj_ctx *top, const cJSON *json, const char *name,
                      rc_hf_block *b, char *type_src, size_t type_src_len)
{
    memset(b, 0, sizeof *b);
    b->n_short = b->n_long = b->n_section = -1;
    const cJSON *obj = NULL;
    int r = rcj_object(top, json, name, &obj);
    if (r <= 0)
        return r;
    b->present = 1;
    char prefix[40];
    snprintf(prefix, sizeof prefix, "%s.", name);
    rcj_ctx ctx = *top;
    ctx.prefix = prefix;
    if (rcj_check_keys(&ctx, obj, block_keys) || rc_mrope_read_hf(&ctx, obj, b))
        return -1;

    /* "type" is the pre-4.45 spelling, "rope_type" the current one;
     * files written in between sometimes carry both. */
    const char *rt = NULL, *tt = NULL;
    rc_rope_type a = RC_ROPE_DEFAULT, c = RC_ROPE_DEFAULT;
    if (rcj_string(&ctx, obj, "rope_type", &rt) < 0 ||
        rcj_string(&ctx, obj, "type", &tt) < 0)
        return -1;
    if (rt && parse_type(rt, &a))
        return rcj_fail(top, "\"%s.rope_type\": unknown rope type \"%s\" "
                        "(supported: %s)", name, rt, rc_rope_type_list());
    if (tt && parse_type(tt, &c))
        return rcj_fail(top, "\"%s.type\": unknown rope type \"%s\" "
                        "(supported: %s)", name, tt, rc_rope_type_list());
    if (rt && tt && a != c)
        return rcj_fail(top, "\"%s.type\" (\"%s\") and \"%s.rope_type\" "
                        "(\"%s\") disagree", name, tt, name, rt);
    if (rt || tt) {
        b->type = rt ? a : c;
        b->type_str = rt ? rt : tt;
        snprintf(type_src, type_src_len, "%s.%s", name, rt ? "rope_type" : "type");
        b->type_src = type_src;
    }

    for (int f = 0; f < RC_HF_COUNT; f++) {
        if (f == RC_HF_TRUNC) {
            int t = 0;
            r = rcj_bool(&ctx, obj, rc_hf_key[f], &t);
            b->v[f] = t;
        } else if (f == RC_HF_ORIG) {
            int64_t n = 0;
            r = rcj_int(&ctx, obj, rc_hf_key[f], -INT53, INT53, &n);
            b->v[f] = (double)n;
        } else {
            r = rcj_number(&ctx, obj, rc_hf_key[f], 0, &b->v[f]);
        }
        if (r < 0)
            return -1;
        b->has[f] = r;
        b->src[f] = name;
    }
    r = rcj_number_array(&ctx, obj, "short_factor", 0, b->short_f,
                         RC_MAX_PAIRS, &b->n_short);
    if (r < 0)
        return -1;
    if (r == 0)
        b->n_short = -1;
    r = rcj_number_array(&ctx, obj, "long_factor", 0, b->long_f,
                         RC_MAX_PAIRS, &b->n_long);
    if (r < 0)
        return -1;
    if (r == 0)
        b->n_long = -1;
    b->short_src = b->long_src = name;

    /* A block without a type is plain RoPE only if it scales nothing;
     * otherwise the scaling fields would be silently dropped. */
    if (!b->type_str) {
        static const int scaling[] = {RC_HF_FACTOR, RC_HF_LOW, RC_HF_HIGH, RC_HF_BFAST,
                                      RC_HF_BSLOW, RC_HF_ATTN, RC_HF_MSCALE, RC_HF_MSAD};
        for (size_t i = 0; i < sizeof scaling / sizeof scaling[0]; i++)
            if (b->has[scaling[i]])
                return rcj_fail(top, "\"%s\" has \"%s\" but no \"rope_type\" "
                                "(supported: %s)", name,
                                rc_hf_key[scaling[i]], rc_rope_type_list());
        if (b->n_short >= 0 || b->n_long >= 0)
            return rcj_fail(top, "\"%s\" has factor arrays but no "
                            "\"rope_type\"", name);
        b->type = RC_ROPE_DEFAULT;
        b->type_str = rc_rope_type_name(RC_ROPE_DEFAULT);
    }
    return 0;
}

static int same_array(const double *a, int na, const double *b, int nb)
{
    if (na != nb)
        return 0;
    for (int i = 0; i < na; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* Fold rope_scaling (s) into rope_parameters (p).  Newer transformers
 * writes rope_parameters and may keep rope_scaling as an alias; both are
 * accepted as long as every value given twice agrees. */
static int merge_blocks(const rcj_ctx *ctx, rc_hf_block *p, const rc_hf_block *s)
{
    if (!s->present)
        return 0;
    if (!p->present) {
        *p = *s;
        return 0;
    }
    if (s->type_src && p->type_src && s->type != p->type)
        return rcj_fail(ctx, "\"%s\" (\"%s\") and \"%s\" (\"%s\") disagree",
                        s->type_src, s->type_str, p->type_src, p->type_str);
    if (s->type_src && !p->type_src) {
        p->type_src = s->type_src;
        p->type_str = s->type_str;
        p->type = s->type;
    }
    for (int f = 0; f < RC_HF_COUNT; f++) {
        if (!s->has[f])
            continue;
        if (p->has[f] && p->v[f] != s->v[f])
            return rcj_fail(ctx, "\"rope_scaling.%s\" (%.17g) and "
                            "\"rope_parameters.%s\" (%.17g) disagree", rc_hf_key[f],
                            s->v[f], rc_hf_key[f], p->v[f]);
        p->has[f] = 1;
        p->v[f] = s->v[f];
        p->src[f] = s->src[f];
    }
    if (s->n_short >= 0) {
        if (p->n_short >= 0 &&
            !same_array(p->short_f, p->n_short, s->short_f, s->n_short))
            return rcj_fail(ctx, "\"rope_scaling.short_factor\" and "
                            "\"rope_parameters.short_factor\" disagree");
        memcpy(p->short_f, s->short_f, sizeof p->short_f);
        p->n_short = s->n_short;
        p->short_src = s->short_src;
    }
    if (rc_mrope_merge_hf(ctx, p, s))
        return -1;
    if (s->n_long >= 0) {
        if (p->n_long >= 0 &&
            !same_array(p->long_f, p->n_long, s->long_f, s->n_long))
            return rcj_fail(ctx, "\"rope_scaling.long_factor\" and "
                            "\"rope_parameters.long_factor\" disagree");
        memcpy(p->long_f, s->long_f, sizeof p->long_f);
        p->n_long = s->n_long;
        p->long_src = s->long_src;
    }
    return 0;
}

/* Several spellings of one quantity: all that are present must agree. */
typedef struct cand {
    char key[64];
    double v;
} cand;

static int agree(const rcj_ctx *ctx, const cand *c, int n, double *out)
{
    for (int i = 1; i < n; i++)
        if (c[i].v != c[0].v)
            return rcj_fail(ctx, "\"%s\" (%.17g) and \"%s\" (%.17g) disagree",
                            c[0].key, c[0].v, c[i].key, c[i].v);
    if (n > 0)
        *out = c[0].v;
    return n > 0;
}

static void add_cand(cand *c, int *n, const char *key, double v)
{
    snprintf(c[*n].key, sizeof c[*n].key, "%s", key);
    c[*n].v = v;
    (*n)++;
}

static int hf_dtype(const rcj_ctx *ctx, const cJSON *json, rc_config *out)
{
    static const char *const keys[2] = {"torch_dtype", "dtype"};
    const char *seen_key = NULL, *seen_val = NULL;
    for (int i = 0; i < 2; i++) {
        const char *s = NULL;
        int r = rcj_string(ctx, json, keys[i], &s);
        if (r < 0)
            return -1;
        rc_dtype t;
        /* Other values ("auto", float8 names) say nothing usable about
         * the activation dtype: left unset. */
        if (r == 0 || rcj_dtype_parse(s, &t))
            continue;
        if (seen_key && t != out->dtype)
            return rcj_fail(ctx, "\"%s\" (\"%s\") and \"%s\" (\"%s\") disagree",
                            seen_key, seen_val, keys[i], s);
        seen_key = keys[i];
        seen_val = s;
        out->has_dtype = 1;
        out->dtype = t;
    }
    return 0;
}

static int hf_head_dim(const rcj_ctx *ctx, const cJSON *json, int64_t *head_dim)
{
    int64_t v = 0;
    /* MLA models (DeepSeek V2/V3) rotate only the qk_rope_head_dim part of
     * each head; HF sets head_dim to it. */
    static const char *const direct[2] = {"qk_rope_head_dim", "head_dim"};
    int r;
    for (int i = 0; i < 2; i++) {
        r = rcj_int(ctx, json, direct[i], 1, INT32_MAX, &v);
        if (r < 0)
            return -1;
        if (r) {
            *head_dim = v;
            return 0;
        }
    }

    /* GPT-J and CodeGen spell these n_embd / n_head. */
    int64_t hidden = 0, heads = 0;
    const char *hk = "hidden_size", *nk = "num_attention_heads";
    r = rcj_int(ctx, json, hk, 1, INT32_MAX, &hidden);
    if (r == 0) {
        hk = "n_embd";
        r = rcj_int(ctx, json, hk, 1, INT32_MAX, &hidden);
    }
    if (r < 0)
        return -1;
    int r2 = rcj_int(ctx, json, nk, 1, INT32_MAX, &heads);
    if (r2 == 0) {
        nk = "n_head";
        r2 = rcj_int(ctx, json, nk, 1, INT32_MAX, &heads);
    }
    if (r2 < 0)
        return -1;
    if (r == 0 || r2 == 0)
        return rcj_fail(ctx, "missing \"%s\": need \"head_dim\" or "
                        "\"hidden_size\" and \"num_attention_heads\"",
                        r == 0 ? "hidden_size" : "num_attention_heads");
    if (hidden % heads)
        return rcj_fail(ctx, "\"%s\" (%lld) is not a multiple of \"%s\" "
                        "(%lld) and there is no \"head_dim\"", hk,
                        (long long)hidden, nk, (long long)heads);
    *head_dim = hidden / heads;
    return 0;
}

/* rotary_dim from whichever of rotary_dim / partial_rotary_factor /
 * rotary_pct is given; int() truncation as in HF. */
static int hf_rotary_dim(const rcj_ctx *ctx, const cJSON *json,
                         const rc_hf_block *b, int64_t head_dim, int64_t *rot)
{
    cand c[4];
    int n = 0, r;
    int64_t iv = 0;
    r = rcj_int(ctx, json, "rotary_dim", -INT32_MAX, INT32_MAX, &iv);
    if (r < 0)
        return -1;
    if (r)
        add_cand(c, &n, "rotary_dim", (double)iv);

    struct { const char *key; int has; double v; } f[3] = {
        {"partial_rotary_factor", 0, 0}, {"rotary_pct", 0, 0}, {NULL, 0, 0}};
    for (int i = 0; i < 2; i++) {
        r = rcj_number(ctx, json, f[i].key, 0, &f[i].v);
        if (r < 0)
            return -1;
        f[i].has = r;
    }
    if (b->has[RC_HF_PRF]) {
        f[2].key = "partial_rotary_factor";
        f[2].has = 1;
        f[2].v = b->v[RC_HF_PRF];
    }
    for (int i = 0; i < 3; i++) {
        if (!f[i].has)
            continue;
        char name[64];
        snprintf(name, sizeof name, "%s%s%s", i == 2 ? b->src[RC_HF_PRF] : "",
                 i == 2 ? "." : "", f[i].key);
        double d = (double)head_dim * f[i].v;
        if (!(d > -1e9 && d < 1e9))
            return rcj_fail(ctx, "\"%s\" (%.17g) times head_dim %lld is out "
                            "of range", name, f[i].v, (long long)head_dim);
        add_cand(c, &n, name, (double)(int64_t)d);
    }
    for (int i = 0; i < n; i++) {
        int64_t d = (int64_t)c[i].v;
        if (d <= 0 || d % 2)
            return rcj_fail(ctx, "\"%s\" gives rotary_dim %lld (head_dim "
                            "%lld); it must be even and positive", c[i].key,
                            (long long)d, (long long)head_dim);
    }
    double v = (double)head_dim;
    if (agree(ctx, c, n, &v) < 0)
        return -1;
    *rot = (int64_t)v;
    return 0;
}

static int hf_base(const rcj_ctx *ctx, const cJSON *json, const rc_hf_block *b,
                   double *base)
{
    cand c[3];
    int n = 0;
    static const char *const keys[2] = {"rope_theta", "rotary_emb_base"};
    for (int i = 0; i < 2; i++) {
        double v;
        int r = rcj_number(ctx, json, keys[i], 0, &v);
        if (r < 0)
            return -1;
        if (r)
            add_cand(c, &n, keys[i], v);
    }
    if (b->has[RC_HF_THETA]) {
        char name[64];
        snprintf(name, sizeof name, "%s.rope_theta", b->src[RC_HF_THETA]);
        add_cand(c, &n, name, b->v[RC_HF_THETA]);
    }
    *base = 10000.0;    /* HF's default when the config has no base */
    return agree(ctx, c, n, base) < 0 ? -1 : 0;
}

static int hf_positions(const rcj_ctx *ctx, const cJSON *json,
                        int64_t *max_pos, int *has_max, int64_t *orig_top,
                        int *has_orig_top)
{
    cand c[2];
    int n = 0;
    static const char *const keys[2] = {"max_position_embeddings",
                                        "n_positions"};
    for (int i = 0; i < 2; i++) {
        int64_t v;
        int r = rcj_int(ctx, json, keys[i], -INT53, INT53, &v);
        if (r < 0)
            return -1;
        if (r)
            add_cand(c, &n, keys[i], (double)v);
    }
    double v = 0;
    int r = agree(ctx, c, n, &v);
    if (r < 0)
        return -1;
    *has_max = r;
    *max_pos = (int64_t)v;
    r = rcj_int(ctx, json, "original_max_position_embeddings", -INT53, INT53,
                orig_top);
    if (r < 0)
        return -1;
    *has_orig_top = r;
    return 0;
}

int rc_hf_need(const rcj_ctx *ctx, const rc_hf_block *b, int f)
{
    if (b->has[f])
        return 0;
    return rcj_fail(ctx, "rope type \"%s\" needs \"%s\" in the rope "
                    "scaling block", b->type_str, rc_hf_key[f]);
}

int rc_hf_orig(const rc_hf_block *b, int64_t *orig)
{
    if (b->has[RC_HF_ORIG])
        *orig = (int64_t)b->v[RC_HF_ORIG];
    else if (b->has_orig_top)
        *orig = b->orig_top;
    else
        return 0;
    return 1;
}

/* The per-type part (the type's from_hf): which fields apply, their HF
 * defaults and fallbacks.  Fields a type does not use stay 0, as the ABI
 * asks. */
static int hf_scaling(const rcj_ctx *ctx, const rc_hf_block *b, rc_config *out)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(b->type);
    if (!ti)
        return rcj_fail(ctx, "internal: unhandled rope type");
    out->params.type = b->type;
    return ti->from_hf ? ti->from_hf(b, out, ctx) : 0;
}

int rc_config_from_hf(const cJSON *json, rc_config *out, const rcj_ctx *ctx)
{
    const char *mt = NULL;
    int r = rcj_string(ctx, json, "model_type", &mt);
    if (r < 0)
        return -1;
    if (r)
        rcj_copy(out->model_type, sizeof out->model_type, mt);
    if (hf_dtype(ctx, json, out))
        return -1;

    /* Large (two factor arrays each); static would not be reentrant. */
    static _Thread_local rc_hf_block scaling, params;
    char tsrc_s[64] = "", tsrc_p[64] = "";
    if (read_block(ctx, json, "rope_parameters", &params, tsrc_p, sizeof tsrc_p) ||
        read_block(ctx, json, "rope_scaling", &scaling, tsrc_s, sizeof tsrc_s) ||
        merge_blocks(ctx, &params, &scaling))
        return -1;
    if (!params.present) {
        params.type = RC_ROPE_DEFAULT;
        params.type_str = rc_rope_type_name(RC_ROPE_DEFAULT);
    }

    int64_t head_dim = 0, rot = 0;
    if (hf_head_dim(ctx, json, &head_dim) ||
        hf_rotary_dim(ctx, json, &params, head_dim, &rot) ||
        hf_base(ctx, json, &params, &out->params.base) ||
        hf_positions(ctx, json, &params.max_pos, &params.has_max, &params.orig_top,
                     &params.has_orig_top))
        return -1;

    rc_rope_params *p = &out->params;
    p->head_dim = (int32_t)head_dim;
    p->rotary_dim = (int32_t)rot;
    p->max_position = params.has_max ? params.max_pos : 0;
    p->pairing = pairing_for(out->model_type);
    int interleave = 0;
    r = rcj_bool(ctx, json, "rope_interleave", &interleave);
    if (r < 0)
        return -1;
    if (r)
        p->pairing = interleave ? RC_INTERLEAVED : RC_HALF_SPLIT;
    return hf_scaling(ctx, &params, out) || rc_mrope_from_hf(&params, out, ctx) ? -1 : 0;
}
