/* Element types: sizes, names, exact loads, correctly rounded stores, ulps.
 * The one place the harness converts between dtypes and doubles. */
#ifndef RC_DTYPE_H
#define RC_DTYPE_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"

size_t rc_dtype_size(rc_dtype t);
const char *rc_dtype_name(rc_dtype t);             /* "f64" "f32" "f16" "bf16" */
int rc_dtype_parse(const char *s, rc_dtype *out);  /* 0 ok, -1 unknown      */
int rc_dtype_precision(rc_dtype t);                /* 53, 24, 11, 8          */
int rc_dtype_emin(rc_dtype t);                     /* exponent of the smallest
                                                      normal: -1022 -126 -14 -126 */
int rc_dtype_emax(rc_dtype t);                     /* 1023 127 15 127        */
double rc_dtype_unit_roundoff(rc_dtype t);         /* u = 2^-precision       */
double rc_dtype_min_normal(rc_dtype t);

/* Element i of a flat array of dtype t, exactly, as a double. */
double rc_load(const void *data, rc_dtype t, size_t i);
/* Round v to t (nearest even) and store it as element i. */
void rc_store(void *data, rc_dtype t, size_t i, double v);
/* Raw bit pattern of element i, zero-extended; hex-printable. */
uint64_t rc_load_bits(const void *data, rc_dtype t, size_t i);
/* "0x3f800000"-style bit pattern string of element i (buf >= 24 bytes). */
const char *rc_format_bits(const void *data, rc_dtype t, size_t i, char *buf, size_t n);

/* The ulp of a value of magnitude |v| in dtype t (the spacing at |v|,
 * subnormal-aware), and |actual - exact| in units of that ulp. */
double rc_ulp(double v, rc_dtype t);
double rc_ulp_error(double actual, double exact, rc_dtype t);

/* Flat element index of (token, head, channel) in a strided tensor. */
static inline size_t rc_tensor_index(const rc_tensor *x, int64_t tok, int64_t head, int64_t ch)
{
    return (size_t)(tok * x->token_stride + head * x->head_stride + ch);
}
/* Number of elements the tensor spans (last element index + 1). */
size_t rc_tensor_span(const rc_tensor *x);

#endif
