/* Reading a configuration file: format detection, malformed-JSON
 * diagnostics, and the rc_config bookkeeping.  The two formats live in
 * config_hf.c and config_params.c. */
#include "config_internal.h"
#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void rc_config_rebind(rc_config *c)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(c->params.type);
    if (ti && ti->factor_arrays) {
        c->params.short_factor = c->short_factor;
        c->params.long_factor = c->long_factor;
    } else {
        c->params.short_factor = NULL;
        c->params.long_factor = NULL;
    }
}

/* One-line message with line/column of where cJSON gave up. */
static int syntax_error(const rcj_ctx *ctx, const char *text, const char *at)
{
    if (!at || at < text)
        return rcj_fail(ctx, "malformed JSON");
    size_t off = (size_t)(at - text);
    int line = 1, col = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    /* A short excerpt helps find the spot; stop at the end of the line. */
    char near[24];
    size_t k = 0;
    while (k + 1 < sizeof near && at[k] && at[k] != '\n' && at[k] != '\r') {
        near[k] = at[k];
        k++;
    }
    near[k] = '\0';
    if (k == 0)
        return rcj_fail(ctx, "malformed JSON at line %d, column %d (offset "
                        "%zu): unexpected end of input", line, col, off);
    return rcj_fail(ctx, "malformed JSON at line %d, column %d (offset %zu) "
                    "near '%s'", line, col, off, near);
}

int rc_config_parse(const char *json_text, const char *source, rc_config *out,
                    char *err, size_t errlen)
{
    rcj_ctx ctx = {source ? source : "<string>", err, errlen, ""};
    if (err && errlen)
        err[0] = '\0';
    memset(out, 0, sizeof *out);
    rcj_copy(out->source, sizeof out->source, ctx.source);
    if (!json_text)
        return rcj_fail(&ctx, "no JSON text");

    const char *end = NULL;
    cJSON *json = cJSON_ParseWithOpts(json_text, &end, 1);
    if (!json)
        return syntax_error(&ctx, json_text, end ? end : cJSON_GetErrorPtr());
    int rc;
    if (!cJSON_IsObject(json))
        rc = rcj_fail(&ctx, "top level must be a JSON object");
    else if (cJSON_GetObjectItemCaseSensitive(json, "rope_conform_params"))
        rc = rc_config_from_params(json, out, &ctx);
    else if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(json, "params")) &&
             cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json, "params"),
                                              "rope_conform_params"))
        /* an `identify --json` document: its "params" block is what the
         * candidate was found to do, so identify then run --config works */
        rc = rc_config_from_params(cJSON_GetObjectItemCaseSensitive(json, "params"), out, &ctx);
    else
        rc = rc_config_from_hf(json, out, &ctx);
    cJSON_Delete(json);

    out->params.struct_size = (uint32_t)sizeof(rc_rope_params);
    rc_config_rebind(out);
    return rc;
}

int rc_config_load(const char *path, rc_config *out, char *err, size_t errlen)
{
    rcj_ctx ctx = {path ? path : "<null>", err, errlen, ""};
    memset(out, 0, sizeof *out);
    if (!path)
        return rcj_fail(&ctx, "no path given");
    /* Real configs are a few hundred KB at most; the bound keeps a wrong
     * path (a weights file, /dev/zero) from being read into memory. */
    char *buf = rc_read_file(path, RC_INPUT_MAX_BYTES, NULL, err, errlen);
    if (!buf)
        return -1;
    int rc = rc_config_parse(buf, path, out, err, errlen);
    free(buf);
    return rc;
}
