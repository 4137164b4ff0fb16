/* The frequency each pair of the candidate turns at: the angle of its
 * output against its input, unwrapped over rising positions (symptom.h). */
#include "symptom.h"

#include <math.h>
#include <stdlib.h>

/* A call whose tokens start at position 0, 1 or 2 and rise: the angle at
 * the first positive position is then unambiguous. */
static int fittable(const rc_case_call *cc)
{
    const int64_t n = cc->call.kind == RC_CALL_COS_SIN ? cc->call.n_positions : cc->in.n_tokens;
    if (n < 4 || cc->call.in_place)
        return 0;
    int64_t first = -1;
    for (int64_t t = 0; t < n && first < 0; t++)
        if (rc_sym_token_pos(cc, t) > 0)
            first = rc_sym_token_pos(cc, t);
    return first > 0 && first <= 2;
}

/* Every fitted point within a few bounds of the line omega * p: a rate the
 * candidate really turns at, not a jump absorbed by the unwrapping. */
static int linear(const call_ref *cr, int k, double omega, const double *pts, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        double p = pts[2 * i], d = remainder(omega * p - pts[2 * i + 1], 2 * M_PI);
        if (fabs(d) > 8 * rc_errmodel_angle_bound(&cr->em, k, omega * p, 1.0) + 1e-9)
            return 0;
    }
    return 1;
}

/* Pair k of head 0: the fitted frequency and how far it holds (pts: room
 * for two doubles per token). */
static void fit_pair(const rc_case_call *cc, const call_ref *cr, int k, rc_sym_fit *f, double *pts)
{
    const int64_t n = cc->call.kind == RC_CALL_COS_SIN ? cc->call.n_positions : cc->in.n_tokens;
    const double sign = cc->call.kind == RC_CALL_BACKWARD ? -1.0 : 1.0;
    double omega = NAN;
    int64_t prev = 0, fitted = 0;
    f->golden = rc_golden_inv_freq(cr->g, k);
    f->break_pos = -1;
    for (int64_t t = 0; t < n; t++) {
        double x[2], g[2], y[2];
        int64_t p;
        if (!rc_sym_value(cc, cr, t, 0, k, x, g, y, &p) || p <= prev)
            continue;
        double re = y[0] * x[0] + y[1] * x[1], im = y[1] * x[0] - y[0] * x[1];
        if (hypot(x[0], x[1]) < 1e-6 || hypot(re, im) < 1e-12)
            continue;
        double phi = sign * atan2(im, re);
        if (isnan(omega)) {
            omega = phi / (double)p;
        } else {
            double pred = omega * (double)p;
            double turns = nearbyint((pred - phi) / (2 * M_PI));
            double next = (phi + 2 * M_PI * turns) / (double)p;
            if (fabs(next * (double)p - pred) > 0.5) {
                f->break_pos = p;
                break;
            }
            omega = next;
        }
        prev = p;
        pts[2 * fitted] = (double)p;
        pts[2 * fitted + 1] = phi;
        fitted++;
    }
    if (fitted < 3 || !linear(cr, k, omega, pts, fitted))
        return;
    f->have = 1;
    f->omega = omega;
    f->last_pos = prev;
    double bound = rc_errmodel_angle_bound(&cr->em, k, f->golden * (double)prev, 1.0);
    f->wrong = fabs(omega - f->golden) * (double)prev > 4 * bound + 1e-9;
}

void rc_sym_fit_frequencies(const rc_case *c, const call_ref *cr, rc_symptoms *s)
{
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        if (!cr[i].used || !cr[i].g || !cr[i].bad || cc->params.rotary_dim != s->p.rotary_dim || !fittable(cc))
            continue;
        const int64_t n = cc->call.kind == RC_CALL_COS_SIN ? cc->call.n_positions : cc->in.n_tokens;
        double *pts = malloc(2 * sizeof *pts * (size_t)n);
        s->fit = pts ? calloc((size_t)s->r2 + 1, sizeof *s->fit) : NULL;
        for (int k = 0; s->fit && k < s->r2; k++)
            fit_pair(cc, &cr[i], k, &s->fit[k], pts);
        free(pts);
        return;
    }
}
