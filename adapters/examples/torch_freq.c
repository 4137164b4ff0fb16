/* HF transformers' rope init functions (modeling_rope_utils.py), op for op:
 * each float expression below is one float32 tensor op, each double one a
 * Python float operation. */
#include <math.h>

#include "torch_freq.h"
#include "example_common.h"

#define TWO_PI 6.283185307179586   /* Python math.pi * 2 */

/* base ** (arange(0, r, 2).float() / r): exponent and power in float32. */
static float torch_pow(float base, int k, int r)
{
    return powf(base, (float)(2 * k) / (float)r);
}

void torch_default_inv_freq(const rc_rope_params *p, float base, float *inv)
{
    for (int k = 0; k < p->rotary_dim / 2; k++)
        inv[k] = 1.0f / torch_pow(base, k, p->rotary_dim);
}

/* get_mscale(s, mu) of the YaRN init (guarded form). */
static double get_mscale(double s, double mu)
{
    return s <= 1.0 ? 1.0 : 0.1 * mu * log(s) + 1.0;
}

static double yarn_corr_dim(const rc_rope_params *p, double n_rot)
{
    return (p->rotary_dim * log((double)p->original_max_position / (n_rot * 2 * M_PI))) / (2 * log(p->base));
}

static void yarn(const rc_rope_params *p, float *inv, double *m)
{
    const int r = p->rotary_dim;
    double low = yarn_corr_dim(p, p->beta_fast), high = yarn_corr_dim(p, p->beta_slow);
    if (p->truncate) {
        low = floor(low);
        high = ceil(high);
    }
    low = fmax(low, 0.0);
    high = fmin(high, (double)(r - 1));
    if (low == high)
        high += 0.001;
    for (int k = 0; k < r / 2; k++) {
        const float pos_freq = torch_pow((float)p->base, k, r);
        const float inv_extra = 1.0f / pos_freq;
        const float inv_inter = 1.0f / ((float)p->factor * pos_freq);
        float ramp = ((float)k - (float)low) / (float)(high - low);
        ramp = fminf(fmaxf(ramp, 0.0f), 1.0f);
        const float extra = 1.0f - ramp;
        inv[k] = inv_inter * (1.0f - extra) + inv_extra * extra;
    }
    if (p->attention_factor != 0.0)
        *m = p->attention_factor;
    else if (p->mscale != 0.0 && p->mscale_all_dim != 0.0)
        *m = get_mscale(p->factor, p->mscale) / get_mscale(p->factor, p->mscale_all_dim);
    else
        *m = get_mscale(p->factor, 1.0);
}

static void longrope(const rc_rope_params *p, float *inv, double *m)
{
    const double *ext = p->seq_len > p->original_max_position ? p->long_factor : p->short_factor;
    for (int k = 0; k < p->rotary_dim / 2; k++)
        inv[k] = 1.0f / ((float)ext[k] * torch_pow((float)p->base, k, p->rotary_dim));
    const double L = (double)p->original_max_position;
    const double s = p->factor != 0.0 ? p->factor : (double)p->max_position / L;
    *m = p->attention_factor != 0.0 ? p->attention_factor
         : s <= 1.0                 ? 1.0
                                    : sqrt(1.0 + log(s) / log(L));
}

static void llama3(const rc_rope_params *p, float *inv)
{
    const double L = (double)p->original_max_position;
    const double low_wl = L / p->low_freq_factor, high_wl = L / p->high_freq_factor;
    const float fs = (float)p->factor;
    torch_default_inv_freq(p, (float)p->base, inv);
    for (int k = 0; k < p->rotary_dim / 2; k++) {
        const float wavelen = (float)TWO_PI / inv[k];
        const float inv_llama = wavelen > (float)low_wl ? inv[k] / fs : inv[k];
        const float smooth = ((float)L / wavelen - (float)p->low_freq_factor) /
                             (float)(p->high_freq_factor - p->low_freq_factor);
        const float smoothed = (1.0f - smooth) * inv_llama / fs + smooth * inv_llama;
        const int medium = !(wavelen < (float)high_wl) && !(wavelen > (float)low_wl);
        inv[k] = medium ? smoothed : inv_llama;
    }
}

void torch_inv_freq(const rc_rope_params *p, float *inv, double *m)
{
    *m = 1.0;
    switch (p->type) {
    case RC_ROPE_DEFAULT:
        torch_default_inv_freq(p, (float)p->base, inv);
        return;
    case RC_ROPE_LINEAR:
        torch_default_inv_freq(p, (float)p->base, inv);
        for (int k = 0; k < p->rotary_dim / 2; k++)
            inv[k] /= (float)p->factor;
        return;
    case RC_ROPE_DYNAMIC_NTK: {
        /* seq_len as a Python int: the base is float64 arithmetic */
        const double L = (double)p->original_max_position;
        const double l = p->seq_len > p->original_max_position ? (double)p->seq_len : L;
        const double r = p->rotary_dim;
        const double base = p->base * pow(p->factor * l / L - (p->factor - 1), r / (r - 2));
        torch_default_inv_freq(p, (float)base, inv);
        return;
    }
    case RC_ROPE_YARN:
        yarn(p, inv, m);
        return;
    case RC_ROPE_LONGROPE:
        longrope(p, inv, m);
        return;
    case RC_ROPE_LLAMA3:
        llama3(p, inv);
        return;
    case RC_ROPE_PROPORTIONAL: /* ABI 1.1: these examples are 1.0 adapters and never get it */
        torch_default_inv_freq(p, (float)p->base, inv);
        for (int k = 0; k < p->rotary_dim / 2; k++)
            inv[k] = k < p->freq_pairs ? inv[k] / (float)p->factor : 0.0f;
        return;
    }
}

int torch_cos_sin_table(const rc_rope_params *p, const int64_t *positions, int64_t n, rc_dtype dtype,
                        void *cos, void *sin, torch_row_fn row)
{
    const int half = p->rotary_dim / 2;
    float *buf = malloc(sizeof(float) * 3 * (size_t)half);
    if (!buf)
        return RC_ERROR;
    float *inv = buf, *c = buf + half, *s = buf + 2 * half;
    double m;
    torch_inv_freq(p, inv, &m);
    for (int64_t i = 0; i < n; i++) {
        row(inv, half, (float)m, positions[i], dtype, c, s);
        for (int k = 0; k < half; k++) {
            ex_store_f(dtype, cos, i * half + k, c[k]);
            ex_store_f(dtype, sin, i * half + k, s[k]);
        }
    }
    free(buf);
    return RC_OK;
}
