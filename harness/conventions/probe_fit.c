/* Frequencies back to RoPE parameters: the base from the geometric line of
 * the unscaled high-frequency pairs, the rope type from the shape of the
 * per-pair scaling w_k / b^(-2k/r) (each type's row names its shape, so no
 * type is named here), the magnitude fields from m. */
#include "probe.h"
#include "golden.h"
#include "rope_type.h"
#include "variants.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TWO_PI 6.283185307179586
/* Relative agreement of frequencies that counts as "the same": well above
 * what an fp32 frequency table differs from the exact one (2^-24 times a
 * few), well below any scaling a variant applies (>= 1e-3 per pair). */
#define FREQ_TOL 2e-5
/* A fitted base this close to the declared one is the declared one (the
 * raw fit is reported beside it). */
#define BASE_SNAP 1e-5

int rc_fit_base(const double *w, int n_pairs, double tol, rc_freq_fit *fit)
{
    memset(fit, 0, sizeof *fit);
    if (n_pairs < 2)
        return -1;
    for (int k = 0; k < n_pairs; k++)
        if (!(w[k] > 0) || !isfinite(w[k]))
            return -1;
    /* the longest prefix with a constant ratio w_k / w_{k+1} */
    double d0 = log(w[0]) - log(w[1]);
    int n = 2;
    while (n < n_pairs && fabs(log(w[n - 1]) - log(w[n]) - d0) <= tol)
        n++;
    double sk = 0, sy = 0, skk = 0, sky = 0;
    for (int k = 0; k < n; k++) {
        double y = log(w[k]);
        sk += k;
        sy += y;
        skk += (double)k * k;
        sky += k * y;
    }
    double den = n * skk - sk * sk;
    double c = (n * sky - sk * sy) / den, a = (sy - c * sk) / n;
    double ss = 0;
    for (int k = 0; k < n; k++) {
        double e = log(w[k]) - (a + c * k);
        ss += e * e;
    }
    fit->n_fit = n;
    fit->ln_base = -c * n_pairs; /* c = -(2/r) ln b, r = 2 n_pairs */
    fit->intercept = a;
    fit->rms = sqrt(ss / n);
    return 0;
}

/* Per-pair relative tolerance: the fixed part plus the output rounding of
 * the angle spread over the largest position the estimate used. */
static double pair_tol(const rc_identify_result *res, const rc_sweep *sw, int k)
{
    double noise = 8.0 * rc_probe_tol(res->dtype) / ((double)sw->p_used[k] * fabs(sw->w[k]));
    return FREQ_TOL + (isfinite(noise) ? noise : 1.0);
}

static int close_rel(double a, double b, double tol)
{
    return fabs(a - b) <= tol * fabs(b);
}

/* Least squares t = c0 + c1 x; returns the rms residual. */
static double line_fit(const double *x, const double *t, int n, double *c0, double *c1)
{
    double sx = 0, st = 0, sxx = 0, sxt = 0;
    for (int i = 0; i < n; i++) {
        sx += x[i];
        st += t[i];
        sxx += x[i] * x[i];
        sxt += x[i] * t[i];
    }
    double den = n * sxx - sx * sx;
    *c1 = den != 0 ? (n * sxt - sx * st) / den : 0.0;
    *c0 = (st - *c1 * sx) / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
        double e = t[i] - (*c0 + *c1 * x[i]);
        ss += e * e;
    }
    return sqrt(ss / n);
}

/* YaRN ramp bounds back to betas: corr_dim(beta) = r ln(L/(2 pi beta)) / (2 ln b). */
static double yarn_beta(double dim, double r, double ln_b, double L)
{
    return L / TWO_PI * exp(-2.0 * ln_b * dim / r);
}

