/* The golden engine against facts it did not produce: published constants
 * (cos 1, ln 2, the YaRN bounds and Llama 3 bands of real models), exact
 * identities (p = 0, power-of-two scalings), hand-written bit patterns,
 * IEEE special-value rules, an independent MPFR rounding path, and a
 * double-precision evaluation away from rounding boundaries. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "dtype.h"
#include "golden.h"
#include "golden_internal.h"
#include "rope_conform/half.h"

static double k_ones[1024], k_twos[1024];

static rc_rope_params mk(rc_rope_type type, int head_dim, int rotary_dim, double base)
{
    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = head_dim;
    p.rotary_dim = rotary_dim;
    p.base = base;
    p.type = type;
    p.pairing = RC_HALF_SPLIT;
    for (int i = 0; i < 1024; i++) {
        k_ones[i] = 1.0;
        k_twos[i] = 2.0;
    }
    switch (type) {
    case RC_ROPE_LINEAR: p.factor = 2; break;
    case RC_ROPE_DYNAMIC_NTK: p.factor = 2; p.original_max_position = 4096; break;
    case RC_ROPE_YARN:
        p.factor = 4; p.original_max_position = 4096; p.beta_fast = 32; p.beta_slow = 1;
        p.truncate = 1;
        break;
    case RC_ROPE_LLAMA3:
        p.factor = 8; p.original_max_position = 8192; p.low_freq_factor = 1;
        p.high_freq_factor = 4;
        break;
    case RC_ROPE_LONGROPE:
        p.original_max_position = 4096; p.max_position = 131072;
        p.short_factor = k_ones; p.long_factor = k_twos;
        break;
    case RC_ROPE_PROPORTIONAL: p.factor = 1; p.freq_pairs = rotary_dim / 4; break;
    default: break;
    }
    return p;
}

static rc_golden *mkg(const rc_rope_params *p)
{
    char err[256] = "";
    rc_golden *g = rc_golden_new(p, err, sizeof err);
    ck_assert_msg(g != NULL, "rc_golden_new: %s", err);
    return g;
}

static uint64_t rng_state = 0x243f6a8885a308d3ull;
static uint64_t rng(void) /* xorshift64*: deterministic inputs */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}
static double urand(void) { return (double)(rng() >> 11) * 0x1p-53 * 2.0 - 1.0; }

static rc_tensor tensor(rc_dtype t, void *data, int64_t ntok, int64_t nheads, int64_t hd)
{
    rc_tensor x = {t, data, ntok, nheads, hd, nheads * hd, hd};
    return x;
}

/* Apply to one head of one token; in/out as doubles of the given dtypes. */
static void apply1(rc_golden *g, int64_t pos, rc_dtype tin, const double *x, rc_dtype tout,
                   double *y, int sign)
{
    const int hd = rc_golden_params(g)->head_dim;
    unsigned char in[8 * 2048], out[8 * 2048];
    for (int i = 0; i < hd; i++)
        rc_store(in, tin, (size_t)i, x[i]);
    rc_tensor ti = tensor(tin, in, 1, 1, hd), to = tensor(tout, out, 1, 1, hd);
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &to, sign), 0);
    for (int i = 0; i < hd; i++)
        y[i] = rc_load(out, tout, (size_t)i);
}

static uint64_t bits_of(double v, rc_dtype t)
{
    unsigned char b[8];
    rc_store(b, t, 0, v);
    return rc_load_bits(b, t, 0);
}

/* ---------------------------------------------------------------------- */

START_TEST(test_p0_identity)
{
    /* p = 0: cos = 1, sin = 0 exactly, so y = x for m = 1, any pairing,
     * either direction. */
    for (int pairing = 0; pairing < 2; pairing++) {
        rc_rope_params p = mk(RC_ROPE_DEFAULT, 64, 64, 10000);
        p.pairing = (rc_pairing)pairing;
        rc_golden *g = mkg(&p);
        double x[64], y[64];
        for (int i = 0; i < 64; i++)
            x[i] = (double)(float)(urand() * 100);
        for (int sign = -1; sign <= 1; sign += 2) {
            apply1(g, 0, RC_F32, x, RC_F32, y, sign);
            for (int i = 0; i < 64; i++)
                ck_assert(y[i] == x[i]);
            apply1(g, 0, RC_F32, x, RC_F64, y, sign);
            for (int i = 0; i < 64; i++)
                ck_assert(y[i] == x[i]);
        }
        rc_golden_free(g);
    }
}
END_TEST

START_TEST(test_p0_magnitude)
{
    /* YaRN s = 2, default m = 1 + ln(2)/10: y = RN(m x) at p = 0 */
    static const char *m_dec =
        "1.06931471805599453094172321214581765680755001343602552541206800094934";
    rc_rope_params p = mk(RC_ROPE_YARN, 32, 32, 10000);
    p.factor = 2;
    rc_golden *g = mkg(&p);
    mpfr_t m, v;
    mpfr_inits2(300, m, v, (mpfr_ptr)0);
    mpfr_set_str(m, m_dec, 10, MPFR_RNDN);
    double x[32], y[32];
    for (int i = 0; i < 32; i++)
        x[i] = (double)(float)(urand() * 3);
    apply1(g, 0, RC_F32, x, RC_F64, y, 1);
    for (int i = 0; i < 32; i++) {
        mpfr_mul_d(v, m, x[i], MPFR_RNDN);
        ck_assert(y[i] == mpfr_get_d(v, MPFR_RNDN));
    }
    mpfr_clears(m, v, (mpfr_ptr)0);
    rc_golden_free(g);

    /* an exact magnitude: f16 inputs times 1.5 are exact in f32 */
    p.attention_factor = 1.5;
    g = mkg(&p);
    for (int i = 0; i < 32; i++)
        x[i] = rc_f16_to_double(rc_f16_from_double(urand() * 1000));
    apply1(g, 0, RC_F16, x, RC_F32, y, 1);
    for (int i = 0; i < 32; i++)
        ck_assert(y[i] == (double)(float)(x[i] * 1.5));
    rc_golden_free(g);
}
END_TEST

