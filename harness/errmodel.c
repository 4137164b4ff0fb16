/* Error model: bounds from the profile table and pair error decomposition.
 * docs/error-model.md derives the formulas implemented here. */
#include "errmodel.h"
#include "rope_type.h"
#include "dtype.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const rc_profile_row rows[] = {
#define RC_PROFILE_ROW(name, dt, bits, kstep, klog, k0, c, r, fs, fn) \
    { #name, dt, bits, kstep, klog, k0, c, r, fs, fn },
#include "profiles.def"
#undef RC_PROFILE_ROW
};

const rc_profile_row *rc_profile_find(const char *profile, rc_dtype dtype)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (rows[i].dtype == dtype && strcmp(rows[i].profile, profile) == 0)
            return &rows[i];
    return NULL;
}

const char *rc_profile_names(void)
{
    return "strict, standard";
}

/* ln of the base whose powers the frequencies are: a type whose row says
 * otherwise (dynamic NTK raises the base) gives its own. */
static double effective_ln_base(const rc_rope_params *p)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    return ti && ti->ln_base ? ti->ln_base(p) : log(p->base);
}

void rc_errmodel_init(rc_errmodel *em, const rc_profile_row *row,
                      const rc_rope_params *p, double magnitude, rc_dtype out)
{
    memset(em, 0, sizeof *em);
    em->row = row;
    em->u_c = ldexp(1.0, -row->compute_bits);
    double u_o = rc_dtype_unit_roundoff(out);
    em->u_r = u_o > em->u_c ? u_o : em->u_c;
    /* smallest subnormal spacing of the output, smallest normal of the
     * compute format (binary32 for 24 bits, binary64 for 53) */
    double sub_out = ldexp(1.0, rc_dtype_emin(out) - rc_dtype_precision(out) + 1);
    double min_normal_c = row->compute_bits <= 24 ? FLT_MIN : DBL_MIN;
    em->floor_abs = row->floor_sub * sub_out + row->floor_normal * min_normal_c;
    em->ln_base = effective_ln_base(p);
    em->rotary_dim = p->rotary_dim;
    em->magnitude = magnitude;
}

static double floor_term(const rc_errmodel *em, double xnorm)
{
    double scale = em->magnitude * xnorm;
    return scale > 0 ? em->floor_abs / scale : INFINITY;
}

double rc_errmodel_mag_bound(const rc_errmodel *em, double xnorm)
{
    const rc_profile_row *r = em->row;
    return r->c * em->u_c + r->r * em->u_r + floor_term(em, xnorm);
}

double rc_errmodel_angle_bound(const rc_errmodel *em, int k, double phi, double xnorm)
{
    const rc_profile_row *r = em->row;
    double K = r->k_step * k + r->k_log * (2.0 * k / em->rotary_dim) * em->ln_base + r->k_0;
    return K * em->u_c * fabs(phi) + rc_errmodel_mag_bound(em, xnorm);
}

/* Non-finite values are judged by class: where the golden is not finite the
 * candidate must not be finite either; where the correctly rounded golden
 * overflowed, the candidate must overflow with the same sign, or land on the
 * largest finite value (a bound-sized error near the threshold).  A
 * non-finite candidate value where the golden is finite is always wrong. */
static int nonfinite_ok(double g, double gr, double y)
{
    if (!isfinite(g))
        return !isfinite(y);
    if (!isfinite(gr)) {
        if (isnan(y))
            return 0;
        return signbit(y) == signbit(gr) && (isinf(y) || fabs(y) >= fabs(g) * 0.5);
    }
    if (!isfinite(y))
        return 0;
    return 1;
}

void rc_pair_error_eval(const rc_errmodel *em, int k, double phi,
                        const double x[2], const double g[2], const double gr[2],
                        const double y[2], rc_pair_error *out)
{
    memset(out, 0, sizeof *out);
    int finite = 1;
    for (int i = 0; i < 2; i++)
        if (!isfinite(g[i]) || !isfinite(gr[i]) || !isfinite(y[i]) || !isfinite(x[i]))
            finite = 0;
    if (!finite) {
        out->nonfinite = 1;
        out->ok = nonfinite_ok(g[0], gr[0], y[0]) && nonfinite_ok(g[1], gr[1], y[1]);
        out->ratio = out->ok ? 0.0 : INFINITY;
        out->norm = out->ok ? 0.0 : INFINITY;
        return;
    }
    /* Scale all three pairs by one power of two so the products below
     * cannot overflow (pairs near the largest finite value) */
    double big = 0.0;
    for (int i = 0; i < 2; i++) {
        big = fmax(big, fabs(x[i]));
        big = fmax(big, fabs(g[i]));
        big = fmax(big, fabs(y[i]));
    }
    int e = big > 0.0 ? ilogb(big) : 0;
    double xs[2], gs[2], ys[2];
    for (int i = 0; i < 2; i++) {
        xs[i] = ldexp(x[i], -e);
        gs[i] = ldexp(g[i], -e);
        ys[i] = ldexp(y[i], -e);
    }
    double xnorm = ldexp(hypot(xs[0], xs[1]), e); /* may be +inf: floor -> 0 */
    double gnorm = hypot(gs[0], gs[1]);
    double ynorm = hypot(ys[0], ys[1]);
    double scale = em->magnitude * hypot(xs[0], xs[1]);
    out->angle_bound = rc_errmodel_angle_bound(em, k, phi, xnorm);
    out->mag_bound = rc_errmodel_mag_bound(em, xnorm);
    /* exhausted: the position-dependent part alone reaches the limit (a
     * large floor term for a tiny pair is not exhaustion) */
    out->exhausted = out->angle_bound - out->mag_bound >= RC_ANGLE_EXHAUSTED;
    if (scale == 0.0 || gnorm == 0.0) {
        /* a zero pair must stay zero (up to the absolute floor) */
        double yabs = ldexp(ynorm, e);
        out->norm = yabs;
        out->ratio = yabs / em->floor_abs;
        out->ok = yabs <= em->floor_abs;
        return;
    }
    out->angle = atan2(gs[0] * ys[1] - gs[1] * ys[0], gs[0] * ys[0] + gs[1] * ys[1]);
    out->mag = ynorm / gnorm - 1.0;
    out->norm = hypot(ys[0] - gs[0], ys[1] - gs[1]) / scale;
    double ra = out->exhausted ? 0.0 : fabs(out->angle) / out->angle_bound;
    double rm = fabs(out->mag) / out->mag_bound;
    out->ratio = ra > rm ? ra : rm;
    /* a NaN ratio (should not happen with finite inputs) is a failure */
    out->ok = out->ratio <= 1.0;
    if (isnan(out->ratio))
        out->ratio = INFINITY;
}
