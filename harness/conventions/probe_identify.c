/* identify: probe, fit, then judge the angle precision against the golden
 * of what was identified and list where behaviour and declaration differ. */
#include "probe.h"
#include "rope_mrope.h"
#include "rope_type.h"
#include "dtype.h"
#include "golden.h"
#include "variants.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TWO_PI 6.283185307179586
/* atan2 of a float64 pair resolves an angle near pi to a few ulps of pi:
 * below this no angle loss is claimed */
#define MEASURE_NOISE (8 * DBL_EPSILON)

static void mismatch(rc_identify_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void mismatch(rc_identify_result *res, const char *fmt, ...)
{
    if (res->n_mismatch >= RC_IDENT_MAX_MISMATCH)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->mismatch[res->n_mismatch++], sizeof res->mismatch[0], fmt, ap);
    va_end(ap);
}

/* The pairs as "(a,b) (c,d) ..." for an unnamed layout. */
static void pairs_text(const rc_pairmap *m, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = 0;
    for (int k = 0; k < m->n_pairs && used + 24 < n; k++)
        used += (size_t)snprintf(buf + used, n - used, "%s(%d,%d)", k ? " " : "", m->first[k],
                                 m->second[k]);
    if (used + 24 >= n)
        snprintf(buf + used, n - used, " ...");
}

static void judge_pairing(rc_identify_result *res)
{
    const rc_pairmap *m = &res->map;
    const rc_rope_params *dp = &res->declared.params;
    char pairs[200];
    pairs_text(m, pairs, sizeof pairs);
    res->layout = rc_pairmap_layout(m);
    rc_finding *f = &res->f_pairing;
    snprintf(f->text, sizeof f->text, "pairing %s", rc_layout_name(res->layout));
    snprintf(f->evidence, sizeof f->evidence,
             "one-hot e_i at %d positions (1 .. %lld): %d pairs %s; %d channels coupled to "
             "no other, %d to several",
             m->n_positions, (long long)m->positions[m->n_positions - 1], m->n_pairs, pairs,
             m->n_pass, m->mixing);
    f->confidence = res->layout == RC_LAYOUT_NONE ? 0.2 : res->layout == RC_LAYOUT_OTHER ? 0.9 : 1.0;
    rc_finding *rd = &res->f_rotary;
    snprintf(rd->text, sizeof rd->text, "rotary_dim %d, %d pass-through channel%s", 2 * m->n_pairs,
             m->n_pass, m->n_pass == 1 ? "" : "s");
    snprintf(rd->evidence, sizeof rd->evidence,
             "%d channels rotate in pairs; %d channels feed no other%s", 2 * m->n_pairs, m->n_pass,
             m->pass_changed ? " but change value (scaled, not passed through)" : " and keep their value");
    rd->confidence = m->pass_changed || m->mixing ? 0.6 : 1.0;
    rc_finding *di = &res->f_direction;
    res->reversed = 2 * m->n_reversed > m->n_pairs;
    snprintf(di->text, sizeof di->text, "direction %s",
             res->reversed ? "reversed (rotates by -angle)" : "positive");
    snprintf(di->evidence, sizeof di->evidence,
             "at p = 1, e_lo feeds +sin(w) into e_hi in %d of %d pairs",
             m->n_pairs - m->n_reversed, m->n_pairs);
    di->confidence = m->n_pairs ? fabs(1.0 - 2.0 * m->n_reversed / m->n_pairs) : 0;

    if (res->layout != RC_LAYOUT_NONE && res->layout != (rc_layout)dp->pairing)
        mismatch(res, "pairing: declares %s, behaves %s%s%s", rc_pairing_name(dp->pairing),
                 rc_layout_name(res->layout), res->layout == RC_LAYOUT_OTHER ? " " : "",
                 res->layout == RC_LAYOUT_OTHER ? pairs : "");
    if (res->layout == RC_LAYOUT_NONE)
        mismatch(res, "pairing: %d channels feed more than one other: not a pairwise rotation",
                 m->mixing);
    if (2 * m->n_pairs != dp->rotary_dim && res->layout != RC_LAYOUT_NONE)
        mismatch(res, "rotary_dim: declares %d, rotates %d channels", dp->rotary_dim,
                 2 * m->n_pairs);
    if (m->pass_changed)
        mismatch(res, "pass-through: %d channels outside the pairs change value", m->pass_changed);
    if (res->reversed)
        mismatch(res, "direction: rotates by the negative angle (sign of sin flipped); "
                      "the declared convention rotates e_lo toward e_hi");
}

/* A simple ratio of ln b names the usual exponent bugs. */
static void base_hint(double ratio, char *buf, size_t n)
{
    static const double simple[] = { 0.5, 2.0, 0.25, 4.0 };
    buf[0] = 0;
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (fabs(ratio - simple[i]) < 1e-6 * simple[i])
            snprintf(buf, n, ": the frequency exponent is scaled by %g (b^(-%gk/r) instead of "
                             "b^(-2k/r))", ratio, 2 * ratio);
    if (!buf[0])
        snprintf(buf, n, ": ln b differs by the factor %.9g (frequency exponent or base wrong)",
                 ratio);
}

