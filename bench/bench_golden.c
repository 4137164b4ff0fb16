/* Golden engine throughput: correctly rounded outputs per second for
 * head_dim 128 (default RoPE, base 1e4) over positions 0..N-1, one head,
 * f32 in and out; against a naive baseline that calls MPFR sin_cos once
 * per output element at a fixed 256 bits.  Prints figures; asserts
 * nothing about time.  Usage: bench_golden [positions (4096)] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mpfr.h>

#include "golden.h"
#include "golden_internal.h"

#define HD 128
#define NAIVE_PREC 256

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* One sin_cos per output element, fixed precision, one rounding. */
static void naive(const float *in, float *out, const int64_t *pos, int n)
{
    mpfr_t w[HD / 2], a, c, s, y, x0, x1;
    mpfr_inits2(NAIVE_PREC, a, c, s, y, (mpfr_ptr)0);
    mpfr_inits2(24, x0, x1, (mpfr_ptr)0);
    for (int k = 0; k < HD / 2; k++) {
        mpfr_init2(w[k], NAIVE_PREC);
        mpfr_set_ui(w[k], 10000, MPFR_RNDN);
        mpfr_set_si(a, -2 * k, MPFR_RNDN);
        mpfr_div_ui(a, a, HD, MPFR_RNDN);
        mpfr_pow(w[k], w[k], a, MPFR_RNDN);
    }
    for (int t = 0; t < n; t++)
        for (int i = 0; i < HD; i++) {
            const int k = i % (HD / 2), i0 = k, i1 = k + HD / 2;
            mpfr_mul_si(a, w[k], (long)pos[t], MPFR_RNDN);
            mpfr_sin_cos(s, c, a, MPFR_RNDN);
            mpfr_set_flt(x0, in[t * HD + i0], MPFR_RNDN);
            mpfr_set_flt(x1, in[t * HD + i1], MPFR_RNDN);
            if (i == i0)
                mpfr_fmms(y, x0, c, x1, s, MPFR_RNDN);
            else
                mpfr_fmma(y, x0, s, x1, c, MPFR_RNDN);
            out[t * HD + i] = mpfr_get_flt(y, MPFR_RNDN);
        }
    for (int k = 0; k < HD / 2; k++)
        mpfr_clear(w[k]);
    mpfr_clears(a, c, s, y, x0, x1, (mpfr_ptr)0);
}

int main(int argc, char **argv)
{
    const int n = (argc > 1) ? atoi(argv[1]) : 4096;
    if (n <= 0) {
        fprintf(stderr, "usage: bench_golden [positions]\n");
        return 2;
    }
    float *in = malloc(sizeof(float) * (size_t)n * HD);
    float *out = malloc(sizeof(float) * (size_t)n * HD);
    float *ref = malloc(sizeof(float) * (size_t)n * HD);
    uint16_t *out16 = malloc(sizeof(uint16_t) * (size_t)n * HD);
    int64_t *pos = malloc(sizeof(int64_t) * (size_t)n);
    if (!in || !out || !ref || !out16 || !pos)
        return 1;
    uint64_t st = 88172645463325252ull;
    for (size_t i = 0; i < (size_t)n * HD; i++) {
        st ^= st << 13;
        st ^= st >> 7;
        st ^= st << 17;
        in[i] = (float)((double)(st >> 11) * 0x1p-52 - 1.0);
    }
    for (int t = 0; t < n; t++)
        pos[t] = t;

    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = HD;
    p.rotary_dim = HD;
    p.base = 10000;
    p.type = RC_ROPE_DEFAULT;
    p.pairing = RC_HALF_SPLIT;
    char err[256];
    const double outputs = (double)n * HD;

    double t0 = now();
    rc_golden *g = rc_golden_new(&p, err, sizeof err);
    if (!g) {
        fprintf(stderr, "bench_golden: %s\n", err);
        return 1;
    }
    rc_tensor ti = {RC_F32, in, n, 1, HD, HD, HD}, to = {RC_F32, out, n, 1, HD, HD, HD};
    if (rc_golden_apply(g, pos, &ti, &to, 1) != 0)
        return 1;
    double t_cold = now() - t0;

    t0 = now();
    rc_tensor t16 = {RC_F16, out16, n, 1, HD, HD, HD};
    if (rc_golden_apply(g, pos, &ti, &t16, 1) != 0)
        return 1;
    double t_warm = now() - t0;
    long direct, stepped, hits;
    rc_cs_cache_stats(rc_golden_mpfr_cache(g), &direct, &stepped, &hits);

    t0 = now();
    naive(in, ref, pos, n);
    double t_naive = now() - t0;

    size_t diff = 0;
    for (size_t i = 0; i < (size_t)n * HD; i++)
        diff += memcmp(&out[i], &ref[i], sizeof(float)) != 0;

    printf("bench_golden: head_dim %d, positions 0..%d, 1 head, f32 -> f32 (%.0f outputs)\n", HD,
           n - 1, outputs);
    printf("  golden, cold (engine + cos/sin cache + apply): %8.3f s  %12.0f outputs/s\n",
           t_cold, outputs / t_cold);
    printf("  golden, warm cache, f32 -> f16:                %8.3f s  %12.0f outputs/s\n",
           t_warm, outputs / t_warm);
    printf("  naive, one %d-bit sin_cos per element:        %8.3f s  %12.0f outputs/s\n",
           NAIVE_PREC, t_naive, outputs / t_naive);
    printf("  speedup cold %.1fx, warm %.1fx\n", t_naive / t_cold, t_naive / t_warm);
    printf("  cache: %ld direct sin_cos, %ld stepped positions, %ld hits; unproven %ld\n", direct,
           stepped, hits, rc_golden_unproven(g));
    printf("  outputs differing from the naive baseline: %zu\n", diff);
    rc_golden_free(g);
    free(in);
    free(out);
    free(ref);
    free(out16);
    free(pos);
    return 0;
}
