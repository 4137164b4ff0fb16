/* The golden engine's public face (harness/golden/include/golden.h): building an engine
 * for one configuration, and walking tensors pair by pair through the
 * Ziv kernel in golden_pair.c. */
#include <fenv.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtype.h"
#include "golden_internal.h"
#include "rope_type.h"
#include "rope_mrope.h"

#define CP RC_GOLDEN_CACHE_PREC

static int gfail(rc_golden *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, sizeof g->err, fmt, ap);
    va_end(ap);
    return -1;
}

static double *copy_factors(const double *f, int n)
{
    double *c = malloc((size_t)n * sizeof *c);
    if (c)
        memcpy(c, f, (size_t)n * sizeof *c);
    return c;
}

/* The fast path's per-config data; a config it does not cover keeps
 * ff == NULL and uses MPFR throughout.  -1 only when out of memory. */
static int fast_init(rc_golden *g)
{
    if (g->m_d < 0x1p-100 || g->m_d > 0x1p100)
        return 0;
    g->ff = malloc((size_t)g->npairs * sizeof *g->ff);
    if (!g->ff)
        return -1;
    for (int k = 0; k < g->npairs; k++)
        if (rc_fast_freq_init(g->w[k], &g->ff[k]) != 0) {
            free(g->ff);
            g->ff = NULL;
            return 0;
        }
    g->fcache = rc_fcs_cache_new(g->npairs, g->ff);
    return g->fcache ? 0 : -1;
}

static void free_plain(rc_golden *g)
{
    void *plain[] = { g->short_f, g->long_f, g->w, g->w_d, g->row_x0,
                      g->row_x1, g->row_b0, g->row_b1, g->row_und, g->axis };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        free(plain[i]);
}

static rc_golden *golden_new(const rc_rope_params *p, char *err, size_t errlen)
{
    if (rc_params_validate(p, err, errlen) != 0)
        return NULL;
    rc_golden *g = calloc(1, sizeof *g);
    if (!g)
        goto oom;
    g->p = *p;
    g->npairs = p->rotary_dim / 2;
    g->p.short_factor = g->p.long_factor = NULL;
    if (rc_rope_type_info_of(p->type)->factor_arrays) {
        g->short_f = copy_factors(p->short_factor, g->npairs);
        g->long_f = copy_factors(p->long_factor, g->npairs);
        if (!g->short_f || !g->long_f)
            goto oom;
        g->p.short_factor = g->short_f;
        g->p.long_factor = g->long_f;
    }
    const size_t np = (size_t)g->npairs;
    g->w = malloc(np * sizeof *g->w);
    g->w_d = malloc(np * sizeof *g->w_d);
    g->row_x0 = malloc(np * sizeof(double));
    g->row_x1 = malloc(np * sizeof(double));
    g->row_b0 = malloc(np * sizeof(uint64_t));
    g->row_b1 = malloc(np * sizeof(uint64_t));
    g->row_und = malloc(np);
    g->axis = malloc(np + 1);
    if (!g->w || !g->w_d || !g->row_x0 || !g->row_x1 || !g->row_b0 || !g->row_b1 || !g->row_und ||
        !g->axis)
        goto oom;
    g->axes = rc_mrope_axes(p);
    for (int k = 0; k < g->npairs; k++)
        g->axis[k] = (unsigned char)rc_mrope_axis(p, k);
    for (int k = 0; k < g->npairs; k++) {
        mpfr_init2(g->w[k], RC_GOLDEN_TABLE_PREC);
        rc_freq_checked(&g->p, k, -RC_GOLDEN_TABLE_ERR, g->w[k]);
        g->w_d[k] = mpfr_get_d(g->w[k], MPFR_RNDN);
    }
    mpfr_init2(g->m, RC_GOLDEN_TABLE_PREC);
    rc_magnitude_checked(&g->p, -RC_GOLDEN_TABLE_ERR, g->m, &g->m_exact);
    g->m_one = g->m_exact && mpfr_cmp_ui(g->m, 1) == 0;
    g->m_d = mpfr_get_d(g->m, MPFR_RNDN);

    mpfr_inits2(53, g->x0, g->x1, (mpfr_ptr)0);
    mpfr_inits2(64, g->scratch, g->pz, (mpfr_ptr)0);
    mpfr_inits2(CP, g->lc, g->ls, g->lw, g->la, (mpfr_ptr)0);
    for (int l = 0; l < RC_GOLDEN_LEVELS; l++) {
        mpfr_prec_t P = (mpfr_prec_t)CP << l;
        mpfr_inits2(P, g->t[l], g->y[l], g->tmp1[l], g->tmp2[l], g->lvl_m[l], (mpfr_ptr)0);
        mpfr_inits2(P + 53, g->pa[l], g->pb[l], (mpfr_ptr)0);
    }
    if (g->m_exact) {
        g->m_dd = rc_dd_make(g->m_d, 0.0);
    } else { /* hi = RN(m), lo = RN(m - hi): |m_dd - m| <= 2^-105 m */
        mpfr_sub_d(g->scratch, g->m, g->m_d, MPFR_RNDN);
        g->m_dd = rc_dd_make(g->m_d, mpfr_get_d(g->scratch, MPFR_RNDN));
    }
    if (fast_init(g) != 0) {
        rc_golden_free(g);
        g = NULL;
        goto oom;
    }
    return g;
oom:
    if (g) { /* partial: only plain allocations so far */
        free_plain(g);
        free(g);
    }
    if (err && errlen)
        snprintf(err, errlen, "out of memory building the golden engine");
    return NULL;
}