static void fit_scaled(rc_identify_result *res, const double *rho, double ln_b)
{
    rc_rope_params *ip = &res->ident.params;
    const rc_rope_params *dp = &res->declared.params;
    const rc_sweep *sw = res->s_short ? res->s_short : res->sweep;
    const int np = res->map.n_pairs;
    const double r = 2.0 * np;
    /* Variants with bands: 1 at the top, a constant 1/s at the bottom,
     * a monotone blend between.  Anything else has per-pair factors. */
    int mono = 1;
    for (int k = 1; k < np; k++)
        if (rho[k] > rho[k - 1] * (1 + pair_tol(res, sw, k)))
            mono = 0;
    double s = 1.0 / rho[np - 1];
    int tail = 0;
    while (tail < np && close_rel(rho[np - 1 - tail], rho[np - 1], pair_tol(res, sw, np - 1 - tail)))
        tail++;
    double ramp_k[RC_MAX_PAIRS], ramp_u[RC_MAX_PAIRS], ramp_t[RC_MAX_PAIRS];
    int nr = 0;
    for (int k = 0; k < np; k++) {
        double tk = pair_tol(res, sw, k);
        if (rho[k] < 1 - tk && rho[k] > rho[np - 1] * (1 + tk)) {
            ramp_k[nr] = k;
            ramp_u[nr] = exp(-2.0 * k / r * ln_b);
            ramp_t[nr] = (1 - rho[k]) / (1 - 1 / s);
            nr++;
        }
    }
    int banded = mono && close_rel(rho[0], 1.0, pair_tol(res, sw, 0)) && s > 1 && tail >= 1;
    if (!banded) {
        ip->type = rc_rope_type_by_fit(RC_FIT_PER_PAIR);
        for (int k = 0; k < np; k++)
            res->factors[k] = 1.0 / rho[k];
        snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
                 "w_k / b^(-2k/r) is not one factor, nor 1 then a ramp then 1/s: per-pair "
                 "factors %.6g .. %.6g", res->factors[0], res->factors[np - 1]);
        res->f_type.confidence = 0.8;
        return;
    }
    double c0, c1, d0, d1;
    double res_yarn = nr >= 2 ? line_fit(ramp_k, ramp_t, nr, &c0, &c1) : 0;
    double res_l3 = nr >= 2 ? line_fit(ramp_u, ramp_t, nr, &d0, &d1) : 0;
    int yarn;
    double conf;
    /* the ramp of YaRN is linear in k, Llama 3's linear in the frequency */
    if (nr >= 3 && fabs(res_yarn - res_l3) > 1e-4) {
        yarn = res_yarn < res_l3;
        conf = 0.95;
    } else {
        /* too few ramp pairs to tell the shapes apart: YaRN changes m */
        yarn = fabs(sw->m - 1) > 8 * rc_probe_tol(res->dtype) ? 1
               : rc_rope_type_fit(dp->type) == RC_FIT_RAMP_K  ? 1
                                                              : 0;
        conf = 0.6;
    }
    ip->factor = close_rel(s, dp->factor, BASE_SNAP) ? dp->factor : s;
    if (ip->original_max_position <= 0)
        ip->original_max_position = dp->original_max_position;
    const double L = (double)ip->original_max_position;
    if (yarn) {
        ip->type = rc_rope_type_by_fit(RC_FIT_RAMP_K);
        double low = nr >= 2 ? -c0 / c1 : (nr == 1 ? ramp_k[0] - 0.5 : np - tail - 0.5);
        double high = nr >= 2 ? (1 - c0) / c1 : low + 1;
        res->yarn_low = low;
        res->yarn_high = high;
        /* the declared betas, if they give this ramp, else betas that do */
        int keep = 0;
        if (dp->type == ip->type && L > 0) {
            double lo = r * log(L / (TWO_PI * dp->beta_fast)) / (2 * ln_b);
            double hi = r * log(L / (TWO_PI * dp->beta_slow)) / (2 * ln_b);
            if (dp->truncate) {
                lo = floor(lo);
                hi = ceil(hi);
            }
            lo = lo < 0 ? 0 : lo;
            hi = hi > r - 1 ? r - 1 : hi;
            keep = fabs(lo - low) < 0.05 && fabs(hi - high) < 0.05 * (hi - lo);
        }
        if (keep) {
            ip->beta_fast = dp->beta_fast;
            ip->beta_slow = dp->beta_slow;
            ip->truncate = dp->truncate;
        } else if (L > 0) {
            ip->beta_fast = yarn_beta(low, r, ln_b, L);
            ip->beta_slow = yarn_beta(high, r, ln_b, L);
            ip->truncate = 0;
        }
        snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
                 "pairs 0..%d unscaled, %d ramp pairs linear in k (rms %.2g vs %.2g for a "
                 "frequency-linear ramp): bounds low %.3f high %.3f, last %d pairs at 1/%.6g",
                 nr ? (int)ramp_k[0] - 1 : np - tail - 1, nr, res_yarn, res_l3, low, high, tail, s);
    } else {
        ip->type = rc_rope_type_by_fit(RC_FIT_RAMP_FREQ);
        /* sigma = 1 - t = (L u / 2pi - alpha) / (beta - alpha) */
        double A = -d1, B = 1 - d0;
        double width = nr >= 2 && A != 0 ? L / (TWO_PI * A) : 0;
        double alpha = nr >= 2 ? -B * width : 0;
        if (nr < 2 || !(L > 0)) {
            ip->low_freq_factor = dp->low_freq_factor;
            ip->high_freq_factor = dp->high_freq_factor;
        } else {
            ip->low_freq_factor = close_rel(alpha, dp->low_freq_factor, 1e-4) ? dp->low_freq_factor
                                                                               : alpha;
            ip->high_freq_factor = close_rel(alpha + width, dp->high_freq_factor, 1e-4)
                                       ? dp->high_freq_factor
                                       : alpha + width;
        }
        snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
                 "%d ramp pairs linear in the frequency (rms %.2g vs %.2g for a k-linear ramp): "
                 "bands low_freq_factor %.4g high_freq_factor %.4g (L = %.0f), last %d pairs "
                 "at 1/%.6g",
                 nr, res_l3, res_yarn, ip->low_freq_factor, ip->high_freq_factor, L, tail, s);
    }
    res->f_type.confidence = conf;
}

