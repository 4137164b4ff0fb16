/* Golden engine throughput, head_dim 128 (default RoPE, half-split), one
 * head, f32 inputs, over positions 0..N-1 (N = 2^20 unless given):
 *   golden    the engine (double stage for narrow outputs, double-double,
 *             MPFR), cold (cos/sin computed) for f32, f16, bf16 and f64
 *             outputs, with each stage's undecided share, and warm (cos/sin
 *             rows cached) for f32
 *   mpfr      the engine with the fast stages off (its MPFR path), sampled
 *   naive     one 256-bit MPFR sin_cos per output element, sampled
 *   libm      double cos/sin and arithmetic: not correctly rounded, the
 *             speed of light
 * for base 1e4 and 5e5, bit identity of the fast stages against the MPFR
 * path on >= 10^6 outputs per output dtype, and the scaling over
 * 2^12 .. 2^20 positions.  Prints figures, asserts
 * nothing about time.  Times are this process's CPU time, so that other
 * load on a shared machine distorts them less than wall time would.
 * Usage: bench_golden [positions] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mpfr.h>

#include "dtype.h"
#include "golden.h"
#include "golden_internal.h"

#define HD 128
#define NP (HD / 2)
#define CHUNK 2048 /* positions per apply call */
#define NAIVE_PREC 256

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static float in[CHUNK * HD];
static float out32[CHUNK * HD];
static double out64[CHUNK * HD]; /* also holds f16/bf16 outputs */
static int64_t pos[CHUNK];
static volatile double sink;

static rc_rope_params params(double base)
{
    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = p.rotary_dim = HD;
    p.base = base;
    p.type = RC_ROPE_DEFAULT;
    p.pairing = RC_HALF_SPLIT;
    return p;
}

static rc_golden *engine(double base, int fast)
{
    char err[256];
    rc_rope_params p = params(base);
    rc_golden *g = rc_golden_new(&p, err, sizeof err);
    if (!g) {
        fprintf(stderr, "bench_golden: %s\n", err);
        exit(1);
    }
    rc_golden_set_fast(g, fast);
    return g;
}

/* positions first .. first+n-1 (stride apart), through g, out in t */
static void run_chunk(rc_golden *g, int64_t first, int n, int64_t stride, rc_dtype t)
{
    for (int i = 0; i < n; i++)
        pos[i] = first + i * stride;
    rc_tensor ti = { RC_F32, in, n, 1, HD, HD, HD };
    rc_tensor to = { t, t == RC_F32 ? (void *)out32 : (void *)out64, n, 1, HD, HD, HD };
    if (rc_golden_apply(g, pos, &ti, &to, 1) != 0) {
        fprintf(stderr, "bench_golden: apply failed\n");
        exit(1);
    }
}

/* Outputs per second of the engine over positions 0..n-1 (all of them). */
static double engine_rate(rc_golden *g, int64_t n, rc_dtype t)
{
    double t0 = now();
    for (int64_t first = 0; first < n; first += CHUNK)
        run_chunk(g, first, (int)(n - first < CHUNK ? n - first : CHUNK), 1, t);
    return (double)n * HD / (now() - t0);
}

/* The same over a sample: blocks of 16 consecutive positions spread over
 * 0..n-1, `blocks` of them. */
static double engine_rate_sampled(rc_golden *g, int64_t n, int blocks, rc_dtype t)
{
    double t0 = now();
    for (int b = 0; b < blocks; b++)
        run_chunk(g, (n / blocks) * b, 16, 1, t);
    return (double)blocks * 16 * HD / (now() - t0);
}

