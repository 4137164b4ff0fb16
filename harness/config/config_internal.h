/* Shared pieces of the configuration reader (config.c, config_hf.c,
 * config_params.c): an error context and strict, typed cJSON getters.
 * Not a public interface. */
#ifndef RC_CONFIG_INTERNAL_H
#define RC_CONFIG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>
#include "config.h"
#include "rope_type.h"

/* Where error messages go.  Every message is one line, prefixed with the
 * source name.  prefix ("rope_scaling." or "") is prepended to key names so
 * a message names the key as the user wrote it. */
typedef struct rcj_ctx {
    const char *source;
    char *err;
    size_t errlen;
    const char *prefix;
} rcj_ctx;

/* Write "<source>: <message>" to ctx->err; always returns -1. */
int rcj_fail(const rcj_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Getters.  Each returns 1 when the key is present with a usable value,
 * 0 when it is missing or JSON null (HF treats null as "not set"), and -1
 * with a message naming the key on a wrong type or an out-of-range value.
 * All lookups are case-sensitive. */

/* A JSON number; with allow_string also a string holding a C99 hex float
 * or a decimal (strtod, whole string, no spaces), so doubles can travel
 * exactly. */
int rcj_number(const rcj_ctx *ctx, const cJSON *obj, const char *key,
               int allow_string, double *out);
/* A JSON number that is an integer in [lo, hi] (lo, hi within +-2^53). */
int rcj_int(const rcj_ctx *ctx, const cJSON *obj, const char *key,
            int64_t lo, int64_t hi, int64_t *out);
int rcj_bool(const rcj_ctx *ctx, const cJSON *obj, const char *key, int *out);
int rcj_string(const rcj_ctx *ctx, const cJSON *obj, const char *key,
               const char **out);
/* An array of numbers (strings too with allow_string), at most cap
 * entries; *n gets the length. */
int rcj_number_array(const rcj_ctx *ctx, const cJSON *obj, const char *key,
                     int allow_string, double *out, int cap, int *n);
/* An object (returned in *out). */
int rcj_object(const rcj_ctx *ctx, const cJSON *obj, const char *key,
               const cJSON **out);

/* Parse a whole string as a double (hex float or decimal).  0 ok, -1 not a
 * number. */
int rcj_parse_double(const char *s, double *out);

/* -1 with a message naming the first key of obj not in allowed (a
 * NULL-terminated list), or the first key given twice; 0 otherwise. */
int rcj_check_keys(const rcj_ctx *ctx, const cJSON *obj,
                   const char *const *allowed);

/* A Hugging Face rope block (rope_scaling / rope_parameters, merged) with
 * the top-level lengths, as config_hf.c read it; each type's from_hf
 * (rope_type.h) takes what it uses. */
enum {
    RC_HF_FACTOR, RC_HF_ORIG, RC_HF_LOW, RC_HF_HIGH, RC_HF_BFAST, RC_HF_BSLOW, RC_HF_ATTN,
    RC_HF_MSCALE, RC_HF_MSAD, RC_HF_THETA, RC_HF_PRF, RC_HF_TRUNC, RC_HF_COUNT
};
extern const char *const rc_hf_key[RC_HF_COUNT];

typedef struct rc_hf_block {
    int present;
    const char *type_src;        /* "rope_scaling.type" etc., NULL if none */
    const char *type_str;
    rc_rope_type type;
    int has[RC_HF_COUNT];
    double v[RC_HF_COUNT];
    const char *src[RC_HF_COUNT];/* block name each value came from       */
    int n_short, n_long;         /* -1 when absent                        */
    const char *short_src, *long_src;
    double short_f[RC_MAX_PAIRS], long_f[RC_MAX_PAIRS];
    /* M-RoPE (rope_mrope.c): mrope_section, mrope_interleaved */
    int n_section;               /* -1 when absent                        */
    double section[RC_MROPE_MAX_AXES + 1];
    int has_interleaved, interleaved;
    /* top level: max_position_embeddings, original_max_position_embeddings */
    int64_t max_pos, orig_top;
    int has_max, has_orig_top;
} rc_hf_block;

/* -1 with "rope type X needs KEY in the rope scaling block" unless the
 * block has field f. */
int rc_hf_need(const rcj_ctx *ctx, const rc_hf_block *b, int f);
/* original_max_position from the block or the top level; 0 when neither. */
int rc_hf_orig(const rc_hf_block *b, int64_t *orig);

/* dtype names: the harness's "f64" "f32" "f16" "bf16" and HF's "float64"
 * "float32" "float16" "bfloat16".  0 ok, -1 unknown. */
int rcj_dtype_parse(const char *s, rc_dtype *out);

/* Copy a string into a fixed buffer, truncating. */
void rcj_copy(char *dst, size_t n, const char *src);

/* The two formats.  json is the parsed top-level object; out is zeroed by
 * the caller, source set. */
int rc_config_from_hf(const cJSON *json, rc_config *out, const rcj_ctx *ctx);
int rc_config_from_params(const cJSON *json, rc_config *out, const rcj_ctx *ctx);

#endif