START_TEST(test_inv_freq_exact)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 128, 128, 10000);
    rc_golden *g = mkg(&p);
    /* 10000^(-2k/128) is 1, 0.1, 0.01, 0.001 at k = 0, 16, 32, 48 */
    ck_assert(rc_golden_inv_freq(g, 0) == 1.0);
    ck_assert(rc_golden_inv_freq(g, 16) == 0.1);
    ck_assert(rc_golden_inv_freq(g, 32) == 0.01);
    ck_assert(rc_golden_inv_freq(g, 48) == 0.001);
    ck_assert(rc_golden_magnitude(g) == 1.0);
    rc_golden_free(g);

    p = mk(RC_ROPE_LINEAR, 128, 128, 10000);
    p.factor = 4;
    g = mkg(&p);
    ck_assert(rc_golden_inv_freq(g, 0) == 0.25);
    ck_assert(rc_golden_inv_freq(g, 32) == 0.0025);
    rc_golden_free(g);

    /* w_0 = 1 for every variant that leaves the highest frequency alone */
    rc_rope_type keep[] = {RC_ROPE_DYNAMIC_NTK, RC_ROPE_YARN, RC_ROPE_LLAMA3, RC_ROPE_LONGROPE};
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        p = mk(keep[i], 128, 128, 10000);
        p.seq_len = 1 << 20; /* dynamic: changes the base; w_0 stays 1 */
        if (keep[i] == RC_ROPE_LONGROPE)
            p.seq_len = 0;
        g = mkg(&p);
        ck_assert_msg(rc_golden_inv_freq(g, 0) == 1.0, "type %d", (int)keep[i]);
        rc_golden_free(g);
    }
}
END_TEST

/* cos/sin of 1, 2, 3 to 40 digits (standard tables) */
static const char *k_cos[] = {"0.5403023058681397174009366074429766037323",
                              "-0.4161468365471423869975682295007621897660",
                              "-0.9899924966004454572715727947312613023937"};
static const char *k_sin[] = {"0.8414709848078965066525023216302989996226",
                              "0.9092974268256816953960198659117448427023",
                              "0.1411200080598672221007448028081102798469"};

START_TEST(test_r2_rotation)
{
    /* r = 2: one pair with w_0 = 1, so the angle is the position itself;
     * channels 2, 3 pass through. */
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 4, 2, 10000);
    rc_golden *g = mkg(&p);
    double x[4] = {1.0, 0.0, 7.0, -3.0}, y[4];
    apply1(g, 1, RC_F64, x, RC_F64, y, 1);
    ck_assert(y[0] == strtod(k_cos[0], NULL));
    ck_assert(y[1] == strtod(k_sin[0], NULL));
    ck_assert(y[2] == 7.0 && y[3] == -3.0);
    double x2[4] = {0.0, 1.0, 0.5, 0.25};
    apply1(g, 2, RC_F64, x2, RC_F64, y, 1);
    ck_assert(y[0] == -strtod(k_sin[1], NULL));
    ck_assert(y[1] == strtod(k_cos[1], NULL));
    /* backward at p = 3 rotates by -3 */
    apply1(g, 3, RC_F64, x, RC_F64, y, -1);
    ck_assert(y[0] == strtod(k_cos[2], NULL));
    ck_assert(y[1] == -strtod(k_sin[2], NULL));
    /* f32 output: the constant rounded once, straight from decimal */
    apply1(g, 1, RC_F64, x, RC_F32, y, 1);
    ck_assert(y[0] == (double)strtof(k_cos[0], NULL));
    ck_assert(y[1] == (double)strtof(k_sin[0], NULL));
    rc_golden_free(g);
}
END_TEST

START_TEST(test_cos_sin_constants)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 2, 2, 10000);
    rc_golden *g = mkg(&p);
    int64_t pos[5] = {1, 2, 3, -1, 0};
    double c[5], s[5];
    ck_assert_int_eq(rc_golden_cos_sin(g, pos, 5, RC_F64, c, s), 0);
    for (int i = 0; i < 3; i++) {
        ck_assert(c[i] == strtod(k_cos[i], NULL));
        ck_assert(s[i] == strtod(k_sin[i], NULL));
    }
    ck_assert(c[3] == c[0] && s[3] == -s[0]);
    ck_assert(c[4] == 1.0 && s[4] == 0.0 && !signbit(s[4]));
    uint16_t ch[5], sh[5];
    ck_assert_int_eq(rc_golden_cos_sin(g, pos, 5, RC_BF16, ch, sh), 0);
    for (int i = 0; i < 3; i++) { /* decimal -> bf16 via f64 is safe unless near a tie */
        ck_assert_uint_eq(ch[i], rc_bf16_from_double(strtod(k_cos[i], NULL)));
        ck_assert_uint_eq(sh[i], rc_bf16_from_double(strtod(k_sin[i], NULL)));
    }
    rc_golden_free(g);

    /* m cos, m sin with a magnitude: LongRoPE, s = 131072/4096 = 32,
     * m = sqrt(1 + ln 32 / ln 4096) = sqrt(17/12) */
    p = mk(RC_ROPE_LONGROPE, 2, 2, 10000);
    g = mkg(&p);
    ck_assert_int_eq(rc_golden_cos_sin(g, pos, 1, RC_F64, c, s), 0);
    mpfr_t a, b;
    mpfr_inits2(300, a, b, (mpfr_ptr)0);
    mpfr_set_ui(a, 17, MPFR_RNDN);
    mpfr_div_ui(a, a, 12, MPFR_RNDN);
    mpfr_sqrt(a, a, MPFR_RNDN);
    mpfr_set_str(b, k_cos[0], 10, MPFR_RNDN);
    mpfr_mul(b, b, a, MPFR_RNDN);
    ck_assert(c[0] == mpfr_get_d(b, MPFR_RNDN));
    mpfr_clears(a, b, (mpfr_ptr)0);
    rc_golden_free(g);
}
END_TEST

START_TEST(test_angles)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 2, 2, 10000);
    rc_golden *g = mkg(&p);
    int64_t pos[5] = {3, 4, 7, 0, -4};
    double a[5];
    ck_assert_int_eq(rc_golden_angles(g, pos, 5, a), 0);
    ck_assert(a[0] == 3.0);
    ck_assert(a[1] == strtod("-2.28318530717958647692528676655900576839", NULL)); /* 4 - 2pi */
    ck_assert(a[2] == strtod("0.71681469282041352307471323344099423161", NULL));  /* 7 - 2pi */
    ck_assert(a[3] == 0.0);
    ck_assert(a[4] == -a[1]);
    rc_golden_free(g);
}
END_TEST

