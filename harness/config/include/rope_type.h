/* The rope-type table (rope_types.def): one row per rc_rope_type, one file
 * per type (rope_type_<name>.c) holding everything the tool knows about
 * it.  Every other file asks the table through this header, so a new type
 * is one row plus one file. */
#ifndef RC_ROPE_TYPE_H
#define RC_ROPE_TYPE_H

#include <stddef.h>
#include <stdint.h>
#include "config.h"

struct rc_hf_block;        /* config_internal.h */
struct rcj_ctx;            /* config_internal.h */
struct rc_rope_golden_ops; /* rope_formula.h */

/* The scaling suite's check for the type (suites/scaling.c plans one per
 * kind): where its frequencies switch. */
typedef enum rc_switch_kind {
    RC_SWITCH_NONE = 0,
    RC_SWITCH_SEQ_LEN,    /* seq_len at L and L+1, short call after long   */
    RC_SWITCH_RAMP,       /* a ramp between two bounds, bound rounding     */
    RC_SWITCH_BANDS,      /* bands of pairs: kept, smoothed, divided       */
    RC_SWITCH_FACTOR_ONE  /* factor 1 must be the default RoPE exactly     */
} rc_switch_kind;

/* Lint hazards the type carries (harness/conventions/lint.c reports them). */
enum {
    RC_HAZARD_FACTOR_ONE = 1, /* factor 1 is a no-op: a typo or a stale block */
    RC_HAZARD_EXTENDS_L = 2   /* extends past L: a context <= L never shows it */
};

/* How identify (probe_fit.c) recognises the type from the per-pair
 * scaling rho_k = w'_k / b^(-2k/r) it measures. */
typedef enum rc_fit_shape {
    RC_FIT_NONE = 0,     /* not recognised by shape (rho = 1: the default) */
    RC_FIT_UNIFORM,      /* one factor for every pair                      */
    RC_FIT_SEQ_LEN,      /* rho = 1 up to L, another base past it          */
    RC_FIT_RAMP_K,       /* 1, a ramp linear in k, then 1/s                */
    RC_FIT_RAMP_FREQ,    /* 1, a ramp linear in the frequency, then 1/s    */
    RC_FIT_PER_PAIR      /* a factor per pair (whatever else it measures)  */
} rc_fit_shape;

/* One extra frozen-vector case of a type (vectors_cases.c). */
typedef struct rc_vec_extra {
    const char *name;
    const int64_t *pos;
    size_t n_pos;
    const char *note;
} rc_vec_extra;

/* Geometry of the frozen vectors (docs/vectors.md). */
#define RC_VEC_HEAD_DIM 64
#define RC_VEC_L 4096
/* The seq_len = L and L+1 cases of the seq_len-switched types. */
int rc_vec_seq_len_case(rc_config *v, int i, rc_vec_extra *out, const char *note_at,
                        const char *note_past);

typedef struct rc_rope_type_info {
    rc_rope_type type;
    const char *name;              /* params JSON, reports, labels, HF rope_type */
    const char *const *aliases;    /* other accepted spellings (HF legacy), or NULL */
    const char *diag_class;        /* catalogue class of the type's bugs, or NULL */
    const char *const *required;   /* params JSON keys the type needs, or NULL */
    int factor_arrays;             /* uses short_factor/long_factor (rotary_dim/2 each) */
    int uses_freq_pairs;           /* uses freq_pairs (ABI 1.1) */
    int abi_minor;                 /* the ABI minor an adapter needs to be offered it */
    int seq_len_dependent;         /* frequencies depend on seq_len */
    unsigned hazards;              /* RC_HAZARD_* */
    rc_switch_kind switch_kind;
    int below_L_check;             /* SEQ_LEN: also seq_len L/2 (the clamp) */
    rc_fit_shape fit_shape;        /* identify's shape of the type */
    int magnitude_param;           /* m is a parameter (attention_factor), not 1 */
    int stale_multiple;            /* SEQ_LEN: the long call's seq_len, in L */

    /* params JSON: non-zero defaults a reader fills in (NULL: none) */
    void (*params_defaults)(rc_rope_params *p);
    /* Type-specific checks of validated geometry; 0 or -1 with a message. */
    int (*validate)(const rc_rope_params *p, char *err, size_t n);
    /* HF config.json: the scaling block -> params (NULL: nothing to read). */
    int (*from_hf)(const struct rc_hf_block *b, rc_config *out, const struct rcj_ctx *ctx);
    /* Canonical grid params (geometry already set). */
    void (*canonical)(rc_config *cfg);
    /* Frozen vectors: the model-like params, extra case i (0 = none left)
     * after changing v, and a note on the switch points. */
    void (*vector_params)(rc_config *c);
    int (*vector_extra)(rc_config *v, int i, rc_vec_extra *out);
    void (*vector_note)(const rc_rope_params *p, char *buf, size_t n);
    /* identify's summary of the type's own fields (" factor 4 ..."), or
     * NULL when it has none beyond the geometry. */
    void (*describe)(const rc_rope_params *p, char *buf, size_t n);
    /* ln of the base the frequencies are powers of (NULL: ln base). */
    double (*ln_base)(const rc_rope_params *p);
    const struct rc_rope_golden_ops *golden;
} rc_rope_type_info;

/* NULL for a value outside the table. */
const rc_rope_type_info *rc_rope_type_info_of(rc_rope_type t);
/* The type whose diag_class is cls, or NULL. */
const rc_rope_type_info *rc_rope_type_by_class(const char *cls);
/* The type identify names for a shape (the default type for RC_FIT_NONE). */
rc_rope_type rc_rope_type_by_fit(rc_fit_shape s);
rc_fit_shape rc_rope_type_fit(rc_rope_type t); /* RC_FIT_NONE outside the table */

const char *rc_rope_type_name(rc_rope_type t); /* "?" outside the table */
/* A name or alias; 0 ok, -1 unknown. */
int rc_rope_type_parse(const char *s, rc_rope_type *out);
/* "default, linear, ..., longrope (or su), ..." for error messages. */
const char *rc_rope_type_list(void);

/* Shared validation steps (golden_params.c); each 0 or -1 with err set. */
int rc_check_fail(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int rc_check_factor_ge1(const rc_rope_params *p, char *err, size_t n);
int rc_check_L(const rc_rope_params *p, int64_t min, char *err, size_t n);
int rc_check_seq_len(const rc_rope_params *p, char *err, size_t n);
int rc_check_attention_factor(const rc_rope_params *p, char *err, size_t n);

#endif
