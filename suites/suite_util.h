/* Small helpers shared by the property-style suites (properties, scaling,
 * cos_sin, backward, long_context): position sets, the error model of a
 * call, a running "worst offender" tally, bitwise comparison of outputs and
 * the combination of several golden comparisons into one case result. */
#ifndef RC_SUITE_UTIL_H
#define RC_SUITE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "run.h"
#include "verify.h"

/* Position sets shared by suites, per level. */
size_t rc_positions_powers(int64_t max, int64_t *out, size_t cap); /* 0,1,2,3, 2^k-1, 2^k, 2^k+1 */

/* dense 0 .. n_dense-1 followed by rc_positions_powers(far) above them,
 * ascending and without repeats; returns the count (<= cap). */
size_t rc_su_dense_powers(int64_t n_dense, int64_t far, int64_t *out, size_t cap);

/* Which rows the costlier checks run on.  At level >= 2 every row; at
 * level 1 a few rows that still take every rope type, pairing and dtype
 * and both full and partial rotary at least once (the primary first), so
 * the pull-request gate stays fast.  keep[] has ctx->n_rows entries;
 * returns how many are set. */
size_t rc_su_pick_rows(const rc_ctx *ctx, unsigned char *keep);

/* The golden engine, its magnitude and the error model for params in the
 * case's dtype under the run's profile.  On failure fills res (FAIL) and
 * returns -1. */
typedef struct rc_su_model {
    rc_golden *g;
    double m;
    rc_errmodel em;
} rc_su_model;
int rc_su_model_init(rc_ctx *ctx, const rc_rope_params *p, rc_dtype dt, rc_su_model *sm,
                rc_case_result *res);

/* Bound on |y - y*| / (m |x|) for one output pair at angle phi: with an
 * angle error a and a relative magnitude error u, |y - y*| <= m|x| (u + a
 * (1 + u)), so ab + mb + ab*mb.  *exhausted is set when the angle bound
 * says nothing (>= RC_ANGLE_EXHAUSTED). */
double rc_su_pair_bound(const rc_su_model *sm, int k, double phi, double xnorm, int *exhausted);

/* Element pair k of (token, head) of a tensor, as doubles. */
void rc_su_load_pair(const rc_rope_params *p, const rc_tensor *t, int64_t tok, int64_t head,
                     int k, double v[2]);

/* A tally of judged items and the worst one (ratio = error / bound). */
typedef struct rc_su_tally {
    int64_t n, bad, skipped;
    double worst;           /* largest ratio seen, -1 before any          */
    char where[384];        /* description of the worst item             */
} rc_su_tally;
void rc_su_tally_init(rc_su_tally *t);
/* Count one item; when its ratio is the worst so far, format `where`.
 * ratio > 1 (or NaN) is a failure. */
void rc_su_tally_add(rc_su_tally *t, double ratio, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* PASS or FAIL into res: "<what>: N of M <unit> outside the bound; worst:
 * <where>" or "<what>: M <unit> within the bound (worst x of the bound)". */
void rc_su_tally_finish(const rc_su_tally *t, const char *what, const char *unit,
                        rc_case_result *res);

/* First element (flat index over the tensor's span) whose bit patterns
 * differ between a and b (same shape and dtype), or -1. */
int64_t rc_su_first_bit_diff(const rc_tensor *a, const rc_tensor *b);
/* "token T, head H, channel C" of a flat index of a contiguous tensor. */
void rc_su_describe_index(const rc_tensor *t, int64_t idx, char *buf, size_t n);

/* Put "<prefix>: " in front of res->message (truncating the end). */
void rc_su_prefix(rc_case_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Compare several calls of c with the golden (signs +1 apply, -1 backward)
 * and keep the worst result: FAIL over WARN over PASS.  Each call's outcome
 * is checked first (a declined call makes the case a SKIP).  A failing
 * call's message is prefixed with its label, so the report says which. */
void rc_su_verify_calls(rc_ctx *ctx, rc_case *c, const int *calls, const int *signs,
                        const char *const *labels, int n, rc_case_result *res);

#endif
