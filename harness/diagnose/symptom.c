/* The symptoms of one FAIL case against its golden (symptom.h): where the
 * wrong values are, what they look like, and which simple alternative
 * explains them.  Reads only the case's own calls, so a case gets the same
 * symptoms wherever it runs. */
#include "symptom.h"
#include "verify.h"
#include "dtype.h"
#include "rope_mrope.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int64_t rc_sym_pos(const rc_case_call *cc, int64_t t, int k)
{
    if (cc->call.kind == RC_CALL_COS_SIN)
        return cc->positions[t];
    return rc_mrope_position(&cc->params, cc->positions, cc->in.n_tokens, t, k);
}

int64_t rc_sym_token_pos(const rc_case_call *cc, int64_t t)
{
    int64_t n = cc->call.kind == RC_CALL_COS_SIN ? cc->call.n_positions : cc->in.n_tokens;
    int axes = cc->call.kind == RC_CALL_COS_SIN ? 1 : rc_mrope_axes(&cc->params);
    int64_t m = cc->positions[t];
    for (int a = 1; a < axes; a++)
        m = cc->positions[a * n + t] > m ? cc->positions[a * n + t] : m;
    return m;
}

int rc_sym_value(const rc_case_call *cc, const call_ref *cr, int64_t t, int64_t h, int k, double x[2],
                 double g[2], double y[2], int64_t *pos)
{
    const rc_rope_params *p = &cc->params;
    const rc_dtype dt = cc->call.dtype;
    *pos = rc_sym_pos(cc, t, k);
    if (cc->call.kind == RC_CALL_COS_SIN) {
        const int r2 = p->rotary_dim / 2;
        size_t e = (size_t)(t * r2 + k), n = (size_t)(cc->call.n_positions * r2);
        x[0] = 1.0, x[1] = 0.0;
        g[0] = ((const double *)cr->gx)[e];
        g[1] = ((const double *)cr->gx)[e + n];
        y[0] = rc_load(cc->cos, dt, e);
        y[1] = rc_load(cc->sin, dt, e);
    } else {
        rc_diag_pair_at(&cc->in, cc->in.data, dt, p, t, h, k, x);
        rc_diag_pair_at(&cc->in, cr->gx, RC_F64, p, t, h, k, g);
        rc_diag_pair_at(&cc->in, cc->out.data, dt, p, t, h, k, y);
    }
    return isfinite(x[0]) && isfinite(x[1]) && isfinite(g[0]) && isfinite(g[1]) && isfinite(y[0]) &&
           isfinite(y[1]);
}

static void rotate(const double x[2], double theta, double m, double out[2])
{
    double c = cos(theta), s = sin(theta);
    out[0] = m * (x[0] * c - x[1] * s);
    out[1] = m * (x[0] * s + x[1] * c);
}

static int agrees(const call_ref *cr, int k, double theta, const double x[2], const double h[2],
                  const double y[2])
{
    rc_pair_error pe;
    rc_pair_error_eval(&cr->em, k, theta, x, h, h, y, &pe);
    return pe.ok;
}

/* Channel ch of (t, h) as the other pairing would rotate it. */
static double other_pairing(const rc_case_call *cc, const call_ref *cr, int64_t t, int64_t h, int ch, double sign)
{
    const rc_rope_params *p = &cc->params;
    const int r2 = p->rotary_dim / 2;
    int k, first, a, b;
    if (p->pairing == RC_HALF_SPLIT) {   /* the other is interleaved */
        k = ch / 2, first = ch % 2 == 0, a = 2 * k, b = 2 * k + 1;
    } else {
        k = ch % r2, first = ch < r2, a = k, b = k + r2;
    }
    double xa = rc_load(cc->in.data, cc->in.dtype, rc_tensor_index(&cc->in, t, h, a));
    double xb = rc_load(cc->in.data, cc->in.dtype, rc_tensor_index(&cc->in, t, h, b));
    double th = sign * (double)rc_sym_pos(cc, t, k) * rc_golden_inv_freq(cr->g, k), m = rc_golden_magnitude(cr->g);
    return first ? m * (xa * cos(th) - xb * sin(th)) : m * (xa * sin(th) + xb * cos(th));
}

static void test_head(rc_symptoms *s, const rc_case_call *cc, const call_ref *cr, int64_t t, int64_t h, int k,
                      const double y[2], double w, double m, double sign)
{
    if (cc->call.kind == RC_CALL_COS_SIN || cc->in.n_heads < 2)
        return;
    s->hyp_applicable[H_OTHER_HEAD]++;
    const int64_t cand[3] = { 0, h - 1, h + 1 };
    for (int i = 0; i < 3; i++) {
        if (cand[i] == h || cand[i] < 0 || cand[i] >= cc->in.n_heads)
            continue;
        double x2[2], e[2];
        rc_diag_pair_at(&cc->in, cc->in.data, cc->in.dtype, &cc->params, t, cand[i], k, x2);
        double th = sign * (double)rc_sym_pos(cc, t, k) * w;
        rotate(x2, th, m, e);
        if (agrees(cr, k, th, x2, e, y)) {
            s->hyp[H_OTHER_HEAD]++;
            return;
        }
    }
}

