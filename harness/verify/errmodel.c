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
    em->mag_const = row->c * em->u_c + row->r * em->u_r;
}

static double floor_term(const rc_errmodel *em, double xnorm)
{
    double scale = em->magnitude * xnorm;
    return scale > 0 ? em->floor_abs / scale : INFINITY;
}

static inline double mag_bound(const rc_errmodel *em, double xnorm)
{
    return em->mag_const + floor_term(em, xnorm);
}

double rc_errmodel_mag_bound(const rc_errmodel *em, double xnorm)
{
    return mag_bound(em, xnorm);
}

/* K u_c of pair k: the angle bound's growth per radian of phi. */
static double angle_coef(const rc_errmodel *em, int k)
{
    const rc_profile_row *r = em->row;
    double K = r->k_step * k + r->k_log * (2.0 * k / em->rotary_dim) * em->ln_base + r->k_0;
    return K * em->u_c;
}

void rc_errmodel_cache(rc_errmodel *em, double *coef, int n)
{
    for (int k = 0; k < n; k++)
        coef[k] = angle_coef(em, k);
    em->coef = coef;
    em->n_coef = n;
}

/* The position-dependent part of the angle bound. */
static inline double angle_part(const rc_errmodel *em, int k, double phi)
{
    return (k >= 0 && k < em->n_coef ? em->coef[k] : angle_coef(em, k)) * fabs(phi);
}

double rc_errmodel_angle_bound(const rc_errmodel *em, int k, double phi, double xnorm)
{
    return angle_part(em, k, phi) + rc_errmodel_mag_bound(em, xnorm);
}

/* atan2(cross, dot).  For dot > 0 and t = cross/dot with |t| < 2^-13,
 * atan t = t (1 - t^2/3 + t^4/5 - ...), and three terms leave out less
 * than 2^-81 |t|: within a few ulps of atan2, at a fraction of its cost
 * (the angles judged are mostly this small). */
static double angle_of(double cross, double dot)
{
    if (dot > 0.0 && fabs(cross) < 0x1p-13 * dot) {
        const double t = cross / dot, t2 = t * t;
        return t - t * t2 * (1.0 / 3.0 - t2 * 0.2);
    }
    return atan2(cross, dot);
}

/* |y|/|g| - 1 for g != 0, g2 = |g|^2.  With q = (|y|^2 - |g|^2)/|g|^2,
 * where |y|^2 - |g|^2 = sum (y_i - g_i)(y_i + g_i) keeps a few ulps of
 * itself (y - g is exact when y is close to g; the plain quotient of norms
 * would lose everything below 2^-52), |y|/|g| - 1 = q / (1 + sqrt(1 + q)),
 * which is q/2 - q^2/8 to 2^-41 of itself when |q| < 2^-20. */
static double mag_error(const double gs[2], const double ys[2], double g2)
{
    const double q = ((ys[0] - gs[0]) * (ys[0] + gs[0]) + (ys[1] - gs[1]) * (ys[1] + gs[1])) / g2;
    if (fabs(q) < 0x1p-20)
        return q * (0.5 - 0.125 * q);
    return q / (1.0 + sqrt(1.0 + q));
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

/* Scale all three pairs by one power of two 2^-e so the products in
 * rc_pair_error_eval cannot overflow (pairs near the largest finite value)
 * or underflow; inside [2^-500, 2^500] they cannot, and e = 0. */
static int scale_pairs(const double x[2], const double g[2], const double y[2], double xs[2],
                       double gs[2], double ys[2])
{
    double big = 0.0;
    for (int i = 0; i < 2; i++) {
        const double a = fabs(x[i]), b = fabs(g[i]), c = fabs(y[i]);
        big = a > big ? a : big;
        big = b > big ? b : big;
        big = c > big ? c : big;
    }
    const int e = (big > 0.0 && (big > 0x1p500 || big < 0x1p-500)) ? ilogb(big) : 0;
    for (int i = 0; i < 2; i++) {
        xs[i] = e ? ldexp(x[i], -e) : x[i];
        gs[i] = e ? ldexp(g[i], -e) : g[i];
        ys[i] = e ? ldexp(y[i], -e) : y[i];
    }
    return e;
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
    double xs[2], gs[2], ys[2];
    const int e = scale_pairs(x, g, y, xs, gs, ys);
    /* |.| as sqrt(a^2 + b^2): no overflow or harmful underflow after the
     * scaling, within 2 ulps, and several times cheaper than hypot */
    const double xh = sqrt(xs[0] * xs[0] + xs[1] * xs[1]);
    double xnorm = e ? ldexp(xh, e) : xh; /* may be +inf: floor -> 0 */
    const double g2 = gs[0] * gs[0] + gs[1] * gs[1];
    double scale = em->magnitude * xh;
    out->mag_bound = mag_bound(em, xnorm);
    out->angle_bound = angle_part(em, k, phi) + out->mag_bound;
    /* exhausted: the position-dependent part alone reaches the limit (a
     * large floor term for a tiny pair is not exhaustion) */
    out->exhausted = out->angle_bound - out->mag_bound >= RC_ANGLE_EXHAUSTED;
    if (scale == 0.0 || g2 == 0.0) {
        /* a zero pair must stay zero (up to the absolute floor) */
        double yabs = ldexp(sqrt(ys[0] * ys[0] + ys[1] * ys[1]), e);
        out->norm = yabs;
        out->ratio = yabs / em->floor_abs;
        out->ok = yabs <= em->floor_abs;
        return;
    }
    out->angle = angle_of(gs[0] * ys[1] - gs[1] * ys[0], gs[0] * ys[0] + gs[1] * ys[1]);
    out->mag = mag_error(gs, ys, g2);
    const double d0 = ys[0] - gs[0], d1 = ys[1] - gs[1];
    out->norm = sqrt(d0 * d0 + d1 * d1) / scale;
    double ra = out->exhausted ? 0.0 : fabs(out->angle) / out->angle_bound;
    double rm = fabs(out->mag) / out->mag_bound;
    out->angle_ratio = ra;
    out->mag_ratio = rm;
    out->ratio = ra > rm ? ra : rm;
    /* a NaN ratio (should not happen with finite inputs) is a failure */
    out->ok = out->ratio <= 1.0;
    if (isnan(out->ratio))
        out->ratio = INFINITY;
}
