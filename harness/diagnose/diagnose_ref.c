/* The golden of a FAIL case's calls and the comparison of outputs with it
 * or with another adapter's, value by value (diagnose_internal.h). */
#include "diagnose_internal.h"
#include "verify.h"
#include "dtype.h"
#include "rope_mrope.h"

#include <stdlib.h>
#include <string.h>

int rc_diag_has_outputs(rc_call_kind k) { return k == RC_CALL_APPLY || k == RC_CALL_BACKWARD; }

int rc_diag_skipped(rc_outcome o) { return o == RC_OUTCOME_UNSUPPORTED || o == RC_OUTCOME_NOT_PROVIDED; }

int rc_diag_has_values(rc_outcome o)
{
    return o == RC_OUTCOME_OK || o == RC_OUTCOME_UNTOUCHED || o == RC_OUTCOME_FENV;
}

static int64_t n_values(const rc_case_call *cc)
{
    const rc_rope_params *p = &cc->params;
    if (cc->call.kind == RC_CALL_COS_SIN)
        return cc->call.n_positions * (p->rotary_dim / 2);
    return cc->in.n_tokens * cc->in.n_heads * (p->head_dim - p->rotary_dim / 2);
}

void rc_diag_pair_at(const rc_tensor *t, const void *data, rc_dtype dt, const rc_rope_params *p,
                    int64_t tok, int64_t h, int k, double v[2])
{
    int i0, i1;
    rc_pair_channels(p, k, &i0, &i1);
    v[0] = rc_load(data, dt, rc_tensor_index(t, tok, h, i0));
    v[1] = rc_load(data, dt, rc_tensor_index(t, tok, h, i1));
}

/* Compare `y` (the candidate's outputs of call cc) value by value with a
 * reference: the golden (ref NULL: gx/gr) or another adapter's outputs
 * (ref: taken as exact).  flags[v] = 1 where they agree within the error
 * model. */
void rc_diag_compare(const rc_case_call *cc, const call_ref *cr, const void *y_data, const void *y_sin,
                    const void *ref, const void *ref_sin, unsigned char *agree)
{
    const rc_rope_params *p = &cc->params;
    const rc_dtype dt = cc->call.dtype;   /* cos/sin calls have no input tensor */
    const int r2 = p->rotary_dim / 2;
    int64_t v = 0;
    if (cc->call.kind == RC_CALL_COS_SIN) {
        const double *gc = cr->gx, *gs = (const double *)cr->gx + cc->call.n_positions * r2;
        for (int64_t i = 0; i < cc->call.n_positions; i++)
            for (int k = 0; k < r2; k++, v++) {
                size_t e = (size_t)(i * r2 + k);
                double x[2] = { 1.0, 0.0 }, g[2], y[2] = { rc_load(y_data, dt, e), rc_load(y_sin, dt, e) };
                if (ref) {
                    g[0] = rc_load(ref, dt, e);
                    g[1] = rc_load(ref_sin, dt, e);
                } else {
                    g[0] = gc[e];
                    g[1] = gs[e];
                }
                double gq[2] = { ref ? g[0] : rc_load(cr->gr, dt, e),
                                 ref ? g[1] : rc_load(cr->gr, dt, e + (size_t)(cc->call.n_positions * r2)) };
                rc_pair_error pe;
                rc_pair_error_eval(&cr->em, k, (double)cc->positions[i] * rc_golden_inv_freq(cr->g, k), x, g,
                                   gq, y, &pe);
                agree[v] = (unsigned char)pe.ok;
            }
        return;
    }
    const rc_tensor *in = &cc->in;
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            for (int k = 0; k < r2; k++, v++) {
                double x[2], g[2], gq[2], y[2];
                rc_diag_pair_at(in, in->data, dt, p, t, h, k, x);
                rc_diag_pair_at(in, y_data, dt, p, t, h, k, y);
                if (ref) {
                    rc_diag_pair_at(in, ref, dt, p, t, h, k, g);
                    gq[0] = g[0];
                    gq[1] = g[1];
                } else {
                    rc_diag_pair_at(in, cr->gx, RC_F64, p, t, h, k, g);
                    rc_diag_pair_at(in, cr->gr, dt, p, t, h, k, gq);
                }
                rc_pair_error pe;
                const double pos = (double)rc_mrope_position(p, cc->positions, in->n_tokens, t, k);
                rc_pair_error_eval(&cr->em, k, pos * rc_golden_inv_freq(cr->g, k), x, g, gq, y, &pe);
                agree[v] = (unsigned char)pe.ok;
            }
            for (int64_t ch = p->rotary_dim; ch < p->head_dim; ch++, v++) {
                size_t e = rc_tensor_index(in, t, h, ch);
                agree[v] = rc_load_bits(y_data, dt, e) == rc_load_bits(ref ? ref : in->data, dt, e);
            }
        }
}

