/*
 * Numeric self-checks of the bundled adapters, loaded as the harness loads
 * them (dlopen of the .so files in build/adapters): the reference against closed-form
 * anchors and against the independent float64 example, the pipeline's
 * invariants (pairing permutation, in-place, strides, pass-through,
 * backward), and every example against the reference within its style's
 * precision.  No golden engine here: these must hold before it is trusted.
 */
#include <check.h>
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "default_params.h"
#include "rope_conform/adapter.h"
#include "rope_conform/half.h"

typedef struct loaded {
    void *dl;
    const rc_adapter *ad;
    void *state;
} loaded;

static loaded load(const char *lib)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/adapters/%s.so", RC_BUILD_DIR, lib);
    loaded l = { 0 };
    l.dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(l.dl != NULL, "dlopen %s: %s", path, dlerror());
    rc_adapter_entry_fn fn;
    *(void **)&fn = dlsym(l.dl, RC_ADAPTER_SYMBOL);
    ck_assert_msg(fn != NULL, "%s: no %s", path, RC_ADAPTER_SYMBOL);
    l.ad = fn();
    ck_assert_int_eq(l.ad->abi_version, RC_ABI_VERSION);
    ck_assert_int_eq(l.ad->init(&l.state), RC_OK);
    return l;
}

static void unload(loaded *l)
{
    l->ad->fini(l->state);
    dlclose(l->dl);
}

static rc_rope_params params(rc_rope_type type, rc_pairing pairing, int head_dim, int r, double base)
{
    rc_rope_params p = { 0 };
    p.struct_size = sizeof p;
    p.head_dim = head_dim;
    p.rotary_dim = r;
    p.pairing = pairing;
    p.type = type;
    p.base = base;
    switch (type) {
    case RC_ROPE_LINEAR: p.factor = 4; break;
    case RC_ROPE_DYNAMIC_NTK: p.factor = 2; p.original_max_position = 2048; p.seq_len = 3000; break;
    case RC_ROPE_YARN:
        p.factor = 4; p.original_max_position = 4096; p.beta_fast = 32; p.beta_slow = 1; p.truncate = 1;
        break;
    case RC_ROPE_LONGROPE: {
        static double sf[256], lf[256];
        for (int k = 0; k < 256; k++) {
            sf[k] = 1.0 + 0.01 * k;
            lf[k] = 1.0 + 0.5 * k;
        }
        p.factor = 0; p.original_max_position = 4096; p.max_position = 131072; p.seq_len = 5000;
        p.short_factor = sf; p.long_factor = lf;
        break;
    }
    case RC_ROPE_LLAMA3:
        p.factor = 8; p.original_max_position = 8192; p.low_freq_factor = 1; p.high_freq_factor = 4;
        break;
    case RC_ROPE_PROPORTIONAL: p.factor = 1; p.freq_pairs = r / 4; break;
    default: break;
    }
    return p;
}

static size_t dsize(rc_dtype t) { return t == RC_F64 ? 8 : t == RC_F32 ? 4 : 2; }

static double get(rc_dtype t, const void *d, size_t i)
{
    switch (t) {
    case RC_F64: return ((const double *)d)[i];
    case RC_F32: return ((const float *)d)[i];
    case RC_F16: return rc_f16_to_double(((const uint16_t *)d)[i]);
    default: return rc_bf16_to_double(((const uint16_t *)d)[i]);
    }
}

static void put(rc_dtype t, void *d, size_t i, double v)
{
    switch (t) {
    case RC_F64: ((double *)d)[i] = v; break;
    case RC_F32: ((float *)d)[i] = (float)v; break;
    case RC_F16: ((uint16_t *)d)[i] = rc_f16_from_double(v); break;
    default: ((uint16_t *)d)[i] = rc_bf16_from_double(v); break;
    }
}

/* A contiguous [n][heads][dim] tensor of dtype t filled with values in
 * (-1, 1) from a fixed linear congruential sequence. */
static rc_tensor tensor(rc_dtype t, int64_t n, int64_t heads, int64_t dim, unsigned seed)
{
    rc_tensor x = { t, calloc((size_t)(n * heads * dim), dsize(t)), n, heads, dim, heads * dim, dim };
    for (int64_t i = 0; i < n * heads * dim; i++) {
        seed = seed * 1103515245u + 12345u;
        put(t, x.data, (size_t)i, ((seed >> 8) & 0xffff) / 32768.0 - 1.0);
    }
    return x;
}