START_TEST(test_yarn_bounds)
{
    double lo, hi;
    rc_rope_params p = mk(RC_ROPE_YARN, 128, 128, 1e4);
    p.original_max_position = 4096;
    rc_golden_yarn_bounds(&p, &lo, &hi);
    ck_assert(lo == 20.0 && hi == 46.0);
    ck_assert(fabs(rc_golden_yarn_corr_dim(&p, 32) - 20.944481620636053) < 1e-12);
    ck_assert(fabs(rc_golden_yarn_corr_dim(&p, 1) - 45.026881273754549) < 1e-12);

    p = mk(RC_ROPE_YARN, 128, 128, 1e6);
    p.original_max_position = 32768;
    rc_golden_yarn_bounds(&p, &lo, &hi);
    ck_assert(lo == 23.0 && hi == 40.0);

    /* gpt-oss: d = 64, base 150000, L = 4096, truncate = 0: real bounds */
    p = mk(RC_ROPE_YARN, 64, 64, 150000);
    p.truncate = 0;
    rc_golden_yarn_bounds(&p, &lo, &hi);
    ck_assert(fabs(lo - 8.0927791155124010) < 1e-12);
    ck_assert(fabs(hi - 17.398024501588556) < 1e-12);
    p.truncate = 1;
    rc_golden_yarn_bounds(&p, &lo, &hi);
    ck_assert(lo == 8.0 && hi == 18.0);

    /* the ramp: pairs at or below low keep w, pairs at or above high get w/s */
    p = mk(RC_ROPE_YARN, 128, 128, 1e4);
    p.factor = 4;
    rc_golden *g = mkg(&p);
    rc_rope_params pd = mk(RC_ROPE_DEFAULT, 128, 128, 1e4);
    rc_golden *gd = mkg(&pd);
    for (int k = 0; k < 64; k++) {
        double w = rc_golden_inv_freq(gd, k), wy = rc_golden_inv_freq(g, k);
        if (k <= 20)
            ck_assert(wy == w);
        else if (k >= 46)
            ck_assert(wy == w / 4);
        else
            ck_assert(wy < w && wy > w / 4);
    }
    rc_golden_free(g);
    rc_golden_free(gd);
}
END_TEST

START_TEST(test_magnitudes)
{
    rc_rope_params p = mk(RC_ROPE_YARN, 128, 128, 1e4);
    p.factor = 2;
    rc_golden *g = mkg(&p);
    ck_assert(fabs(rc_golden_magnitude(g) - 1.069314718056) < 5e-13);
    rc_golden_free(g);
    p.factor = 32;
    g = mkg(&p);
    ck_assert(fabs(rc_golden_magnitude(g) - 1.346573590280) < 5e-13);
    rc_golden_free(g);
    /* DeepSeek-V3: mscale = mscale_all_dim = 1 gives exactly 1 */
    p.mscale = p.mscale_all_dim = 1.0;
    g = mkg(&p);
    ck_assert(rc_golden_magnitude(g) == 1.0);
    rc_golden_free(g);
    /* mscale alone is ignored (HF needs both) */
    p.mscale_all_dim = 0.0;
    p.mscale = 0.707;
    g = mkg(&p);
    ck_assert(fabs(rc_golden_magnitude(g) - 1.346573590280) < 5e-13);
    rc_golden_free(g);
    /* ratio: (0.1*2 ln 32 + 1) / (0.1 ln 32 + 1) */
    p.mscale = 2.0;
    p.mscale_all_dim = 1.0;
    g = mkg(&p);
    ck_assert(fabs(rc_golden_magnitude(g) - 1.693147180560 / 1.346573590280) < 1e-12);
    rc_golden_free(g);
    p.attention_factor = 0.5;
    g = mkg(&p);
    ck_assert(rc_golden_magnitude(g) == 0.5);
    rc_golden_free(g);
    p = mk(RC_ROPE_YARN, 128, 128, 1e4);
    p.factor = 1; /* s <= 1: get_mscale is 1 */
    g = mkg(&p);
    ck_assert(rc_golden_magnitude(g) == 1.0);
    rc_golden_free(g);

    p = mk(RC_ROPE_LONGROPE, 128, 128, 1e4); /* s = 131072/4096 = 32 */
    g = mkg(&p);
    ck_assert(fabs(rc_golden_magnitude(g) - 1.190238071423808333) < 1e-15);
    rc_golden_free(g);
    p.factor = 1.0;
    g = mkg(&p);
    ck_assert(rc_golden_magnitude(g) == 1.0);
    rc_golden_free(g);
}
END_TEST

START_TEST(test_llama3_bands)
{
    /* Llama 3.1: base 500000, r 128, s 8, alpha 1, beta 4, L 8192:
     * 29 high-frequency pairs (k 0..28), 6 medium (29..34), 29 low */
    rc_rope_params p = mk(RC_ROPE_LLAMA3, 128, 128, 500000);
    int count[3] = {0, 0, 0};
    for (int k = 0; k < 64; k++)
        count[rc_golden_llama3_band(&p, k)]++;
    ck_assert_int_eq(count[0], 29);
    ck_assert_int_eq(count[1], 6);
    ck_assert_int_eq(count[2], 29);
    ck_assert_int_eq(rc_golden_llama3_band(&p, 28), 0);
    ck_assert_int_eq(rc_golden_llama3_band(&p, 29), 1);
    ck_assert_int_eq(rc_golden_llama3_band(&p, 34), 1);
    ck_assert_int_eq(rc_golden_llama3_band(&p, 35), 2);
    rc_golden *g = mkg(&p);
    rc_rope_params pd = mk(RC_ROPE_DEFAULT, 128, 128, 500000);
    rc_golden *gd = mkg(&pd);
    for (int k = 0; k < 64; k++) {
        double w = rc_golden_inv_freq(gd, k), wl = rc_golden_inv_freq(g, k);
        if (k <= 28)
            ck_assert(wl == w);
        else if (k >= 35)
            ck_assert(wl == w / 8);
        else
            ck_assert(wl < w && wl > w / 8);
    }
    /* the medium band against Meta's apply_scaling in double:
     * sigma = (L/lambda - alpha)/(beta - alpha), w' = (1-sigma) w/s + sigma w */
    for (int k = 29; k <= 34; k++) {
        double w = pow(500000.0, -k / 64.0), lambda = 2 * M_PI / w;
        double sigma = (8192.0 / lambda - 1.0) / 3.0;
        double want = (1 - sigma) * w / 8 + sigma * w;
        ck_assert_msg(fabs(rc_golden_inv_freq(g, k) - want) <= 1e-13 * want, "k %d: %a vs %a", k,
                      rc_golden_inv_freq(g, k), want);
    }
    rc_golden_free(g);
    rc_golden_free(gd);
}
END_TEST

