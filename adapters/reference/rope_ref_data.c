/* Reference steps on the data path: positions, angles, cos/sin, pairing,
 * rotation, pass-through, element access and the single final rounding. */
#include <math.h>
#include <string.h>

#include "rope_conform/half.h"
#include "rope_ref.h"
#include "rope_ref_steps.h"

/* An int64 position is exact in long double's 64-bit significand. */
rc_real rc_ref_step_position(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos)
{
    (void)o; (void)p;
    return (rc_real)pos;
}

/* One rounding of the 64-bit product; cosl/sinl reduce the argument modulo
 * 2 pi exactly (glibc's ldbl-96 reduction), so no explicit reduction is
 * needed and none could recover bits the product lost. */
rc_real rc_ref_step_angle(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real pos, int k)
{
    (void)o;
    return pos * pl->inv_freq[k];
}

void rc_ref_step_cos_sin(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s)
{
    (void)o;
    *c = pl->magnitude * cosl(angle);
    *s = pl->magnitude * sinl(angle);
}

void rc_ref_step_table_row(const rc_ref_ops *o, const rc_ref_plan *pl, int64_t pos, rc_real *c, rc_real *s)
{
    const rc_real x = o->position(o, pl->params, pos);
    for (int k = 0; k < pl->half; k++) {
        o->cos_sin(o, pl, o->angle(o, pl, x, k), &c[k], &s[k]);
        s[k] *= pl->sign;
    }
}

/* HF Qwen2-VL (sectioned: cos.split(mrope_section * 2)[i % 3]) and
 * Qwen3-VL (interleaved: H on k = 1 mod 3 below 3 s_H, W on k = 2 mod 3
 * below 3 s_W); every other pair follows T. */
int rc_ref_step_pair_axis(const rc_ref_ops *o, const rc_rope_params *p, int k)
{
    (void)o;
    if (p->n_axes <= 1)
        return 0;
    const int32_t *sec = p->mrope_section;
    if (p->mrope_layout == RC_MROPE_INTERLEAVED)
        return (k % 3 == 1 && k < 3 * sec[1]) ? 1 : (k % 3 == 2 && k < 3 * sec[2]) ? 2 : 0;
    return k < sec[0] ? 0 : k < sec[0] + sec[1] ? 1 : 2;  /* the sections sum to r/2 */
}

void rc_ref_step_token_row(const rc_ref_ops *o, const rc_ref_plan *pl, const int64_t *positions,
                           int64_t n, int64_t t, rc_real *c, rc_real *s)
{
    if (pl->params->n_axes <= 1) {
        o->table_row(o, pl, positions[t], c, s);
        return;
    }
    for (int k = 0; k < pl->half; k++) {
        const int64_t pos = positions[(int64_t)o->pair_axis(o, pl->params, k) * n + t];
        const rc_real x = o->position(o, pl->params, pos);
        o->cos_sin(o, pl, o->angle(o, pl, x, k), &c[k], &s[k]);
        s[k] *= pl->sign;
    }
}

void rc_ref_step_pair_index(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1)
{
    (void)o;
    if (p->pairing == RC_INTERLEAVED) {
        *i0 = 2 * k;
        *i1 = 2 * k + 1;
    } else {
        *i0 = k;
        *i1 = k + p->rotary_dim / 2;
    }
}

void rc_ref_step_rotate(const rc_ref_ops *o, rc_real x0, rc_real x1, rc_real c, rc_real s,
                        rc_real *y0, rc_real *y1)
{
    (void)o;
    *y0 = x0 * c - x1 * s;
    *y1 = x0 * s + x1 * c;
}

void rc_ref_step_head(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in, int64_t in_off,
                      rc_tensor *out, int64_t out_off, const rc_real *c, const rc_real *s)
{
    for (int k = 0; k < pl->half; k++) {
        int i0, i1;
        o->pair_index(o, pl->params, k, &i0, &i1);
        /* both loads before either store: out may alias in */
        const rc_real x0 = o->load(o, in->dtype, in->data, in_off + i0);
        const rc_real x1 = o->load(o, in->dtype, in->data, in_off + i1);
        rc_real y0, y1;
        o->rotate(o, x0, x1, c[k], s[k], &y0, &y1);
        o->store(o, out->dtype, out->data, out_off + i0, y0);
        o->store(o, out->dtype, out->data, out_off + i1, y1);
    }
}

/* Raw bytes, so NaN payloads and signed zeros survive unchanged. */
void rc_ref_step_pass_through(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in,
                              int64_t in_off, rc_tensor *out, int64_t out_off)
{
    (void)o;
    const size_t es = rc_ref_dtype_size(in->dtype);
    const int64_t r = pl->params->rotary_dim, n = in->head_dim - r;
    if (n > 0)
        memmove((char *)out->data + (size_t)(out_off + r) * es,
                (const char *)in->data + (size_t)(in_off + r) * es, (size_t)n * es);
}

int64_t rc_ref_step_offset(const rc_ref_ops *o, const rc_tensor *x, int64_t token, int64_t head)
{
    (void)o;
    return token * x->token_stride + head * x->head_stride;
}

rc_real rc_ref_step_load(const rc_ref_ops *o, rc_dtype t, const void *data, int64_t i)
{
    (void)o;
    switch (t) {
    case RC_F64: return ((const double *)data)[i];
    case RC_F32: return ((const float *)data)[i];
    case RC_F16: return rc_f16_to_double(((const uint16_t *)data)[i]);
    case RC_BF16: return rc_bf16_to_double(((const uint16_t *)data)[i]);
    }
    return NAN;
}

void rc_ref_step_store(const rc_ref_ops *o, rc_dtype t, void *data, int64_t i, rc_real v)
{
    (void)o;
    switch (t) {
    case RC_F64: ((double *)data)[i] = rc_ref_to_f64(v); break;
    case RC_F32: ((float *)data)[i] = rc_ref_to_f32(v); break;
    case RC_F16: ((uint16_t *)data)[i] = rc_ref_to_f16(v); break;
    case RC_BF16: ((uint16_t *)data)[i] = rc_ref_to_bf16(v); break;
    }
}

size_t rc_ref_dtype_size(rc_dtype t)
{
    return t == RC_F64 ? 8 : t == RC_F32 ? 4 : 2;
}

double rc_ref_to_f64(rc_real v) { return (double)v; }
float rc_ref_to_f32(rc_real v) { return (float)v; }

/* long double -> double rounded to odd: the inexact result keeps a sticky
 * last bit, so the later double -> 16-bit nearest rounding is correct (53
 * bits >= 11 + 2).  Plain nearest here would round twice. */
static double to_f64_odd(rc_real v)
{
    const double d = (double)v;
    if ((rc_real)d == v || isnan(d) || isinf(d))
        return d;
    if (rc_bits_f64(d) & 1u)
        return d;
    /* d is even; its neighbour on v's side is odd and also brackets v */
    return nextafter(d, (rc_real)d < v ? INFINITY : -INFINITY);
}

uint16_t rc_ref_to_f16(rc_real v) { return rc_f16_from_double(to_f64_odd(v)); }
uint16_t rc_ref_to_bf16(rc_real v) { return rc_bf16_from_double(to_f64_odd(v)); }
