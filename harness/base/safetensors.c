/* Reading and writing safetensors files (safetensors.h). */
#include "safetensors.h"
#include "fileio.h"
#include "atomic.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE ((size_t)4 << 30)
#define MAX_HEADER ((uint64_t)100 << 20)   /* the format's own limit */

static const struct { const char *name; size_t size; } dtypes[] = {
    { "F64", 8 }, { "F32", 4 }, { "F16", 2 }, { "BF16", 2 }, { "I64", 8 }, { "I32", 4 }, { "U8", 1 },
};

static size_t dtype_size(const char *name)
{
    for (size_t i = 0; i < sizeof dtypes / sizeof dtypes[0]; i++)
        if (strcmp(dtypes[i].name, name) == 0)
            return dtypes[i].size;
    return 0;
}

const char *rc_st_dtype_name(rc_dtype t)
{
    return (unsigned)t < RC_DTYPE_COUNT ? dtypes[t].name : "?";
}

static int read_all(const char *path, rc_st_file *f, char *err, size_t errlen)
{
    /* a regular file within the bound: not a FIFO, a directory, /dev/zero */
    if (rc_input_check(path, MAX_FILE, err, errlen) != 0)
        return -1;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "%s: cannot open: %m", path);
        return -1;
    }
    int rc = -1;
    long n = fseek(fp, 0, SEEK_END) == 0 ? ftell(fp) : -1;
    if (n < 0 || fseek(fp, 0, SEEK_SET) != 0)
        snprintf(err, errlen, "%s: cannot read: %m", path);
    else if ((size_t)n > MAX_FILE)
        snprintf(err, errlen, "%s: %ld bytes, more than the 4 GiB this reader takes", path, n);
    else if (!(f->blob = malloc((size_t)n + 1)))
        snprintf(err, errlen, "%s: out of memory", path);
    else if (fread(f->blob, 1, (size_t)n, fp) != (size_t)n)
        snprintf(err, errlen, "%s: short read", path);
    else {
        f->size = (size_t)n;
        rc = 0;
    }
    fclose(fp);
    return rc;
}

/* One header entry: known dtype, integer shape, offsets that fit. */
static int check_entry(const rc_st_file *f, const cJSON *e, char *why, size_t n)
{
    const cJSON *dt = cJSON_GetObjectItemCaseSensitive(e, "dtype");
    const cJSON *sh = cJSON_GetObjectItemCaseSensitive(e, "shape");
    const cJSON *off = cJSON_GetObjectItemCaseSensitive(e, "data_offsets");
    size_t es = cJSON_IsString(dt) ? dtype_size(dt->valuestring) : 0;
    if (!es)
        return snprintf(why, n, "unknown or missing dtype"), -1;
    if (!cJSON_IsArray(sh) || cJSON_GetArraySize(sh) > RC_ST_MAX_DIMS || !cJSON_IsArray(off) ||
        cJSON_GetArraySize(off) != 2)
        return snprintf(why, n, "shape or data_offsets malformed"), -1;
    double count = 1;
    const cJSON *d;
    cJSON_ArrayForEach(d, sh) {
        if (!cJSON_IsNumber(d) || d->valuedouble < 0 || d->valuedouble != (double)(int64_t)d->valuedouble)
            return snprintf(why, n, "shape holds a non-integer"), -1;
        count *= d->valuedouble;
    }
    double b = cJSON_GetArrayItem(off, 0)->valuedouble, e2 = cJSON_GetArrayItem(off, 1)->valuedouble;
    if (!(b >= 0 && b <= e2 && e2 <= (double)f->data_size) || e2 - b != count * (double)es)
        return snprintf(why, n, "data_offsets [%.0f, %.0f] do not hold its %.0f bytes", b, e2, count * (double)es), -1;
    return 0;
}

int rc_st_read(const char *path, rc_st_file *f, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    if (read_all(path, f, err, errlen) != 0)
        return -1;
    uint64_t n = 0;
    for (int i = 0; i < 8 && f->size >= 8; i++)
        n |= (uint64_t)f->blob[i] << (8 * i);
    if (f->size < 8 || n > MAX_HEADER || n > f->size - 8) {
        snprintf(err, errlen, "%s: not a safetensors file (bad header length)", path);
        rc_st_close(f);
        return -1;
    }
    f->header = cJSON_ParseWithLength((const char *)f->blob + 8, (size_t)n);
    f->data = f->blob + 8 + n;
    f->data_size = f->size - 8 - (size_t)n;
    if (!cJSON_IsObject(f->header)) {
        snprintf(err, errlen, "%s: the safetensors header is not a JSON object", path);
        rc_st_close(f);
        return -1;
    }
    const cJSON *e;
    char why[160];
    cJSON_ArrayForEach(e, f->header) {
        if (strcmp(e->string, "__metadata__") == 0)
            continue;
        if (check_entry(f, e, why, sizeof why) != 0) {
            snprintf(err, errlen, "%s: tensor \"%.100s\": %s", path, e->string, why);
            rc_st_close(f);
            return -1;
        }
    }
    return 0;
}

