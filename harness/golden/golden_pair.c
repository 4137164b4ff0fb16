/* The Ziv loop for one channel pair: approximate both outputs with a
 * proven error bound, round when the bound decides the rounding, else
 * recompute everything wider.  Exact and non-finite cases never enter the
 * loop: they follow IEEE 754 evaluation of the formula with exact cos/sin,
 * where only the signs (and zero-ness) of cos and sin matter. */
#include <math.h>
#include <stdlib.h>

#include "golden_internal.h"

#define CP RC_GOLDEN_CACHE_PREC

typedef struct cs_view {
    mpfr_srcptr c, s;
    mpfr_exp_t eps; /* |c - cos|, |s - sin| <= 2^eps, or RC_ERR_EXACT */
} cs_view;

static mpfr_prec_t level_prec(int level) { return (mpfr_prec_t)CP << level; }

static mpfr_exp_t exp_bound(double err) /* smallest e with err < 2^e */
{
    int e;
    (void)frexp(err, &e);
    return e;
}

static mpfr_exp_t emax2(mpfr_exp_t a, mpfr_exp_t b) { return a > b ? a : b; }

/* p = 0, or a zero frequency (proportional's pass-through pairs; w'_k is
 * then exactly 0): the angle is exactly 0, cos 1 and sin 0.  Approximated
 * instead, a zero sin output could never be rounded (its sign is
 * undecidable) and would climb to the widest level. */
static int zero_angle(const rc_golden *g, int64_t p, int k)
{
    return p == 0 || mpfr_zero_p(g->w[k]);
}

/* cos/sin at a level.  Level 0 reads the cache; level j >= 1 evaluates
 * w'_k, the angle and sin_cos at CP << j bits directly. */
static void level_cs(rc_golden *g, int64_t p, int k, int level, const rc_cs_entry *e, cs_view *v)
{
    if (level == 0) {
        v->c = e->c + k;
        v->s = e->s + k;
        v->eps = (e->err == 0.0) ? RC_ERR_EXACT : exp_bound(e->err);
        return;
    }
    const mpfr_prec_t P = level_prec(level);
    mpfr_set_prec(g->lc, P);
    mpfr_set_prec(g->ls, P);
    v->c = g->lc;
    v->s = g->ls;
    if (zero_angle(g, p, k)) {
        mpfr_set_ui(g->lc, 1, MPFR_RNDN);
        mpfr_set_zero(g->ls, 1);
        v->eps = RC_ERR_EXACT;
        return;
    }
    /* the angle's magnitude, roughly, decides how many bits of w' the
     * product p*w' needs for an absolute error near 2^-P */
    double pw = fabs((double)p) * g->w_d[k];
    int ea = (pw > 0.0) ? ilogb(pw) + 2 : 0;
    if (ea < 0)
        ea = 0;
    const mpfr_prec_t tw = P + 16 + ea;
    rc_freq_checked(&g->p, k, tw, g->lw);
    mpfr_set_prec(g->la, tw + 8);
    mpfr_set_sj(g->pz, p, MPFR_RNDN);
    mpfr_mul(g->la, g->lw, g->pz, MPFR_RNDN);
    /* |la - p w'| <= |p w'| 2^-tw + half ulp < 2^(EXP(la) - tw + 2) */
    mpfr_exp_t ae = mpfr_get_exp(g->la) - tw + 2;
    mpfr_sin_cos(g->ls, g->lc, g->la, MPFR_RNDN);
    v->eps = emax2(ae, -(P + 1)) + 1;
}

static mpfr_srcptr level_m(rc_golden *g, int level, mpfr_exp_t *rel)
{
    if (g->m_exact) {
        *rel = RC_ERR_EXACT;
        return g->m;
    }
    if (level == 0) {
        *rel = RC_GOLDEN_TABLE_ERR;
        return g->m;
    }
    const mpfr_prec_t target = level_prec(level) + 16;
    if (!g->lvl_m_ready[level]) {
        int exact;
        rc_magnitude_checked(&g->p, target, g->lvl_m[level], &exact);
        g->lvl_m_ready[level] = 1;
    }
    *rel = -target;
    return g->lvl_m[level];
}