START_TEST(test_dynamic_ntk)
{
    rc_rope_params pd = mk(RC_ROPE_DEFAULT, 128, 128, 10000);
    rc_golden *gd = mkg(&pd);
    const int64_t L = 4096;
    int64_t lens[] = {0, 1, L / 2, L};
    double x[128], yd[128], y[128];
    for (int i = 0; i < 128; i++)
        x[i] = urand();
    apply1(gd, 3000, RC_F64, x, RC_F32, yd, 1);
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        rc_rope_params p = mk(RC_ROPE_DYNAMIC_NTK, 128, 128, 10000);
        p.seq_len = lens[i];
        rc_golden *g = mkg(&p);
        for (int k = 0; k < 64; k++)
            ck_assert(rc_golden_inv_freq(g, k) == rc_golden_inv_freq(gd, k));
        apply1(g, 3000, RC_F64, x, RC_F32, y, 1);
        ck_assert(memcmp(y, yd, sizeof y) == 0);
        rc_golden_free(g);
    }
    rc_rope_params p = mk(RC_ROPE_DYNAMIC_NTK, 128, 128, 10000);
    p.seq_len = L + 1;
    rc_golden *g = mkg(&p);
    ck_assert(rc_golden_inv_freq(g, 0) == 1.0);
    for (int k = 1; k < 64; k++)
        ck_assert(rc_golden_inv_freq(g, k) < rc_golden_inv_freq(gd, k));
    rc_golden_free(g);

    /* seq_len = 2L, s = 2: bracket 2*2 - 1 = 3, base' = b 3^(r/(r-2)), so
     * w_63 = b^(-126/128) / 3 */
    p.seq_len = 2 * L;
    g = mkg(&p);
    mpfr_t w;
    mpfr_init2(w, 300);
    mpfr_set_ui(w, 10000, MPFR_RNDN);
    mpfr_rootn_ui(w, w, 64, MPFR_RNDN);
    mpfr_pow_si(w, w, -63, MPFR_RNDN);
    mpfr_div_ui(w, w, 3, MPFR_RNDN);
    ck_assert(rc_golden_inv_freq(g, 63) == mpfr_get_d(w, MPFR_RNDN));
    mpfr_clear(w);
    rc_golden_free(g);
    rc_golden_free(gd);
}
END_TEST

START_TEST(test_longrope_switch)
{
    rc_rope_params pd = mk(RC_ROPE_DEFAULT, 64, 64, 10000);
    rc_golden *gd = mkg(&pd);
    int64_t lens[] = {0, 4096, 4097};
    for (int i = 0; i < 3; i++) {
        rc_rope_params p = mk(RC_ROPE_LONGROPE, 64, 64, 10000);
        p.seq_len = lens[i];
        rc_golden *g = mkg(&p);
        const double div = (lens[i] > 4096) ? 2.0 : 1.0; /* long = 2, short = 1 */
        for (int k = 0; k < 32; k++)
            ck_assert(rc_golden_inv_freq(g, k) == rc_golden_inv_freq(gd, k) / div);
        rc_golden_free(g);
    }
    rc_golden_free(gd);
}
END_TEST

/* Random inputs and positions, one config: level 0 (cache, 128 bits)
 * and level 2 (direct, 512 bits) must give identical bits. */
static void levels_agree(rc_rope_params p, rc_dtype tin, rc_dtype tout, int64_t pos_base)
{
    rc_golden *g0 = mkg(&p), *g2 = mkg(&p);
    rc_golden_set_min_level(g2, 2);
    enum { NT = 24 };
    const int hd = p.head_dim;
    static unsigned char in[8 * NT * 256], o0[8 * NT * 256], o2[8 * NT * 256];
    int64_t pos[NT];
    for (int t = 0; t < NT; t++)
        pos[t] = pos_base + (t < NT / 2 ? t : (int64_t)(rng() % 100000));
    for (int i = 0; i < NT * hd; i++)
        rc_store(in, tin, (size_t)i, urand() * 8);
    rc_tensor ti = tensor(tin, in, NT, 1, hd), t0 = tensor(tout, o0, NT, 1, hd),
              t2 = tensor(tout, o2, NT, 1, hd);
    for (int sign = -1; sign <= 1; sign += 2) {
        ck_assert_int_eq(rc_golden_apply(g0, pos, &ti, &t0, sign), 0);
        ck_assert_int_eq(rc_golden_apply(g2, pos, &ti, &t2, sign), 0);
        ck_assert(memcmp(o0, o2, (size_t)NT * hd * rc_dtype_size(tout)) == 0);
    }
    ck_assert_int_eq(rc_golden_unproven(g0), 0);
    rc_golden_free(g0);
    rc_golden_free(g2);
}

START_TEST(test_levels_agree)
{
    levels_agree(mk(RC_ROPE_DEFAULT, 64, 64, 10000), RC_F32, RC_F64, 0);
    levels_agree(mk(RC_ROPE_YARN, 64, 48, 10000), RC_F64, RC_F64, 0);
    levels_agree(mk(RC_ROPE_YARN, 64, 64, 10000), RC_BF16, RC_F16, 1000);
    levels_agree(mk(RC_ROPE_LLAMA3, 128, 128, 500000), RC_F16, RC_F32, 1ll << 40);
    levels_agree(mk(RC_ROPE_LONGROPE, 32, 32, 1e6), RC_F32, RC_BF16, 5000);
    levels_agree(mk(RC_ROPE_DYNAMIC_NTK, 32, 32, 1e4), RC_F32, RC_F32, -50);
}
END_TEST

/* |v| is within rel of a midpoint between two neighbours in float */
/* Inputs built to cancel: integers (x0, x1) below 2^53 from the continued
 * fraction of -cot(p), so x0 sin p + x1 cos p is ~2^-53 while |x| ~ 2^53.
 * The cache's 128 bits cannot round that output; the engine must notice
 * and go wider, giving what a 512-bit start gives. */
START_TEST(test_cancellation)
{
    /* w_0 = 1, so the angle is p; YaRN adds an inexact magnitude */
    rc_rope_params p = mk(_i ? RC_ROPE_YARN : RC_ROPE_DEFAULT, 2, 2, 10000);
    rc_golden *g0 = mkg(&p), *g2 = mkg(&p);
    ck_assert(rc_golden_inv_freq(g0, 0) == 1.0);
    rc_golden_set_min_level(g2, 2);
    mpfr_t v, f, c, sn;
    mpfr_inits2(600, v, f, c, sn, (mpfr_ptr)0);
    int deep = 0;
    for (int64_t pos = 1; pos <= 40; pos++) {
        mpfr_set_si(v, pos, MPFR_RNDN);
        mpfr_sin_cos(sn, c, v, MPFR_RNDN);
        mpfr_div(v, c, sn, MPFR_RNDN);
        mpfr_neg(v, v, MPFR_RNDN);
        /* convergents h/k of v */
        double h0 = 1, h1 = 0, k0 = 0, k1 = 1, bh = 0, bk = 1;
        for (int it = 0; it < 60; it++) {
            mpfr_floor(f, v);
            double a = mpfr_get_d(f, MPFR_RNDN);
            double h = a * h0 + h1, k = a * k0 + k1;
            if (fabs(h) >= 0x1p53 || fabs(k) >= 0x1p53)
                break;
            bh = h; bk = k;
            h1 = h0; h0 = h; k1 = k0; k0 = k;
            mpfr_sub(v, v, f, MPFR_RNDN);
            if (mpfr_zero_p(v))
                break;
            mpfr_ui_div(v, 1, v, MPFR_RNDN);
        }
        if (fabs(bk) > 0x1p40)
            deep++;
        double x[2] = {bh, bk}, y0[2], y2[2];
        rc_dtype outs[3] = {RC_F64, RC_F32, RC_BF16};
        for (int o = 0; o < 3; o++) {
            apply1(g0, pos, RC_F64, x, outs[o], y0, 1);
            apply1(g2, pos, RC_F64, x, outs[o], y2, 1);
            ck_assert_msg(y0[1] == y2[1] && y0[0] == y2[0], "pos %lld out %d: %a vs %a",
                          (long long)pos, o, y0[1], y2[1]);
            ck_assert(fabs(y0[1]) < 1e-6 * fabs(bk)); /* it did cancel */
        }
    }
    ck_assert_int_gt(deep, 30);
    ck_assert_int_eq(rc_golden_unproven(g0), 0);
    mpfr_clears(v, f, c, sn, (mpfr_ptr)0);
    rc_golden_free(g0);
    rc_golden_free(g2);
}
END_TEST

