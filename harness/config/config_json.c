/* Strict, typed cJSON getters and name tables for the configuration
 * reader.  Strict because a config that silently means something else
 * (a string base, a float head_dim) would test the wrong RoPE. */
#include "config_internal.h"
#include "escape.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rcj_fail(const rcj_ctx *ctx, const char *fmt, ...)
{
    if (!ctx->err || ctx->errlen == 0)
        return -1;
    int n = snprintf(ctx->err, ctx->errlen, "%s: ",
                     ctx->source ? ctx->source : "<config>");
    if (n < 0 || (size_t)n >= ctx->errlen)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->err + n, ctx->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    /* keys, values and the file name come from the input: one line */
    rc_escape_inplace(ctx->err, ctx->errlen);
    return -1;
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "a boolean";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "null";
}

static const char *pfx(const rcj_ctx *ctx)
{
    return ctx->prefix ? ctx->prefix : "";
}

/* The item for key, or NULL when missing or null. */
static const cJSON *item(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return (v && !cJSON_IsNull(v)) ? v : NULL;
}

int rcj_parse_double(const char *s, double *out)
{
    /* strtod skips leading space and accepts partial input; neither is
     * wanted here. */
    if (!s || !*s || s[0] == ' ' || s[0] == '\t' || s[0] == '\n')
        return -1;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0')
        return -1;
    /* ERANGE on underflow still gives the correctly rounded subnormal or
     * zero; only overflow to infinity from a finite spelling is an error. */
    if (errno == ERANGE && isinf(v))
        return -1;
    *out = v;
    return 0;
}

static int number_value(const rcj_ctx *ctx, const cJSON *v, const char *key,
                        const char *what, int allow_string, double *out)
{
    if (cJSON_IsNumber(v)) {
        *out = v->valuedouble;
        return 0;
    }
    if (allow_string && cJSON_IsString(v)) {
        if (rcj_parse_double(v->valuestring, out) == 0)
            return 0;
        return rcj_fail(ctx, "\"%s%s\"%s: \"%s\" is not a number (want a "
                        "hex float like \"0x1.388p+13\" or a decimal)",
                        pfx(ctx), key, what, v->valuestring);
    }
    return rcj_fail(ctx, "\"%s%s\"%s must be a number%s, got %s", pfx(ctx),
                    key, what, allow_string ? " or a numeric string" : "",
                    type_name(v));
}

int rcj_number(const rcj_ctx *ctx, const cJSON *obj, const char *key,
               int allow_string, double *out)
{
    const cJSON *v = item(obj, key);
    if (!v)
        return 0;
    return number_value(ctx, v, key, "", allow_string, out) ? -1 : 1;
}

int rcj_int(const rcj_ctx *ctx, const cJSON *obj, const char *key,
            int64_t lo, int64_t hi, int64_t *out)
{
    const cJSON *v = item(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsNumber(v))
        return rcj_fail(ctx, "\"%s%s\" must be an integer, got %s", pfx(ctx),
                        key, type_name(v));
    double d = v->valuedouble;
    if (!(d == floor(d)) || d < (double)lo || d > (double)hi)
        return rcj_fail(ctx, "\"%s%s\" must be an integer in [%lld, %lld], "
                        "got %.17g", pfx(ctx), key, (long long)lo,
                        (long long)hi, d);
    *out = (int64_t)d;
    return 1;
}

int rcj_bool(const rcj_ctx *ctx, const cJSON *obj, const char *key, int *out)
{
    const cJSON *v = item(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsBool(v))
        return rcj_fail(ctx, "\"%s%s\" must be true or false, got %s",
                        pfx(ctx), key, type_name(v));
    *out = cJSON_IsTrue(v) ? 1 : 0;
    return 1;
}

int rcj_string(const rcj_ctx *ctx, const cJSON *obj, const char *key,
               const char **out)
{
    const cJSON *v = item(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsString(v))
        return rcj_fail(ctx, "\"%s%s\" must be a string, got %s", pfx(ctx),
                        key, type_name(v));
    *out = v->valuestring;
    return 1;
}

int rcj_object(const rcj_ctx *ctx, const cJSON *obj, const char *key,
               const cJSON **out)
{
    const cJSON *v = item(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsObject(v))
        return rcj_fail(ctx, "\"%s%s\" must be an object, got %s", pfx(ctx),
                        key, type_name(v));
    *out = v;
    return 1;
}

int rcj_number_array(const rcj_ctx *ctx, const cJSON *obj, const char *key,
                     int allow_string, double *out, int cap, int *n)
{
    const cJSON *v = item(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsArray(v))
        return rcj_fail(ctx, "\"%s%s\" must be an array of numbers, got %s",
                        pfx(ctx), key, type_name(v));
    int len = cJSON_GetArraySize(v);
    if (len > cap)
        return rcj_fail(ctx, "\"%s%s\" has %d entries, more than the %d "
                        "supported", pfx(ctx), key, len, cap);
    int i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, v) {
        char what[32];
        snprintf(what, sizeof what, "[%d]", i);
        if (number_value(ctx, e, key, what, allow_string, &out[i]))
            return -1;
        i++;
    }
    *n = len;
    return 1;
}

int rcj_check_keys(const rcj_ctx *ctx, const cJSON *obj,
                   const char *const *allowed)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, obj) {
        int known = 0;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, e->string) == 0)
                known = 1;
        if (!known)
            return rcj_fail(ctx, "unknown key \"%s%s\"", pfx(ctx), e->string);
        /* cJSON keeps duplicates and the getters see only the first: a
         * second value would be silently ignored. */
        for (const cJSON *f = obj->child; f != e; f = f->next)
            if (strcmp(f->string, e->string) == 0)
                return rcj_fail(ctx, "key \"%s%s\" given twice", pfx(ctx),
                                e->string);
    }
    return 0;
}

int rcj_dtype_parse(const char *s, rc_dtype *out)
{
    static const struct { const char *name; rc_dtype t; } names[] = {
        {"f64", RC_F64}, {"f32", RC_F32}, {"f16", RC_F16}, {"bf16", RC_BF16},
        {"float64", RC_F64}, {"float32", RC_F32}, {"float16", RC_F16},
        {"bfloat16", RC_BF16},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].t;
            return 0;
        }
    return -1;
}

void rcj_copy(char *dst, size_t n, const char *src)
{
    if (n == 0)
        return;
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}
