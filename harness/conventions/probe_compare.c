/* compare: both candidates on one set of inputs and positions; the
 * normalised pair difference per position bucket against the sum of both
 * bounds; the channel permutation between conventions, verified by a run
 * with permuted inputs. */
#include "probe_compare.h"
#include "rope_mrope.h"
#include "dtype.h"
#include "errmodel.h"
#include "golden.h"
#include "prng.h"
#include "variants.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_FAR 3 /* positions per far bucket: 2^j - 1, 2^j, 2^j + 1 */

static double round_to(rc_dtype dt, double v)
{
    unsigned char buf[8];
    rc_store(buf, dt, 0, v);
    return rc_load(buf, dt, 0);
}

/* Positions and token counts of the buckets. */
static void bucket_positions(rc_compare_result *res, int64_t **pos, int64_t *nt)
{
    for (int i = 0; i < RC_CMP_BUCKETS; i++) {
        if (i == 0) {
            nt[i] = 1024;
            for (int64_t t = 0; t < 1024; t++)
                pos[i][t] = t;
        } else {
            int64_t c = (int64_t)1 << (9 + i);
            nt[i] = N_FAR;
            pos[i][0] = c - 1;
            pos[i][1] = c;
            pos[i][2] = c + 1;
        }
        res->bucket[i].lo = pos[i][0];
        res->bucket[i].hi = pos[i][nt[i] - 1];
    }
}

static int choose_both(rc_compare_result *res, const rc_config *cfg, int dtype, double timeout,
                       char *err, size_t errlen)
{
    static const rc_dtype order[] = { RC_F32, RC_F64, RC_F16, RC_BF16 };
    int a_any = 0, b_any = 0;
    for (size_t i = 0; i < 4; i++) {
        if (dtype >= 0 && (int)order[i] != dtype)
            continue;
        rc_dtype da, db;
        int ra = rc_probe_choose(res->a.cand, cfg, (int)order[i], &res->a.cfg, &da, res->a.how,
                                 sizeof res->a.how, timeout);
        int rb = rc_probe_choose(res->b.cand, cfg, (int)order[i], &res->b.cfg, &db, res->b.how,
                                 sizeof res->b.how, timeout);
        a_any |= ra == 0;
        b_any |= rb == 0;
        if (ra == 0 && rb == 0) {
            res->dtype = order[i];
            return 0;
        }
    }
    char label[160] = "its own params";
    if (cfg)
        rc_params_label(&cfg->params, label, sizeof label);
    const char *who = !a_any ? res->a.cand->path : res->b.cand->path;
    if (a_any && b_any)
        snprintf(err, errlen, "the candidates share no dtype%s%s for %s", dtype >= 0 ? " " : "",
                 dtype >= 0 ? rc_dtype_name((rc_dtype)dtype) : "", label);
    else if (cfg)
        snprintf(err, errlen, "%s refuses the given config (%s)%s%s: it does not implement this "
                 "pairing, rope type or dtype (an interleaved-only candidate refuses a "
                 "half-split config); compare each at its own params by leaving out --config",
                 who, label, dtype >= 0 ? " at " : "", dtype >= 0 ? rc_dtype_name((rc_dtype)dtype) : "");
    else
        snprintf(err, errlen, "%s refuses its default params and a plain half-split or "
                 "interleaved config%s%s", who, dtype >= 0 ? " at " : "",
                 dtype >= 0 ? rc_dtype_name((rc_dtype)dtype) : "");
    return -1;
}

static int probe_side(rc_cmp_side *s, rc_dtype dt, double timeout, char *err, size_t errlen)
{
    rc_probe pr = { s->cand, &s->cfg.params, dt, timeout };
    if (rc_probe_pairmap(&pr, &s->map, err, errlen) != 0)
        return -1;
    if (rc_pairmap_layout(&s->map) == RC_LAYOUT_NONE) {
        snprintf(err, errlen, "%s: %d channels feed more than one other: not a pairwise rotation",
                 s->cand->path, s->map.mixing);
        return -1;
    }
    s->sweep = calloc(1, sizeof *s->sweep);
    if (!s->sweep)
        return -1;
    return rc_probe_sweep(&pr, &s->map, s->sweep, err, errlen);
}