/* The cache's error bounds hold: every cached cos/sin is within its
 * entry's bound of an independent 600-bit value, along a stepped run. */
START_TEST(test_cache_error_bound)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 64, 64, 10000);
    rc_golden *g = mkg(&p);
    mpfr_t w, a, c, s, d;
    mpfr_inits2(600, w, a, c, s, d, (mpfr_ptr)0);
    for (int64_t pos = 5000; pos < 9000; pos++) {
        const rc_cs_entry *e = rc_cs_cache_get(rc_golden_mpfr_cache(g), pos);
        ck_assert(e->err > 0 && e->err < 0x1p-100);
        if (pos % 97 != 0 && pos != 8999)
            continue;
        for (int k = 0; k < 32; k += 5) {
            mpfr_set_ui(w, 10000, MPFR_RNDN);
            mpfr_set_si(a, -2 * k, MPFR_RNDN);
            mpfr_div_ui(a, a, 64, MPFR_RNDN);
            mpfr_pow(w, w, a, MPFR_RNDN);
            mpfr_mul_si(a, w, (long)pos, MPFR_RNDN);
            mpfr_sin_cos(s, c, a, MPFR_RNDN);
            mpfr_sub(d, c, e->c + k, MPFR_RNDN);
            ck_assert(mpfr_get_d(d, MPFR_RNDA) <= e->err && -mpfr_get_d(d, MPFR_RNDA) <= e->err);
            mpfr_sub(d, s, e->s + k, MPFR_RNDN);
            ck_assert(fabs(mpfr_get_d(d, MPFR_RNDA)) <= e->err);
        }
    }
    long direct, stepped;
    rc_cs_cache_stats(rc_golden_mpfr_cache(g), &direct, &stepped, NULL);
    /* every position came from the cache's two paths, almost all stepped
     * (a budget flush restarts the walk with one direct evaluation) */
    ck_assert_int_eq(direct + stepped, 4000);
    ck_assert_msg(direct * 100 < stepped, "direct %ld, stepped %ld", direct, stepped);
    mpfr_clears(w, a, c, s, d, (mpfr_ptr)0);
    rc_golden_free(g);
}
END_TEST

/* v is within tol of a midpoint between two neighbours in float */
static int near_f32_tie(double v, double tol)
{
    float f = (float)v;
    float nb = nextafterf(f, (v > (double)f) ? INFINITY : -INFINITY);
    double mid = ((double)f + (double)nb) / 2;
    return fabs(v - mid) <= tol;
}

START_TEST(test_fp32_agreement)
{
    /* A double evaluation (libm cos/sin, error ~1e-16) rounded to f32 must
     * give the golden's bits except within a hair of a float midpoint. */
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 128, 128, 10000);
    p.pairing = RC_INTERLEAVED;
    rc_golden *g = mkg(&p);
    enum { NT = 64 };
    static float in[NT * 128], out[NT * 128];
    int64_t pos[NT];
    for (int t = 0; t < NT; t++)
        pos[t] = (int64_t)(rng() % 4096);
    for (int i = 0; i < NT * 128; i++)
        in[i] = (float)urand();
    rc_tensor ti = tensor(RC_F32, in, NT, 1, 128), to = tensor(RC_F32, out, NT, 1, 128);
    ck_assert_int_eq(rc_golden_apply(g, pos, &ti, &to, 1), 0);
    int checked = 0, excused = 0;
    for (int t = 0; t < NT; t++)
        for (int k = 0; k < 64; k++) {
            double a = (double)pos[t] * pow(10000.0, -k / 64.0);
            double c = cos(a), s = sin(a), x0 = in[t * 128 + 2 * k], x1 = in[t * 128 + 2 * k + 1];
            double y[2] = {x0 * c - x1 * s, x0 * s + x1 * c};
            for (int j = 0; j < 2; j++) {
                float want = (float)y[j], got = out[t * 128 + 2 * k + j];
                if (want != got) {
                    ck_assert_msg(near_f32_tie(y[j], 1e-11), "pos %lld k %d: %a vs %a",
                                  (long long)pos[t], k, (double)got, (double)want);
                    excused++;
                }
                checked++;
            }
        }
    ck_assert_int_eq(checked, NT * 128);
    ck_assert_int_le(excused, 2);
    rc_golden_free(g);
}
END_TEST

