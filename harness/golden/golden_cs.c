/* cos/sin of p*w'_k per (position, pair), at RC_GOLDEN_CACHE_PREC bits
 * with a proven error bound, shared by every head, token, dtype and call
 * at the same position.  Dense position runs, the common case, cost one
 * complex multiplication per pair (rotate the entry of p-1 by e^{i w'_k})
 * instead of an MPFR sin_cos; the error bound grows linearly and a direct
 * evaluation reseeds the run before the bound gets near the output needs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "golden_internal.h"

#define CP RC_GOLDEN_CACHE_PREC
#define TP RC_GOLDEN_TABLE_PREC
/* Stepping stops (and p is evaluated directly) past this error bound. */
#define STEP_LIMIT_EXP (-(CP - 24))
/* Memory the entries may use before the cache is flushed.  With the fast
 * path in front, only fallbacks (a fraction of a percent of outputs) and
 * engines with the fast path off fill it. */
#define CACHE_BYTES (4u << 20)

struct rc_cs_cache {
    int npairs;
    const mpfr_t *w;          /* the engine's table, |w - w'| <= 2^wre |w'| */
    mpfr_exp_t wre;
    mpfr_t *step_c, *step_s;  /* e^{i w_k} */
    double step_err;          /* modulus error bound of every step rotation */
    rc_cs_entry **slots;      /* open addressing, linear probing */
    size_t cap, count, max_count, entry_bytes;
    mpfr_t a, pz, pa, pb;
    long n_direct, n_stepped, n_hits;
};

static size_t limb_bytes(void) { return mpfr_custom_get_size(CP); }