static rc_tensor like(const rc_tensor *x)
{
    rc_tensor y = *x;
    y.data = calloc((size_t)(x->n_tokens * x->token_stride), dsize(x->dtype));
    return y;
}

static const int64_t POS[] = { 0, 1, 2, 7, 100, 1000, 4095, 4096 };
#define NPOS ((int64_t)(sizeof POS / sizeof POS[0]))

/* Largest pair error |y - ref| / (|x pair| m) over the tensor, excluding
 * pass-through channels, with pair k's allowance abs + rel * angle_k. */
static double worst_ratio(const rc_rope_params *p, const rc_tensor *x, const rc_tensor *y,
                          const rc_tensor *ref, const double *w, double m, double abs_tol, double rel_tol)
{
    double worst = 0;
    for (int64_t t = 0; t < x->n_tokens; t++)
        for (int64_t h = 0; h < x->n_heads; h++)
            for (int k = 0; k < p->rotary_dim / 2; k++) {
                const int i0 = p->pairing == RC_INTERLEAVED ? 2 * k : k;
                const int i1 = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + p->rotary_dim / 2;
                const size_t b = (size_t)(t * x->token_stride + h * x->head_stride);
                const double nx = hypot(get(x->dtype, x->data, b + i0), get(x->dtype, x->data, b + i1));
                const double e = hypot(get(y->dtype, y->data, b + i0) - get(ref->dtype, ref->data, b + i0),
                                       get(y->dtype, y->data, b + i1) - get(ref->dtype, ref->data, b + i1));
                const double allow = (abs_tol + rel_tol * fabs((double)POS[t] * w[k])) * (nx * m + 1e-30);
                if (e / allow > worst)
                    worst = e / allow;
            }
    return worst;
}

/* w'_k recovered from the reference's own cos/sin table at p = 1. */
static void ref_freqs(loaded *ref, const rc_rope_params *p, double *w, double *m)
{
    const int half = p->rotary_dim / 2;
    double *c = malloc(sizeof(double) * (size_t)half), *s = malloc(sizeof(double) * (size_t)half);
    const int64_t one = 1;
    ck_assert_int_eq(ref->ad->cos_sin(ref->state, p, &one, 1, RC_F64, c, s), RC_OK);
    *m = hypot(c[0], s[0]);
    for (int k = 0; k < half; k++)
        w[k] = atan2(s[k], c[k]);
    free(c);
    free(s);
}

START_TEST(test_position_zero_is_magnitude)
{
    loaded ref = load("librope_reference");
    for (int type = 0; type < RC_ROPE_TYPE_COUNT; type++) {
        rc_rope_params p = params((rc_rope_type)type, RC_HALF_SPLIT, 64, 64, 10000);
        rc_tensor x = tensor(RC_F64, 3, 2, 64, 7u + (unsigned)type), y = like(&x);
        const int64_t zero[3] = { 0, 0, 0 };
        ck_assert_int_eq(ref.ad->apply(ref.state, &p, zero, &x, &y), RC_OK);
        double w[32], m;
        ref_freqs(&ref, &p, w, &m);
        for (int64_t i = 0; i < 3 * 2 * 64; i++) {
            const long double want = (long double)((double *)x.data)[i] * (long double)m;
            ck_assert_msg(fabs(((double *)y.data)[i] - (double)want) <= 1e-15 * fabs((double)want),
                          "type %d element %lld", type, (long long)i);
        }
        free(x.data);
        free(y.data);
    }
    unload(&ref);
}
END_TEST

START_TEST(test_one_radian)
{
    /* pair 0 has w = 1: (1, 0) at p = 1 becomes (cos 1, sin 1) */
    loaded ref = load("librope_reference");
    rc_rope_params p = params(RC_ROPE_DEFAULT, RC_INTERLEAVED, 4, 4, 10000);
    double in[4] = { 1, 0, 0, 0 }, out[4];
    rc_tensor x = { RC_F64, in, 1, 1, 4, 4, 4 }, y = { RC_F64, out, 1, 1, 4, 4, 4 };
    const int64_t one = 1;
    ck_assert_int_eq(ref.ad->apply(ref.state, &p, &one, &x, &y), RC_OK);
    ck_assert(out[0] == (double)cosl(1.0L));
    ck_assert(out[1] == (double)sinl(1.0L));
    ck_assert(out[2] == 0 && out[3] == 0);
    unload(&ref);
}
END_TEST