rc_golden *rc_golden_new(const rc_rope_params *p, char *err, size_t errlen)
{
    if (!rc_golden_stats_on())
        return golden_new(p, err, errlen);
    const double t0 = rc_golden_stats_clock();
    rc_golden *g = golden_new(p, err, errlen);
    rc_golden_stats_time(rc_golden_stats_clock() - t0);
    return g;
}

void rc_golden_free(rc_golden *g)
{
    if (!g)
        return;
    rc_golden_stats_engine(g);
    rc_cs_cache_free(g->cache);
    rc_fcs_cache_free(g->fcache);
    free(g->ff);
    for (int k = 0; k < g->npairs; k++)
        mpfr_clear(g->w[k]);
    mpfr_clears(g->m, g->x0, g->x1, g->scratch, g->pz, g->lc, g->ls, g->lw, g->la, (mpfr_ptr)0);
    for (int l = 0; l < RC_GOLDEN_LEVELS; l++)
        mpfr_clears(g->t[l], g->y[l], g->tmp1[l], g->tmp2[l], g->lvl_m[l], g->pa[l], g->pb[l],
                    (mpfr_ptr)0);
    free_plain(g);
    free(g);
}

const rc_rope_params *rc_golden_params(const rc_golden *g) { return &g->p; }

double rc_golden_inv_freq(const rc_golden *g, int k)
{
    return (k >= 0 && k < g->npairs) ? g->w_d[k] : NAN;
}

double rc_golden_magnitude(const rc_golden *g) { return g->m_d; }

void rc_golden_set_min_level(rc_golden *g, int level)
{
    g->min_level = level < 0 ? 0 : level > RC_GOLDEN_MAX_LEVEL ? RC_GOLDEN_MAX_LEVEL : level;
}

void rc_golden_set_fast(rc_golden *g, int on) { g->fast_off = !on; }

void rc_golden_fast_stats(const rc_golden *g, long *fast, long *fallback)
{
    if (fast)
        *fast = g->st.dbl_ok + g->st.lite_ok + g->st.dd_ok;
    if (fallback)
        *fallback = g->st.mpfr;
}

void rc_golden_stage_stats_get(const rc_golden *g, rc_golden_stage_stats *out) { *out = g->st; }

long rc_golden_unproven(const rc_golden *g) { return g->unproven; }
const char *rc_golden_last_error(const rc_golden *g) { return g->err; }

/* The fast path's proofs assume round-to-nearest and gradual underflow;
 * the run restores both after every candidate call, this checks. */
static int fast_ready(const rc_golden *g)
{
    if (!g->ff || g->fast_off || g->min_level > 0 || fegetround() != FE_TONEAREST)
        return 0;
    volatile double tiny = 0x1p-1060;
    return tiny * 0.5 != 0.0 && tiny != 0.0;
}

static int check_tensor(rc_golden *g, const rc_tensor *x, const char *name)
{
    if (!x)
        return gfail(g, "%s is NULL", name);
    if ((unsigned)x->dtype >= RC_DTYPE_COUNT)
        return gfail(g, "%s dtype %d is unknown", name, (int)x->dtype);
    if (x->head_dim != g->p.head_dim)
        return gfail(g, "%s head_dim %lld differs from params head_dim %d", name,
                     (long long)x->head_dim, (int)g->p.head_dim);
    if (x->n_tokens < 0 || x->n_heads < 0)
        return gfail(g, "%s has a negative shape", name);
    if (x->n_tokens > 0 && x->n_heads > 0 && !x->data)
        return gfail(g, "%s data is NULL", name);
    return 0;
}