static void judge_params(rc_identify_result *res)
{
    const rc_rope_params *dp = &res->declared.params, *ip = &res->ident.params;
    if (isfinite(res->base_fit) && fabs(res->base_fit / dp->base - 1) > 1e-5) {
        char hint[160];
        base_hint(log(res->base_fit) / log(dp->base), hint, sizeof hint);
        mismatch(res, "base/exponent: declares base %.9g, behaves %.9g%s", dp->base, res->base_fit,
                 hint);
    }
    const rc_fit_shape shape = ip->type == dp->type ? rc_rope_type_fit(ip->type) : RC_FIT_NONE;
    const char *tn = rc_rope_type_name(ip->type);
    if (ip->type != dp->type) {
        mismatch(res, "scaling: declares rope type %s, behaves %s", rc_rope_type_name(dp->type),
                 rc_rope_type_name(ip->type));
    } else if (shape != RC_FIT_NONE && shape != RC_FIT_PER_PAIR &&
               fabs(ip->factor - dp->factor) > 1e-5 * fabs(dp->factor)) {
        mismatch(res, "scaling: declares %s factor %.9g, behaves factor %.9g",
                 rc_rope_type_name(dp->type), dp->factor, ip->factor);
    }
    if (shape == RC_FIT_RAMP_FREQ &&
        (ip->low_freq_factor != dp->low_freq_factor || ip->high_freq_factor != dp->high_freq_factor))
        mismatch(res, "scaling: declares %s bands %g..%g, behaves %.6g..%.6g", tn,
                 dp->low_freq_factor, dp->high_freq_factor, ip->low_freq_factor,
                 ip->high_freq_factor);
    if (shape == RC_FIT_RAMP_K && (ip->beta_fast != dp->beta_fast || ip->beta_slow != dp->beta_slow))
        mismatch(res, "scaling: declares %s beta_fast %g beta_slow %g, ramp fits %.6g / %.6g "
                      "(bounds %.3f..%.3f)", tn,
                 dp->beta_fast, dp->beta_slow, ip->beta_fast, ip->beta_slow, res->yarn_low,
                 res->yarn_high);
    if (shape == RC_FIT_PER_PAIR) {
        int bad = -1;
        for (int k = 0; k < dp->rotary_dim / 2 && k < res->map.n_pairs && dp->short_factor; k++)
            if (fabs(res->ident.short_factor[k] / dp->short_factor[k] - 1) > 1e-4) {
                bad = k;
                break;
            }
        if (bad >= 0)
            mismatch(res, "scaling: %s factor of pair %d declared %.9g, behaves %.9g", tn, bad,
                     dp->short_factor[bad], res->ident.short_factor[bad]);
    }
    char e[256];
    rc_golden *g = rc_golden_new(dp, e, sizeof e);
    if (g) {
        double md = rc_golden_magnitude(g);
        double tol = res->dtype == RC_F64 ? 1e-12 : 8 * rc_probe_tol(res->dtype);
        if (fabs(md - res->m) > tol * (1 + md))
            mismatch(res, "magnitude: declared params give m = %.9g, behaves m = %.9g", md, res->m);
        rc_golden_free(g);
    }
}

/* Angle error against the golden of the identified params at the sweep's
 * positions: K in units of 2^-24 |phi| (the error model's angle term) and
 * the first position losing one output ulp of angle. */
