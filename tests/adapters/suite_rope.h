/* A small correct RoPE for the suite tests (DEFAULT, LINEAR, DYNAMIC_NTK;
 * both pairings; f32 and f64; angles and cos/sin in double) that each
 * tests/adapters/suite_*.c bends in exactly one place, through the hooks
 * below, to show that the suite meant to catch that bug does.  Define a
 * hook before including this file to override it. */
#ifndef SUITE_ROPE_H
#define SUITE_ROPE_H

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rope_conform/adapter.h"

typedef struct sr_state {
    int64_t max_seq_len;   /* largest seq_len seen (stale-state bugs)     */
    long calls;            /* apply/backward calls so far in this process */
} sr_state;

/* seq_len the dynamic NTK base is computed from */
#ifndef SR_DYN_LEN
#define SR_DYN_LEN(st, p) ((p)->seq_len)
#endif
/* 1: angles and cos/sin in float for a call of n tokens */
#ifndef SR_FLOAT_ANGLE
#define SR_FLOAT_ANGLE(n_tokens) 0
#endif
/* 1: bump element 0 of this call's output by one ulp */
#ifndef SR_PERTURB
#define SR_PERTURB(st) 0
#endif
/* copy of a pass-through element */
#ifndef SR_PASS_THROUGH
#define SR_PASS_THROUGH(in, i, out, o) sr_copy_bits(in, i, out, o)
#endif
/* the position a token is rotated by, and a factor on every output */
#ifndef SR_POSITION
#define SR_POSITION(pos) (pos)
#endif
#ifndef SR_SCALE
#define SR_SCALE 1.0
#endif
/* sign of sin in the cos/sin table, and of the backward angle */
#ifndef SR_TABLE_SIN_SIGN
#define SR_TABLE_SIN_SIGN 1.0
#endif
#ifndef SR_BACKWARD_SIGN
#define SR_BACKWARD_SIGN (-1.0)
#endif
/* hostile-candidate hooks: code run at the start of every apply/backward
 * and in fini, what apply and cos_sin return, and table fields */
#ifndef SR_ON_CALL
#define SR_ON_CALL(st, out) ((void)0)
#endif
#ifndef SR_ON_FINI
#define SR_ON_FINI(st) ((void)0)
#endif
#ifndef SR_ON_INIT
#define SR_ON_INIT() ((void)0)
#endif
#ifndef SR_RETURN
#define SR_RETURN RC_OK
#endif
#ifndef SR_NAME_FIELD
#define SR_NAME_FIELD(name_str) name_str
#endif
#ifndef SR_DEFAULT_PARAMS
#define SR_DEFAULT_PARAMS NULL
#endif
/* 1: supports() refuses invalid params (the validation suite's cases)
 * instead of rotating, or crashing on, them */
#ifndef SR_REFUSES_INVALID
#define SR_REFUSES_INVALID 0
#endif

static int sr_init(void **state)
{
    SR_ON_INIT();
    *state = calloc(1, sizeof(sr_state));
    return *state ? RC_OK : RC_ERROR;
}
static void sr_fini(void *state)
{
    SR_ON_FINI(state);
    free(state);
}
static const char *sr_last_error(void *state) { (void)state; return "no error"; }

static int sr_supports(void *state, const rc_rope_params *p, rc_dtype dt)
{
    (void)state;
    if (dt != RC_F32 && dt != RC_F64)
        return RC_UNSUPPORTED;
    if (p->type != RC_ROPE_DEFAULT && p->type != RC_ROPE_LINEAR && p->type != RC_ROPE_DYNAMIC_NTK)
        return RC_UNSUPPORTED;
    if (SR_REFUSES_INVALID && (p->rotary_dim < 2 || p->rotary_dim % 2 ||
                               p->rotary_dim > p->head_dim || !(p->base > 1.0)))
        return RC_UNSUPPORTED;
    return RC_OK;
}

static double sr_get(const rc_tensor *t, size_t i)
{
    return t->dtype == RC_F64 ? ((const double *)t->data)[i] : ((const float *)t->data)[i];
}

static void sr_put(rc_tensor *t, size_t i, double v)
{
    if (t->dtype == RC_F64)
        ((double *)t->data)[i] = v;
    else
        ((float *)t->data)[i] = (float)v;
}

static inline void sr_copy_bits(const rc_tensor *in, size_t i, rc_tensor *out, size_t o)
{
    size_t es = in->dtype == RC_F64 ? 8 : 4;
    memmove((char *)out->data + o * es, (const char *)in->data + i * es, es);
}

static void sr_bump(rc_tensor *t, size_t i)
{
    if (t->dtype == RC_F64)
        ((double *)t->data)[i] = nextafter(((double *)t->data)[i], INFINITY);
    else
        ((float *)t->data)[i] = nextafterf(((float *)t->data)[i], INFINITY);
}

