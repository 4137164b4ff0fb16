/* Internals of the golden engine shared by harness/golden/golden*.c and by the
 * unit tests that check the engine's pieces against independent facts.
 * Not part of the public harness interface (harness/golden/include/golden.h). */
#ifndef RC_GOLDEN_INTERNAL_H
#define RC_GOLDEN_INTERNAL_H

#include <math.h>
#include <stdint.h>
#include <mpfr.h>

#include "dd.h"
#include "golden.h"
#include "rope_formula.h"

/* Precision of the cached cos/sin (bits), and of the frequency table and
 * magnitude kept per engine.  The table must be much wider than the cache:
 * the angle p*w'_k loses log2|p| bits of absolute accuracy. */
#define RC_GOLDEN_CACHE_PREC 128
#define RC_GOLDEN_TABLE_PREC 256
/* Ziv levels: level 0 uses the cache; level j >= 1 recomputes everything
 * at RC_GOLDEN_CACHE_PREC << j bits. */
#define RC_GOLDEN_MAX_LEVEL 6

/* "No error": the value is exact. */
#define RC_ERR_EXACT ((mpfr_exp_t)MPFR_EMIN_MIN - 1)

/* --- golden_round.c: one rounding from MPFR to a dtype ------------------- */

/* Bit pattern of y rounded to nearest even in dtype t, with t's subnormals
 * and overflow to infinity; NaN gives the canonical quiet NaN.  scratch
 * is any initialised variable (its precision is changed). */
uint64_t rc_round_bits(mpfr_srcptr y, rc_dtype t, mpfr_ptr scratch);
/* 1 if every real within 2^err_exp of y rounds to the same element of t
 * (err_exp == RC_ERR_EXACT: y is exact), and then *bits is that element.
 * tmp1/tmp2 are scratch with precision >= mpfr_get_prec(y). */
int rc_round_decided(mpfr_srcptr y, mpfr_exp_t err_exp, rc_dtype t, uint64_t *bits,
                     mpfr_ptr scratch, mpfr_ptr tmp1, mpfr_ptr tmp2);
/* Store a bit pattern of dtype t as element i. */
void rc_store_bits(void *data, rc_dtype t, size_t i, uint64_t bits);
/* Canonical quiet NaN / infinity / zero of dtype t with a sign. */
uint64_t rc_special_bits(rc_dtype t, int sign, int kind); /* kind: 0 zero, 1 inf, 2 nan */

/* --- golden_cache.c: cos/sin per (position, pair) ------------------------ */

typedef struct rc_cs_entry {
    int64_t pos;
    double err;        /* bound on |(c,s) - exact| as a complex modulus */
    mpfr_ptr c, s;     /* npairs each, RC_GOLDEN_CACHE_PREC bits */
} rc_cs_entry;

typedef struct rc_cs_cache rc_cs_cache;

rc_cs_cache *rc_cs_cache_new(int npairs, const mpfr_t *w, mpfr_exp_t w_rel_err);
void rc_cs_cache_free(rc_cs_cache *c);
/* cos/sin of p*w'_k for every k, from the cache, from the entry of p-1 by
 * one rotation, or directly; never NULL. */
const rc_cs_entry *rc_cs_cache_get(rc_cs_cache *c, int64_t p);
/* Statistics for the benchmark and tests. */
void rc_cs_cache_stats(const rc_cs_cache *c, long *direct, long *stepped, long *hits);

/* --- golden_fast_cs.c: cos/sin in double-double (docs/golden.md) -------- */

/* |c - cos(p w'_k)|, |s - sin(p w'_k)| <= RC_FAST_CS_ERR for every int64 p. */
#define RC_FAST_CS_ERR 0x1p-100

/* frac(w'_k / 2 pi) as a 192-bit fixed-point fraction, truncated. */
typedef struct rc_fast_freq {
    uint64_t v[3]; /* most significant first */
} rc_fast_freq;

