/* Shared pieces of the configuration reader (config.c, config_hf.c,
 * config_params.c): an error context and strict, typed cJSON getters.
 * Not a public interface. */
#ifndef RC_CONFIG_INTERNAL_H
#define RC_CONFIG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>
#include "config.h"

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

/* Rope type names as used in both formats; "su" is the legacy LongRoPE
 * name.  0 ok, -1 unknown.  RC_ROPE_TYPES_LIST is for error messages. */
int rcj_rope_type_parse(const char *s, rc_rope_type *out);
const char *rcj_rope_type_name(rc_rope_type t);
#define RC_ROPE_TYPES_LIST "default, linear, dynamic, yarn, longrope (or su), llama3"

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