/* base^(-2k/r), divided by the linear factor; dynamic NTK raises the base
 * first: b' = b (s l / L - (s - 1))^(r / (r - 2)), l = max(seq_len, L). */
static double sr_freq(sr_state *st, const rc_rope_params *p, int k)
{
    double base = p->base, r = p->rotary_dim;
    (void)st;
    if (p->type == RC_ROPE_DYNAMIC_NTK) {
        double L = (double)p->original_max_position;
        int64_t sl = SR_DYN_LEN(st, p);
        double l = sl > p->original_max_position ? (double)sl : L;
        base *= pow(p->factor * l / L - (p->factor - 1.0), r / (r - 2.0));
    }
    double w = pow(base, -2.0 * k / r);
    return p->type == RC_ROPE_LINEAR ? w / p->factor : w;
}

static void sr_angle(double w, int64_t pos, int use_float, double *c, double *s)
{
    if (use_float) {
        float a = (float)pos * (float)w;
        *c = cosf(a);
        *s = sinf(a);
    } else {
        double a = (double)pos * w;
        *c = cos(a);
        *s = sin(a);
    }
}

static void sr_pair(const rc_rope_params *p, int k, int *a, int *b)
{
    *a = p->pairing == RC_INTERLEAVED ? 2 * k : k;
    *b = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + p->rotary_dim / 2;
}

static int sr_rotate(sr_state *st, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                     rc_tensor *out, double sign)
{
    int half = p->rotary_dim / 2, use_float = SR_FLOAT_ANGLE(in->n_tokens);
    SR_ON_CALL(st, out);
    for (int64_t t = 0; t < in->n_tokens; t++)
        for (int64_t h = 0; h < in->n_heads; h++) {
            size_t i0 = (size_t)(t * in->token_stride + h * in->head_stride);
            size_t o0 = (size_t)(t * out->token_stride + h * out->head_stride);
            for (int k = 0; k < half; k++) {
                int a, b;
                double c, s;
                sr_pair(p, k, &a, &b);
                sr_angle(sr_freq(st, p, k), SR_POSITION(pos[t]), use_float, &c, &s);
                c *= SR_SCALE;
                s *= sign * SR_SCALE;
                double x0 = sr_get(in, i0 + (size_t)a), x1 = sr_get(in, i0 + (size_t)b);
                sr_put(out, o0 + (size_t)a, x0 * c - x1 * s);
                sr_put(out, o0 + (size_t)b, x0 * s + x1 * c);
            }
            for (int64_t ch = p->rotary_dim; ch < in->head_dim; ch++)
                SR_PASS_THROUGH(in, i0 + (size_t)ch, out, o0 + (size_t)ch);
        }
    if (SR_PERTURB(st))
        sr_bump(out, 0);
    st->calls++;
    return SR_RETURN;
}

static int sr_apply(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                    rc_tensor *out)
{
    return sr_rotate(state, p, pos, in, out, 1.0);
}

static int sr_backward(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *g,
                       rc_tensor *out)
{
    return sr_rotate(state, p, pos, g, out, SR_BACKWARD_SIGN);
}

static int sr_cos_sin(void *state, const rc_rope_params *p, const int64_t *pos, int64_t n, rc_dtype dt,
                      void *c, void *s)
{
    int half = p->rotary_dim / 2;
    rc_tensor tc = { dt, c, 0, 0, 0, 0, 0 }, ts = { dt, s, 0, 0, 0, 0, 0 };
    for (int64_t i = 0; i < n; i++)
        for (int k = 0; k < half; k++) {
            double cv, sv;
            sr_angle(sr_freq(state, p, k), pos[i], 0, &cv, &sv);
            sr_put(&tc, (size_t)(i * half + k), cv);
            sr_put(&ts, (size_t)(i * half + k), SR_TABLE_SIN_SIGN * sv);
        }
    return SR_RETURN;
}

/* SR_ADAPTER(name, has_optional): the table and the exported entry. */
#define SR_ADAPTER(name_str, optional)                                                        \
    static const rc_adapter sr_table = {                                                     \
        .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),                    \
        .name = SR_NAME_FIELD(name_str), .version = "1",                                     \
        .default_params = SR_DEFAULT_PARAMS,                                                 \
        .init = sr_init, .fini = sr_fini, .supports = sr_supports, .apply = sr_apply,        \
        .backward = (optional) ? sr_backward : NULL, .cos_sin = (optional) ? sr_cos_sin : NULL, \
        .last_error = sr_last_error,                                                         \
    };                                                                                       \
    const rc_adapter *rope_conform_adapter(void);                                            \
    const rc_adapter *rope_conform_adapter(void) { return &sr_table; }

#endif