/* Table angles per quadrant: 2^TAB_BITS; cos/sin of 2 pi j / 2^(TAB_BITS+2). */
#define TAB_BITS 8
#define TAB_N (1 << TAB_BITS)
extern rc_dd rc_fast_tab_c[TAB_N], rc_fast_tab_s[TAB_N], rc_fast_two_pi;
/* cos, sin of 2 pi j / 2^(TAB_BITS+2) for the whole turn, in double, and
 * as double-doubles (cos hi, cos lo, sin hi, sin lo). */
extern double rc_dbl_tab[4 * TAB_N][2];
extern double rc_lite_tab[4 * TAB_N][4];

typedef struct rc_fast_fmt {
    int P, emin, emax, nb; /* precision, exponent range, storage bits */
} rc_fast_fmt;
extern const rc_fast_fmt rc_fast_fmts[RC_DTYPE_COUNT];

void rc_fast_tables_init(void);
/* From the engine's table entry; -1 when w is outside what the bound
 * covers (the engine then keeps to the MPFR path). */
int rc_fast_freq_init(mpfr_srcptr w, rc_fast_freq *f);
void rc_fast_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s);
/* The same within RC_LITE_CS_ERR, at a third of the cost: the rows of
 * f64 outputs. */
#define RC_LITE_CS_ERR 0x1p-74
void rc_lite_cs(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s);
/* y = a c + b s for c, s within cs_err, times *m unless m is NULL,
 * rounded to t when Ziv's test decides (1), else 0. */
int rc_fast_output(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, double cs_err,
                   rc_dtype t, uint64_t *bits);
/* The kernels' two builds (golden_fast_kernel.h): with a hardware fused
 * multiply-add where the CPU has one (default), or without (tests). */
int rc_fast_fma_available(void);
void rc_fast_set_fma(int on);
void rc_fast_cs_fma(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s);
void rc_lite_cs_fma(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s);
int rc_fast_output_fma(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, double cs_err,
                       rc_dtype t, uint64_t *bits);

/* --- golden_fcache.c: cos/sin rows per (position, pair) ----------------- */

typedef struct rc_fcs {
    rc_dd c, s;
} rc_fcs;

typedef struct rc_fcs_cache rc_fcs_cache;

rc_fcs_cache *rc_fcs_cache_new(int npairs, const rc_fast_freq *f);
void rc_fcs_cache_free(rc_fcs_cache *c);
/* The npairs entries of position p; never NULL.  want_dd: double-double
 * entries within RC_LITE_CS_ERR (a double row is upgraded in place);
 * otherwise at least the hi parts within RC_DBL_CS_ERR (a double row is
 * computed when p has none).  *is_dd: whether the lo parts are valid. */
const rc_fcs *rc_fcs_cache_get(rc_fcs_cache *c, int64_t p, int want_dd, int *is_dd);
/* Rows computed (double or double-double), upgraded, and found. */
void rc_fcs_cache_stats(const rc_fcs_cache *c, long *computed, long *upgraded, long *hits);

/* --- golden_fast.c: the double-double stage for one pair ---------------- */

/* 1 when every real within err of y.hi + y.lo rounds (nearest even) to
 * the same finite element of t, and then *bits is it; 0: undecided. */
int rc_fast_round(rc_dd y, double err, rc_dtype t, uint64_t *bits);
/* Both outputs of pair (x0, x1) from its double-double cos/sin f (within
 * cs_err) at p != 0: bit 0 / bit 1 of the result set when output 0 / 1
 * was decided. */
int rc_fast_pair(rc_golden *g, int64_t p, const rc_fcs *f, double cs_err, int sign, double x0,
                 double x1, rc_dtype t, uint64_t *b0, uint64_t *b1);

/* --- golden_dbl.c: the first stage, plain double (docs/golden.md) ------- */

/* |c - cos(p w'_k)|, |s - sin(p w'_k)| <= RC_DBL_CS_ERR for every int64 p. */
#define RC_DBL_CS_ERR 0x1p-52