void rc_diag_refs_free(call_ref *cr, int n)
{
    for (int i = 0; i < n; i++) {
        free(cr[i].gx);
        free(cr[i].gr);
        free(cr[i].bad);
    }
}

/* The golden and the candidate's wrong values of every call of c. */
int rc_diag_refs_init(rc_ctx *ctx, const rc_case *c, call_ref *cr)
{
    memset(cr, 0, sizeof *cr * RC_CASE_MAX_CALLS);
    char err[256];
    for (int i = 0; i < c->n_calls; i++) {
        const rc_case_call *cc = &c->calls[i];
        if (cc->call.kind == RC_CALL_SUPPORTS || rc_diag_skipped(cc->res.outcome))
            continue;
        call_ref *r = &cr[i];
        r->used = 1;
        if (!rc_diag_has_values(cc->res.outcome)) {
            r->n = 1;   /* the outcome itself is the one wrong value */
            continue;
        }
        if (rc_params_validate(&cc->params, err, sizeof err) != 0) {
            /* invalid params have no golden: the right outcome is an error,
             * so returning OK is the one wrong value */
            r->invalid = 1;
            r->n = 1;
            continue;
        }
        r->g = rc_ctx_golden(ctx, &cc->params, err, sizeof err);
        const rc_profile_row *row = rc_profile_find(ctx->opts->profile, c->dtype);
        if (!r->g || !row)
            return -1;
        rc_errmodel_init(&r->em, row, &cc->params, rc_golden_magnitude(r->g), c->dtype);
        r->n = n_values(cc);
        r->bad = calloc((size_t)r->n + 1, 1);
        if (!r->bad)
            return -1;
        const size_t es = rc_dtype_size(c->dtype);
        if (cc->call.kind == RC_CALL_COS_SIN) {
            size_t cnt = (size_t)r->n;
            r->gx = malloc(2 * cnt * sizeof(double));
            r->gr = malloc(2 * cnt * es);
            if (!r->gx || !r->gr ||
                rc_golden_cos_sin(r->g, cc->positions, cc->call.n_positions, RC_F64, r->gx,
                                  (double *)r->gx + cnt) != 0 ||
                rc_golden_cos_sin(r->g, cc->positions, cc->call.n_positions, c->dtype, r->gr,
                                  (char *)r->gr + cnt * es) != 0)
                return -1;
            rc_diag_compare(cc, r, cc->cos, cc->sin, NULL, NULL, r->bad);
        } else {
            int sign = cc->call.kind == RC_CALL_BACKWARD ? -1 : +1;
            size_t span = rc_tensor_span(&cc->in);
            rc_tensor gx = cc->in, gr = cc->in;
            gx.dtype = RC_F64;
            gx.data = r->gx = malloc(span * sizeof(double));
            gr.data = r->gr = malloc(span * es);
            if (!gx.data || !gr.data || rc_golden_apply(r->g, cc->positions, &cc->in, &gx, sign) != 0 ||
                rc_golden_apply(r->g, cc->positions, &cc->in, &gr, sign) != 0)
                return -1;
            rc_diag_compare(cc, r, cc->out.data, NULL, NULL, NULL, r->bad);
        }
        for (int64_t v = 0; v < r->n; v++)
            r->bad[v] = !r->bad[v];
    }
    return 0;
}