/* Dynamic NTK: the long sweep is another geometric line; its base gives s. */
static int fit_dynamic(rc_identify_result *res, double ln_b)
{
    rc_rope_params *ip = &res->ident.params;
    const rc_rope_params *dp = &res->declared.params;
    rc_freq_fit lf;
    const int np = res->map.n_pairs;
    if (rc_fit_base(res->s_long->w, np, FREQ_TOL, &lf) != 0 || lf.n_fit < np - 1)
        return -1;
    const double r = 2.0 * np, l = res->l_long,
                 L = (double)dp->original_max_position;
    double bracket = exp((lf.ln_base - ln_b) * (r - 2) / r);
    double s = (bracket - 1) / (l / L - 1);
    ip->type = rc_rope_type_by_fit(RC_FIT_SEQ_LEN);
    ip->factor = close_rel(s, dp->factor, 1e-4) ? dp->factor : s;
    ip->original_max_position = dp->original_max_position;
    snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
             "frequencies change with seq_len: plain at seq_len <= L, base %.9g at seq_len "
             "%.0f, i.e. factor %.9g",
             exp(lf.ln_base), l, s);
    res->f_type.confidence = 0.9;
    return 0;
}

static int sweeps_differ(const rc_identify_result *res)
{
    if (!res->s_long)
        return 0;
    for (int k = 0; k < res->map.n_pairs; k++)
        if (!close_rel(res->s_long->w[k], res->s_short->w[k], pair_tol(res, res->s_short, k)))
            return 1;
    return 0;
}

/* m against the identified params' magnitude rule; YaRN and LongRoPE take
 * an explicit attention_factor when the rule does not give it. */
static void fit_magnitude(rc_identify_result *res)
{
    rc_rope_params *ip = &res->ident.params;
    const rc_rope_params *dp = &res->declared.params;
    double tol = res->dtype == RC_F64 ? 1e-12 : 8 * rc_probe_tol(res->dtype);
    res->m = res->sweep->m;
    if (rc_rope_type_info_of(ip->type)->magnitude_param) {
        if (ip->type == dp->type) {
            ip->attention_factor = dp->attention_factor;
            ip->mscale = dp->mscale;
            ip->mscale_all_dim = dp->mscale_all_dim;
        }
        char e[256];
        rc_golden *g = rc_golden_new(ip, e, sizeof e);
        double mr = g ? rc_golden_magnitude(g) : NAN;
        rc_golden_free(g);
        if (!(fabs(mr - res->m) <= tol)) {
            ip->attention_factor = res->m;
            ip->mscale = ip->mscale_all_dim = 0;
        }
    }
    snprintf(res->f_magnitude.text, sizeof res->f_magnitude.text, "m = %.17g", res->m);
    snprintf(res->f_magnitude.evidence, sizeof res->f_magnitude.evidence,
             "output norm / input norm at p = 0, mean over %d pairs (spread %.2g)",
             res->map.n_pairs, res->sweep->m_spread);
    res->f_magnitude.confidence = res->sweep->m_spread <= tol ? 1.0 : 0.7;
}