void rc_st_close(rc_st_file *f)
{
    cJSON_Delete(f->header);
    free(f->blob);
    memset(f, 0, sizeof *f);
}

const char *rc_st_meta(const rc_st_file *f, const char *key)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(f->header, "__metadata__");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int rc_st_find(const rc_st_file *f, const char *name, rc_st_tensor *t)
{
    const cJSON *e = strcmp(name, "__metadata__") ? cJSON_GetObjectItemCaseSensitive(f->header, name) : NULL;
    if (!cJSON_IsObject(e))
        return 0;
    memset(t, 0, sizeof *t);
    snprintf(t->dtype, sizeof t->dtype, "%s", cJSON_GetObjectItemCaseSensitive(e, "dtype")->valuestring);
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(e, "shape"))
        t->shape[t->ndim++] = (int64_t)d->valuedouble;
    const cJSON *off = cJSON_GetObjectItemCaseSensitive(e, "data_offsets");
    size_t b = (size_t)cJSON_GetArrayItem(off, 0)->valuedouble;
    t->data = f->data + b;
    t->bytes = (size_t)cJSON_GetArrayItem(off, 1)->valuedouble - b;
    return 1;
}

int rc_st_writer_init(rc_st_writer *w)
{
    memset(w, 0, sizeof *w);
    w->header = cJSON_CreateObject();
    w->meta = cJSON_CreateObject();
    return w->header && w->meta ? 0 : -1;
}

int rc_st_add(rc_st_writer *w, const char *name, const char *dtype, int ndim, const int64_t *shape,
              const void *data, size_t bytes)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 64;
        const void **c = realloc(w->chunks, cap * sizeof *c);
        if (c)
            w->chunks = c;
        size_t *s = c ? realloc(w->sizes, cap * sizeof *s) : NULL;
        if (!s)
            return -1;
        w->sizes = s;
        w->cap = cap;
    }
    cJSON *e = cJSON_AddObjectToObject(w->header, name);
    cJSON *sh = e ? cJSON_AddArrayToObject(e, "shape") : NULL;
    cJSON *off = sh ? cJSON_AddArrayToObject(e, "data_offsets") : NULL;
    if (!off || !cJSON_AddStringToObject(e, "dtype", dtype))
        return -1;
    for (int i = 0; i < ndim; i++)
        cJSON_AddItemToArray(sh, cJSON_CreateNumber((double)shape[i]));
    cJSON_AddItemToArray(off, cJSON_CreateNumber((double)w->offset));
    cJSON_AddItemToArray(off, cJSON_CreateNumber((double)(w->offset + bytes)));
    w->chunks[w->n] = data;
    w->sizes[w->n++] = bytes;
    w->offset += bytes;
    return 0;
}

int rc_st_set_meta(rc_st_writer *w, const char *key, const char *value)
{
    return cJSON_AddStringToObject(w->meta, key, value) ? 0 : -1;
}

int rc_st_write(rc_st_writer *w, const char *path, char *err, size_t errlen)
{
    if (cJSON_GetArraySize(w->meta) > 0) {
        cJSON_AddItemReferenceToObject(w->header, "__metadata__", w->meta);
    }
    char *text = cJSON_PrintUnformatted(w->header);
    cJSON_DeleteItemFromObjectCaseSensitive(w->header, "__metadata__");
    if (!text) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    size_t len = strlen(text), padded = (len + 7) / 8 * 8;   /* data 8-byte aligned */
    unsigned char lenb[8];
    for (int i = 0; i < 8; i++)
        lenb[i] = (unsigned char)((uint64_t)padded >> (8 * i));
    rc_atomic_file a;
    int rc = -1;
    if (rc_atomic_open(&a, path, err, errlen) == 0) {
        fwrite(lenb, 1, 8, a.f);
        fwrite(text, 1, len, a.f);
        for (size_t i = len; i < padded; i++)
            fputc(' ', a.f);
        for (size_t i = 0; i < w->n; i++)
            fwrite(w->chunks[i], 1, w->sizes[i], a.f);
        rc = rc_atomic_commit(&a, err, errlen);
    }
    free(text);
    return rc;
}

void rc_st_writer_free(rc_st_writer *w)
{
    cJSON_Delete(w->header);
    cJSON_Delete(w->meta);
    free(w->chunks);
    free(w->sizes);
    memset(w, 0, sizeof *w);
}