/* Channels past rotary_dim: the input's bits when the dtypes match (NaN
 * payloads included), else the input value rounded once to out's dtype. */
static void copy_passthrough(const rc_tensor *in, size_t bi, rc_tensor *out, size_t bo, int r,
                             int hd)
{
    if (in->dtype == out->dtype) {
        const size_t es = rc_dtype_size(in->dtype);
        if (hd > r)
            memmove((char *)out->data + (bo + (size_t)r) * es,
                   (const char *)in->data + (bi + (size_t)r) * es, (size_t)(hd - r) * es);
        return;
    }
    for (int ch = r; ch < hd; ch++)
        rc_store(out->data, out->dtype, bo + (size_t)ch, rc_load(in->data, in->dtype, bi + (size_t)ch));
}

/* M-RoPE: store only the pairs that follow axis a (the row was computed
 * at that axis's position; in place, the other pairs' inputs may already
 * be outputs, and their results are not kept). */
static void store_axis(const rc_golden *g, int a, void *data, rc_dtype t, size_t base,
                       const rc_row_layout *l)
{
    for (int k = 0; k < l->n; k++)
        if (g->axis[k] == a) {
            const size_t i0 = base + (size_t)k * l->step;
            rc_store_bits(data, t, i0, g->row_b0[k]);
            rc_store_bits(data, t, i0 + l->off, g->row_b1[k]);
        }
}

static int apply_body(rc_golden *g, const int64_t *positions, const rc_tensor *in,
                      rc_tensor *out, int sign)
{
    if (check_tensor(g, in, "in") || check_tensor(g, out, "out"))
        return -1;
    if (in->n_tokens != out->n_tokens || in->n_heads != out->n_heads)
        return gfail(g, "in and out shapes differ");
    if (sign != 1 && sign != -1)
        return gfail(g, "sign %d must be +1 or -1", sign);
    if (in->n_tokens > 0 && !positions)
        return gfail(g, "positions is NULL");
    if (in->data == out->data && in->dtype != out->dtype)
        return gfail(g, "in-place apply needs one dtype (in %s, out %s)",
                     rc_dtype_name(in->dtype), rc_dtype_name(out->dtype));
    const int np = g->npairs, r = g->p.rotary_dim;
    const int split = g->p.pairing == RC_HALF_SPLIT;
    const rc_row_layout lay = { np, split ? 1 : 2, split ? (size_t)np : 1 };
    const int fast = fast_ready(g), want_dd = out->dtype == RC_F64;
    rc_golden_rowq q = { 0, sign, NULL, 0, g->row_x0, g->row_x1, out->dtype };
    const int64_t n = in->n_tokens;
    for (int64_t tok = 0; tok < n; tok++) {
        for (int a = 0; a < g->axes; a++) { /* M-RoPE: each axis's pairs at its position */
            q.p = positions[a * n + tok];
            q.cs = (fast && q.p != 0) ? rc_fcs_cache_get(g->fcache, q.p, want_dd, &q.cs_dd) : NULL;
            for (int64_t h = 0; h < in->n_heads; h++) {
                const size_t bi = rc_tensor_index(in, tok, h, 0), bo = rc_tensor_index(out, tok, h, 0);
                rc_golden_row_load(in->data, in->dtype, bi, &lay, g->row_x0, g->row_x1);
                rc_golden_row(g, &q, g->row_b0, g->row_b1);
                if (g->axes == 1)
                    rc_golden_row_store(out->data, out->dtype, bo, &lay, g->row_b0, g->row_b1);
                else
                    store_axis(g, a, out->data, out->dtype, bo, &lay);
            }
        }
        for (int64_t h = 0; h < in->n_heads; h++)
            copy_passthrough(in, rc_tensor_index(in, tok, h, 0), out, rc_tensor_index(out, tok, h, 0),
                             r, g->p.head_dim);
    }
    return 0;
}

