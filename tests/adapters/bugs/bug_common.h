/* Plumbing of the buggy candidates of tests/test_diagnosis.c: each
 * bug_*.c picks one implementation style (style_*.h: fused fp64, cached
 * table, ggml-like iterative frequencies, HF-like float32 inv_freq) and
 * bends it in one place through the hooks below.  They are written for the
 * diagnosis test, independently of adapters/catalogue, and built against
 * the public headers only.
 *
 * Hooks (define before including a style):
 *   BUG_TYPES        bit set of supported rope types (1u << RC_ROPE_...)
 *   BUG_DTYPES       bit set of supported dtypes (1u << RC_F32 ...)
 *   BUG_FREQ(p, k)   the inverse frequency of pair k (bug_freq: correct)
 *   BUG_MAGNITUDE(p) the magnitude m (bug_magnitude: correct)
 *   BUG_NTK_LEN(p)   dynamic NTK's l (max(seq_len, L))
 *   BUG_YARN_RAMP(k, lo, hi), BUG_YARN_CORR(p, n), BUG_YARN_MSCALE(s)
 *   BUG_LLAMA3(p, w), BUG_LONGROPE(p, k, w)
 *   BUG_LLAMA3_WAVELEN(w), BUG_LLAMA3_HIGH_EDGE(a, b), BUG_LLAMA3_LOW_EDGE(a, b),
 *   BUG_LLAMA3_SMOOTH_DEN(a, b): the Llama 3 band formula's parts
 *   BUG_POS(pos, t)  the position token t is rotated by (pos[t])
 *   BUG_PAIRS(r2)    pairs rotated (r2)
 *   BUG_HEADS(n)     heads visited (n)
 *   BUG_IN_HEAD(h)   head whose input head h reads (h)
 *   BUG_PASS(v, ch)  a pass-through element's bits (v)
 *   BUG_PASS_SRC(ch) the channel a pass-through element is copied from (ch)
 *   BUG_SCALE(p)     a factor on every rotated output (1) */
#ifndef BUG_COMMON_H
#define BUG_COMMON_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rope_conform/adapter.h"
#include "rope_conform/half.h"

#define BUG_TWO_PI 6.283185307179586476925286766559005768

#ifndef BUG_TYPES
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LINEAR))
#endif
#ifndef BUG_DTYPES
#define BUG_DTYPES ((1u << RC_F32) | (1u << RC_F64))
#endif
#ifndef BUG_NTK_LEN
#define BUG_NTK_LEN(p) ((p)->seq_len > (p)->original_max_position ? (p)->seq_len : (p)->original_max_position)
#endif
#ifndef BUG_YARN_RAMP
#define BUG_YARN_RAMP(k, lo, hi) fmin(1.0, fmax(0.0, ((k) - (lo)) / ((hi) - (lo))))
#endif
#ifndef BUG_YARN_CORR
#define BUG_YARN_CORR(p, n) \
    ((p)->rotary_dim * log((double)(p)->original_max_position / ((n) * BUG_TWO_PI)) / (2.0 * log((p)->base)))
#endif
#ifndef BUG_YARN_MSCALE
#define BUG_YARN_MSCALE(s) ((s) <= 1.0 ? 1.0 : 0.1 * log(s) + 1.0)
#endif
#ifndef BUG_LLAMA3
#define BUG_LLAMA3(p, w) bug_llama3(p, w)
#endif
#ifndef BUG_LLAMA3_WAVELEN
#define BUG_LLAMA3_WAVELEN(w) (BUG_TWO_PI / (w))
#endif
#ifndef BUG_LLAMA3_HIGH_EDGE
#define BUG_LLAMA3_HIGH_EDGE(a, b) (b)
#endif
#ifndef BUG_LLAMA3_LOW_EDGE
#define BUG_LLAMA3_LOW_EDGE(a, b) (a)
#endif
#ifndef BUG_LLAMA3_SMOOTH_DEN
#define BUG_LLAMA3_SMOOTH_DEN(a, b) ((b) - (a))
#endif
#ifndef BUG_LONGROPE
#define BUG_LONGROPE(p, k, w) \
    ((w) / ((p)->seq_len > (p)->original_max_position ? (p)->long_factor : (p)->short_factor)[k])