/* M-RoPE: the position pair k of token t would have under the other
 * layout, or with 1-D (T axis) positions; -1 when not M-RoPE. */
static void mrope_alternatives(const rc_case_call *cc, int64_t t, int k, int64_t alt[2])
{
    alt[0] = alt[1] = -1;
    if (cc->call.kind == RC_CALL_COS_SIN || rc_mrope_axes(&cc->params) < 2)
        return;
    rc_rope_params q = cc->params;
    q.mrope_layout = q.mrope_layout == RC_MROPE_SECTIONED ? RC_MROPE_INTERLEAVED : RC_MROPE_SECTIONED;
    alt[0] = rc_mrope_position(&q, cc->positions, cc->in.n_tokens, t, k);
    alt[1] = cc->positions[t];
}

/* One wrong value against each hypothesis. */
static void test_hypotheses(rc_symptoms *s, const rc_case_call *cc, const call_ref *cr, int64_t t, int64_t h,
                            int k, const double x[2], const double y[2])
{
    const double w = rc_golden_inv_freq(cr->g, k), m = rc_golden_magnitude(cr->g);
    const double sign = cc->call.kind == RC_CALL_BACKWARD ? -1.0 : 1.0;
    const int64_t p = rc_sym_pos(cc, t, k), p0 = rc_sym_pos(cc, 0, k);
    int64_t ma[2];
    mrope_alternatives(cc, t, k, ma);
    const struct { int h, ok; double pos; } alt[] = {
        { H_MROPE_LAYOUT, ma[0] >= 0 && ma[0] != p, (double)ma[0] },
        { H_MROPE_1D, ma[1] >= 0 && ma[1] != p, (double)ma[1] },
        { H_NEGATED, p != 0, -(double)p },
        { H_POS_PLUS1, 1, (double)p + 1 },
        { H_POS_MINUS1, p >= 1, (double)p - 1 },
        { H_POS_INDEX, p != t, (double)t },
        { H_POS_FIRST, p != p0 + t, (double)(p0 + t) },
    };
    s->n_tested++;
    for (size_t i = 0; i < sizeof alt / sizeof alt[0]; i++) {
        if (!alt[i].ok)
            continue;
        double e[2], th = sign * alt[i].pos * w;
        rotate(x, th, m, e);
        s->hyp_applicable[alt[i].h]++;
        s->hyp[alt[i].h] += agrees(cr, k, th, x, e, y);
    }
    if (cc->call.kind != RC_CALL_COS_SIN && s->r2 >= 2) {
        int i0, i1;
        rc_pair_channels(&cc->params, k, &i0, &i1);
        double e[2] = { other_pairing(cc, cr, t, h, i0, sign), other_pairing(cc, cr, t, h, i1, sign) };
        s->hyp_applicable[H_OTHER_PAIRING]++;
        s->hyp[H_OTHER_PAIRING] += agrees(cr, k, sign * (double)p * w, x, e, y);
    }
    test_head(s, cc, cr, t, h, k, y, w, m, sign);
}

/* A wrong rotary value: where, what it looks like, what explains it. */
static void wrong_value(rc_symptoms *s, const rc_case_call *cc, const call_ref *cr, int64_t t, int64_t h, int k,
                        double *tok_ratio)
{
    double x[2], g[2], y[2];
    int64_t pos;
    s->n_bad++;
    if (k < s->r2)
        s->bad_pair[k]++;
    if (h < RC_SYM_MAX_HEADS)
        s->bad_head[h]++;
    if (cc->call.in_place)
        s->bad_inplace++;
    if (cc->call.kind == RC_CALL_BACKWARD)
        s->bad_backward++;
    else
        s->bad_apply++;
    int finite = rc_sym_value(cc, cr, t, h, k, x, g, y, &pos);
    if (s->first_bad_pos < 0 || pos < s->first_bad_pos)
        s->first_bad_pos = pos;
    if (!finite)
        return;
    if (pos != 0 && cc->call.kind != RC_CALL_COS_SIN && y[0] == x[0] && y[1] == x[1]) {
        s->n_unrot++;
        if (k < s->r2)
            s->unrot_pair[k]++;
    }
    if (y[0] == 0 && y[1] == 0 && (x[0] != 0 || x[1] != 0))
        s->n_zero++;
    const double sign = cc->call.kind == RC_CALL_BACKWARD ? -1.0 : 1.0;
    const double phi = sign * (double)pos * rc_golden_inv_freq(cr->g, k);
    rc_pair_error pe;
    rc_pair_error_eval(&cr->em, k, phi, x, g, g, y, &pe);
    if (pe.ratio > *tok_ratio)
        *tok_ratio = pe.ratio;
    s->n_angle_ok += fabs(pe.angle) <= pe.angle_bound;
    if (pe.mag > -1.0) {
        double l = log1p(pe.mag);
        s->n_mag++, s->sum_lmag += l, s->sum_lmag2 += l * l;
    }
    if (phi != 0 && fabs(pe.angle) / fabs(phi) > s->max_rel_angle)
        s->max_rel_angle = fabs(pe.angle) / fabs(phi);
    if (fabs(pe.angle) > s->worst_angle)
        s->worst_angle = fabs(pe.angle), s->worst_pos = pos;
    if (s->n_tested < RC_SYM_HYP_BUDGET)
        test_hypotheses(s, cc, cr, t, h, k, x, y);
}