static int same_map(const rc_pairmap *a, const rc_pairmap *b)
{
    if (a->head_dim != b->head_dim || a->n_pairs != b->n_pairs)
        return 0;
    for (int k = 0; k < a->n_pairs; k++)
        if (a->first[k] != b->first[k] || a->second[k] != b->second[k])
            return 0;
    return 1;
}

/* perm[c_B] = c_A: the channel of A with the same (pair, element) role;
 * channels outside the pairs in increasing order. */
static void build_perm(rc_compare_result *res)
{
    const rc_pairmap *a = &res->a.map, *b = &res->b.map;
    res->permutable = a->head_dim == b->head_dim && a->n_pairs == b->n_pairs;
    if (!res->permutable)
        return;
    for (int k = 0; k < a->n_pairs; k++) {
        res->perm[b->first[k]] = a->first[k];
        res->perm[b->second[k]] = a->second[k];
    }
    int ja = 0;
    for (int cb = 0; cb < b->head_dim; cb++) {
        if (b->pair_of[cb] >= 0)
            continue;
        while (ja < a->head_dim && a->pair_of[ja] >= 0)
            ja++;
        res->perm[cb] = ja++;
    }
}

static void freq_diffs(rc_compare_result *res)
{
    const rc_sweep *sa = res->a.sweep, *sb = res->b.sweep;
    int np = res->a.map.n_pairs < res->b.map.n_pairs ? res->a.map.n_pairs : res->b.map.n_pairs;
    double tol_m = res->dtype == RC_F64 ? 1e-12 : 8 * rc_probe_tol(res->dtype);
    res->worst_freq_ratio = 1.0;
    for (int k = 0; k < np; k++) {
        double q = sb->w[k] / sa->w[k];
        double noise = 8 * rc_probe_tol(res->dtype) /
                       ((double)(sa->p_used[k] < sb->p_used[k] ? sa->p_used[k] : sb->p_used[k]) *
                        fabs(sa->w[k]));
        if (!(fabs(q - 1) <= 2e-5 + noise)) {
            res->n_freq_diff++;
            if (!(fabs(q - 1) <= fabs(res->worst_freq_ratio - 1))) {
                res->worst_freq_ratio = q;
                res->worst_freq_pair = k;
            }
        }
    }
    res->m_a = sa->m;
    res->m_b = sb->m;
    res->mag_diff = !(fabs(sa->m - sb->m) <= tol_m * (1 + fabs(sa->m)));
}

/* Max of |y - y*| / bound against the side's own golden (standard
 * profile), over one bucket's tokens; fails counted. */
static void golden_check(rc_cmp_side *s, rc_dtype dt, const int64_t *pos, int64_t nt,
                         const double *x, const double *y)
{
    const rc_rope_params flat = rc_mrope_flat(&s->cfg.params); /* the probes' equal axes */
    const rc_rope_params *p = &flat;
    char e[256];
    rc_golden *g = rc_golden_new(p, e, sizeof e);
    const rc_profile_row *row = rc_profile_find("standard", dt);
    if (!g || !row) {
        s->golden_ratio = NAN;
        rc_golden_free(g);
        return;
    }
    rc_errmodel em;
    rc_errmodel_init(&em, row, p, rc_golden_magnitude(g), dt);
    const int64_t hd = p->head_dim;
    rc_tensor in = { dt, malloc((size_t)(nt * hd) * rc_dtype_size(dt)), nt, 1, hd, hd, hd };
    rc_tensor ge = in, gr = in;
    ge.dtype = RC_F64;
    ge.data = malloc((size_t)(nt * hd) * sizeof(double));
    gr.data = malloc((size_t)(nt * hd) * rc_dtype_size(dt));
    if (in.data && ge.data && gr.data) {
        for (int64_t i = 0; i < nt * hd; i++)
            rc_store(in.data, dt, (size_t)i, x[i]);
        if (rc_golden_apply(g, pos, &in, &ge, 1) == 0 && rc_golden_apply(g, pos, &in, &gr, 1) == 0) {
            for (int64_t t = 0; t < nt; t++)
                for (int k = 0; k < p->rotary_dim / 2; k++) {
                    int i0 = p->pairing == RC_INTERLEAVED ? 2 * k : k;
                    int i1 = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + p->rotary_dim / 2;
                    size_t e0 = (size_t)(t * hd + i0), e1 = (size_t)(t * hd + i1);
                    double xx[2] = { x[e0], x[e1] }, yy[2] = { y[e0], y[e1] };
                    double gg[2] = { rc_load(ge.data, RC_F64, e0), rc_load(ge.data, RC_F64, e1) };
                    double gq[2] = { rc_load(gr.data, dt, e0), rc_load(gr.data, dt, e1) };
                    rc_pair_error pe;
                    rc_pair_error_eval(&em, k, (double)pos[t] * rc_golden_inv_freq(g, k), xx, gg, gq,
                                       yy, &pe);
                    if (!pe.exhausted || !pe.ok)
                        s->golden_ratio = fmax(s->golden_ratio, pe.ratio);
                    s->golden_fails += !pe.ok;
                }
        }
    }
    free(in.data);
    free(ge.data);
    free(gr.data);
    rc_golden_free(g);
}

