/* cos_sin: the candidate's own cos/sin table against the golden, so that a
 * report can say whether the table or the apply step is wrong.  Each entry
 * (m cos, m sin) is judged as the rotation of the input pair (1, 0) by the
 * pair error model: golden = exact (float64 from the MPFR engine), the
 * candidate = its table in the row's dtype. */
#include "run.h"
#include "verify.h"
#include "dtype.h"
#include "plotdata.h"
#include "suite_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rc_suite_def rc_suite_cos_sin;

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    if (ctx->n_rows == 0)
        return 0;
    int64_t far = ctx->opts->level >= 2 ? INT32_MAX : (int64_t)1 << 20;
    int64_t pos[512];
    /* without a table one case still runs: the sandbox answers
     * NOT_PROVIDED without starting the candidate, and the report shows a
     * SKIP saying so */
    size_t nrows = ctx->has_cos_sin ? ctx->n_rows : 1;
    for (size_t i = 0; i < nrows; i++) {
        const rc_row *row = &ctx->rows[i];
        if (row->cfg.params.n_axes > 1)
            continue;   /* cos_sin is not called with M-RoPE params (ABI 1.1) */
        size_t n = rc_su_dense_powers(row->primary ? 256 : 64, far, pos, 512);
        rc_case *c = rc_plan_add(plan, &rc_suite_cos_sin, &row->cfg, row->dtype, "%s/cos-sin-table", row->label);
        if (!c || !rc_case_add_cos_sin(c, pos, (int64_t)n))
            return -1;
    }
    return 0;
}

/* Bit patterns of element i of an array, or of a double in dtype t. */
static void bits_of(const void *data, rc_dtype t, size_t i, char *out, size_t n)
{
    char buf[24];
    snprintf(out, n, "%s", rc_format_bits(data, t, i, buf, sizeof buf));
}