START_TEST(test_subnormal_and_overflow_outputs)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 8, 8, 10000);
    rc_golden *g = mkg(&p);
    /* p = 0: y = x, rounded once to f16 (pairs (0,4) (1,5) (2,6) (3,7)) */
    double x[8] = {0x1p-24, 0x1p-25, 3 * 0x1p-26, 65520.0, 65519.0, -0x1p-25, 0x1.ffp127, 1e-30};
    double y[8];
    uint16_t want[8] = {0x0001, 0x0000, 0x0001, 0x7c00, 0x7bff, 0x8000, 0x7c00, 0x0000};
    unsigned char in[64], out[64];
    for (int i = 0; i < 8; i++)
        rc_store(in, RC_F32, (size_t)i, x[i]);
    rc_tensor ti = tensor(RC_F32, in, 1, 1, 8), to = tensor(RC_F16, out, 1, 1, 8);
    int64_t pos = 0;
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &to, 1), 0);
    for (int i = 0; i < 8; i++)
        ck_assert_msg(rc_load_bits(out, RC_F16, (size_t)i) == want[i], "ch %d: %04x", i,
                      (unsigned)rc_load_bits(out, RC_F16, (size_t)i));
    to.dtype = RC_BF16;
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &to, 1), 0);
    ck_assert_uint_eq(rc_load_bits(out, RC_BF16, 6), 0x7f80); /* 0x1.ffp127: tie -> inf */
    ck_assert_uint_eq(rc_load_bits(out, RC_BF16, 1), 0x3300); /* 2^-25 is normal in bf16 */

    /* p != 0, tiny inputs: results in the f16 subnormal range, checked
     * against a double evaluation away from ties */
    for (int trial = 0; trial < 200; trial++) {
        double xs[8];
        for (int i = 0; i < 8; i++)
            xs[i] = (double)(float)(urand() * 0x1p-17);
        int64_t pp = 1 + (int64_t)(rng() % 1000);
        apply1(g, pp, RC_F32, xs, RC_F16, y, 1);
        for (int k = 0; k < 4; k++) {
            double a = (double)pp * pow(10000.0, -k / 4.0);
            double r0 = xs[k] * cos(a) - xs[k + 4] * sin(a);
            double q = r0 / 0x1p-24; /* in subnormal quanta */
            if (fabs(q - floor(q) - 0.5) < 1e-6)
                continue;
            ck_assert_uint_eq(bits_of(y[k], RC_F16), rc_f16_from_double(r0));
        }
    }
    rc_golden_free(g);
}
END_TEST

START_TEST(test_special_values)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 2, 2, 10000);
    rc_golden *g = mkg(&p);
    double y[2];
    /* p = 1: cos 1 > 0, sin 1 > 0 */
    double a[2] = {INFINITY, 1.0};
    apply1(g, 1, RC_F32, a, RC_F32, y, 1);
    ck_assert(isinf(y[0]) && y[0] > 0 && isinf(y[1]) && y[1] > 0);
    /* p = 0: y1 = Inf * 0 + 1 * 1 = NaN */
    apply1(g, 0, RC_F32, a, RC_F32, y, 1);
    ck_assert(isinf(y[0]) && y[0] > 0);
    ck_assert(isnan(y[1]));
    double b[2] = {INFINITY, INFINITY}; /* Inf c - Inf s = NaN, Inf s + Inf c = Inf */
    apply1(g, 1, RC_F32, b, RC_F16, y, 1);
    ck_assert(isnan(y[0]));
    ck_assert(isinf(y[1]) && y[1] > 0);
    /* backward negates sin: Inf c + Inf s = Inf, -Inf s + Inf c = NaN */
    apply1(g, 1, RC_F32, b, RC_F32, y, -1);
    ck_assert(isinf(y[0]) && y[0] > 0);
    ck_assert(isnan(y[1]));
    double n[2] = {NAN, 0.0};
    apply1(g, 5, RC_F32, n, RC_BF16, y, 1);
    ck_assert(isnan(y[0]) && isnan(y[1]));
    /* p = 2: cos 2 < 0, so -Inf * cos 2 - 0 = +Inf */
    double c[2] = {-INFINITY, 0.0};
    apply1(g, 2, RC_F64, c, RC_F64, y, 1);
    ck_assert(isinf(y[0]) && y[0] > 0);
    ck_assert(isinf(y[1]) && y[1] < 0);

    /* signed zeros at p = 0: y0 = x0 - x1*0, y1 = x0*0 + x1 */
    double z1[2] = {-0.0, 0.0};
    apply1(g, 0, RC_F32, z1, RC_F32, y, 1);
    ck_assert(y[0] == 0 && signbit(y[0]) && y[1] == 0 && !signbit(y[1]));
    double z2[2] = {-0.0, -0.0};
    apply1(g, 0, RC_F32, z2, RC_F16, y, 1);
    ck_assert(y[0] == 0 && !signbit(y[0]) && y[1] == 0 && signbit(y[1]));
    /* backward at p = 0: sin(-0) = -0, so y0 = -0 - (+0)(-0) = -0 + 0 */
    apply1(g, 0, RC_F32, z1, RC_F32, y, -1);
    ck_assert(y[0] == 0 && !signbit(y[0]));
    /* p = 1 (cos, sin > 0): -0 c - (+0) s = -0;  -0 s + 0 c = +0 */
    apply1(g, 1, RC_F32, z1, RC_F32, y, 1);
    ck_assert(y[0] == 0 && signbit(y[0]) && y[1] == 0 && !signbit(y[1]));
    /* p = 0, one zero input: y0 = -0 - 5*0 = -0, y1 = 5 */
    double z3[2] = {-0.0, 5.0};
    apply1(g, 0, RC_F32, z3, RC_F32, y, 1);
    ck_assert(y[0] == 0 && signbit(y[0]) && y[1] == 5.0);
    rc_golden_free(g);
}
END_TEST

START_TEST(test_pairing_and_passthrough)
{
    /* the same pairs, laid out both ways, give the same numbers */
    rc_rope_params ph = mk(RC_ROPE_YARN, 24, 16, 10000), pi = ph;
    pi.pairing = RC_INTERLEAVED;
    rc_golden *gh = mkg(&ph), *gi = mkg(&pi);
    double xh[24], xi[24], yh[24], yi[24];
    for (int i = 0; i < 24; i++)
        xh[i] = (double)(float)urand();
    for (int k = 0; k < 8; k++) {
        xi[2 * k] = xh[k];
        xi[2 * k + 1] = xh[k + 8];
    }
    for (int i = 16; i < 24; i++)
        xi[i] = xh[i];
    apply1(gh, 777, RC_F32, xh, RC_BF16, yh, 1);
    apply1(gi, 777, RC_F32, xi, RC_BF16, yi, 1);
    for (int k = 0; k < 8; k++) {
        ck_assert(yi[2 * k] == yh[k]);
        ck_assert(yi[2 * k + 1] == yh[k + 8]);
    }
    for (int i = 16; i < 24; i++) /* pass-through: one rounding f32 -> bf16 */
        ck_assert(yh[i] == rc_bf16_to_double(rc_bf16_from_double(xh[i])));
    rc_golden_free(gh);
    rc_golden_free(gi);
}
END_TEST

START_TEST(test_backward_symmetry)
{
    /* R(-a)(x0, x1) = (x0 c + x1 s, x1 c - x0 s): the first output equals
     * the forward y0 of (x0, -x1) and the second is minus its y1, bit for
     * bit, because round-to-nearest is symmetric. */
    rc_rope_params p = mk(RC_ROPE_YARN, 32, 32, 10000);
    rc_golden *g = mkg(&p);
    for (int trial = 0; trial < 20; trial++) {
        double x[32], xn[32], yb[32], yf[32];
        for (int i = 0; i < 32; i++)
            x[i] = (double)(float)urand();
        memcpy(xn, x, sizeof x);
        for (int k = 0; k < 16; k++)
            xn[k + 16] = -x[k + 16];
        int64_t pos = (int64_t)(rng() % 50000);
        apply1(g, pos, RC_F32, x, RC_F32, yb, -1);
        apply1(g, pos, RC_F32, xn, RC_F32, yf, 1);
        for (int k = 0; k < 16; k++) {
            ck_assert(yb[k] == yf[k]);
            ck_assert(yb[k + 16] == -yf[k + 16]);
        }
    }
    rc_golden_free(g);
}
END_TEST