START_TEST(test_variant_anchors)
{
    loaded ref = load("librope_reference");
    double w[64], m;
    /* YaRN default magnitude 0.1 ln 4 + 1; truncated bounds (20, 46) for
     * r = 128, b = 1e4, L = 4096 (docs/variants.md) */
    rc_rope_params p = params(RC_ROPE_YARN, RC_HALF_SPLIT, 128, 128, 10000);
    ref_freqs(&ref, &p, w, &m);
    ck_assert_double_eq_tol(m, 1.138629436112, 1e-12);
    ck_assert_double_eq_tol(w[20], pow(10000, -40.0 / 128), 1e-15);
    ck_assert_double_eq_tol(w[46], pow(10000, -92.0 / 128) / 4, 1e-15);
    /* k = 33 is half-way up the ramp: w (1/2 + 1/(2s)) */
    ck_assert_double_eq_tol(w[33], pow(10000, -66.0 / 128) * 0.625, 1e-15);
    /* LONGROPE: seq_len 5000 > L picks long factors; m = sqrt(1 + ln 32 / ln 4096) */
    p = params(RC_ROPE_LONGROPE, RC_HALF_SPLIT, 64, 64, 10000);
    ref_freqs(&ref, &p, w, &m);
    ck_assert_double_eq_tol(m, sqrt(1 + log(32.0) / log(4096.0)), 1e-14);
    ck_assert_double_eq_tol(w[10], pow(10000, -20.0 / 64) / 6.0, 1e-15);
    p.seq_len = 4096;   /* == L: short factors */
    ref_freqs(&ref, &p, w, &m);
    ck_assert_double_eq_tol(w[10], pow(10000, -20.0 / 64) / 1.1, 1e-15);
    /* LLAMA3: highest frequency kept, lowest divided by the factor */
    p = params(RC_ROPE_LLAMA3, RC_HALF_SPLIT, 128, 128, 500000);
    ref_freqs(&ref, &p, w, &m);
    ck_assert_double_eq_tol(w[0], 1.0, 1e-15);
    ck_assert_double_eq_tol(w[63], pow(500000, -126.0 / 128) / 8, 1e-18);
    /* DYNAMIC_NTK with seq_len <= L is plain RoPE, bit for bit */
    rc_rope_params d = params(RC_ROPE_DYNAMIC_NTK, RC_HALF_SPLIT, 64, 64, 10000);
    rc_rope_params plain = params(RC_ROPE_DEFAULT, RC_HALF_SPLIT, 64, 64, 10000);
    double wd[32], wp[32];
    d.seq_len = 2048;
    ref_freqs(&ref, &d, wd, &m);
    ref_freqs(&ref, &plain, wp, &m);
    ck_assert(memcmp(wd, wp, sizeof wd) == 0);
    d.seq_len = 2049;
    ref_freqs(&ref, &d, wd, &m);
    ck_assert(wd[31] < wp[31]);
    unload(&ref);
}
END_TEST

START_TEST(test_reference_matches_fp64_example)
{
    loaded ref = load("librope_reference"), f64 = load("librope_example_fp64");
    for (int type = 0; type < RC_ROPE_TYPE_COUNT; type++)
        for (int pairing = 0; pairing < 2; pairing++) {
            rc_rope_params p = params((rc_rope_type)type, (rc_pairing)pairing, 96, 64, 10000);
            if (rc_params_abi_minor(&p) > rc_adapter_abi_minor(f64.ad))
                continue; /* an ABI-1.0 example is never given it */
            rc_tensor x = tensor(RC_F64, NPOS, 3, 96, 11u * (unsigned)type + (unsigned)pairing);
            rc_tensor a = like(&x), b = like(&x);
            ck_assert_int_eq(ref.ad->apply(ref.state, &p, POS, &x, &a), RC_OK);
            ck_assert_int_eq(f64.ad->apply(f64.state, &p, POS, &x, &b), RC_OK);
            double w[32], m;
            ref_freqs(&ref, &p, w, &m);
            const double r = worst_ratio(&p, &x, &b, &a, w, m, 1e-14, 1e-15);
            ck_assert_msg(r <= 1.0, "type %d pairing %d: error %.3g of allowance", type, pairing, r);
            free(x.data); free(a.data); free(b.data);
        }
    unload(&ref);
    unload(&f64);
}
END_TEST

