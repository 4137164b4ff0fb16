/*
 * Example candidate computing everything in float64 (pow, log, cos, sin,
 * the rotation), as a careful NumPy/float64 implementation would, and
 * rounding to the activation dtype at the end.  Every rope type, both
 * pairings, every dtype.  Written independently of the long double
 * reference (only parameter validation is shared), so the two cross-check.
 */
#include <math.h>

#include "example_common.h"

static double get_mscale(double s, double mu) { return s <= 1.0 ? 1.0 : 0.1 * mu * log(s) + 1.0; }

/* Frequencies w'_k and magnitude m, all in double. */
static void f64_freqs(const rc_rope_params *p, double *w, double *m)
{
    const int r = p->rotary_dim, half = r / 2;
    const double L = (double)p->original_max_position, s = p->factor;
    double base = p->base;
    *m = 1.0;
    if (p->type == RC_ROPE_DYNAMIC_NTK && p->seq_len > p->original_max_position)
        base *= pow(1.0 + s * ((double)p->seq_len - L) / L, (double)r / (r - 2));
    double lo = 0, hi = 0;
    if (p->type == RC_ROPE_YARN) {
        const double den = 2.0 * log(p->base);
        lo = r * log(L / (p->beta_fast * 2.0 * M_PI)) / den;
        hi = r * log(L / (p->beta_slow * 2.0 * M_PI)) / den;
        if (p->truncate) {
            lo = floor(lo);
            hi = ceil(hi);
        }
        lo = fmax(lo, 0.0);
        hi = fmin(hi, r - 1.0);
        if (lo == hi)
            hi += 0.001;
        *m = p->attention_factor != 0.0 ? p->attention_factor
             : p->mscale != 0.0 && p->mscale_all_dim != 0.0
                 ? get_mscale(s, p->mscale) / get_mscale(s, p->mscale_all_dim)
                 : get_mscale(s, 1.0);
    }
    if (p->type == RC_ROPE_LONGROPE) {
        const double sl = s != 0.0 ? s : (double)p->max_position / L;
        *m = p->attention_factor != 0.0 ? p->attention_factor
             : sl <= 1.0                ? 1.0
                                        : sqrt(1.0 + log(sl) / log(L));
    }
    for (int k = 0; k < half; k++) {
        const double wk = pow(base, -2.0 * k / r);
        switch (p->type) {
        case RC_ROPE_LINEAR:
            w[k] = wk / s;
            break;
        case RC_ROPE_YARN: {
            const double ramp = fmin(fmax((k - lo) / (hi - lo), 0.0), 1.0);
            w[k] = wk / s * ramp + wk * (1.0 - ramp);
            break;
        }
        case RC_ROPE_LONGROPE:
            w[k] = wk / (p->seq_len > p->original_max_position ? p->long_factor : p->short_factor)[k];
            break;
        case RC_ROPE_LLAMA3: {
            const double lambda = 2.0 * M_PI / wk;
            const double a = p->low_freq_factor, b = p->high_freq_factor;
            if (lambda < L / b) {
                w[k] = wk;
            } else if (lambda > L / a) {
                w[k] = wk / s;
            } else {
                const double sigma = (L / lambda - a) / (b - a);
                w[k] = (1.0 - sigma) * wk / s + sigma * wk;
            }
            break;
        }
        default:
            w[k] = wk;
        }
    }
}

static double load(rc_dtype t, const void *d, int64_t i)
{
    switch (t) {
    case RC_F64: return ((const double *)d)[i];
    case RC_F32: return ((const float *)d)[i];
    case RC_F16: return rc_f16_to_double(((const uint16_t *)d)[i]);
    default: return rc_bf16_to_double(((const uint16_t *)d)[i]);
    }
}

static void store(rc_dtype t, void *d, int64_t i, double v)
{
    switch (t) {
    case RC_F64: ((double *)d)[i] = v; break;
    case RC_F32: ((float *)d)[i] = (float)v; break;
    case RC_F16: ((uint16_t *)d)[i] = rc_f16_from_double(v); break;
    default: ((uint16_t *)d)[i] = rc_bf16_from_double(v); break;
    }
}

static int f64_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    if (!p || (unsigned)dtype >= RC_DTYPE_COUNT || (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return RC_UNSUPPORTED;
    return RC_OK;
}

/* m*cos and sign*m*sin for every pair at pos. */
static void row(const double *w, int half, double m, int64_t pos, double sign, double *c, double *s)
{
    for (int k = 0; k < half; k++) {
        const double a = (double)pos * w[k];
        c[k] = m * cos(a);
        s[k] = sign * m * sin(a);
    }
}

static int f64_run(void *state, const rc_rope_params *p, const int64_t *positions,
                   const rc_tensor *in, rc_tensor *out, double sign)
{
    int rc = ex_check(state, p, positions, in, out);
    if (rc != RC_OK)
        return rc;
    if (f64_supports(state, p, in->dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "unknown dtype");
    const int half = p->rotary_dim / 2;
    double *buf = malloc(sizeof(double) * 3 * (size_t)half), m;
    if (!buf)
        return ex_fail(state, RC_ERROR, "out of memory");
    double *w = buf, *c = buf + half, *s = buf + 2 * half;
    f64_freqs(p, w, &m);
    for (int64_t t = 0; t < in->n_tokens; t++) {
        row(w, half, m, positions[t], sign, c, s);
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = ex_offset(in, t, h), oo = ex_offset(out, t, h);
            for (int k = 0; k < half; k++) {
                int i0, i1;
                ex_pair(p, k, &i0, &i1);
                const double x0 = load(in->dtype, in->data, io + i0);
                const double x1 = load(in->dtype, in->data, io + i1);
                store(out->dtype, out->data, oo + i0, x0 * c[k] - x1 * s[k]);
                store(out->dtype, out->data, oo + i1, x0 * s[k] + x1 * c[k]);
            }
            ex_pass_through(in, io, out, oo, p->rotary_dim);
        }
    }
    free(buf);
    return RC_OK;
}

static int f64_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                     const rc_tensor *in, rc_tensor *out)
{
    return f64_run(state, p, positions, in, out, 1.0);
}

static int f64_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                        const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return f64_run(state, p, positions, grad_out, grad_in, -1.0);
}

static int f64_cos_sin(void *state, const rc_rope_params *p, const int64_t *positions, int64_t n,
                       rc_dtype dtype, void *cos, void *sin)
{
    if (rc_ref_validate_params(p, ((ex_state *)state)->error, sizeof ((ex_state *)state)->error) != 0)
        return RC_ERROR;
    if (f64_supports(state, p, dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "unknown dtype");
    const int half = p->rotary_dim / 2;
    double *buf = malloc(sizeof(double) * 3 * (size_t)half), m;
    if (!buf)
        return ex_fail(state, RC_ERROR, "out of memory");
    double *w = buf, *c = buf + half, *s = buf + 2 * half;
    f64_freqs(p, w, &m);
    for (int64_t i = 0; i < n; i++) {
        row(w, half, m, positions[i], 1.0, c, s);
        for (int k = 0; k < half; k++) {
            store(dtype, cos, i * half + k, c[k]);
            store(dtype, sin, i * half + k, s[k]);
        }
    }
    free(buf);
    return RC_OK;
}

static const rc_adapter f64_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-fp64",
    .version = "float64 throughout",
    .init = ex_init,
    .fini = ex_fini,
    .supports = f64_supports,
    .apply = f64_apply,
    .backward = f64_backward,
    .cos_sin = f64_cos_sin,
    .last_error = ex_last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &f64_adapter; }
