/* Judging a candidate's output against the golden through the error model:
 * the one comparator every golden-based suite uses. */
#include "run.h"
#include "verify.h"
#include "dtype.h"
#include "plotdata.h"
#include "rope_mrope.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rc_verify_outcome(const rc_case *c, int ci, rc_case_result *res)
{
    const rc_call_result *r = &c->calls[ci].res;
    if (r->outcome == RC_OUTCOME_OK)
        return 0;
    if (r->outcome == RC_OUTCOME_UNSUPPORTED || r->outcome == RC_OUTCOME_NOT_PROVIDED) {
        res->status = RC_STATUS_SKIP;
        snprintf(res->message, sizeof res->message, "%s: %s",
                 rc_outcome_name(r->outcome), r->message[0] ? r->message : "declined by the candidate");
        return 1;
    }
    res->status = RC_STATUS_FAIL;
    snprintf(res->message, sizeof res->message, "%s: %s", rc_outcome_name(r->outcome), r->message);
    return 1;
}

/* Channel indices of pair k. */
void rc_pair_channels(const rc_rope_params *p, int k, int *i0, int *i1)
{
    if (p->pairing == RC_INTERLEAVED) {
        *i0 = 2 * k;
        *i1 = 2 * k + 1;
    } else {
        *i0 = k;
        *i1 = k + p->rotary_dim / 2;
    }
}

static void metrics_reset(rc_metrics *m)
{
    memset(m, 0, sizeof *m);
    for (int b = 0; b < RC_N_BUCKETS; b++)
        m->bucket_max[b] = -1.0;
}

static void record_worst(rc_metrics *m, const rc_tensor *in, const rc_tensor *gr,
                         const rc_tensor *out, int64_t pos, int64_t t, int64_t h, int k,
                         size_t e0, size_t e1)
{
    rc_worst *w = &m->worst;
    w->position = pos;
    w->token = t;
    w->head = h;
    w->pair = k;
    rc_format_bits(in->data, in->dtype, e0, w->in0, sizeof w->in0);
    rc_format_bits(in->data, in->dtype, e1, w->in1, sizeof w->in1);
    rc_format_bits(gr->data, gr->dtype, e0, w->expected0, sizeof w->expected0);
    rc_format_bits(gr->data, gr->dtype, e1, w->expected1, sizeof w->expected1);
    rc_format_bits(out->data, out->dtype, e0, w->actual0, sizeof w->actual0);
    rc_format_bits(out->data, out->dtype, e1, w->actual1, sizeof w->actual1);
}

