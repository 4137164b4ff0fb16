/*
 * The reference RoPE adapter as a pipeline of small, overridable steps.
 *
 * The reference computes the intent formulas (docs/variants.md) in long
 * double (x87 80-bit on x86-64) and rounds once, at the end, to the output
 * dtype.  Every step is a function pointer in rc_ref_ops so that a catalogue
 * mutant reproduces one real bug by replacing exactly one step:
 *
 *     static rc_real no_scaling(const rc_ref_ops *o, const rc_rope_params *p,
 *                               int k, rc_real w) { (void)o; (void)p; (void)k; return w; }
 *     RC_REF_DERIVED_OPS(l1_ops, o->llama3_freq = no_scaling)
 *     RC_REF_DEFINE_ADAPTER(l1_table, "L1-llama3-unscaled", "1", l1_ops)
 *     RC_REF_EXPORT(l1_table)
 *
 * Default steps call each other through the ops pointer they receive, never
 * directly, so an override is seen by every step that depends on it.  An
 * override may call the default step it replaces through
 * rc_ref_default_ops() (passing its own ops on).
 *
 * Depends only on include/ and libm.
 */
#ifndef RC_ROPE_REF_H
#define RC_ROPE_REF_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"

/* Working precision of every step. */
typedef long double rc_real;

typedef struct rc_ref_ops rc_ref_ops;

/* What one call derives from params before it touches any data. */
typedef struct rc_ref_plan {
    const rc_rope_params *params;
    int half;              /* r/2 pairs                                     */
    rc_real magnitude;     /* m                                             */
    rc_real *inv_freq;     /* w'_k for k < half                             */
    int sign;              /* +1 forward, -1 backward (sin negated)         */
} rc_ref_plan;