#endif
#ifndef BUG_POS
#define BUG_POS(pos, t) ((pos)[t])
#endif
#ifndef BUG_PAIRS
#define BUG_PAIRS(r2) (r2)
#endif
#ifndef BUG_HEADS
#define BUG_HEADS(n) (n)
#endif
#ifndef BUG_IN_HEAD
#define BUG_IN_HEAD(h) (h)
#endif
#ifndef BUG_PASS
#define BUG_PASS(v, ch) (v)
#endif
#ifndef BUG_PASS_SRC
#define BUG_PASS_SRC(ch) (ch)
#endif
#ifndef BUG_SCALE
#define BUG_SCALE(p) 1.0
#endif
#ifndef BUG_FREQ
#define BUG_FREQ(p, k) bug_freq(p, k)
#endif
#ifndef BUG_MAGNITUDE
#define BUG_MAGNITUDE(p) bug_magnitude(p)
#endif

typedef struct bug_state {
    char error[160];
} bug_state;

static int bug_init(void **state)
{
    *state = calloc(1, sizeof(bug_state));
    return *state ? RC_OK : RC_ERROR;
}
static void bug_fini(void *state) { free(state); }
static const char *bug_last_error(void *state) { return state ? ((bug_state *)state)->error : "no state"; }

static int bug_fail(void *state, const char *why)
{
    if (state)
        snprintf(((bug_state *)state)->error, sizeof ((bug_state *)state)->error, "%s", why);
    return RC_ERROR;
}