START_TEST(test_pairings_are_permutations)
{
    loaded ref = load("librope_reference");
    const int r = 16, hd = 20;
    rc_rope_params hs = params(RC_ROPE_YARN, RC_HALF_SPLIT, hd, r, 10000);
    rc_rope_params il = hs;
    il.pairing = RC_INTERLEAVED;
    rc_tensor x = tensor(RC_F32, NPOS, 2, hd, 5), xi = like(&x), y = like(&x), yi = like(&x);
    /* interleaved channel 2k <- half-split k, 2k+1 <- k + r/2 */
    for (int64_t row = 0; row < NPOS * 2; row++) {
        const float *s = (const float *)x.data + row * hd;
        float *d = (float *)xi.data + row * hd;
        for (int k = 0; k < r / 2; k++) {
            d[2 * k] = s[k];
            d[2 * k + 1] = s[k + r / 2];
        }
        memcpy(d + r, s + r, sizeof(float) * (hd - r));
    }
    ck_assert_int_eq(ref.ad->apply(ref.state, &hs, POS, &x, &y), RC_OK);
    ck_assert_int_eq(ref.ad->apply(ref.state, &il, POS, &xi, &yi), RC_OK);
    for (int64_t row = 0; row < NPOS * 2; row++) {
        const float *a = (const float *)y.data + row * hd, *b = (const float *)yi.data + row * hd;
        for (int k = 0; k < r / 2; k++) {
            ck_assert(a[k] == b[2 * k]);
            ck_assert(a[k + r / 2] == b[2 * k + 1]);
        }
        ck_assert(memcmp(a + r, b + r, sizeof(float) * (hd - r)) == 0);
    }
    free(x.data); free(xi.data); free(y.data); free(yi.data);
    unload(&ref);
}
END_TEST

START_TEST(test_in_place_strides_pass_through)
{
    loaded ref = load("librope_reference");
    for (int t = 0; t < RC_DTYPE_COUNT; t++) {
        const rc_dtype dt = (rc_dtype)t;
        rc_rope_params p = params(RC_ROPE_LLAMA3, RC_INTERLEAVED, 24, 16, 500000);
        rc_tensor x = tensor(dt, NPOS, 3, 24, 9), y = like(&x);
        /* a NaN with a payload in a pass-through channel must survive */
        if (dt == RC_F16 || dt == RC_BF16)
            ((uint16_t *)x.data)[20] = 0x7e01;
        ck_assert_int_eq(ref.ad->apply(ref.state, &p, POS, &x, &y), RC_OK);
        ck_assert(memcmp((char *)x.data + 20 * dsize(dt), (char *)y.data + 20 * dsize(dt), 4 * dsize(dt)) == 0);
        /* the same tensor inside a padded, head-major buffer, in place */
        const int64_t ts = 26, hs = NPOS * 26 + 4;
        rc_tensor z = x;
        z.token_stride = ts;
        z.head_stride = hs;
        z.data = calloc((size_t)(3 * hs), dsize(dt));
        for (int64_t tok = 0; tok < NPOS; tok++)
            for (int64_t h = 0; h < 3; h++)
                memcpy((char *)z.data + (size_t)(tok * ts + h * hs) * dsize(dt),
                       (char *)x.data + (size_t)(tok * 72 + h * 24) * dsize(dt), 24 * dsize(dt));
        ck_assert_int_eq(ref.ad->apply(ref.state, &p, POS, &z, &z), RC_OK);
        for (int64_t tok = 0; tok < NPOS; tok++)
            for (int64_t h = 0; h < 3; h++)
                ck_assert(memcmp((char *)z.data + (size_t)(tok * ts + h * hs) * dsize(dt),
                                 (char *)y.data + (size_t)(tok * 72 + h * 24) * dsize(dt), 24 * dsize(dt)) == 0);
        free(x.data); free(y.data); free(z.data);
    }
    unload(&ref);
}
END_TEST

START_TEST(test_backward_inverts_apply)
{
    loaded ref = load("librope_reference");
    for (int type = 0; type < RC_ROPE_TYPE_COUNT; type++) {
        rc_rope_params p = params((rc_rope_type)type, RC_HALF_SPLIT, 32, 32, 10000);
        rc_tensor x = tensor(RC_F64, NPOS, 2, 32, 3), y = like(&x), z = like(&x);
        ck_assert_int_eq(ref.ad->apply(ref.state, &p, POS, &x, &y), RC_OK);
        ck_assert_int_eq(ref.ad->backward(ref.state, &p, POS, &y, &z), RC_OK);
        double w[16], m;
        ref_freqs(&ref, &p, w, &m);
        for (int64_t i = 0; i < NPOS * 2 * 32; i++) {
            const double want = m * m * ((double *)x.data)[i];
            ck_assert_msg(fabs(((double *)z.data)[i] - want) <= 1e-14, "type %d element %lld", type,
                          (long long)i);
        }
        free(x.data); free(y.data); free(z.data);
    }
    unload(&ref);
}
END_TEST