struct rc_ref_ops {
    /* ---- the params a call works with (once per call) ---- */
    /* p itself, or a copy in scratch changed the way a bug changes it. */
    const rc_rope_params *(*call_params)(const rc_ref_ops *o, const rc_rope_params *p,
                                         rc_rope_params *scratch);
    /* ---- params -> frequencies and magnitude (once per call) ---- */
    /* 0 if the params are valid, else -1 with a message naming the field. */
    int (*validate)(const rc_ref_ops *o, const rc_rope_params *p, char *err, size_t n);
    /* Base the frequencies use: rope_theta, or DYNAMIC_NTK's b'. */
    rc_real (*base)(const rc_ref_ops *o, const rc_rope_params *p);
    /* Unscaled w_k = base^(-2k/r). */
    rc_real (*default_freq)(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k);
    /* w'_k: base, default_freq, then the type's scaling step below. */
    rc_real (*inv_freq)(const rc_ref_ops *o, const rc_rope_params *p, int k);
    rc_real (*linear_freq)(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
    rc_real (*yarn_freq)(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
    /* YaRN correction range [low, high] in pair indices (after the clamps
     * and the low == high guard). */
    void (*yarn_bounds)(const rc_ref_ops *o, const rc_rope_params *p, rc_real *low, rc_real *high);
    rc_real (*llama3_freq)(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
    rc_real (*longrope_freq)(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
    /* short_factor or long_factor, by seq_len against L. */
    const double *(*longrope_factors)(const rc_ref_ops *o, const rc_rope_params *p);
    /* m: dispatches to the two rules below for YARN and LONGROPE, else 1. */
    rc_real (*magnitude)(const rc_ref_ops *o, const rc_rope_params *p);
    rc_real (*yarn_magnitude)(const rc_ref_ops *o, const rc_rope_params *p);
    rc_real (*longrope_magnitude)(const rc_ref_ops *o, const rc_rope_params *p);

    /* ---- positions -> cos/sin table (once per token) ---- */
    rc_real (*position)(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos);
    rc_real (*angle)(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real pos, int k);
    /* c = m cos(angle), s = m sin(angle). */
    void (*cos_sin)(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s);
    /* One row of the cos/sin cache: c[k], s[k] for every pair at pos, the
     * sin already multiplied by pl->sign. */
    void (*table_row)(const rc_ref_ops *o, const rc_ref_plan *pl, int64_t pos, rc_real *c, rc_real *s);
    /* M-RoPE: the position axis pair k follows (0 = T). */
    int (*pair_axis)(const rc_ref_ops *o, const rc_rope_params *p, int k);
    /* The row of token t of n: table_row at positions[t], or with M-RoPE
     * each pair at its axis's position, positions laid out [axis][token]. */
    void (*token_row)(const rc_ref_ops *o, const rc_ref_plan *pl, const int64_t *positions,
                      int64_t n, int64_t t, rc_real *c, rc_real *s);

    /* ---- cos/sin table + activations -> outputs (once per head) ---- */
    void (*pair_index)(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1);
    void (*rotate)(const rc_ref_ops *o, rc_real x0, rc_real x1, rc_real c, rc_real s,
                   rc_real *y0, rc_real *y1);
    /* Rotates the r channels of one head; in and out are element offsets of
     * channel 0.  Reads both elements of a pair before writing either. */
    void (*head)(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in, int64_t in_off,
                 rc_tensor *out, int64_t out_off, const rc_real *c, const rc_real *s);
    /* Copies channels r .. head_dim-1 bit for bit. */
    void (*pass_through)(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in,
                         int64_t in_off, rc_tensor *out, int64_t out_off);
    /* Element offset of channel 0 of (token, head). */
    int64_t (*offset)(const rc_ref_ops *o, const rc_tensor *x, int64_t token, int64_t head);
    rc_real (*load)(const rc_ref_ops *o, rc_dtype t, const void *data, int64_t i);
    /* Rounds once to t. */
    void (*store)(const rc_ref_ops *o, rc_dtype t, void *data, int64_t i, rc_real v);
};

/* The reference steps.  The returned table is constant; copy it to derive. */
const rc_ref_ops *rc_ref_default_ops(void);

/* Per-instance state of every pipeline adapter: the last error message. */
typedef struct rc_ref_state {
    char error[256];
} rc_ref_state;

/* The ABI functions, parameterised by ops.  supports() answers
 * RC_UNSUPPORTED only for enum values it does not know; invalid params are
 * not "unsupported" but an RC_ERROR from apply/backward/cos_sin, with the
 * reason in last_error. */
int rc_ref_init(void **state);
void rc_ref_fini(void *state);
int rc_ref_supports(const rc_ref_ops *o, void *state, const rc_rope_params *p, rc_dtype dtype);
int rc_ref_apply(const rc_ref_ops *o, void *state, const rc_rope_params *p,
                 const int64_t *positions, const rc_tensor *in, rc_tensor *out);
int rc_ref_backward(const rc_ref_ops *o, void *state, const rc_rope_params *p,
                    const int64_t *positions, const rc_tensor *grad_out, rc_tensor *grad_in);
int rc_ref_cos_sin(const rc_ref_ops *o, void *state, const rc_rope_params *p,
                   const int64_t *positions, int64_t n, rc_dtype dtype, void *cos, void *sin);
const char *rc_ref_last_error(void *state);

/* apply (sign +1) and backward (sign -1) share this driver. */
int rc_ref_run(const rc_ref_ops *o, void *state, const rc_rope_params *p,
               const int64_t *positions, const rc_tensor *in, rc_tensor *out, int sign);

/* Plan a call: validate, then fill the frequency table and magnitude.
 * 0 ok; -1 with err set.  rc_ref_plan_free releases the table. */
int rc_ref_plan_init(const rc_ref_ops *o, const rc_rope_params *p, int sign,
                     rc_ref_plan *pl, char *err, size_t n);
void rc_ref_plan_free(rc_ref_plan *pl);

/* Validation shared with the examples (the reference's validate step). */
int rc_ref_validate_params(const rc_rope_params *p, char *err, size_t n);

/* Rounding helpers: long double to dtype, once. */
double rc_ref_to_f64(rc_real v);
float rc_ref_to_f32(rc_real v);
uint16_t rc_ref_to_f16(rc_real v);
uint16_t rc_ref_to_bf16(rc_real v);
size_t rc_ref_dtype_size(rc_dtype t);

/* Derive an ops table from the default: `o` names the copy in the body.
 *     RC_REF_DERIVED_OPS(my_ops, o->rotate = my_rotate; o->store = my_store)
 * defines `static const rc_ref_ops *my_ops(void)`. */
#define RC_REF_DERIVED_OPS(fn, ...)                                      \
    static const rc_ref_ops *fn(void)                                    \
    {                                                                    \
        static rc_ref_ops fn##_table;                                    \
        static int fn##_ready;                                           \
        if (!fn##_ready) {                                               \
            rc_ref_ops *o = &fn##_table;                                 \
            *o = *rc_ref_default_ops();                                  \
            __VA_ARGS__;                                                 \
            fn##_ready = 1;                                              \
        }                                                                \
        return &fn##_table;                                              \
    }

/* Define `const rc_adapter *ident(void)`: an adapter table whose every
 * function runs the pipeline with ops_fn().  Kept separate from the export
 * so several tables can live in one library. */
#define RC_REF_DEFINE_ADAPTER(ident, name_str, version_str, ops_fn)                       \
    static int ident##_supports(void *s, const rc_rope_params *p, rc_dtype t)             \
    { return rc_ref_supports(ops_fn(), s, p, t); }                                       \
    static int ident##_apply(void *s, const rc_rope_params *p, const int64_t *pos,        \
                             const rc_tensor *in, rc_tensor *out)                         \
    { return rc_ref_apply(ops_fn(), s, p, pos, in, out); }                               \
    static int ident##_backward(void *s, const rc_rope_params *p, const int64_t *pos,     \
                                const rc_tensor *g, rc_tensor *out)                       \
    { return rc_ref_backward(ops_fn(), s, p, pos, g, out); }                             \
    static int ident##_cos_sin(void *s, const rc_rope_params *p, const int64_t *pos,      \
                               int64_t n, rc_dtype t, void *c, void *sn)                 \
    { return rc_ref_cos_sin(ops_fn(), s, p, pos, n, t, c, sn); }                         \
    const rc_adapter *ident(void);                                                        \
    const rc_adapter *ident(void)                                                         \
    {                                                                                     \
        static const rc_adapter table = {                                                 \
            .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),             \
            .params_size = sizeof(rc_rope_params),                                        \
            .name = name_str, .version = version_str, .default_params = NULL,             \
            .init = rc_ref_init, .fini = rc_ref_fini, .supports = ident##_supports,       \
            .apply = ident##_apply, .backward = ident##_backward,                         \
            .cos_sin = ident##_cos_sin, .last_error = rc_ref_last_error };                \
        return &table;                                                                    \
    }

/* Export a table defined above as the library's rope_conform_adapter (the
 * pipeline's own symbols may be built hidden; this one must be visible). */
#if defined(__GNUC__)
#define RC_REF_VISIBLE __attribute__((visibility("default")))
#else
#define RC_REF_VISIBLE
#endif
#define RC_REF_EXPORT(ident)                                                  \
    RC_REF_VISIBLE const rc_adapter *rope_conform_adapter(void);              \
    RC_REF_VISIBLE const rc_adapter *rope_conform_adapter(void) { return ident(); }

#endif /* RC_ROPE_REF_H */