static void bits_of_value(double v, rc_dtype t, char *out, size_t n)
{
    uint64_t tmp = 0;
    rc_store(&tmp, t, 0, v);
    bits_of(&tmp, t, 0, out, n);
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    char un[32];
    if (rc_verify_outcome(c, 0, res)) {
        rc_su_prefix(res, "cos/sin table");
        return;
    }
    const rc_case_call *cc = &c->calls[0];
    const rc_rope_params *p = &cc->params;
    rc_su_model sm;
    if (rc_su_model_init(ctx, p, c->dtype, &sm, res) != 0)
        return;
    int r2 = p->rotary_dim / 2;
    int64_t n = cc->call.n_positions;
    size_t cnt = (size_t)n * (size_t)r2, es = rc_dtype_size(c->dtype);
    double *gc = malloc(cnt * sizeof *gc), *gs = malloc(cnt * sizeof *gs);
    void *rcos = malloc(cnt * es), *rsin = malloc(cnt * es);
    if (!gc || !gs || !rcos || !rsin ||
        rc_golden_cos_sin(sm.g, cc->positions, n, RC_F64, gc, gs) != 0 ||
        rc_golden_cos_sin(sm.g, cc->positions, n, c->dtype, rcos, rsin) != 0) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "golden: could not compute the cos/sin table");
        goto out;
    }

    rc_metrics *m = &res->metrics;
    memset(m, 0, sizeof *m);
    for (int b = 0; b < RC_N_BUCKETS; b++)
        m->bucket_max[b] = -1.0;
    rc_plot_begin(m, r2);
    res->has_metrics = 1;
    int64_t fails = 0, exhausted = 0, first_exhausted = -1;
    double worst = -1.0;
    rc_pair_error wpe = { 0 };
    const double x[2] = { 1.0, 0.0 };
    for (int64_t i = 0; i < n; i++) {
        int64_t pos = cc->positions[i];
        int bucket = rc_position_bucket(pos);
        for (int k = 0; k < r2; k++) {
            size_t e = (size_t)i * (size_t)r2 + (size_t)k;
            double g[2] = { gc[e], gs[e] };
            double gr[2] = { rc_load(rcos, c->dtype, e), rc_load(rsin, c->dtype, e) };
            double y[2] = { rc_load(cc->cos, c->dtype, e), rc_load(cc->sin, c->dtype, e) };
            rc_pair_error pe;
            rc_pair_error_eval(&sm.em, k, (double)pos * rc_golden_inv_freq(sm.g, k), x, g, gr, y, &pe);
            rc_plot_add(m, bucket, k, &pe);
            m->n_pairs++;
            if (!pe.nonfinite) {
                if (fabs(pe.angle) > m->max_angle_err) m->max_angle_err = fabs(pe.angle);
                if (fabs(pe.mag) > m->max_mag_err) m->max_mag_err = fabs(pe.mag);
                if (pe.norm > m->max_err_raw) m->max_err_raw = pe.norm;
                if (pe.norm > m->bucket_max[bucket]) m->bucket_max[bucket] = pe.norm;
                m->mean_radial += pe.mag;
                for (int j = 0; j < 2; j++) {
                    double u = rc_ulp_error(y[j], g[j], c->dtype);
                    if (u > m->max_ulp) m->max_ulp = u;
                }
            }
            if (pe.exhausted) {
                exhausted++;
                if (first_exhausted < 0 || pos < first_exhausted)
                    first_exhausted = pos;
            }
            fails += !pe.ok;
            if (pe.ratio > worst || (!pe.ok && wpe.ok)) {
                worst = pe.ratio;
                wpe = pe;
                rc_worst *w = &m->worst;
                w->position = pos;
                w->token = i;
                w->head = 0;
                w->pair = k;
                bits_of_value(1.0, c->dtype, w->in0, sizeof w->in0);
                bits_of_value(0.0, c->dtype, w->in1, sizeof w->in1);
                bits_of(rcos, c->dtype, e, w->expected0, sizeof w->expected0);
                bits_of(rsin, c->dtype, e, w->expected1, sizeof w->expected1);
                bits_of(cc->cos, c->dtype, e, w->actual0, sizeof w->actual0);
                bits_of(cc->sin, c->dtype, e, w->actual1, sizeof w->actual1);
            }
        }
    }
    m->max_err = worst < 0 ? 0 : worst;
    m->mean_radial = m->n_pairs ? m->mean_radial / (double)m->n_pairs : 0.0;
    const rc_worst *w = &m->worst;
    if (fails > 0) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message,
                 "cos/sin table: %lld of %lld entries outside the %s bound; worst: pair %lld at position %lld: "
                 "expected (m cos, m sin) = (%s, %s), got (%s, %s); angle error %.3g rad (bound %.3g), "
                 "magnitude error %.3g (bound %.3g)",
                 (long long)fails, (long long)m->n_pairs, sm.em.row->profile, (long long)w->pair,
                 (long long)w->position, w->expected0, w->expected1, w->actual0, w->actual1, wpe.angle,
                 wpe.angle_bound, wpe.mag, wpe.mag_bound);
        snprintf(res->cause, sizeof res->cause,
                 "the cos/sin table itself is wrong; if accuracy passes, apply does not use this table");
    } else {
        /* exhausted angles are noted, not warned about: the golden
         * comparator does the same (not a silent pass either) */
        res->status = RC_STATUS_PASS;
        if (exhausted > 0)
            snprintf(res->message, sizeof res->message,
                     "cos/sin table: %lld entries within the %s bound (worst %.2f of the bound); precision "
                     "exhausted from position %lld: %lld entries' angles carry no information in the modelled "
                     "arithmetic (angle bound >= %.1f rad) and only their magnitudes were judged",
                     (long long)m->n_pairs, sm.em.row->profile, m->max_err, (long long)first_exhausted,
                     (long long)exhausted, RC_ANGLE_EXHAUSTED);
        else
            snprintf(res->message, sizeof res->message,
                     "cos/sin table: %lld entries within the %s bound (worst %.2f of the bound, %.3g rad%s)",
                     (long long)m->n_pairs, sm.em.row->profile, m->max_err, m->max_angle_err,
                     rc_ulp_note(m->max_ulp, un, sizeof un));
    }
out:
    free(gc);
    free(gs);
    free(rcos);
    free(rsin);
}

const rc_suite_def rc_suite_cos_sin = {
    "cos_sin",
    "the candidate's cos/sin table against the golden (dense and power-of-two positions), judged as the "
    "rotation of (1, 0)",
    plan, verify, 0
};
