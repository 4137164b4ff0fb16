/* The frequency rule of the classifier (symptom.h): which pairs turn at
 * the wrong rate, and what rate they turn at instead: the unscaled
 * frequency, another base, or a constant factor. */
#include "symptom.h"

#include <math.h>
#include <stdio.h>

typedef struct freq_summary {
    int n_have, n_wrong, first, last, worst;
    int n_unscaled, n_scaled_only;     /* wrong pairs at w0; wrong pairs with w != w0 */
    double rmin, rmax;                 /* omega / golden over wrong pairs */
    double bmin, bmax;                 /* base the wrong pairs k >= 1 fit  */
    int n_base;
} freq_summary;

/* The default-type frequency of pair k: base^(-2k/r). */
static double unscaled(const rc_rope_params *p, int k)
{
    return pow(p->base, -2.0 * k / p->rotary_dim);
}

static void summarize(const rc_symptoms *s, freq_summary *f)
{
    f->n_have = f->n_wrong = f->n_unscaled = f->n_scaled_only = f->n_base = 0;
    f->first = f->last = f->worst = -1;
    f->rmin = f->bmin = INFINITY, f->rmax = f->bmax = -INFINITY;
    double worst = 0;
    for (int k = 0; k < s->r2; k++) {
        const rc_sym_fit *x = &s->fit[k];
        if (!x->have)
            continue;
        f->n_have++;
        if (!x->wrong)
            continue;
        double w0 = unscaled(&s->p, k), r = x->omega / x->golden;
        f->n_wrong++;
        f->first = f->first < 0 ? k : f->first;
        f->last = k;
        f->rmin = fmin(f->rmin, r), f->rmax = fmax(f->rmax, r);
        if (fabs(r - 1) >= worst)
            worst = fabs(r - 1), f->worst = k;
        /* at the unscaled rate: within the same tolerance the fit uses */
        f->n_unscaled += fabs(x->omega - w0) * (double)x->last_pos < fabs(x->omega - x->golden) * 1e-2 * (double)x->last_pos + 1e-9;
        f->n_scaled_only += fabs(x->golden / w0 - 1) > 1e-9;
        if (k >= 1 && x->omega > 0 && x->omega < 1) {
            double b = pow(x->omega, -(double)s->p.rotary_dim / (2.0 * k));
            f->bmin = fmin(f->bmin, b), f->bmax = fmax(f->bmax, b);
            f->n_base++;
        }
    }
}

static int near(double a, double b) { return fabs(a / b - 1.0) < 1e-3; }

/* A rate the type's scaling can give pair k: between w0/s and w0 (or w0 s,
 * the factor the wrong way round), or for LongRoPE w0 over or times any
 * factor of its tables. */
static int scaling_rate(const rc_rope_params *p, int k, double om)
{
    const double w0 = unscaled(p, k), s = p->factor;
    if (p->type == RC_ROPE_LONGROPE) {
        for (int j = 0; j < p->rotary_dim / 2 && p->short_factor && p->long_factor; j++) {
            const double f[2] = { p->short_factor[j], p->long_factor[j] };
            for (int i = 0; i < 2; i++)
                if (near(om * f[i], w0) || near(om, w0 * f[i]))
                    return 1;
        }
        return 0;
    }
    if (!(s > 0))
        return 0;
    const double lo = fmin(w0, w0 / s), hi = fmax(w0, w0 / s);
    return (om >= lo * (1 - 1e-3) && om <= hi * (1 + 1e-3)) || near(om, w0 * s);
}

/* Every wrong pair turns at a rate its type's scaling can give. */
static int scaling_rates(const rc_symptoms *s)
{
    if (s->p.type != RC_ROPE_LINEAR && s->p.type != RC_ROPE_YARN && s->p.type != RC_ROPE_LLAMA3 &&
        s->p.type != RC_ROPE_LONGROPE)
        return 0;
    for (int k = 0; k < s->r2; k++)
        if (s->fit[k].have && s->fit[k].wrong && !scaling_rate(&s->p, k, s->fit[k].omega))
            return 0;
    return 1;
}

int rc_sym_rule_frequency(const rc_symptoms *s, rc_case_diag *d)
{
    if (!s->fit)
        return 0;
    freq_summary f;
    summarize(s, &f);
    if (f.n_wrong == 0)
        return 0;
    const rc_sym_fit *w = &s->fit[f.worst];
    const char *tc = rc_sym_type_class(s->p.type);
    int base_fits = f.n_base >= 2 && f.bmax <= f.bmin * 1.01;
    int constant = f.rmax - f.rmin <= 1e-3 * fabs(f.rmax);
    rc_confidence conf = f.n_wrong >= 2 ? RC_CONF_HIGH : RC_CONF_MEDIUM;
    if (tc[0] && f.n_unscaled >= (f.n_wrong * 9 + 9) / 10)
        return rc_sym_set(d, tc, conf,
                          "pairs %d..%d (%d of %d) turn at the unscaled base^(-2k/r): the %s scaling is not applied there",
                          f.first, f.last, f.n_wrong, f.n_have, tc);
    if (scaling_rates(s))
        return rc_sym_set(d, tc, conf,
                          "pairs %d..%d (%d of %d) turn at rates the %s scaling gives, on the wrong pairs: "
                          "%.4g..%.4g x the golden rate", f.first, f.last, f.n_wrong, f.n_have, tc, f.rmin, f.rmax);
    if (s->p.type == RC_ROPE_DYNAMIC_NTK && base_fits)
        return rc_sym_set(d, tc, conf, "pairs %d..%d turn as base %.6g, expected %.6g (seq_len %lld, L %lld)",
                          f.first, f.last, f.bmin, pow(w->golden, -(double)s->p.rotary_dim / (2.0 * f.worst)),
                          (long long)s->p.seq_len, (long long)s->p.original_max_position);
    if (tc[0] && s->p.type != RC_ROPE_DYNAMIC_NTK && f.n_scaled_only == f.n_wrong && !base_fits)
        return rc_sym_set(d, tc, RC_CONF_MEDIUM,
                          "only scaled pairs are off: pairs %d..%d turn at %.4g..%.4g x the golden rate",
                          f.first, f.last, f.rmin, f.rmax);
    if (base_fits)
        return rc_sym_set(d, "frequency", conf, "pairs %d..%d turn as base %.6g; the config says %.6g",
                          f.first, f.last, f.bmin, s->p.base);
    if (constant)
        return rc_sym_set(d, "frequency", conf, "pairs %d..%d (%d of %d) all turn at %.6g x the golden rate",
                          f.first, f.last, f.n_wrong, f.n_have, f.rmin);
    return rc_sym_set(d, "frequency", RC_CONF_MEDIUM,
                      "%d of %d pairs turn at the wrong rate; worst pair %d: %.6g rad/position, expected %.6g (x%.4g)",
                      f.n_wrong, f.n_have, f.worst, w->omega, w->golden, w->omega / w->golden);
}