START_TEST(test_invalid_params_are_errors)
{
    loaded ref = load("librope_reference");
    rc_tensor x = tensor(RC_F32, 1, 1, 8, 1), y = like(&x);
    const int64_t pos = 3;
    rc_rope_params bad[5];
    for (int i = 0; i < 5; i++)
        bad[i] = params(RC_ROPE_DEFAULT, RC_HALF_SPLIT, 8, 8, 10000);
    bad[0].rotary_dim = 7;
    bad[1].rotary_dim = 10;
    bad[2].base = 1.0;
    bad[3].base = NAN;
    bad[4] = params(RC_ROPE_LONGROPE, RC_HALF_SPLIT, 8, 8, 10000);
    bad[4].long_factor = NULL;
    for (int i = 0; i < 5; i++) {
        ck_assert_int_eq(ref.ad->supports(ref.state, &bad[i], RC_F32), RC_OK);
        ck_assert_int_eq(ref.ad->apply(ref.state, &bad[i], &pos, &x, &y), RC_ERROR);
        ck_assert_msg(strstr(ref.ad->last_error(ref.state), "invalid params") != NULL, "%s",
                      ref.ad->last_error(ref.state));
    }
    rc_rope_params unknown = params(RC_ROPE_DEFAULT, RC_HALF_SPLIT, 8, 8, 10000);
    unknown.type = (rc_rope_type)42;
    ck_assert_int_eq(ref.ad->supports(ref.state, &unknown, RC_F32), RC_UNSUPPORTED);
    free(x.data); free(y.data);
    unload(&ref);
}
END_TEST

/* Every example, on what it supports, within its style's precision. */
static void check_example(const char *lib, rc_dtype dt, double abs_tol, double rel_tol)
{
    loaded ref = load("librope_reference"), ex = load(lib);
    int ran = 0;
    for (int type = 0; type < RC_ROPE_TYPE_COUNT; type++)
        for (int pairing = 0; pairing < 2; pairing++)
            for (int hd = 64; hd <= 256; hd *= 4) {
                rc_rope_params p = params((rc_rope_type)type, (rc_pairing)pairing, hd, hd, 10000);
                /* the harness never offers an ABI-1.0 example what needs 1.1 */
                if (rc_params_abi_minor(&p) > rc_adapter_abi_minor(ex.ad) ||
                    ex.ad->supports(ex.state, &p, dt) != RC_OK)
                    continue;
                rc_tensor x = tensor(dt, NPOS, 2, hd, 17), a = like(&x), b = like(&x);
                ck_assert_int_eq(ref.ad->apply(ref.state, &p, POS, &x, &a), RC_OK);
                ck_assert_int_eq(ex.ad->apply(ex.state, &p, POS, &x, &b), RC_OK);
                double w[128], m;
                ref_freqs(&ref, &p, w, &m);
                const double r = worst_ratio(&p, &x, &b, &a, w, m, abs_tol, rel_tol);
                ck_assert_msg(r <= 1.0, "%s type %d pairing %d head_dim %d: error %.3g of allowance",
                              lib, type, pairing, hd, r);
                if (ex.ad->backward) {
                    ck_assert_int_eq(ref.ad->backward(ref.state, &p, POS, &x, &a), RC_OK);
                    ck_assert_int_eq(ex.ad->backward(ex.state, &p, POS, &x, &b), RC_OK);
                    const double rb = worst_ratio(&p, &x, &b, &a, w, m, abs_tol, rel_tol);
                    ck_assert_msg(rb <= 1.0, "%s backward type %d: %.3g", lib, type, rb);
                }
                ran++;
                free(x.data); free(a.data); free(b.data);
            }
    ck_assert_msg(ran > 0, "%s supports nothing in %d", lib, (int)dt);
    unload(&ref);
    unload(&ex);
}

