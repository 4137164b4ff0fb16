/* Reading RoPE configurations: a Hugging Face config.json, or a
 * rope-conform params JSON (schema in docs/config.md).  The result owns the
 * LONGROPE factor arrays its params point to. */
#ifndef RC_CONFIG_H
#define RC_CONFIG_H

#include <stddef.h>
#include "rope_conform/adapter.h"

#define RC_MAX_PAIRS 1024

typedef struct rc_config {
    rc_rope_params params;       /* short_factor/long_factor point below   */
    double short_factor[RC_MAX_PAIRS];
    double long_factor[RC_MAX_PAIRS];
    int has_dtype;               /* torch_dtype / dtype given               */
    rc_dtype dtype;
    char model_type[64];         /* "llama", "qwen2", ... or ""             */
    char source[1024];           /* file it came from                       */
} rc_config;

/* Parse a file (HF config.json or rope-conform params JSON, detected by
 * content).  0 ok; -1 with a one-line error naming the file and the key. */
int rc_config_load(const char *path, rc_config *out, char *err, size_t errlen);
int rc_config_parse(const char *json_text, const char *source, rc_config *out,
                    char *err, size_t errlen);
/* Re-point params.short_factor/long_factor at this struct's arrays (call
 * after copying an rc_config by value). */
void rc_config_rebind(rc_config *c);
/* Serialise params as a rope-conform params JSON object (cJSON *, caller
 * frees); identify --json and reports use it, --config reads it back. */
struct cJSON *rc_params_to_json(const rc_rope_params *p);

/* Check params (odd rotary_dim, rotary_dim > head_dim, base <= 1, bad
 * factors, missing LONGROPE arrays, NaN anywhere...).  0 if valid, else -1
 * with a one-line message naming the field in err. */
int rc_params_validate(const rc_rope_params *p, char *err, size_t errlen);

#endif
