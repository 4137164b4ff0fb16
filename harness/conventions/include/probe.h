/* Probing a candidate as a black box: which channels rotate together (from
 * one-hot inputs), the angle of every pair at growing positions (unwrapped
 * into angular frequencies), and the fits that turn frequencies back into
 * RoPE parameters.  identify and compare share all of it; docs/conventions.md
 * explains the methods. */
#ifndef RC_PROBE_H
#define RC_PROBE_H

#include <stddef.h>
#include <stdint.h>
#include "config.h"
#include "loader.h"
#include "rope_conform/adapter.h"

#define RC_PROBE_MAX_CH (2 * RC_MAX_PAIRS)
#define RC_PROBE_MAX_LOG2 20 /* frequency sweep: p = 0 and 2^0 .. 2^20 */
#define RC_PROBE_NPOS (RC_PROBE_MAX_LOG2 + 2)

/* How the candidate is called: the same params and dtype on every call. */
typedef struct rc_probe {
    const rc_candidate *cand;
    const rc_rope_params *params;
    rc_dtype dtype;
    double timeout;
} rc_probe;

/* Run n apply calls of one head each; call i has n_tok[i] tokens at
 * pos[i][..], input in[i] and output out[i] ([n_tok][head_dim] doubles,
 * exact values of the dtype).  ok[i] = 1 where the candidate returned
 * output; otherwise why[i] (if given) says what happened.  0, or -1 when the
 * sandbox failed or no call returned output (message in err). */
int rc_probe_apply(const rc_probe *pr, size_t n, const int64_t *const *pos,
                   const int64_t *n_tok, const double *const *in, double *const *out,
                   int *ok, char (*why)[160], char *err, size_t errlen);
/* The same with M-RoPE params: rc_probe_apply gives every axis pos[i];
 * this takes pos[i] per axis, [axis][token]. */
int rc_probe_apply_axes(const rc_probe *pr, size_t n, const int64_t *const *pos,
                        const int64_t *n_tok, const double *const *in, double *const *out,
                        int *ok, char (*why)[160], char *err, size_t errlen);

/* The channel pairing recovered from one-hot probes. */
typedef struct rc_pairmap {
    int head_dim, n_pairs;
    /* pair k (k-th pair by its lowest channel): a positive angle rotates
     * channel first[k] toward second[k] */
    int first[RC_MAX_PAIRS], second[RC_MAX_PAIRS];
    int pair_of[RC_PROBE_MAX_CH];   /* channel -> pair, -1 = not rotated */
    int n_pass;                     /* channels coupled to no other      */
    int pass_changed;               /* ... whose value still changed     */
    int mixing;                     /* channels feeding more than one other */
    int n_reversed;                 /* pairs with first > second          */
    int n_positions;
    int64_t positions[8];
} rc_pairmap;

typedef enum rc_layout {
    RC_LAYOUT_HALF_SPLIT = RC_HALF_SPLIT,
    RC_LAYOUT_INTERLEAVED = RC_INTERLEAVED,
    RC_LAYOUT_OTHER,                 /* a consistent pairing, not a named one */
    RC_LAYOUT_NONE                   /* not a pairing at all (mixing)        */
} rc_layout;

int rc_probe_pairmap(const rc_probe *pr, rc_pairmap *map, char *err, size_t errlen);
/* Which named layout the unordered pairs form (orientation ignored). */
rc_layout rc_pairmap_layout(const rc_pairmap *map);
const char *rc_layout_name(rc_layout l);
/* The map a params struct declares: pairs per its pairing, positive
 * orientation, channels from rotary_dim on not rotated. */
void rc_pairmap_declared(const rc_rope_params *p, rc_pairmap *map);

/* Angles of every pair at p = 0, 1, 2, 4, ... 2^20 with input (1, 0) in
 * (first, second), unwrapped into angular frequencies. */
typedef struct rc_sweep {
    int n_pos;
    int64_t pos[RC_PROBE_NPOS];
    int ok[RC_PROBE_NPOS];
    double angle[RC_PROBE_NPOS][RC_MAX_PAIRS];  /* atan2(second, first)   */
    double norm[RC_PROBE_NPOS][RC_MAX_PAIRS];   /* |output pair|          */
    double w[RC_MAX_PAIRS];        /* angular frequency per token         */
    int64_t p_used[RC_MAX_PAIRS];  /* largest position the estimate used  */
    double m;                      /* mean output norm at p = 0 (input 1) */
    double m_spread;               /* max - min of that norm over pairs   */
    int64_t max_ok;                /* largest position that returned      */
} rc_sweep;