START_TEST(test_round_bits_vs_mpfr)
{
    /* The bit construction against MPFR's own conversions: mpfr_get_d for
     * binary64, and the CORE-MATH recipe (target precision and exponent
     * range, mpfr_subnormalize, mpfr_get_flt) for binary32; binary16 and
     * bfloat16 against half.h on 53-bit values. */
    mpfr_t y, s, r;
    mpfr_inits2(120, y, (mpfr_ptr)0);
    mpfr_init2(s, 64);
    mpfr_init2(r, 24);
    const mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
    for (int i = 0; i < 20000; i++) {
        double m = urand();
        int e = (int)(rng() % 278) - 150;
        if (i % 3 == 0)
            e = -150 + (int)(rng() % 30); /* f32 subnormal neighbourhood */
        mpfr_set_d(y, m, MPFR_RNDN);
        mpfr_mul_2si(y, y, e, MPFR_RNDN);
        mpfr_nextabove(y); /* bits beyond 53 */
        if (i % 5 == 0)
            mpfr_prec_round(y, 30, MPFR_RNDN); /* exact ties happen */
        mpfr_set_prec(r, 24);
        uint64_t b64 = rc_round_bits(y, RC_F64, s);
        double d = mpfr_get_d(y, MPFR_RNDN);
        ck_assert_uint_eq(b64, rc_bits_f64(d));
        uint64_t b32 = rc_round_bits(y, RC_F32, s);
        if (mpfr_get_exp(y) < -148) {
            /* below the least subnormal 2^-149, outside the recipe's
             * exponent range: 0 up to the tie 2^-150, else 2^-149 */
            mpfr_set_ui_2exp(r, 1, -150, MPFR_RNDN);
            ck_assert_uint_eq(b32 & 0x7fffffffu, mpfr_cmpabs(y, r) > 0 ? 1u : 0u);
            continue;
        }
        mpfr_set_emin(-148);
        mpfr_set_emax(128);
        int inex = mpfr_set(r, y, MPFR_RNDN);
        inex = mpfr_check_range(r, inex, MPFR_RNDN);
        mpfr_subnormalize(r, inex, MPFR_RNDN);
        float f = mpfr_get_flt(r, MPFR_RNDN);
        mpfr_set_emin(emin);
        mpfr_set_emax(emax);
        ck_assert_msg(b32 == rc_bits_f32(f), "%a: %08llx vs %08x", d, (unsigned long long)b32,
                      rc_bits_f32(f));
        mpfr_set_d(y, d, MPFR_RNDN); /* a double: half.h rounds it exactly once */
        ck_assert_uint_eq(rc_round_bits(y, RC_F16, s), rc_f16_from_double(d));
        ck_assert_uint_eq(rc_round_bits(y, RC_BF16, s), rc_bf16_from_double(d));
    }
    mpfr_clears(y, s, r, (mpfr_ptr)0);
}
END_TEST

START_TEST(test_cache_reuse)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 16, 16, 10000);
    rc_golden *g = mkg(&p), *gr = mkg(&p);
    /* the MPFR cache's stepping; test_golden_fast.c covers the fast one */
    rc_golden_set_fast(g, 0);
    rc_golden_set_fast(gr, 0);
    enum { NT = 100 };
    int64_t pos[NT], rpos[NT];
    static float in[NT * 16], out[NT * 16], rout[NT * 16];
    for (int t = 0; t < NT; t++) {
        pos[t] = t;
        rpos[t] = NT - 1 - t;
    }
    for (int i = 0; i < NT * 16; i++)
        in[i] = (float)urand();
    rc_tensor ti = tensor(RC_F32, in, NT, 1, 16), to = tensor(RC_F32, out, NT, 1, 16);
    ck_assert_int_eq(rc_golden_apply(g, pos, &ti, &to, 1), 0);
    long direct, stepped, hits;
    rc_cs_cache_stats(rc_golden_mpfr_cache(g), &direct, &stepped, &hits);
    ck_assert_int_eq(direct, 1);
    ck_assert_int_eq(stepped, NT - 1);
    ck_assert_int_eq(rc_golden_apply(g, pos, &ti, &to, 1), 0);
    rc_cs_cache_stats(rc_golden_mpfr_cache(g), &direct, &stepped, &hits);
    ck_assert_int_eq(hits, NT);
    /* reversed order: every entry computed directly; the same outputs */
    static float rin[NT * 16];
    for (int t = 0; t < NT; t++)
        memcpy(rin + t * 16, in + (NT - 1 - t) * 16, 16 * sizeof(float));
    rc_tensor tri = tensor(RC_F32, rin, NT, 1, 16), tro = tensor(RC_F32, rout, NT, 1, 16);
    ck_assert_int_eq(rc_golden_apply(gr, rpos, &tri, &tro, 1), 0);
    rc_cs_cache_stats(rc_golden_mpfr_cache(gr), &direct, &stepped, &hits);
    ck_assert_int_eq(stepped, 0);
    for (int t = 0; t < NT; t++)
        ck_assert(memcmp(rout + t * 16, out + (NT - 1 - t) * 16, 16 * sizeof(float)) == 0);
    rc_golden_free(g);
    rc_golden_free(gr);
}
END_TEST

START_TEST(test_apply_errors)
{
    rc_rope_params p = mk(RC_ROPE_DEFAULT, 8, 8, 10000);
    rc_golden *g = mkg(&p);
    float a[8] = {0};
    uint16_t h[8];
    int64_t pos = 0;
    rc_tensor ti = tensor(RC_F32, a, 1, 1, 8), to = tensor(RC_F16, h, 1, 1, 8);
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &to, 2), -1);
    ck_assert_ptr_nonnull(strstr(rc_golden_last_error(g), "sign"));
    rc_tensor bad = tensor(RC_F16, h, 1, 1, 4);
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &bad, 1), -1);
    ck_assert_ptr_nonnull(strstr(rc_golden_last_error(g), "head_dim"));
    ck_assert_int_eq(rc_golden_apply(g, NULL, &ti, &to, 1), -1);
    rc_tensor inplace = tensor(RC_F16, a, 1, 1, 8);
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &inplace, 1), -1);
    /* in place with one dtype works */
    a[0] = 1.0f;
    ck_assert_int_eq(rc_golden_apply(g, &pos, &ti, &ti, 1), 0);
    ck_assert(a[0] == 1.0f);
    rc_golden_free(g);
}
END_TEST