/* A threshold: every token from thr_pos on wrong, the two or more below it
 * right, the last right one within a factor 2, and a jump in the error. */
static void threshold(rc_symptoms *s, const rc_case_call *cc, const unsigned char *tok_bad,
                      const double *tok_ratio, int64_t n_tok)
{
    int64_t P = -1, lo = -1, n_below = 0;
    double jump = 0;
    for (int64_t t = 0; t < n_tok; t++)
        if (tok_bad[t] && (P < 0 || rc_sym_token_pos(cc, t) < P))
            P = rc_sym_token_pos(cc, t), jump = tok_ratio[t];
    if (P < 0)
        return;
    for (int64_t t = 0; t < n_tok; t++) {
        int64_t q = rc_sym_token_pos(cc, t);
        if (q >= P && !tok_bad[t])
            return;
        if (q < P) {
            n_below++;
            lo = q > lo ? q : lo;
        }
    }
    if (n_below >= 2 && jump >= 16 && lo >= P / 2 && (s->thr_pos < 0 || P < s->thr_pos))
        s->thr_pos = P, s->thr_good = lo, s->thr_jump = jump;
}

static int measure_call(rc_symptoms *s, const rc_case_call *cc, const call_ref *cr)
{
    const rc_rope_params *p = &cc->params;
    const int r2 = p->rotary_dim / 2, cs = cc->call.kind == RC_CALL_COS_SIN;
    const int64_t n_tok = cs ? cc->call.n_positions : cc->in.n_tokens, n_h = cs ? 1 : cc->in.n_heads;
    unsigned char *tok_bad = calloc((size_t)n_tok + 1, 1);
    double *tok_ratio = calloc((size_t)n_tok + 1, sizeof *tok_ratio);
    if (!tok_bad || !tok_ratio) {
        free(tok_bad);
        free(tok_ratio);
        return -1;
    }
    int64_t v = 0;
    for (int64_t t = 0; t < n_tok; t++)
        for (int64_t h = 0; h < n_h; h++) {
            for (int k = 0; k < r2; k++, v++) {
                s->n_vals++;
                s->vals_inplace += cc->call.in_place;
                *(cc->call.kind == RC_CALL_BACKWARD ? &s->vals_backward : &s->vals_apply) += 1;
                if (h < RC_SYM_MAX_HEADS)
                    s->vals_head[h]++;
                if (cr->bad[v]) {
                    tok_bad[t] = 1;
                    wrong_value(s, cc, cr, t, h, k, &tok_ratio[t]);
                }
            }
            for (int64_t ch = cs ? p->head_dim : p->rotary_dim; ch < p->head_dim; ch++, v++) {
                s->n_pt++;
                s->n_pt_bad += cr->bad[v];
            }
        }
    if (n_h > s->n_heads)
        s->n_heads = (int)(n_h < RC_SYM_MAX_HEADS ? n_h : RC_SYM_MAX_HEADS);
    threshold(s, cc, tok_bad, tok_ratio, n_tok);
    free(tok_bad);
    free(tok_ratio);
    return 0;
}

void rc_sym_free(rc_symptoms *s)
{
    free(s->bad_pair);
    free(s->unrot_pair);
    free(s->fit);
    s->bad_pair = s->unrot_pair = NULL;
    s->fit = NULL;
}

int rc_sym_measure(const rc_case *c, const call_ref *cr, rc_symptoms *s)
{
    memset(s, 0, sizeof *s);
    s->c = c;
    s->first_bad_pos = s->thr_pos = s->thr_good = s->worst_pos = -1;
    int first = -1;
    for (int i = 0; i < c->n_calls && first < 0; i++)
        if (cr[i].used && cr[i].g && cr[i].bad)
            first = i;
    if (first < 0)
        return 0;
    s->p = c->calls[first].params;
    s->r2 = s->p.rotary_dim / 2;
    s->m = rc_golden_magnitude(cr[first].g);
    s->bad_pair = calloc((size_t)s->r2 + 1, sizeof *s->bad_pair);
    s->unrot_pair = calloc((size_t)s->r2 + 1, sizeof *s->unrot_pair);
    if (!s->bad_pair || !s->unrot_pair)
        return -1;
    for (int i = 0; i < c->n_calls; i++)
        if (cr[i].used && cr[i].g && cr[i].bad && c->calls[i].params.rotary_dim == s->p.rotary_dim &&
            measure_call(s, &c->calls[i], &cr[i]) != 0)
            return -1;
    rc_sym_fit_frequencies(c, cr, s);
    return 0;
}
