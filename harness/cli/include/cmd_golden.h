/* The `golden` command's engine (cmd_golden.c): correctly rounded outputs
 * for a configuration, positions and inputs, as a JSON document. */
#ifndef RC_CMD_GOLDEN_H
#define RC_CMD_GOLDEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "config.h"

typedef struct rc_golden_req {
    const rc_config *cfg;
    rc_dtype dtype;
    const int64_t *positions;  /* M-RoPE: [axis][token], n_positions each */
    size_t n_positions;
    int heads;
    const char *input_path;    /* NULL: seeded random inputs               */
    uint64_t seed;
    int cos_sin, angles;
} rc_golden_req;

/* Comma-separated integers and ranges A-B ("0,1,100-110,-5--3") into a
 * malloc'd array.  0 ok, -1 with a one-line message. */
int rc_positions_parse(const char *list, int64_t **out, size_t *n, char *err, size_t errlen);
/* For params with `axes` position axes: "T;H;W", one list per axis of one
 * length, or one list for every axis; *n is the count per axis and *out
 * holds axes * n laid out [axis][token]. */
int rc_positions_parse_axes(const char *list, int axes, int64_t **out, size_t *n, char *err,
                            size_t errlen);
/* The golden JSON document for req on f.  0 ok, -1 with a one-line
 * message (bad input file, invalid params, out of memory). */
int rc_golden_emit(FILE *f, const rc_golden_req *req, char *err, size_t errlen);

#endif