/* One 256-bit sin_cos per output element, one rounding. */
static double naive_rate(double base, int64_t n, int npos)
{
    mpfr_t w[NP], a, c, s, y, x0, x1;
    mpfr_inits2(NAIVE_PREC, a, c, s, y, (mpfr_ptr)0);
    mpfr_inits2(24, x0, x1, (mpfr_ptr)0);
    for (int k = 0; k < NP; k++) {
        mpfr_init2(w[k], NAIVE_PREC);
        mpfr_set_d(w[k], base, MPFR_RNDN);
        mpfr_set_si(a, -2 * k, MPFR_RNDN);
        mpfr_div_ui(a, a, HD, MPFR_RNDN);
        mpfr_pow(w[k], w[k], a, MPFR_RNDN);
    }
    double t0 = now();
    for (int t = 0; t < npos; t++) {
        const long p = (long)((n / npos) * t);
        for (int i = 0; i < HD; i++) {
            const int k = i % NP, i0 = k, i1 = k + NP;
            mpfr_mul_si(a, w[k], p, MPFR_RNDN);
            mpfr_sin_cos(s, c, a, MPFR_RNDN);
            mpfr_set_flt(x0, in[i0], MPFR_RNDN);
            mpfr_set_flt(x1, in[i1], MPFR_RNDN);
            if (i == i0)
                mpfr_fmms(y, x0, c, x1, s, MPFR_RNDN);
            else
                mpfr_fmma(y, x0, s, x1, c, MPFR_RNDN);
            out32[i] = mpfr_get_flt(y, MPFR_RNDN);
        }
    }
    double rate = (double)npos * HD / (now() - t0);
    for (int k = 0; k < NP; k++)
        mpfr_clear(w[k]);
    mpfr_clears(a, c, s, y, x0, x1, (mpfr_ptr)0);
    return rate;
}

/* double cos/sin per pair, the rotation in double, rounded to float. */
static double libm_rate(const rc_golden *g, int64_t n)
{
    double w[NP];
    for (int k = 0; k < NP; k++)
        w[k] = rc_golden_inv_freq(g, k);
    double t0 = now(), acc = 0.0;
    for (int64_t p = 0; p < n; p++) {
        const float *x = in + (p % CHUNK) * HD;
        float *y = out32 + (p % CHUNK) * HD;
        for (int k = 0; k < NP; k++) {
            const double a = (double)p * w[k], c = cos(a), s = sin(a);
            y[k] = (float)(x[k] * c - x[k + NP] * s);
            y[k + NP] = (float)(x[k] * s + x[k + NP] * c);
        }
        acc += y[p % HD];
    }
    sink = acc;
    return (double)n * HD / (now() - t0);
}

/* Fast path against the MPFR path on >= min_outputs outputs of dtype t:
 * mismatching outputs. */
static long identity(double base, int64_t n, long min_outputs, rc_dtype t, long *outputs)
{
    rc_golden *gf = engine(base, 1), *gm = engine(base, 0);
    static unsigned char a[CHUNK * HD * 8];
    long bad = 0;
    *outputs = 0;
    const size_t es = rc_dtype_size(t);
    const unsigned char *res = t == RC_F32 ? (void *)out32 : (void *)out64;
    for (int64_t b = 0; *outputs < min_outputs; b++) {
        const int64_t first = (b * 7919 * 64) % (n - 64);
        run_chunk(gf, first, 64, 1, t);
        memcpy(a, res, 64 * HD * es);
        run_chunk(gm, first, 64, 1, t);
        for (size_t i = 0; i < (size_t)64 * HD; i++)
            bad += memcmp(a + i * es, res + i * es, es) != 0;
        *outputs += 64 * HD;
    }
    rc_golden_free(gf);
    rc_golden_free(gm);
    return bad;
}

static void fill_inputs(void)
{
    uint64_t st = 88172645463325252ull;
    for (size_t i = 0; i < (size_t)CHUNK * HD; i++) {
        st ^= st << 13;
        st ^= st >> 7;
        st ^= st << 17;
        in[i] = (float)((double)(st >> 11) * 0x1p-52 - 1.0);
    }
}

