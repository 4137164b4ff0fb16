/* The error model: per-pair bounds from a profile row (profiles.def) and the
 * decomposition of a pair's error into angle and magnitude parts.  Every
 * constant is derived in docs/error-model.md. */
#ifndef RC_ERRMODEL_H
#define RC_ERRMODEL_H

#include "rope_conform/adapter.h"

typedef struct rc_profile_row {
    const char *profile;
    rc_dtype dtype;
    int compute_bits;
    double k_step, k_log, k_0, c, r, floor_sub, floor_normal;
} rc_profile_row;

/* NULL if the profile name is unknown. */
const rc_profile_row *rc_profile_find(const char *profile, rc_dtype dtype);
/* Comma-separated profile names, for --help and errors. */
const char *rc_profile_names(void);

/* Above this the angle bound says nothing (a chord can be at most 2): the
 * pair's angle carries no information in the modelled arithmetic, and the
 * case reports "precision exhausted" instead of a silent pass. */
#define RC_ANGLE_EXHAUSTED 0.5

typedef struct rc_errmodel {
    const rc_profile_row *row;
    double u_c, u_r, floor_abs;
    double ln_base;      /* ln of the base the frequencies are powers of */
    int rotary_dim;
    double magnitude;    /* m */
    double mag_const;    /* c u_c + r u_r: the magnitude bound less its floor */
    const double *coef;  /* per-pair angle coefficients (rc_errmodel_cache) */
    int n_coef;
} rc_errmodel;

void rc_errmodel_init(rc_errmodel *em, const rc_profile_row *row,
                      const rc_rope_params *p, double magnitude, rc_dtype out);
/* Compute pair 0..n-1's angle coefficients once into coef (n doubles, kept
 * by the caller while em is used) instead of once per pair evaluation; the
 * bounds are the same to the bit. */
void rc_errmodel_cache(rc_errmodel *em, double *coef, int n);

/* Allowed normalised angle / magnitude error for pair k at exact angle phi
 * for an input pair of norm xnorm. */
double rc_errmodel_angle_bound(const rc_errmodel *em, int k, double phi, double xnorm);
double rc_errmodel_mag_bound(const rc_errmodel *em, double xnorm);

/* One pair's error against the exact golden y* (to 53 bits). */
typedef struct rc_pair_error {
    double angle;        /* signed, radians: atan2(y* x y, y* . y)         */
    double mag;          /* |y| / |y*| - 1                                 */
    double norm;         /* |y - y*| / (m |x|)                             */
    double angle_bound, mag_bound;
    double ratio;        /* max(|angle|/angle_bound, |mag|/mag_bound)      */
    double angle_ratio;  /* |angle|/angle_bound (0 when exhausted)         */
    double mag_ratio;    /* |mag|/mag_bound                                */
    int exhausted;       /* angle_bound >= RC_ANGLE_EXHAUSTED: angle not judged */
    int nonfinite;       /* a non-finite golden or candidate value: judged
                            by class in `ok`                               */
    int ok;
} rc_pair_error;

/* x: the input pair (exact), g: the golden pair (exact to 53 bits, may be
 * non-finite), gr: the golden rounded to the output dtype (for the class
 * of non-finite results), y: the candidate pair. */
void rc_pair_error_eval(const rc_errmodel *em, int k, double phi,
                        const double x[2], const double g[2], const double gr[2],
                        const double y[2], rc_pair_error *out);

#endif