static void judge_precision(rc_identify_result *res)
{
    rc_finding *f = &res->f_precision;
    const rc_sweep *sw = res->sweep;
    const int np = res->map.n_pairs;
    res->ulp_lost_at = -1;
    res->k_eff = 0;
    char e[256];
    const rc_rope_params flat = rc_mrope_flat(&res->ident.params); /* the sweep's equal axes */
    rc_golden *g = rc_golden_new(&flat, e, sizeof e);
    if (!g || res->ident.params.rotary_dim != 2 * np) {
        snprintf(f->text, sizeof f->text, "angle precision not measured");
        snprintf(f->evidence, sizeof f->evidence, "no golden for the identified params: %s",
                 g ? "rotary_dim differs" : e);
        f->confidence = 0;
        rc_golden_free(g);
        return;
    }
    const double u_o = rc_dtype_unit_roundoff(res->dtype);
    const double ulp_angle = ldexp(1.0, 1 - rc_dtype_precision(res->dtype));
    const double ln_b = log(res->ident.params.base);
    double *ang = malloc(sizeof(double) * (size_t)np);
    double worst_at_max = 0, baseline = -1;
    for (int i = 1; i < sw->n_pos && ang; i++) {
        if (!sw->ok[i])
            continue;
        if (rc_golden_angles(g, &sw->pos[i], 1, ang) != 0)
            break;
        double worst = 0;
        for (int k = 0; k < np; k++) {
            double da = fabs(remainder(sw->angle[i][k] - ang[k], TWO_PI));
            worst = fmax(worst, da);
            double phi = (double)sw->pos[i] * rc_golden_inv_freq(g, k);
            if (phi >= 1 && da < 0.5) {
                /* output rounding (a few u_o) is not the angle's fault */
                double K = (da - 4 * u_o) / (0x1p-24 * phi);
                if (K > res->k_eff) {
                    res->k_eff = K;
                    res->k_eff_pair = k;
                }
            }
        }
        /* the error at p <= 2 is rounding, not position: count the ulp
         * lost on top of it */
        if (sw->pos[i] <= 2)
            baseline = fmax(baseline, worst);
        else if (res->ulp_lost_at < 0 && worst > baseline + ulp_angle + MEASURE_NOISE)
            res->ulp_lost_at = sw->pos[i];
        worst_at_max = worst;
    }
    free(ang);
    int k = res->k_eff_pair;
    res->k_profile = 3.0 * k + 3.0 * (2.0 * k / (2 * np)) * ln_b + 12;
    char lost[96];
    if (res->ulp_lost_at >= 0)
        snprintf(lost, sizeof lost, "one %s ulp of angle lost from p = %lld",
                 rc_dtype_name(res->dtype), (long long)res->ulp_lost_at);
    else
        snprintf(lost, sizeof lost, "no %s ulp of angle lost up to p = %lld",
                 rc_dtype_name(res->dtype), (long long)sw->max_ok);
    snprintf(f->text, sizeof f->text, "angle K = %.3g (pair %d; standard profile allows %.3g); %s",
             res->k_eff, k, res->k_profile, lost);
    snprintf(f->evidence, sizeof f->evidence,
             "angle error vs the golden of the identified params at p = 1, 2, 4 .. %lld; K = "
             "(|da| - 4 u_out) / (2^-24 p w) over angles >= 1 rad; ulp lost on top of the error "
             "at p <= 2 (%.2g rad); max |da| %.3g rad at the last position",
             (long long)sw->max_ok, baseline, worst_at_max);
    f->confidence = 0.9;
    rc_golden_free(g);
}

int rc_identify(const rc_candidate *c, const rc_config *declared, int dtype, double timeout,
                rc_identify_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    rc_dtype dt;
    if (rc_probe_choose(c, declared, dtype, &res->declared, &dt, res->note, sizeof res->note,
                        timeout) != 0) {
        snprintf(err, errlen, "%s refuses %s at %s (supports/apply said unsupported or failed)",
                 c->path, declared ? "the given config" : "its default and a plain half-split "
                                                          "or interleaved config",
                 dtype >= 0 ? rc_dtype_name((rc_dtype)dtype) : "every dtype");
        return -1;
    }
    res->dtype = dt;
    const rc_rope_params *dp = &res->declared.params;
    rc_probe pr = { c, dp, dt, timeout };
    if (rc_probe_pairmap(&pr, &res->map, err, errlen) != 0)
        return -1;
    judge_pairing(res);
    res->ident = res->declared;
    rc_config_rebind(&res->ident);
    if (res->layout == RC_LAYOUT_NONE)
        return 0;
    res->ident.params.rotary_dim = 2 * res->map.n_pairs;
    if (res->layout != RC_LAYOUT_OTHER)
        res->ident.params.pairing = (rc_pairing)res->layout;
    res->sweep = calloc(1, sizeof *res->sweep);
    if (!res->sweep || rc_probe_sweep(&pr, &res->map, res->sweep, err, errlen) != 0)
        return -1;
    /* a second seq_len shows dynamic NTK and LongRoPE's factor switch */
    int64_t L = dp->original_max_position;
    res->s_short = res->sweep;
    if (L > 0) {
        int declared_long = dp->seq_len > L;
        rc_rope_params lp = *dp;
        lp.seq_len = declared_long ? 0 : 4 * L;
        rc_probe lpr = { c, &lp, dt, timeout };
        char e2[256];
        res->sweep_long = calloc(1, sizeof *res->sweep_long);
        if (res->sweep_long && rc_probe_sweep(&lpr, &res->map, res->sweep_long, e2, sizeof e2) != 0) {
            free(res->sweep_long);
            res->sweep_long = NULL;
        }
        if (res->sweep_long) {
            res->s_short = declared_long ? res->sweep_long : res->sweep;
            res->s_long = declared_long ? res->sweep : res->sweep_long;
            res->l_long = (double)(declared_long ? dp->seq_len : 4 * L);
        }
    }
    rc_fit_params(res);
    judge_params(res);
    judge_precision(res);
    if (dp->n_axes > 1 && res->layout != RC_LAYOUT_OTHER)
        return rc_probe_mrope(&pr, res, err, errlen);
    return 0;
}

void rc_identify_free(rc_identify_result *res)
{
    free(res->sweep);
    free(res->sweep_long);
    res->sweep = res->sweep_long = NULL;
}
