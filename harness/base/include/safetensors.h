/* The safetensors format: an 8-byte little-endian header length N, N bytes
 * of JSON header ({name: {"dtype", "shape", "data_offsets": [begin, end]}}
 * plus an optional "__metadata__" object of strings), then the raw
 * little-endian data, offsets relative to its start.  gen writes cases in
 * it, verify reads outputs from it (docs/python.md). */
#ifndef RC_SAFETENSORS_H
#define RC_SAFETENSORS_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"

#define RC_ST_MAX_DIMS 4

typedef struct rc_st_tensor {
    char dtype[8];              /* "F64" "F32" "F16" "BF16" "I64"        */
    int ndim;
    int64_t shape[RC_ST_MAX_DIMS];
    const void *data;
    size_t bytes;
} rc_st_tensor;

/* A file read whole: the header parsed and every entry checked (known
 * dtype, shape, offsets inside the data and matching the size). */
typedef struct rc_st_file {
    unsigned char *blob;
    size_t size;
    struct cJSON *header;
    const unsigned char *data;
    size_t data_size;
} rc_st_file;

int rc_st_read(const char *path, rc_st_file *f, char *err, size_t errlen);
void rc_st_close(rc_st_file *f);
/* A __metadata__ string, or NULL. */
const char *rc_st_meta(const rc_st_file *f, const char *key);
/* 1 and *t when the tensor exists, else 0. */
int rc_st_find(const rc_st_file *f, const char *name, rc_st_tensor *t);

/* The safetensors name of a dtype ("F64" "F32" "F16" "BF16"). */
const char *rc_st_dtype_name(rc_dtype t);

/* A writer: tensors are referenced, not copied, until rc_st_write. */
typedef struct rc_st_writer {
    struct cJSON *header, *meta;
    const void **chunks;
    size_t *sizes, n, cap, offset;
} rc_st_writer;

int rc_st_writer_init(rc_st_writer *w);
int rc_st_add(rc_st_writer *w, const char *name, const char *dtype, int ndim, const int64_t *shape,
              const void *data, size_t bytes);
int rc_st_set_meta(rc_st_writer *w, const char *key, const char *value);
/* Write the file atomically; 0, or -1 with a message naming the path. */
int rc_st_write(rc_st_writer *w, const char *path, char *err, size_t errlen);
void rc_st_writer_free(rc_st_writer *w);

#endif