static int cos_sin_body(rc_golden *g, const int64_t *positions, int64_t n, rc_dtype dtype,
                        void *cos_out, void *sin_out)
{
    if ((unsigned)dtype >= RC_DTYPE_COUNT)
        return gfail(g, "dtype %d is unknown", (int)dtype);
    if (n > 0 && (!positions || !cos_out || !sin_out))
        return gfail(g, "cos_sin needs positions and both outputs");
    const int np = g->npairs;
    const int fast = fast_ready(g);
    rc_golden_rowq q = { 0, 1, NULL, 0, g->row_x0, g->row_x1, dtype };
    for (int k = 0; k < np; k++) { /* (x0, x1) = (1, +0): y0 = m cos, y1 = m sin */
        g->row_x0[k] = 1.0;
        g->row_x1[k] = 0.0;
    }
    for (int64_t i = 0; i < n; i++)
        for (int a = 0; a < g->axes; a++) { /* M-RoPE: each axis's pairs at its position */
            q.p = positions[a * n + i];
            q.cs = (fast && q.p != 0) ? rc_fcs_cache_get(g->fcache, q.p, dtype == RC_F64, &q.cs_dd)
                                      : NULL;
            rc_golden_row(g, &q, g->row_b0, g->row_b1);
            for (int k = 0; k < np; k++)
                if (g->axis[k] == a) {
                    rc_store_bits(cos_out, dtype, (size_t)(i * np + k), g->row_b0[k]);
                    rc_store_bits(sin_out, dtype, (size_t)(i * np + k), g->row_b1[k]);
                }
        }
    return 0;
}

int rc_golden_apply(rc_golden *g, const int64_t *positions, const rc_tensor *in,
                    rc_tensor *out, int sign)
{
    if (!rc_golden_stats_on())
        return apply_body(g, positions, in, out, sign);
    const double t0 = rc_golden_stats_clock();
    const int rc = apply_body(g, positions, in, out, sign);
    rc_golden_stats_time(rc_golden_stats_clock() - t0);
    return rc;
}

int rc_golden_cos_sin(rc_golden *g, const int64_t *positions, int64_t n, rc_dtype dtype,
                      void *cos_out, void *sin_out)
{
    if (!rc_golden_stats_on())
        return cos_sin_body(g, positions, n, dtype, cos_out, sin_out);
    const double t0 = rc_golden_stats_clock();
    const int rc = cos_sin_body(g, positions, n, dtype, cos_out, sin_out);
    rc_golden_stats_time(rc_golden_stats_clock() - t0);
    return rc;
}

/* The exact angle, reduced with 2 pi held as wide as the angle itself. */
static double reduced_angle(rc_golden *g, int64_t p, int k)
{
    if (p == 0)
        return 0.0;
    double pw = fabs((double)p) * g->w_d[k];
    int ea = (pw > 0.0) ? ilogb(pw) + 2 : 0;
    if (ea < 0)
        ea = 0;
    const mpfr_prec_t target = 53 + 64 + ea;
    mpfr_t a, w, twopi, pi, pz;
    mpfr_inits2(target + 8, a, twopi, pi, (mpfr_ptr)0);
    mpfr_init2(w, RC_GOLDEN_TABLE_PREC);
    mpfr_init2(pz, 64);
    if (target <= -RC_GOLDEN_TABLE_ERR)
        mpfr_set(w, g->w[k], MPFR_RNDN);
    else
        rc_freq_checked(&g->p, k, target, w);
    mpfr_set_sj(pz, p, MPFR_RNDN);
    mpfr_mul(a, w, pz, MPFR_RNDN);
    mpfr_const_pi(pi, MPFR_RNDN);
    mpfr_mul_2ui(twopi, pi, 1, MPFR_RNDN);
    mpfr_remainder(a, a, twopi, MPFR_RNDN); /* [-pi, pi] */
    mpfr_neg(pi, pi, MPFR_RNDN);
    if (mpfr_lessequal_p(a, pi))
        mpfr_add(a, a, twopi, MPFR_RNDN); /* (-pi, pi] */
    double d = mpfr_get_d(a, MPFR_RNDN);
    mpfr_clears(a, w, twopi, pi, pz, (mpfr_ptr)0);
    return d;
}

int rc_golden_angles(rc_golden *g, const int64_t *positions, int64_t n, double *angles)
{
    if (n > 0 && (!positions || !angles))
        return gfail(g, "angles needs positions and an output");
    for (int64_t i = 0; i < n; i++)
        for (int k = 0; k < g->npairs; k++)
            angles[i * g->npairs + k] = reduced_angle(g, positions[g->axis[k] * n + i], k);
    return 0;
}