void rc_fit_params(rc_identify_result *res)
{
    rc_rope_params *ip = &res->ident.params;
    const rc_rope_params *dp = &res->declared.params;
    const rc_sweep *sw = res->s_short ? res->s_short : res->sweep;
    const int np = res->map.n_pairs;
    const double r = 2.0 * np;
    double ln_b = log(dp->base);
    /* geometry and pairing are the map's business; start from the
     * declared values for what the probe cannot see (L, max_position) */
    ip->type = rc_rope_type_by_fit(RC_FIT_NONE);
    ip->factor = ip->low_freq_factor = ip->high_freq_factor = 0;
    ip->beta_fast = ip->beta_slow = ip->attention_factor = ip->mscale = ip->mscale_all_dim = 0;
    ip->truncate = 0;
    ip->short_factor = ip->long_factor = NULL;
    ip->original_max_position = 0;
    if (rc_fit_base(sw->w, np, FREQ_TOL, &res->fit) == 0 && res->fit.n_fit >= 2) {
        res->base_fit = exp(res->fit.ln_base);
        int snap = close_rel(res->base_fit, dp->base, BASE_SNAP);
        ip->base = snap ? dp->base : res->base_fit;
        ln_b = log(ip->base);
        snprintf(res->f_base.text, sizeof res->f_base.text, "base %.17g%s", ip->base,
                 snap && res->base_fit != dp->base ? " (the declared value; fit within 1e-5)" : "");
        snprintf(res->f_base.evidence, sizeof res->f_base.evidence,
                 "least squares ln w_k = a - (2k/r) ln b over pairs 0..%d (one ratio within %.0e): "
                 "b = %.17g, a = %.3g, rms %.2g",
                 res->fit.n_fit - 1, FREQ_TOL, res->base_fit, res->fit.intercept, res->fit.rms);
        res->f_base.confidence = res->fit.n_fit >= 4 && res->fit.rms < 1e-4 ? 1.0 : 0.7;
    } else {
        res->base_fit = NAN;
        ip->base = dp->base;
        snprintf(res->f_base.text, sizeof res->f_base.text, "base %.17g (declared; not fitted)",
                 ip->base);
        snprintf(res->f_base.evidence, sizeof res->f_base.evidence,
                 "no two leading pairs share a frequency ratio");
        res->f_base.confidence = 0.3;
    }
    double rho[RC_MAX_PAIRS];
    int all_one = 1, all_same = 1;
    for (int k = 0; k < np; k++) {
        rho[k] = sw->w[k] / exp(-2.0 * k / r * ln_b);
        all_one &= close_rel(rho[k], 1.0, pair_tol(res, sw, k));
        all_same &= close_rel(rho[k], rho[0], pair_tol(res, sw, k));
    }
    res->f_type.confidence = 1.0;
    if (all_one && sweeps_differ(res)) {
        if (dp->original_max_position > 0 && fit_dynamic(res, ln_b) == 0) {
            /* done */
        } else {
            ip->type = rc_rope_type_by_fit(RC_FIT_PER_PAIR);
            for (int k = 0; k < np; k++)
                res->factors[k] = 1.0;
            snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
                     "frequencies change with seq_len but not as one base");
            res->f_type.confidence = 0.6;
        }
    } else if (all_one) {
        snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
                 "every pair at b^(-2k/r) within %.0e%s", FREQ_TOL,
                 res->s_long ? ", unchanged past L" : "");
    } else if (all_same) {
        ip->type = rc_rope_type_by_fit(RC_FIT_UNIFORM);
        double s = 1.0 / rho[0];
        ip->factor = close_rel(s, dp->factor, BASE_SNAP) ? dp->factor : s;
        snprintf(res->f_type.evidence, sizeof res->f_type.evidence,
                 "every pair at b^(-2k/r) / %.9g", s);
    } else {
        fit_scaled(res, rho, ln_b);
    }
    const rc_fit_shape shape = rc_rope_type_fit(ip->type);
    if (shape == RC_FIT_PER_PAIR) {
        /* the per-pair factor arrays: short from this sweep, long from the
         * seq_len 4L sweep when there is one */
        const rc_sweep *ls = res->s_long ? res->s_long : sw;
        for (int k = 0; k < np; k++) {
            double u = exp(-2.0 * k / r * ln_b);
            res->ident.short_factor[k] = u / sw->w[k];
            res->ident.long_factor[k] = u / ls->w[k];
        }
        ip->factor = dp->type == ip->type ? dp->factor : 0;
        ip->original_max_position = dp->original_max_position;
        if (ip->original_max_position < 2)
            ip->original_max_position = 4096;
        rc_config_rebind(&res->ident);
    }
    if (shape == RC_FIT_UNIFORM && dp->original_max_position > 0)
        ip->original_max_position = dp->original_max_position;
    snprintf(res->f_type.text, sizeof res->f_type.text, "rope type %s", rc_rope_type_name(ip->type));
    fit_magnitude(res);
}