/* sweep must be zeroed or fresh; params->seq_len is as the probe has it. */
int rc_probe_sweep(const rc_probe *pr, const rc_pairmap *map, rc_sweep *sw, char *err,
                   size_t errlen);

/* Frequencies back to parameters (probe_fit.c). */
typedef struct rc_freq_fit {
    int n_fit;           /* high-frequency pairs on one geometric line   */
    double ln_base;      /* from the slope                                */
    double intercept;    /* ln w_0 (0 unless every pair is scaled)        */
    double rms;          /* residual of the line, in ln w                 */
} rc_freq_fit;

/* Fit ln w_k = a - (2k/r) ln b over the longest prefix of pairs whose
 * successive ratios agree within tol (relative).  -1 if fewer than 2 pairs. */
int rc_fit_base(const double *w, int n_pairs, double tol, rc_freq_fit *fit);

/* Unit of the measurement noise of the dtype, for tolerances. */
double rc_probe_tol(rc_dtype dt);

/* A named finding with a confidence in [0, 1] and the evidence for it. */
typedef struct rc_finding {
    double confidence;
    char text[256];
    char evidence[512];
} rc_finding;

#define RC_IDENT_MAX_MISMATCH 16

typedef struct rc_identify_result {
    rc_config declared;          /* what the candidate was called with      */
    rc_config ident;             /* what it does, as params                  */
    rc_dtype dtype;
    rc_pairmap map;
    rc_sweep *sweep;             /* at the declared seq_len                  */
    rc_sweep *sweep_long;        /* at the other seq_len (4 L, or 0 when the
                                    declared one is past L), L known        */
    const rc_sweep *s_short;     /* of the two, the one at seq_len <= L      */
    const rc_sweep *s_long;      /* the one past L (NULL: none)              */
    double l_long;               /* its seq_len                              */
    rc_layout layout;
    int reversed;                /* rotates by the negative angle            */
    rc_freq_fit fit;
    double base_fit;             /* exp(ln_base) before snapping             */
    double m;
    double factors[RC_MAX_PAIRS];      /* per-pair w_default / w             */
    double yarn_low, yarn_high;        /* fitted ramp bounds (YARN)          */
    double k_eff;                /* angle error / (2^-24 |phi|), max        */
    int k_eff_pair;
    double k_profile;            /* standard profile's K for that pair      */
    int64_t ulp_lost_at;         /* first sweep position losing one output
                                    ulp of angle; -1 none up to max_ok      */
    rc_finding f_pairing, f_rotary, f_direction, f_base, f_type, f_magnitude,
        f_precision;
    rc_finding f_mrope;          /* M-RoPE calls only: axes, sections, layout */
    signed char mrope_axis[RC_MAX_PAIRS]; /* the axis each pair follows, -1 none */
    int n_mismatch;
    char mismatch[RC_IDENT_MAX_MISMATCH][256];
    char note[512];
} rc_identify_result;

/* M-RoPE (probe_mrope.c): which axis each pair follows, from one call per
 * axis with that axis at position 1 and the others at 0; the sections and
 * layout that map is, into res->ident, f_mrope and the mismatches.  Only
 * for declared M-RoPE params.  0, or -1 with a message. */
int rc_probe_mrope(const rc_probe *pr, rc_identify_result *res, char *err, size_t errlen);

/* Classify the rope type of res (map, sweeps, fit filled) and fill
 * res->ident, f_base, f_type and f_magnitude (probe_fit.c). */
void rc_fit_params(rc_identify_result *res);

/* Identify: declared may be NULL (the candidate's default_params, else the
 * default half-split config; interleaved when the candidate refuses it).
 * dtype < 0 picks the widest the candidate supports.  0 ok; -1 with a
 * message (the candidate refused every configuration, crashed...). */
int rc_identify(const rc_candidate *c, const rc_config *declared, int dtype, double timeout,
                rc_identify_result *res, char *err, size_t errlen);
void rc_identify_free(rc_identify_result *res);

/* The params a probe starts from when none are given: the candidate's
 * default_params, else half-split, head_dim 128, base 1e4 (interleaved if
 * the candidate refuses that and force_pairing is 0).  *how says which.
 * dtype < 0: the widest dtype the candidate supports for them.  0 ok, -1
 * when it supports none. */
int rc_probe_choose(const rc_candidate *c, const rc_config *given, int dtype, rc_config *out,
                    rc_dtype *dt_out, char *how, size_t howlen, double timeout);

#endif