/* One output at one level; 1 when its rounding to t is decided. */
static int one_output(rc_golden *g, int level, int which, int sign, const cs_view *v,
                      rc_dtype t, uint64_t *bits)
{
    const mpfr_prec_t P = level_prec(level);
    mpfr_ptr T = g->t[level], Y = g->y[level];
    /* which 0: x0 c - sign x1 s;  which 1: x1 c + sign x0 s.  The products
     * are exact (53 + P bits), so only the sum rounds, as in mpfr_fmms,
     * without its temporary allocations. */
    mpfr_ptr A = g->pa[level], B = g->pb[level];
    mpfr_mul(A, which ? g->x1 : g->x0, v->c, MPFR_RNDN);
    mpfr_mul(B, which ? g->x0 : g->x1, v->s, MPFR_RNDN);
    int inex = ((which == 0) == (sign > 0)) ? mpfr_sub(T, A, B, MPFR_RNDN)
                                             : mpfr_add(T, A, B, MPFR_RNDN);

    /* |T - exact| <= 2^et:  (|x0| + |x1|) 2^eps  +  half ulp(T) */
    mpfr_exp_t et;
    if (v->eps == RC_ERR_EXACT) {
        et = inex ? mpfr_get_exp(T) - P : RC_ERR_EXACT;
    } else {
        mpfr_exp_t a = g->xexp + 1 + v->eps;
        mpfr_exp_t b = (inex && mpfr_regular_p(T)) ? mpfr_get_exp(T) - P : a;
        et = emax2(a, b) + 1;
    }

    mpfr_exp_t ey;
    if (g->m_one) {
        Y = T;
        ey = et;
    } else {
        mpfr_exp_t mrel;
        mpfr_srcptr m = level_m(g, level, &mrel);
        int inex2 = mpfr_mul(Y, m, T, MPFR_RNDN);
        /* |m T - M X| <= |m| |T - X| + |X| |m - M| + half ulp(Y) */
        const mpfr_exp_t em = mpfr_get_exp(m);
        mpfr_exp_t terms = RC_ERR_EXACT;
        if (et != RC_ERR_EXACT)
            terms = em + et;
        if (mrel != RC_ERR_EXACT) {
            mpfr_exp_t tx = mpfr_regular_p(T) ? mpfr_get_exp(T) : et;
            if (et != RC_ERR_EXACT)
                tx = emax2(tx, et) + 1;
            terms = emax2(terms, em + mrel + tx);
        }
        if (inex2 && mpfr_regular_p(Y))
            terms = emax2(terms, mpfr_get_exp(Y) - P);
        ey = (terms == RC_ERR_EXACT) ? RC_ERR_EXACT : terms + 2;
    }
    g->last = Y;
    return rc_round_decided(Y, ey, t, bits, g->scratch, g->tmp1[level], g->tmp2[level]);
}

/* Signs of cos and sin of p*w'_k (p != 0: both are non-zero reals). */
static void cs_signs(rc_golden *g, int64_t p, int k, const rc_cs_entry *e, double *c, double *s)
{
    for (int level = e ? 0 : 1; level <= RC_GOLDEN_MAX_LEVEL; level++) {
        cs_view v;
        level_cs(g, p, k, level, e, &v);
        double cd = mpfr_get_d(v.c, MPFR_RNDN), sd = mpfr_get_d(v.s, MPFR_RNDN);
        double tol = (v.eps == RC_ERR_EXACT) ? 0.0 : ldexp(1.0, (int)v.eps + 1);
        if (fabs(cd) > tol && fabs(sd) > tol) {
            *c = copysign(1.0, cd);
            *s = copysign(1.0, sd);
            return;
        }
    }
    g->unproven++;
    *c = 1.0;
    *s = 1.0;
}