void rc_dbl_cs(const rc_fast_freq *f, int64_t p, double *c, double *s);
/* Row of n pairs: out[k].c.hi, out[k].s.hi (lo parts 0). */
void rc_dbl_cs_row(const rc_fast_freq *f, int n, int64_t p, rc_fcs *out);
/* v rounded to nearest even in f32, f16 or bf16: the bit pattern. */
uint64_t rc_dbl_narrow(double v, rc_dtype t);

typedef struct rc_dbl_row_args {
    int n, sign;
    double m;                 /* RN(magnitude) */
    const rc_fcs *cs;         /* hi parts within RC_DBL_CS_ERR */
    const double *x0, *x1;
    uint64_t *b0, *b1;
    unsigned char *und;       /* per pair: bit 0 / 1 set, output 0 / 1 undecided */
} rc_dbl_row_args;
/* Stage 1 for a row of pairs in t (f32, f16, bf16; f64 leaves every
 * output undecided): the number of pairs with an undecided output. */
int rc_dbl_row(const rc_dbl_row_args *a, rc_dtype t);

/* Stage 2 for the f64 outputs of a row whose cos/sin are double-double
 * within RC_LITE_CS_ERR (m NULL: m = 1); returns as rc_dbl_row. */
int rc_lite_row(const rc_dbl_row_args *a, const rc_dd *m);
int rc_lite_row_fma(const rc_dbl_row_args *a, const rc_dd *m);

/* Operands the double-double stage takes: zero or in [2^-600, 2^600], so
 * that no intermediate overflows or underflows. */
static inline int rc_fast_in_range(double x)
{
    const double a = fabs(x);
    return a == 0.0 || (a >= 0x1p-600 && a <= 0x1p600);
}

/* --- golden_row.c: a row of pairs through the stages --------------------- */

typedef struct rc_row_layout {
    int n;          /* pairs */
    size_t step;    /* channel step from pair k to k+1 (1 half-split, 2 interleaved) */
    size_t off;     /* channel offset of x1 from x0 (n half-split, 1 interleaved) */
} rc_row_layout;

void rc_golden_row_load(const void *data, rc_dtype t, size_t base, const rc_row_layout *l,
                        double *x0, double *x1);
void rc_golden_row_store(void *data, rc_dtype t, size_t base, const rc_row_layout *l,
                         const uint64_t *b0, const uint64_t *b1);

typedef struct rc_golden_rowq {
    int64_t p;
    int sign;
    const rc_fcs *cs;   /* the cos/sin row of p, or NULL: MPFR only */
    int cs_dd;          /* its lo parts are valid */
    const double *x0, *x1;
    rc_dtype t;
} rc_golden_rowq;
/* Every output of the row, correctly rounded to q->t. */
void rc_golden_row(rc_golden *g, const rc_golden_rowq *q, uint64_t *b0, uint64_t *b1);

/* Outputs per stage: tried and decided, and handed to MPFR at the end. */
typedef struct rc_golden_stage_stats {
    long dbl_try, dbl_ok;   /* plain double (narrow outputs) */
    long lite_try, lite_ok; /* double-double rows within RC_LITE_CS_ERR (f64 outputs) */
    long dd_try, dd_ok;     /* double-double within RC_FAST_CS_ERR */
    long mpfr;              /* handed on to MPFR */
} rc_golden_stage_stats;

/* --- golden.c / golden_pair.c: the engine -------------------------------- */

#define RC_GOLDEN_LEVELS (RC_GOLDEN_MAX_LEVEL + 1)