static int same_value(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

int64_t rc_verify_against_golden(rc_ctx *ctx, rc_case *c, int ci, int sign, rc_case_result *res)
{
    rc_case_call *cc = &c->calls[ci];
    const rc_rope_params *p = &cc->params;
    rc_metrics *m = &res->metrics;
    metrics_reset(m);
    rc_plot_begin(m, p->rotary_dim / 2);
    res->has_metrics = 1;
    char err[256];
    rc_golden *g = rc_ctx_golden(ctx, p, err, sizeof err);
    if (!g) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "golden: %s", err);
        return -1;
    }
    const rc_profile_row *row = rc_profile_find(ctx->opts->profile, c->dtype);
    rc_errmodel em;
    rc_errmodel_init(&em, row, p, rc_golden_magnitude(g), c->dtype);
    double coef[RC_MAX_PAIRS];
    const int prec = rc_dtype_precision(c->dtype), emin = rc_dtype_emin(c->dtype);
    int band[RC_MAX_PAIRS];
    rc_errmodel_cache(&em, coef, p->rotary_dim / 2 < RC_MAX_PAIRS ? p->rotary_dim / 2 : RC_MAX_PAIRS);
    for (int k = 0; k < p->rotary_dim / 2 && k < RC_MAX_PAIRS; k++)
        band[k] = rc_plot_band(m, k);

    /* the exact golden (53 bits) and the correctly rounded one */
    rc_tensor gx = cc->in, gr = cc->in;
    gx.dtype = RC_F64;
    size_t span = rc_tensor_span(&cc->in);
    gx.data = malloc(span * sizeof(double));
    gr.data = malloc(span * rc_dtype_size(c->dtype));
    if (!gx.data || !gr.data ||
        rc_golden_apply(g, cc->positions, &cc->in, &gx, sign) != 0 ||
        rc_golden_apply(g, cc->positions, &cc->in, &gr, sign) != 0) {
        free(gx.data);
        free(gr.data);
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "golden: could not compute the reference");
        return -1;
    }

    int64_t fails = 0, exhausted = 0, first_exhausted = -1;
    int64_t passthrough_bad = -1, pt_token = 0, pt_head = 0;
    double worst_ratio = -1.0, sum_radial = 0.0;
    rc_pair_error worst_pe = { 0 };
    /* where the worst pair is; its bits are formatted once, at the end */
    int64_t w_pos = 0, w_t = 0, w_h = 0;
    int w_k = -1;
    size_t w_e0 = 0, w_e1 = 0;
    int r2 = p->rotary_dim / 2;
    for (int64_t t = 0; t < cc->in.n_tokens; t++) {
        for (int64_t h = 0; h < cc->in.n_heads; h++) {
            for (int k = 0; k < r2; k++) {
                /* M-RoPE: the position of the pair's axis */
                const int64_t pos = rc_mrope_position(p, cc->positions, cc->in.n_tokens, t, k);
                const int bucket = rc_position_bucket(pos);
                int i0, i1;
                rc_pair_channels(p, k, &i0, &i1);
                size_t e0 = rc_tensor_index(&cc->in, t, h, i0), e1 = rc_tensor_index(&cc->in, t, h, i1);
                double x[2] = { rc_load(cc->in.data, c->dtype, e0), rc_load(cc->in.data, c->dtype, e1) };
                double ge[2] = { rc_load(gx.data, RC_F64, e0), rc_load(gx.data, RC_F64, e1) };
                double gq[2] = { rc_load(gr.data, c->dtype, e0), rc_load(gr.data, c->dtype, e1) };
                double y[2] = { rc_load(cc->out.data, c->dtype, e0), rc_load(cc->out.data, c->dtype, e1) };
                double phi = (double)pos * rc_golden_inv_freq(g, k);
                rc_pair_error pe;
                rc_pair_error_eval(&em, k, phi, x, ge, gq, y, &pe);
                rc_plot_add_band(m, bucket, k < RC_MAX_PAIRS ? band[k] : rc_plot_band(m, k), &pe);
                m->n_pairs++;
                if (!pe.nonfinite) {
                    if (fabs(pe.angle) > m->max_angle_err) m->max_angle_err = fabs(pe.angle);
                    if (fabs(pe.mag) > m->max_mag_err) m->max_mag_err = fabs(pe.mag);
                    if (pe.norm > m->max_err_raw) m->max_err_raw = pe.norm;
                    if (pe.norm > m->bucket_max[bucket]) m->bucket_max[bucket] = pe.norm;
                    sum_radial += pe.mag;
                    for (int j = 0; j < 2; j++) {
                        double u = rc_ulp_error_finite(y[j], ge[j], c->dtype, prec, emin);
                        if (u > m->max_ulp) m->max_ulp = u;
                    }
                }
                if (pe.exhausted) {
                    exhausted++;
                    if (first_exhausted < 0 || pos < first_exhausted) first_exhausted = pos;
                }
                if (!pe.ok) fails++;
                if (pe.ratio > worst_ratio) {
                    worst_ratio = pe.ratio;
                    worst_pe = pe;
                    w_pos = pos, w_t = t, w_h = h, w_k = k, w_e0 = e0, w_e1 = e1;
                }
            }
            for (int64_t ch = p->rotary_dim; ch < p->head_dim && passthrough_bad < 0; ch++) {
                size_t e = rc_tensor_index(&cc->in, t, h, ch);
                if (!same_value(rc_load(cc->in.data, c->dtype, e), rc_load(cc->out.data, c->dtype, e)))
                {
                    passthrough_bad = ch;
                    pt_token = t;
                    pt_head = h;
                }
            }
        }
    }
    if (w_k >= 0)
        record_worst(m, &cc->in, &gr, &cc->out, w_pos, w_t, w_h, w_k, w_e0, w_e1);
    m->max_err = worst_ratio < 0 ? 0 : worst_ratio;
    m->mean_radial = m->n_pairs ? sum_radial / (double)m->n_pairs : 0.0;
    free(gx.data);
    free(gr.data);

    const rc_worst *w = &m->worst;
    if (passthrough_bad >= 0) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message,
                 "pass-through channel %lld (>= rotary_dim %d) of token %lld head %lld was modified: "
                 "channels past rotary_dim must be copied bit for bit",
                 (long long)passthrough_bad, p->rotary_dim, (long long)pt_token, (long long)pt_head);
        return fails + 1;
    }
    if (fails > 0) {
        res->status = RC_STATUS_FAIL;
        if (worst_pe.nonfinite)
            snprintf(res->message, sizeof res->message,
                     "%lld of %lld pairs wrong; worst: pair %lld at position %lld (token %lld, head %lld): "
                     "input (%s, %s) expected (%s, %s) got (%s, %s): non-finite result where the golden %s",
                     (long long)fails, (long long)m->n_pairs, (long long)w->pair, (long long)w->position,
                     (long long)w->token, (long long)w->head, w->in0, w->in1, w->expected0, w->expected1,
                     w->actual0, w->actual1, "differs in class (NaN/Inf vs finite)");
        else
            snprintf(res->message, sizeof res->message,
                     "%lld of %lld pairs outside the %s bound; worst: pair %lld at position %lld (token %lld, head %lld): "
                     "input (%s, %s) expected (%s, %s) got (%s, %s); angle error %.3g rad (bound %.3g), "
                     "magnitude error %.3g (bound %.3g)",
                     (long long)fails, (long long)m->n_pairs, row->profile, (long long)w->pair,
                     (long long)w->position, (long long)w->token, (long long)w->head, w->in0, w->in1,
                     w->expected0, w->expected1, w->actual0, w->actual1, worst_pe.angle,
                     worst_pe.angle_bound, worst_pe.mag, worst_pe.mag_bound);
        return fails;
    }
    res->status = RC_STATUS_PASS;
    if (exhausted > 0) {
        /* not a silent pass: say which angles the model could not judge */
        snprintf(res->message, sizeof res->message,
                 "%lld pairs within the %s bound (worst %.2f of the bound); precision exhausted from "
                 "position %lld: %lld pairs' angles carry no information in the modelled arithmetic "
                 "(angle bound >= %.1f rad) and only their magnitudes were judged",
                 (long long)m->n_pairs, row->profile, m->max_err, (long long)first_exhausted,
                 (long long)exhausted, RC_ANGLE_EXHAUSTED);
        return 0;
    }
    char un[32];
    snprintf(res->message, sizeof res->message, "%lld pairs within the %s bound (worst %.2f of the bound, %.3g rad%s)",
             (long long)m->n_pairs, row->profile, m->max_err, m->max_angle_err, rc_ulp_note(m->max_ulp, un, sizeof un));
    return 0;
}