/* The A-B difference of one bucket in A's pairs: max normalised difference
 * and max difference / (twice A's bound: both candidates' bounds). */
static void diff_bucket(const rc_compare_result *res, const rc_errmodel *em, const int64_t *pos,
                        int64_t nt, const double *x, const double *ya, const double *yb,
                        double *max_e, double *max_ratio)
{
    const rc_pairmap *m = &res->a.map;
    const int hd = m->head_dim;
    const double mag = res->a.sweep->m;
    for (int64_t t = 0; t < nt; t++)
        for (int k = 0; k < m->n_pairs; k++) {
            size_t e0 = (size_t)(t * hd + m->first[k]), e1 = (size_t)(t * hd + m->second[k]);
            double xn = hypot(x[e0], x[e1]);
            if (xn == 0)
                continue;
            double d = hypot(ya[e0] - yb[e0], ya[e1] - yb[e1]) / (mag * xn);
            double phi = (double)pos[t] * res->a.sweep->w[k];
            double ab = rc_errmodel_angle_bound(em, k, phi, xn), mb = rc_errmodel_mag_bound(em, xn);
            if (!(d <= *max_e))
                *max_e = d;
            if (ab - mb >= RC_ANGLE_EXHAUSTED)
                continue; /* precision exhausted: the model says nothing here */
            double q = d / (2 * (ab + mb + ab * mb));
            if (!(q <= *max_ratio))
                *max_ratio = q;
        }
}