struct rc_golden {
    rc_rope_params p;        /* factor arrays point at the copies below */
    double *short_f, *long_f;
    int npairs;
    int axes;                /* position axes (1; 3 for M-RoPE)           */
    unsigned char *axis;     /* the axis each pair follows                */
    mpfr_t *w;               /* w'_k, |w - w'| <= 2^RC_GOLDEN_TABLE_ERR |w'| */
    double *w_d;
    mpfr_t m;                /* magnitude, same bound unless m_exact */
    int m_exact, m_one;
    double m_d;
    mpfr_t lvl_m[RC_GOLDEN_LEVELS]; /* m for level >= 1, filled lazily */
    int lvl_m_ready[RC_GOLDEN_LEVELS];
    rc_cs_cache *cache;      /* MPFR cos/sin, built on first use */
    rc_fast_freq *ff;        /* NULL: no fast path for this config */
    rc_fcs_cache *fcache;
    rc_dd m_dd;              /* m, |m_dd - m| <= 2^-105 m */
    int fast_off;            /* steered off (tests, benchmarks) */
    rc_golden_stage_stats st;
    double *row_x0, *row_x1; /* one row of pairs: inputs, output bits, */
    uint64_t *row_b0, *row_b1; /* undecided flags (npairs each) */
    unsigned char *row_und;
    int min_level;
    long unproven;
    char err[256];
    /* scratch */
    mpfr_t x0, x1, scratch, pz, lc, ls, lw, la;
    mpfr_t t[RC_GOLDEN_LEVELS], y[RC_GOLDEN_LEVELS];
    mpfr_t tmp1[RC_GOLDEN_LEVELS], tmp2[RC_GOLDEN_LEVELS];
    mpfr_t pa[RC_GOLDEN_LEVELS], pb[RC_GOLDEN_LEVELS]; /* exact products */
    mpfr_exp_t xexp;         /* max exponent of the nonzero inputs */
    mpfr_ptr last;           /* widest approximation of the last output */
};

/* Relative error exponent of the per-engine table and magnitude. */
#define RC_GOLDEN_TABLE_ERR (-(RC_GOLDEN_TABLE_PREC - 8))

/* The two outputs of one channel pair, as bit patterns of dtype t:
 * y0 = m (x0 c - x1 s'), y1 = m (x0 s' + x1 c), s' = sign * s, for the
 * angle p*w'_k; e is the cache entry of p (may be NULL when the engine's
 * min_level > 0). */
void rc_golden_pair(rc_golden *g, int64_t p, const rc_cs_entry *e, int k, int sign,
                    double x0, double x1, rc_dtype t, uint64_t *b0, uint64_t *b1);

/* The IEEE evaluation for non-finite or all-zero inputs and for p == 0,
 * given the signs of cos and sin (c, s are +-1, or 1 and +-0 for p == 0):
 * sets the outputs it decides (*done0, *done1). */
void rc_golden_pair_ieee(int64_t p, double c, double s, double x0, double x1, rc_dtype t,
                         uint64_t *b0, uint64_t *b1, int *done0, int *done1);
/* The MPFR cache, built on first use. */
rc_cs_cache *rc_golden_mpfr_cache(rc_golden *g);

/* --- golden_stats.c: opt-in figures (RC_GOLDEN_STATS=1) ------------------ */

int rc_golden_stats_on(void);
double rc_golden_stats_clock(void);
void rc_golden_stats_time(double seconds);
void rc_golden_stats_engine(const rc_golden *g); /* at free */

/* --- engine internals tests may steer ------------------------------------ */

/* Fast path on (default) or off (every output through MPFR). */
void rc_golden_set_fast(rc_golden *g, int on);
void rc_golden_fast_stats(const rc_golden *g, long *fast, long *fallback);
void rc_golden_stage_stats_get(const rc_golden *g, rc_golden_stage_stats *out);
void rc_golden_stage_stats_add(rc_golden_stage_stats *sum, const rc_golden_stage_stats *s);

/* Start every Ziv loop at this level (0 = use the cache).  Tests compare
 * levels to check that two working precisions agree. */
void rc_golden_set_min_level(rc_golden *g, int level);
/* Outputs whose rounding was not proven at the top level (rounded from
 * the widest approximation instead); 0 in every case seen so far. */
long rc_golden_unproven(const rc_golden *g);

#endif