/* ---------------------------------------------------------------------- */

static void expect_invalid(rc_rope_params p, const char *field)
{
    char err[256] = "";
    ck_assert_int_eq(rc_params_validate(&p, err, sizeof err), -1);
    ck_assert_msg(strstr(err, field) != NULL, "message \"%s\" does not name %s", err, field);
    ck_assert_ptr_null(strchr(err, '\n'));
    ck_assert_ptr_null(rc_golden_new(&p, err, sizeof err));
}

START_TEST(test_validation)
{
    char err[256];
    for (int t = 0; t < RC_ROPE_TYPE_COUNT; t++) {
        rc_rope_params p = mk((rc_rope_type)t, 128, 64, 10000);
        ck_assert_msg(rc_params_validate(&p, err, sizeof err) == 0, "type %d: %s", t, err);
    }
    rc_rope_params d = mk(RC_ROPE_DEFAULT, 64, 64, 10000), p;
    p = d; p.rotary_dim = 63; expect_invalid(p, "rotary_dim 63 is odd");
    p = d; p.rotary_dim = 0; expect_invalid(p, "rotary_dim");
    p = d; p.rotary_dim = 66; expect_invalid(p, "rotary_dim");
    p = d; p.head_dim = 0; expect_invalid(p, "head_dim");
    p = d; p.head_dim = 4096; p.rotary_dim = 64; expect_invalid(p, "head_dim");
    p = d; p.base = 1.0; expect_invalid(p, "base");
    p = d; p.base = NAN; expect_invalid(p, "base");
    p = d; p.base = INFINITY; expect_invalid(p, "base");
    p = d; p.reserved0 = 1; expect_invalid(p, "reserved0");
    p = d; p.struct_size = 0; expect_invalid(p, "struct_size");
    p = d; p.pairing = (rc_pairing)7; expect_invalid(p, "pairing");
    p = d; p.type = (rc_rope_type)9; expect_invalid(p, "type");

    d = mk(RC_ROPE_LINEAR, 64, 64, 10000);
    p = d; p.factor = 0.5; expect_invalid(p, "factor");
    p = d; p.factor = NAN; expect_invalid(p, "factor");

    d = mk(RC_ROPE_DYNAMIC_NTK, 64, 64, 10000);
    p = d; p.factor = 0.9; expect_invalid(p, "factor");
    p = d; p.original_max_position = 0; expect_invalid(p, "original_max_position");
    p = d; p.rotary_dim = 2; expect_invalid(p, "rotary_dim");
    p = d; p.seq_len = -1; expect_invalid(p, "seq_len");

    d = mk(RC_ROPE_YARN, 64, 64, 10000);
    p = d; p.factor = 0.5; expect_invalid(p, "factor");
    p = d; p.original_max_position = -5; expect_invalid(p, "original_max_position");
    p = d; p.beta_fast = 1; expect_invalid(p, "beta_fast");
    p = d; p.beta_fast = 0.5; expect_invalid(p, "beta_fast");
    p = d; p.beta_slow = 0; p.beta_fast = 32; expect_invalid(p, "beta_slow");
    p = d; p.beta_fast = INFINITY; expect_invalid(p, "beta_fast");
    p = d; p.attention_factor = NAN; expect_invalid(p, "attention_factor");
    p = d; p.attention_factor = -1; expect_invalid(p, "attention_factor");
    p = d; p.mscale = INFINITY; p.mscale_all_dim = 1; expect_invalid(p, "mscale");
    p = d; p.truncate = 2; expect_invalid(p, "truncate");
    p = d; p.mscale = 1; p.mscale_all_dim = -20; expect_invalid(p, "magnitude");

    d = mk(RC_ROPE_LLAMA3, 64, 64, 500000);
    p = d; p.low_freq_factor = 4; expect_invalid(p, "low_freq_factor");  /* == high */
    p = d; p.low_freq_factor = 5; expect_invalid(p, "low_freq_factor");  /* > high */
    p = d; p.low_freq_factor = 0; expect_invalid(p, "low_freq_factor");
    p = d; p.high_freq_factor = NAN; expect_invalid(p, "high_freq_factor");
    p = d; p.factor = 0.5; expect_invalid(p, "factor");
    p = d; p.original_max_position = 0; expect_invalid(p, "original_max_position");

    d = mk(RC_ROPE_LONGROPE, 64, 64, 10000);
    double bad[32];
    for (int i = 0; i < 32; i++)
        bad[i] = 1.0;
    p = d; p.short_factor = NULL; expect_invalid(p, "short_factor");
    p = d; p.long_factor = NULL; expect_invalid(p, "long_factor");
    bad[7] = 0.0;
    p = d; p.short_factor = bad; expect_invalid(p, "short_factor[7]");
    bad[7] = NAN;
    p = d; p.long_factor = bad; expect_invalid(p, "long_factor[7]");
    p = d; p.factor = -1; expect_invalid(p, "factor");
    p = d; p.factor = 0; p.max_position = 0; expect_invalid(p, "max_position");
    p = d; p.original_max_position = 0; expect_invalid(p, "original_max_position");
    p = d; p.attention_factor = INFINITY; expect_invalid(p, "attention_factor");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("golden");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_p0_identity);
    tcase_add_test(tc, test_p0_magnitude);
    tcase_add_test(tc, test_inv_freq_exact);
    tcase_add_test(tc, test_r2_rotation);
    tcase_add_test(tc, test_cos_sin_constants);
    tcase_add_test(tc, test_angles);
    tcase_add_test(tc, test_yarn_bounds);
    tcase_add_test(tc, test_magnitudes);
    tcase_add_test(tc, test_llama3_bands);
    tcase_add_test(tc, test_dynamic_ntk);
    tcase_add_test(tc, test_longrope_switch);
    tcase_add_test(tc, test_levels_agree);
    tcase_add_test(tc, test_fp32_agreement);
    tcase_add_loop_test(tc, test_cancellation, 0, 2);
    tcase_add_test(tc, test_cache_error_bound);
    tcase_add_test(tc, test_subnormal_and_overflow_outputs);
    tcase_add_test(tc, test_special_values);
    tcase_add_test(tc, test_pairing_and_passthrough);
    tcase_add_test(tc, test_backward_symmetry);
    tcase_add_test(tc, test_round_bits_vs_mpfr);
    tcase_add_test(tc, test_cache_reuse);
    tcase_add_test(tc, test_apply_errors);
    tcase_add_test(tc, test_validation);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