START_TEST(test_examples_fp32)
{
    /* a few 2^-24 roundings (one output ulp is up to 2^-23 of the pair
     * norm) plus an error proportional to each pair's angle, from the
     * float32 frequencies and angle; ggml's theta *= theta_scale grows with
     * the pair index */
    check_example("librope_example_hf", RC_F32, 5e-7, 4e-7);
    check_example("librope_example_vllm", RC_F32, 5e-7, 4e-7);
    check_example("librope_example_llama2c", RC_F32, 5e-7, 4e-7);
    check_example("librope_example_minimal", RC_F32, 5e-7, 4e-7);
    check_example("librope_example_ggml", RC_F32, 5e-7, 2e-5);
    check_example("librope_example_fp64", RC_F32, 1.5 * 0x1p-23, 1e-14);
}
END_TEST

START_TEST(test_examples_16bit)
{
    /* one output ulp of a component is up to 2^-7 (bf16) or 2^-10 (f16) of
     * the pair norm; HF and vLLM also round cos/sin and each product */
    check_example("librope_example_hf", RC_BF16, 3 * 0x1p-7, 4e-7);
    check_example("librope_example_vllm", RC_BF16, 3 * 0x1p-7, 4e-7);
    check_example("librope_example_hf", RC_F16, 3 * 0x1p-10, 4e-7);
    check_example("librope_example_vllm", RC_F16, 3 * 0x1p-10, 4e-7);
    check_example("librope_example_half_io", RC_BF16, 1.5 * 0x1p-7, 4e-7);
    check_example("librope_example_half_io", RC_F16, 1.5 * 0x1p-10, 4e-7);
    check_example("librope_example_ggml", RC_F16, 1.5 * 0x1p-10, 2e-5);
    check_example("librope_example_fp64", RC_BF16, 1.5 * 0x1p-7, 1e-14);
    check_example("librope_example_fp64", RC_F16, 1.5 * 0x1p-10, 1e-14);
}
END_TEST

START_TEST(test_examples_cos_sin)
{
    const char *libs[] = { "librope_example_fp64", "librope_example_hf", "librope_example_vllm",
                           "librope_example_ggml", "librope_example_half_io" };
    loaded ref = load("librope_reference");
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        loaded ex = load(libs[i]);
        rc_rope_params p = params(RC_ROPE_YARN, RC_HALF_SPLIT, 64, 64, 10000);
        const rc_dtype dt = i == 4 ? RC_F16 : RC_F32;
        uint8_t c[NPOS * 32 * 4], s[NPOS * 32 * 4], rc_[NPOS * 32 * 4], rs[NPOS * 32 * 4];
        ck_assert_int_eq(ex.ad->cos_sin(ex.state, &p, POS, NPOS, dt, c, s), RC_OK);
        ck_assert_int_eq(ref.ad->cos_sin(ref.state, &p, POS, NPOS, dt, rc_, rs), RC_OK);
        double w[32], m;
        ref_freqs(&ref, &p, w, &m);
        const double tol = dt == RC_F16 ? 0x1p-10 : 1e-6;
        for (int64_t t = 0; t < NPOS; t++)
            for (int k = 0; k < 32; k++) {
                const size_t j = (size_t)(t * 32 + k);
                const double allow = tol + 2e-5 * fabs((double)POS[t] * w[k]);
                ck_assert_msg(fabs(get(dt, c, j) - get(dt, rc_, j)) <= allow, "%s cos", libs[i]);
                ck_assert_msg(fabs(get(dt, s, j) - get(dt, rs, j)) <= allow, "%s sin", libs[i]);
            }
        unload(&ex);
    }
    unload(&ref);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("adapters_numeric");
    TCase *tc = tcase_create("reference");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_position_zero_is_magnitude);
    tcase_add_test(tc, test_one_radian);
    tcase_add_test(tc, test_variant_anchors);
    tcase_add_test(tc, test_reference_matches_fp64_example);
    tcase_add_test(tc, test_pairings_are_permutations);
    tcase_add_test(tc, test_in_place_strides_pass_through);
    tcase_add_test(tc, test_backward_inverts_apply);
    tcase_add_test(tc, test_invalid_params_are_errors);
    suite_add_tcase(s, tc);
    TCase *ex = tcase_create("examples");
    tcase_set_timeout(ex, 120);
    tcase_add_test(ex, test_examples_fp32);
    tcase_add_test(ex, test_examples_16bit);
    tcase_add_test(ex, test_examples_cos_sin);
    suite_add_tcase(s, ex);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    const int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