int main(int argc, char **argv)
{
    const int64_t n = (argc > 1) ? atoll(argv[1]) : (int64_t)1 << 20;
    if (n < 4096) {
        fprintf(stderr, "usage: bench_golden [positions >= 4096]\n");
        return 2;
    }
    fill_inputs();
    printf("golden throughput: head_dim %d, default RoPE, 1 head, f32 in, positions 0..%lld, "
           "CPU time\n", HD, (long long)n - 1);
    printf("  (M outputs/s; mpfr and naive sampled over the range: 64 blocks of 16 and 256 "
           "positions)\n");
    const double bases[2] = { 1e4, 5e5 };
    const rc_dtype outs[4] = { RC_F32, RC_F16, RC_BF16, RC_F64 };
    for (int bi = 0; bi < 2; bi++) {
        const double base = bases[bi];
        double cold[4];
        rc_golden_stage_stats st[4];
        for (int o = 0; o < 4; o++) {
            rc_golden *g = engine(base, 1);
            cold[o] = engine_rate(g, n, outs[o]);
            rc_golden_stage_stats_get(g, &st[o]);
            rc_golden_free(g);
        }
        rc_golden *g = engine(base, 1);
        run_chunk(g, n - CHUNK, CHUNK, 1, RC_F32);
        double t0 = now();
        for (int rep = 0; rep < 8; rep++) /* warm: the chunk's cos/sin rows are cached */
            run_chunk(g, n - CHUNK, CHUNK, 1, RC_F32);
        double warm = 8.0 * CHUNK * HD / (now() - t0);
        rc_golden_free(g);
        rc_golden *gm = engine(base, 0);
        double mp = engine_rate_sampled(gm, n, 64, RC_F32);
        rc_golden_free(gm);
        double naive = naive_rate(base, n, 256);
        g = engine(base, 1);
        double lm = libm_rate(g, n);
        rc_golden_free(g);
        printf("base %g:\n", base);
        for (int o = 0; o < 4; o++) {
            const rc_golden_stage_stats *s = &st[o];
            printf("  golden, cold, %-4s out     %9.2f M/s   (%6.1fx naive MPFR, %.2fx libm's time)\n",
                   rc_dtype_name(outs[o]), cold[o] / 1e6, cold[o] / naive, lm / cold[o]);
            printf("      undecided/tried: double %ld/%ld, double-double rows %ld/%ld, "
                   "double-double %ld/%ld; to MPFR %ld (%.2e)\n",
                   s->dbl_try - s->dbl_ok, s->dbl_try, s->lite_try - s->lite_ok, s->lite_try,
                   s->dd_try - s->dd_ok, s->dd_try, s->mpfr,
                   (double)s->mpfr / ((double)n * HD));
        }
        printf("  golden, warm, f32 out      %9.2f M/s   (cos/sin rows cached)\n", warm / 1e6);
        printf("  MPFR path (fast off)       %9.4f M/s\n", mp / 1e6);
        printf("  naive MPFR per element     %9.4f M/s\n", naive / 1e6);
        printf("  libm double (not CR)       %9.2f M/s\n", lm / 1e6);
        printf("  targets: f32 >= 100x naive: %.0fx %s; f32 <= 2x libm: %.2fx %s; "
               "f64 <= 4x libm: %.2fx %s\n",
               cold[0] / naive, cold[0] / naive >= 100 ? "met" : "MISSED", lm / cold[0],
               lm / cold[0] <= 2 ? "met" : "MISSED", lm / cold[3], lm / cold[3] <= 4 ? "met" : "MISSED");
    }
    printf("bit identity, fast stages vs MPFR path (blocks of 64 positions over the range):\n");
    for (int o = 0; o < 4; o++) {
        long outs_n;
        long bad = identity(1e4, n, 1000000, outs[o], &outs_n);
        printf("  base 1e4, f32 in, %s out: %ld outputs, %ld mismatches\n",
               rc_dtype_name(outs[o]), outs_n, bad);
    }
    printf("scaling (fast path, cold engine, base 1e4, f32 out):\n");
    for (int e = 12; e <= 20; e += 2) {
        rc_golden *g = engine(1e4, 1);
        double t0 = now();
        engine_rate(g, (int64_t)1 << e, RC_F32);
        double dt = now() - t0;
        printf("  2^%d positions: %8.3f s  %8.2f M/s\n", e, dt,
               (double)((int64_t)1 << e) * HD / dt / 1e6);
        rc_golden_free(g);
    }
    return 0;
}