/* The few rules every caller must meet; anything else is trusted. */
static int bug_invalid(const rc_rope_params *p)
{
    return !p || p->rotary_dim < 2 || p->rotary_dim % 2 || p->rotary_dim > p->head_dim || !(p->base > 1.0) ||
           !isfinite(p->base) || (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
           (p->type != RC_ROPE_DEFAULT && p->type != RC_ROPE_LONGROPE && !(p->factor > 0));
}

static __attribute__((unused)) int bug_supports(void *state, const rc_rope_params *p, rc_dtype dt)
{
    (void)state;
    if (!p || (unsigned)p->type >= RC_ROPE_TYPE_COUNT || !(BUG_TYPES & (1u << p->type)) ||
        (unsigned)dt >= RC_DTYPE_COUNT || !(BUG_DTYPES & (1u << dt)))
        return RC_UNSUPPORTED;
    return RC_OK;
}

static double bug_get(const rc_tensor *t, int64_t i)
{
    switch (t->dtype) {
    case RC_F64: return ((const double *)t->data)[i];
    case RC_F32: return ((const float *)t->data)[i];
    case RC_F16: return rc_f16_to_float(((const uint16_t *)t->data)[i]);
    default: return rc_bf16_to_float(((const uint16_t *)t->data)[i]);
    }
}

static void bug_put(rc_tensor *t, int64_t i, double v)
{
    switch (t->dtype) {
    case RC_F64: ((double *)t->data)[i] = v; break;
    case RC_F32: ((float *)t->data)[i] = (float)v; break;
    case RC_F16: ((uint16_t *)t->data)[i] = rc_f16_from_double(v); break;
    default: ((uint16_t *)t->data)[i] = rc_bf16_from_double(v); break;
    }
}

static __attribute__((unused)) double bug_llama3(const rc_rope_params *p, double w)
{
    const double L = (double)p->original_max_position, a = p->low_freq_factor, b = p->high_freq_factor;
    const double lambda = BUG_LLAMA3_WAVELEN(w);
    if (lambda < L / BUG_LLAMA3_HIGH_EDGE(a, b))
        return w;
    if (lambda > L / BUG_LLAMA3_LOW_EDGE(a, b))
        return w / p->factor;
    const double smooth = (L / lambda - a) / BUG_LLAMA3_SMOOTH_DEN(a, b);
    return (1.0 - smooth) * w / p->factor + smooth * w;
}

static double bug_yarn(const rc_rope_params *p, int k, double w)
{
    double lo = BUG_YARN_CORR(p, p->beta_fast), hi = BUG_YARN_CORR(p, p->beta_slow);
    if (p->truncate) {
        lo = floor(lo);
        hi = ceil(hi);
    }
    lo = fmax(lo, 0.0);
    hi = fmin(hi, (double)(p->rotary_dim - 1));
    if (lo == hi)
        hi += 0.001;
    const double ramp = BUG_YARN_RAMP((double)k, lo, hi);
    return w / p->factor * ramp + w * (1.0 - ramp);
}

static __attribute__((unused)) double bug_freq(const rc_rope_params *p, int k)
{
    double base = p->base, r = p->rotary_dim;
    if (p->type == RC_ROPE_DYNAMIC_NTK) {
        const double L = (double)p->original_max_position, l = (double)BUG_NTK_LEN(p);
        if (l != L)
            base *= pow(1.0 + p->factor * (l - L) / L, r / (r - 2.0));
    }
    const double w = pow(base, -2.0 * k / r);
    switch (p->type) {
    case RC_ROPE_LINEAR: return w / p->factor;
    case RC_ROPE_YARN: return bug_yarn(p, k, w);
    case RC_ROPE_LLAMA3: return BUG_LLAMA3(p, w);
    case RC_ROPE_LONGROPE: return BUG_LONGROPE(p, k, w);
    default: return w;
    }
}

static __attribute__((unused)) double bug_magnitude(const rc_rope_params *p)
{
    if (p->type == RC_ROPE_YARN) {
        if (p->attention_factor != 0.0)
            return p->attention_factor;
        if (p->mscale != 0.0 && p->mscale_all_dim != 0.0)
            return (0.1 * p->mscale * log(p->factor) + 1.0) / (0.1 * p->mscale_all_dim * log(p->factor) + 1.0);
        return BUG_YARN_MSCALE(p->factor);
    }
    if (p->type == RC_ROPE_LONGROPE) {
        if (p->attention_factor != 0.0)
            return p->attention_factor;
        const double L = (double)p->original_max_position;
        const double s = p->factor != 0.0 ? p->factor : (double)p->max_position / L;
        return s <= 1.0 ? 1.0 : sqrt(1.0 + log(s) / log(L));
    }
    return 1.0;
}

static __attribute__((unused)) void bug_pair(const rc_rope_params *p, int k, int *a, int *b)
{
    *a = p->pairing == RC_INTERLEAVED ? 2 * k : k;
    *b = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + p->rotary_dim / 2;
}

/* Pass-through channels of (t, h): their bits copied (BUG_PASS sees the
 * bit pattern, BUG_PASS_SRC picks the source channel). */
static void bug_pass_through(const rc_rope_params *p, const rc_tensor *in, int64_t io, rc_tensor *out, int64_t oo)
{
    const size_t es = in->dtype == RC_F64 ? 8 : in->dtype == RC_F32 ? 4 : 2;
    for (int ch = p->rotary_dim; ch < p->head_dim; ch++) {
        uint64_t v = 0;
        memcpy(&v, (const char *)in->data + (size_t)(io + BUG_PASS_SRC(ch)) * es, es);
        v = BUG_PASS(v, ch);
        memcpy((char *)out->data + (size_t)(oo + ch) * es, &v, es);
    }
}

/* apply and backward: the style's bug_rotate by +angle and -angle. */
static int bug_rotate(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                      rc_tensor *out, double sign);

static int bug_apply(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in, rc_tensor *out)
{
    return bug_rotate(state, p, pos, in, out, 1.0);
}

static int bug_backward(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                        rc_tensor *out)
{
    return bug_rotate(state, p, pos, in, out, -1.0);
}

/* The table and the exported entry; the style defines bug_rotate and
 * BUG_COS_SIN (its cos/sin function, or NULL). */
#define BUG_ADAPTER(name_str)                                                                          \
    static const rc_adapter bug_table = {                                                              \
        .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter), .name = name_str,           \
        .version = "1", .init = bug_init, .fini = bug_fini, .supports = bug_supports,                  \
        .apply = bug_apply, .backward = bug_backward, .cos_sin = BUG_COS_SIN,                          \
        .last_error = bug_last_error,                                                                  \
    };                                                                                                 \
    const rc_adapter *rope_conform_adapter(void);                                                      \
    const rc_adapter *rope_conform_adapter(void) { return &bug_table; }

#endif