int rc_compare(const rc_candidate *a, const rc_candidate *b, const rc_config *cfg, int dtype,
               uint64_t seed, double timeout, rc_compare_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    res->a.cand = a;
    res->b.cand = b;
    if (choose_both(res, cfg, dtype, timeout, err, errlen) != 0)
        return -1;
    const rc_dtype dt = res->dtype;
    if (probe_side(&res->a, dt, timeout, err, errlen) != 0 ||
        probe_side(&res->b, dt, timeout, err, errlen) != 0)
        return -1;
    res->convention = !same_map(&res->a.map, &res->b.map);
    build_perm(res);
    freq_diffs(res);

    const int hd = res->a.map.head_dim;
    if (res->b.map.head_dim != hd) {
        snprintf(err, errlen, "head_dim differs: %d vs %d; nothing to compare channel by channel",
                 hd, res->b.map.head_dim);
        return -1;
    }
    int64_t *pos[RC_CMP_BUCKETS], nt[RC_CMP_BUCKETS];
    double *x[RC_CMP_BUCKETS], *ya[RC_CMP_BUCKETS], *yb[RC_CMP_BUCKETS], *xb[RC_CMP_BUCKETS],
        *yb2[RC_CMP_BUCKETS], *ybal[RC_CMP_BUCKETS];
    int oka[RC_CMP_BUCKETS], okb[RC_CMP_BUCKETS], okc[RC_CMP_BUCKETS];
    int rc = -1;
    memset(x, 0, sizeof x);
    memset(pos, 0, sizeof pos);
    for (int i = 0; i < RC_CMP_BUCKETS; i++)
        if (!(pos[i] = malloc(1024 * sizeof(int64_t))))
            goto oom;
    bucket_positions(res, pos, nt);
    for (int i = 0; i < RC_CMP_BUCKETS; i++) {
        size_t cells = (size_t)nt[i] * (size_t)hd;
        if (!(x[i] = malloc(6 * cells * sizeof(double))))
            goto oom;
        ya[i] = x[i] + cells;
        yb[i] = x[i] + 2 * cells;
        xb[i] = x[i] + 3 * cells;
        yb2[i] = x[i] + 4 * cells;
        ybal[i] = x[i] + 5 * cells;
    }
    rc_prng g = rc_prng_keyed(seed, "compare");
    for (int i = 0; i < RC_CMP_BUCKETS; i++)
    {
        for (int64_t j = 0; j < nt[i] * hd; j++)
            x[i][j] = round_to(dt, 2 * rc_prng_unit(&g) - 1);
        /* B's channel c carries A's channel perm[c] */
        for (int64_t j = 0; j < nt[i] * hd; j++)
            xb[i][j] = res->permutable ? x[i][j / hd * hd + res->perm[j % hd]] : x[i][j];
    }
    rc_probe pa = { a, &res->a.cfg.params, dt, timeout }, pb = { b, &res->b.cfg.params, dt, timeout };
    const int64_t *pp[RC_CMP_BUCKETS];
    const double *xp[RC_CMP_BUCKETS], *xbp[RC_CMP_BUCKETS];
    for (int i = 0; i < RC_CMP_BUCKETS; i++) {
        pp[i] = pos[i];
        xp[i] = x[i];
        xbp[i] = xb[i];
    }
    if (rc_probe_apply(&pa, RC_CMP_BUCKETS, pp, nt, xp, ya, oka, NULL, err, errlen) != 0 ||
        rc_probe_apply(&pb, RC_CMP_BUCKETS, pp, nt, xp, yb, okb, NULL, err, errlen) != 0)
        goto done;
    if (res->convention && res->permutable &&
        rc_probe_apply(&pb, RC_CMP_BUCKETS, pp, nt, xbp, yb2, okc, NULL, err, errlen) != 0)
        goto done;
    const rc_profile_row *row = rc_profile_find("standard", dt);
    rc_errmodel em;
    rc_errmodel_init(&em, row, &res->a.cfg.params, res->a.sweep->m, dt);
    res->a.golden_ratio = res->b.golden_ratio = 0;
    int ran = 0, ran_al = 0;
    for (int i = 0; i < RC_CMP_BUCKETS; i++) {
        rc_cmp_bucket *bk = &res->bucket[i];
        if (oka[i])
            golden_check(&res->a, dt, pos[i], nt[i], x[i], ya[i]);
        if (okb[i])
            golden_check(&res->b, dt, pos[i], nt[i], x[i], yb[i]);
        bk->ran = oka[i] && okb[i];
        if (!bk->ran)
            continue;
        ran++;
        diff_bucket(res, &em, pos[i], nt[i], x[i], ya[i], yb[i], &bk->max_raw, &bk->ratio_raw);
        res->max_raw = fmax(res->max_raw, bk->max_raw);
        res->ratio_raw = fmax(res->ratio_raw, bk->ratio_raw);
        if (res->convention && res->permutable && okc[i]) {
            /* back into A's channels: A's channel perm[c] is B's c */
            for (int64_t t = 0; t < nt[i]; t++)
                for (int c = 0; c < hd; c++)
                    ybal[i][t * hd + res->perm[c]] = yb2[i][t * hd + c];
            diff_bucket(res, &em, pos[i], nt[i], x[i], ya[i], ybal[i], &bk->max_aligned,
                        &bk->ratio_aligned);
            res->max_aligned = fmax(res->max_aligned, bk->max_aligned);
            res->ratio_aligned = fmax(res->ratio_aligned, bk->ratio_aligned);
            ran_al++;
        }
    }
    if (!ran) {
        snprintf(err, errlen, "no position bucket ran on both candidates");
        goto done;
    }
    res->agree = !res->convention && res->ratio_raw <= 1.0;
    res->verified = res->convention && res->permutable && ran_al == ran && res->ratio_aligned <= 1.0;
    rc = 0;
    goto done;
oom:
    snprintf(err, errlen, "out of memory");
done:
    for (int i = 0; i < RC_CMP_BUCKETS; i++) {
        free(pos[i]);
        free(x[i]);
    }
    return rc;
}