static uint64_t mix(int64_t p)
{
    uint64_t z = (uint64_t)p + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Upper bound of the componentwise (and modulus) error of sin_cos(a) when
 * a carries an absolute error 2^ae (ae may be very negative). */
static double sincos_err(mpfr_exp_t ae)
{
    return M_SQRT2 * (ldexp(1.0, (int)(ae < -1070 ? -1070 : ae)) + ldexp(1.0, -(CP + 1)));
}

rc_cs_cache *rc_cs_cache_new(int npairs, const mpfr_t *w, mpfr_exp_t w_rel_err)
{
    rc_cs_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->npairs = npairs;
    c->w = w;
    c->wre = w_rel_err;
    c->entry_bytes = sizeof(rc_cs_entry) + 2 * (size_t)npairs * (sizeof(__mpfr_struct) + limb_bytes());
    c->max_count = CACHE_BYTES / c->entry_bytes;
    if (c->max_count < 64)
        c->max_count = 64;
    c->cap = 128;
    while (c->cap < 2 * c->max_count)
        c->cap *= 2;
    c->slots = calloc(c->cap, sizeof *c->slots);
    c->step_c = malloc((size_t)npairs * sizeof(mpfr_t));
    c->step_s = malloc((size_t)npairs * sizeof(mpfr_t));
    if (!c->slots || !c->step_c || !c->step_s) {
        free(c->slots);
        free(c->step_c);
        free(c->step_s);
        free(c);
        return NULL;
    }
    mpfr_init2(c->a, TP);
    mpfr_init2(c->pz, 64);
    mpfr_inits2(2 * CP, c->pa, c->pb, (mpfr_ptr)0);
    for (int k = 0; k < npairs; k++) {
        mpfr_inits2(CP, c->step_c[k], c->step_s[k], (mpfr_ptr)0);
        mpfr_sin_cos(c->step_s[k], c->step_c[k], w[k], MPFR_RNDN);
        if (mpfr_zero_p(w[k]))
            continue; /* a zero frequency (proportional): cos 1, sin 0 exactly */
        /* |w| 2^wre < 2^(EXP(w) + wre) */
        double e = sincos_err(mpfr_get_exp(w[k]) + w_rel_err);
        if (e > c->step_err)
            c->step_err = e;
    }
    return c;
}

static void flush(rc_cs_cache *c)
{
    for (size_t i = 0; i < c->cap; i++) {
        free(c->slots[i]);
        c->slots[i] = NULL;
    }
    c->count = 0;
}

void rc_cs_cache_free(rc_cs_cache *c)
{
    if (!c)
        return;
    flush(c);
    for (int k = 0; k < c->npairs; k++)
        mpfr_clears(c->step_c[k], c->step_s[k], (mpfr_ptr)0);
    mpfr_clears(c->a, c->pz, c->pa, c->pb, (mpfr_ptr)0);
    free(c->step_c);
    free(c->step_s);
    free(c->slots);
    free(c);
}

static rc_cs_entry *find(const rc_cs_cache *c, int64_t p)
{
    for (size_t i = mix(p) & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        rc_cs_entry *e = c->slots[i];
        if (!e || e->pos == p)
            return e;
    }
}

static void insert(rc_cs_cache *c, rc_cs_entry *e)
{
    size_t i = mix(e->pos) & (c->cap - 1);
    while (c->slots[i])
        i = (i + 1) & (c->cap - 1);
    c->slots[i] = e;
    c->count++;
}

/* One block: header, 2*npairs mpfr structs, their limbs.  The structs
 * point into the block (MPFR's custom interface), so an entry is one
 * allocation and is never mpfr_clear()ed. */
static rc_cs_entry *alloc_entry(const rc_cs_cache *c, int64_t p)
{
    rc_cs_entry *e = malloc(c->entry_bytes);
    if (!e)
        abort(); /* the engine cannot report a result without it */
    const int n = 2 * c->npairs;
    __mpfr_struct *v = (__mpfr_struct *)(e + 1);
    char *limbs = (char *)(v + n);
    for (int i = 0; i < n; i++) {
        void *sig = limbs + (size_t)i * limb_bytes();
        mpfr_custom_init(sig, CP);
        mpfr_custom_init_set(&v[i], MPFR_ZERO_KIND, 0, CP, sig);
    }
    e->pos = p;
    e->err = 0.0;
    e->c = &v[0];
    e->s = &v[c->npairs];
    return e;
}

static void fill_direct(rc_cs_cache *c, rc_cs_entry *e)
{
    c->n_direct++;
    if (e->pos == 0) { /* exactly cos 0 = 1, sin 0 = +0 */
        for (int k = 0; k < c->npairs; k++) {
            mpfr_set_ui(e->c + k, 1, MPFR_RNDN);
            mpfr_set_zero(e->s + k, 1);
        }
        e->err = 0.0;
        return;
    }
    mpfr_set_sj(c->pz, e->pos, MPFR_RNDN); /* exact in 64 bits */
    double err = 0.0;
    for (int k = 0; k < c->npairs; k++) {
        mpfr_mul(c->a, c->w[k], c->pz, MPFR_RNDN);
        if (mpfr_zero_p(c->a)) { /* a zero frequency (proportional): exact */
            mpfr_set_ui(e->c + k, 1, MPFR_RNDN);
            mpfr_set_zero(e->s + k, 1);
            continue;
        }
        /* |a - p w'| <= |p w| 2^wre + half ulp(a) < 2^(EXP(a) + wre + 1) */
        mpfr_exp_t ea = mpfr_get_exp(c->a);
        mpfr_exp_t ae = (ea + c->wre + 1 > ea - TP) ? ea + c->wre + 2 : ea - TP + 1;
        mpfr_sin_cos(e->s + k, e->c + k, c->a, MPFR_RNDN);
        double ek = sincos_err(ae);
        if (ek > err)
            err = ek;
    }
    e->err = err;
}

/* (c', s') = (c, s) * e^{i w}: modulus error
 * err' <= err (1 + d) + d + sqrt2 * 2^-CP (one rounding per component,
 * each component below 2 in magnitude). */
static int fill_step(rc_cs_cache *c, rc_cs_entry *e, const rc_cs_entry *prev)
{
    const double d = c->step_err;
    double err = (prev->err * (1.0 + d) + d + M_SQRT2 * ldexp(1.0, -CP)) * (1.0 + 0x1p-40);
    if (err > ldexp(1.0, STEP_LIMIT_EXP))
        return 0;
    /* exact 2*CP-bit products, one rounding per component (what
     * mpfr_fmms/fmma do, without their per-call allocations) */
    for (int k = 0; k < c->npairs; k++) {
        mpfr_mul(c->pa, prev->c + k, c->step_c[k], MPFR_RNDN);
        mpfr_mul(c->pb, prev->s + k, c->step_s[k], MPFR_RNDN);
        mpfr_sub(e->c + k, c->pa, c->pb, MPFR_RNDN);
        mpfr_mul(c->pa, prev->s + k, c->step_c[k], MPFR_RNDN);
        mpfr_mul(c->pb, prev->c + k, c->step_s[k], MPFR_RNDN);
        mpfr_add(e->s + k, c->pa, c->pb, MPFR_RNDN);
    }
    e->err = err;
    c->n_stepped++;
    return 1;
}

const rc_cs_entry *rc_cs_cache_get(rc_cs_cache *c, int64_t p)
{
    rc_cs_entry *e = find(c, p);
    if (e) {
        c->n_hits++;
        return e;
    }
    if (c->count >= c->max_count)
        flush(c);
    const rc_cs_entry *prev = (p != INT64_MIN) ? find(c, p - 1) : NULL;
    e = alloc_entry(c, p);
    if (!prev || p == 0 || !fill_step(c, e, prev))
        fill_direct(c, e);
    insert(c, e);
    return e;
}

void rc_cs_cache_stats(const rc_cs_cache *c, long *direct, long *stepped, long *hits)
{
    if (direct)
        *direct = c->n_direct;
    if (stepped)
        *stepped = c->n_stepped;
    if (hits)
        *hits = c->n_hits;
}