static uint64_t class_bits(double y, rc_dtype t)
{
    if (isnan(y))
        return rc_special_bits(t, 0, 2);
    return rc_special_bits(t, signbit(y) ? 1 : 0, isinf(y) ? 1 : 0);
}

void rc_golden_pair_ieee(int64_t p, double c, double s, double x0, double x1, rc_dtype t,
                         uint64_t *b0, uint64_t *b1, int *done0, int *done1)
{
    const int special = !isfinite(x0) || !isfinite(x1) || (x0 == 0.0 && x1 == 0.0);
    double y0 = x0 * c - x1 * s, y1 = x0 * s + x1 * c;
    *done0 = *done1 = 0;
    if (special) {
        *b0 = class_bits(y0, t);
        *b1 = class_bits(y1, t);
        *done0 = *done1 = 1;
        return;
    }
    /* a zero angle, finite: y is x0 or x1 times m, or an exact signed zero */
    (void)p;
    if (y0 == 0.0) {
        *b0 = class_bits(y0, t);
        *done0 = 1;
    }
    if (y1 == 0.0) {
        *b1 = class_bits(y1, t);
        *done1 = 1;
    }
}

void rc_golden_pair(rc_golden *g, int64_t p, const rc_cs_entry *e, int k, int sign,
                    double x0, double x1, rc_dtype t, uint64_t *b0, uint64_t *b1)
{
    const int special = !isfinite(x0) || !isfinite(x1) || (x0 == 0.0 && x1 == 0.0);
    int done0 = 0, done1 = 0;
    const int zero = zero_angle(g, p, k);
    if (special || zero) {
        /* IEEE evaluation with exact cos/sin.  For a zero angle they are 1
         * and sign*0; otherwise only their signs can matter here, because
         * every term is zero or non-finite.  m > 0 keeps the class. */
        double c, s;
        if (zero) {
            c = 1.0;
            s = (sign > 0) ? 0.0 : -0.0;
        } else {
            cs_signs(g, p, k, g->min_level > 0 ? NULL : e, &c, &s);
            s *= sign;
        }
        rc_golden_pair_ieee(p, c, s, x0, x1, t, b0, b1, &done0, &done1);
        if (done0 && done1)
            return;
    }
    mpfr_set_d(g->x0, x0, MPFR_RNDN);
    mpfr_set_d(g->x1, x1, MPFR_RNDN);
    g->xexp = emax2(x0 != 0.0 ? mpfr_get_exp(g->x0) : MPFR_EMIN_MIN,
                    x1 != 0.0 ? mpfr_get_exp(g->x1) : MPFR_EMIN_MIN);
    /* without a cache entry, start at level 1 (its own sin_cos) */
    const int start = (!e && g->min_level == 0) ? 1 : g->min_level;
    for (int level = start; level <= RC_GOLDEN_MAX_LEVEL; level++) {
        cs_view v;
        level_cs(g, p, k, level, e, &v);
        /* Not proven at the widest level (no such case is known): round
         * the widest approximation, before the next output reuses it, and
         * count it. */
        if (!done0 && !(done0 = one_output(g, level, 0, sign, &v, t, b0)) &&
            level == RC_GOLDEN_MAX_LEVEL) {
            g->unproven++;
            *b0 = rc_round_bits(g->last, t, g->scratch);
        }
        if (!done1 && !(done1 = one_output(g, level, 1, sign, &v, t, b1)) &&
            level == RC_GOLDEN_MAX_LEVEL) {
            g->unproven++;
            *b1 = rc_round_bits(g->last, t, g->scratch);
        }
        if (done0 && done1)
            return;
    }
}

rc_cs_cache *rc_golden_mpfr_cache(rc_golden *g)
{
    if (!g->cache) {
        g->cache = rc_cs_cache_new(g->npairs, (const mpfr_t *)g->w, RC_GOLDEN_TABLE_ERR);
        if (!g->cache)
            abort(); /* the engine cannot report a result without it */
    }
    return g->cache;
}
