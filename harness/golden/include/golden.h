/* The golden engine: exact RoPE (intent semantics, docs/variants.md) with
 * MPFR, every output rounded once, correctly, to the requested dtype.
 * One engine serves every suite; an rc_golden caches the per-config
 * frequency table and per-(position, pair) cos/sin. */
#ifndef RC_GOLDEN_H
#define RC_GOLDEN_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"
#include "config.h"

typedef struct rc_golden rc_golden;

/* Build an engine for params (validated; copies what it needs, including the
 * LONGROPE factor arrays).  NULL with a message in err on invalid params. */
rc_golden *rc_golden_new(const rc_rope_params *p, char *err, size_t errlen);
void rc_golden_free(rc_golden *g);
const rc_rope_params *rc_golden_params(const rc_golden *g);

/* Frequency table and magnitude, as doubles (nearest), for reports/probes. */
double rc_golden_inv_freq(const rc_golden *g, int k);   /* w'_k         */
double rc_golden_magnitude(const rc_golden *g);         /* m            */

/* Positions: n entries, or for M-RoPE params (n_axes = A > 1) A * n laid
 * out [axis][token], pair k taking the axis rc_mrope_axis gives it.
 *
 * out = m * R(sign * p * w') in, rounded once to out->dtype.  in and out
 * share shape; their dtypes may differ (the input values are exact values
 * of in->dtype; out->dtype F64 gives the exact result to 53 bits, which the
 * error model uses).  sign is +1 (apply) or -1 (backward).  0 ok, -1 error. */
int rc_golden_apply(rc_golden *g, const int64_t *positions, const rc_tensor *in,
                    rc_tensor *out, int sign);

/* m*cos and m*sin for n positions, layout [n][rotary_dim/2], rounded once to
 * dtype (the ABI's cos_sin layout). */
int rc_golden_cos_sin(rc_golden *g, const int64_t *positions, int64_t n,
                      rc_dtype dtype, void *cos_out, void *sin_out);

/* The exact angle p * w'_k reduced to (-pi, pi], to double, [n][rotary_dim/2]. */
int rc_golden_angles(rc_golden *g, const int64_t *positions, int64_t n, double *angles);

/* Why the last call returned -1. */
const char *rc_golden_last_error(const rc_golden *g);

#endif