void rc_compare_free(rc_compare_result *res)
{
    free(res->a.sweep);
    free(res->b.sweep);
    res->a.sweep = res->b.sweep = NULL;
}

/* Channel of (pair k, element e) in a named layout, as text. */
static const char *idx_text(rc_layout l, int rev)
{
    if (l == RC_LAYOUT_HALF_SPLIT)
        return rev ? "k + (1-e)*r/2" : "k + e*r/2";
    return rev ? "2k + 1-e" : "2k + e";
}

void rc_compare_perm_text(const rc_compare_result *res, char *formula, size_t flen, char *weights,
                          size_t wlen)
{
    const rc_pairmap *a = &res->a.map, *b = &res->b.map;
    rc_layout la = rc_pairmap_layout(a), lb = rc_pairmap_layout(b);
    int ra = a->n_reversed == a->n_pairs, rb = b->n_reversed == b->n_pairs;
    int named = la <= RC_LAYOUT_INTERLEAVED && lb <= RC_LAYOUT_INTERLEAVED &&
                (a->n_reversed == 0 || ra) && (b->n_reversed == 0 || rb);
    const int d = a->head_dim, r = 2 * a->n_pairs;
    char tail[96] = "";
    if (r < d)
        snprintf(tail, sizeof tail, "; channels %d..%d unchanged", r, d - 1);
    if (named)
        snprintf(formula, flen, "B[%s] = A[%s] for pair k = 0..%d, element e = 0, 1 (r = %d)%s",
                 idx_text(lb, rb), idx_text(la, ra), r / 2 - 1, r, tail);
    else
        snprintf(formula, flen, "B[c] = A[perm[c]] with the perm below");
    /* W_B rows from W_A rows, per head: W_B[c] = W_A[perm[c]] */
    char view[160] = "";
    if (named && ra == rb && la == RC_LAYOUT_INTERLEAVED && lb == RC_LAYOUT_HALF_SPLIT)
        snprintf(view, sizeof view, "reshape(n_heads, %d, 2, in).transpose(1, 2)", r / 2);
    else if (named && ra == rb && la == RC_LAYOUT_HALF_SPLIT && lb == RC_LAYOUT_INTERLEAVED)
        snprintf(view, sizeof view, "reshape(n_heads, 2, %d, in).transpose(1, 2)", r / 2);
    else if (named && ra != rb && la == lb && la == RC_LAYOUT_HALF_SPLIT)
        snprintf(view, sizeof view, "reshape(n_heads, 2, %d, in).flip(1)", r / 2);
    else if (named && ra != rb && la == lb && la == RC_LAYOUT_INTERLEAVED)
        snprintf(view, sizeof view, "reshape(n_heads, %d, 2, in).flip(2)", r / 2);
    if (view[0] && r == d) {
        snprintf(weights, wlen, "W_B = W_A.%s.reshape(n_heads * %d, in)", view, d);
    } else if (view[0]) {
        snprintf(weights, wlen,
                 "w = W_A.view(n_heads, %d, in); W_B = torch.cat([w[:, :%d].%s.reshape(n_heads, "
                 "%d, in), w[:, %d:]], 1).reshape(n_heads * %d, in)",
                 d, r, view, r, r, d);
    } else {
        size_t used = (size_t)snprintf(weights, wlen, "perm = [");
        for (int c = 0; c < d && used + 16 < wlen; c++)
            used += (size_t)snprintf(weights + used, wlen - used, "%s%d", c ? ", " : "", res->perm[c]);
        if (used + 96 < wlen)
            snprintf(weights + used, wlen - used,
                     "]; W_B = W_A.view(n_heads, %d, in)[:, perm].reshape(n_heads * %d, in)", d, d);
    }
}
