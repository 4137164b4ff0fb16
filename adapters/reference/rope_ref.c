/* The reference pipeline: the default ops table and the generic adapter
 * functions that drive any ops table (reference or mutant). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "rope_ref.h"
#include "rope_ref_steps.h"

static const rc_ref_ops rc_ref_defaults = {
    .call_params = rc_ref_step_call_params,
    .validate = rc_ref_step_validate,
    .base = rc_ref_step_base,
    .default_freq = rc_ref_step_default_freq,
    .inv_freq = rc_ref_step_inv_freq,
    .linear_freq = rc_ref_step_linear_freq,
    .yarn_freq = rc_ref_step_yarn_freq,
    .yarn_bounds = rc_ref_step_yarn_bounds,
    .llama3_freq = rc_ref_step_llama3_freq,
    .longrope_freq = rc_ref_step_longrope_freq,
    .longrope_factors = rc_ref_step_longrope_factors,
    .magnitude = rc_ref_step_magnitude,
    .yarn_magnitude = rc_ref_step_yarn_magnitude,
    .longrope_magnitude = rc_ref_step_longrope_magnitude,
    .position = rc_ref_step_position,
    .angle = rc_ref_step_angle,
    .cos_sin = rc_ref_step_cos_sin,
    .table_row = rc_ref_step_table_row,
    .pair_axis = rc_ref_step_pair_axis,
    .token_row = rc_ref_step_token_row,
    .pair_index = rc_ref_step_pair_index,
    .rotate = rc_ref_step_rotate,
    .head = rc_ref_step_head,
    .pass_through = rc_ref_step_pass_through,
    .offset = rc_ref_step_offset,
    .load = rc_ref_step_load,
    .store = rc_ref_step_store,
};

const rc_ref_ops *rc_ref_default_ops(void) { return &rc_ref_defaults; }

/* Used when a caller skipped init: errors still have somewhere to go. */
static rc_ref_state rc_ref_orphan_state;

static rc_ref_state *state_of(void *state)
{
    return state ? (rc_ref_state *)state : &rc_ref_orphan_state;
}

static int set_error(void *state, const char *fmt, ...)
{
    rc_ref_state *st = state_of(state);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->error, sizeof st->error, fmt, ap);
    va_end(ap);
    return RC_ERROR;
}

int rc_ref_init(void **state)
{
    if (!state)
        return RC_ERROR;
    rc_ref_state *st = calloc(1, sizeof *st);
    if (!st)
        return RC_ERROR;
    snprintf(st->error, sizeof st->error, "no error");
    *state = st;
    return RC_OK;
}

void rc_ref_fini(void *state) { free(state); }

const char *rc_ref_last_error(void *state) { return state_of(state)->error; }

static int dtype_known(rc_dtype t) { return (unsigned)t < RC_DTYPE_COUNT; }

int rc_ref_supports(const rc_ref_ops *o, void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)o; (void)state;
    if (!p || !dtype_known(dtype) || (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return RC_UNSUPPORTED;
    return RC_OK;
}

int rc_ref_plan_init(const rc_ref_ops *o, const rc_rope_params *p, int sign,
                     rc_ref_plan *pl, char *err, size_t n)
{
    pl->inv_freq = NULL;
    if (o->validate(o, p, err, n) != 0)
        return -1;
    pl->params = p;
    pl->half = p->rotary_dim / 2;
    pl->sign = sign;
    pl->inv_freq = malloc((size_t)pl->half * sizeof *pl->inv_freq);
    if (!pl->inv_freq) {
        snprintf(err, n, "out of memory");
        return -1;
    }
    for (int k = 0; k < pl->half; k++) {
        pl->inv_freq[k] = o->inv_freq(o, p, k);
        if (!isfinite(pl->inv_freq[k])) {
            snprintf(err, n, "params give a non-finite frequency at pair %d", k);
            rc_ref_plan_free(pl);
            return -1;
        }
    }
    pl->magnitude = o->magnitude(o, p);
    if (!isfinite(pl->magnitude)) {
        snprintf(err, n, "params give a non-finite magnitude");
        rc_ref_plan_free(pl);
        return -1;
    }
    return 0;
}

void rc_ref_plan_free(rc_ref_plan *pl)
{
    free(pl->inv_freq);
    pl->inv_freq = NULL;
}

static int check_tensors(void *state, const rc_rope_params *p, const int64_t *positions,
                         const rc_tensor *in, const rc_tensor *out)
{
    if (!in || !out)
        return set_error(state, "tensor is NULL");
    if (!dtype_known(in->dtype) || out->dtype != in->dtype)
        return set_error(state, "dtypes: in %d, out %d", (int)in->dtype, (int)out->dtype);
    if (in->n_tokens < 0 || in->n_heads < 0 || in->n_tokens != out->n_tokens ||
        in->n_heads != out->n_heads || in->head_dim != out->head_dim)
        return set_error(state, "in and out shapes differ or are negative");
    if (in->head_dim != p->head_dim)
        return set_error(state, "tensor head_dim %lld != params head_dim %d",
                         (long long)in->head_dim, (int)p->head_dim);
    if (in->n_tokens > 0 && !positions)
        return set_error(state, "positions is NULL");
    if (in->n_tokens > 0 && in->n_heads > 0 && (!in->data || !out->data))
        return set_error(state, "tensor data is NULL");
    return RC_OK;
}

int rc_ref_run(const rc_ref_ops *o, void *state, const rc_rope_params *given,
               const int64_t *positions, const rc_tensor *in, rc_tensor *out, int sign)
{
    rc_ref_state *st = state_of(state);
    rc_rope_params scratch;
    const rc_rope_params *p = given ? o->call_params(o, given, &scratch) : NULL;
    rc_ref_plan pl;
    if (rc_ref_plan_init(o, p, sign, &pl, st->error, sizeof st->error) != 0)
        return RC_ERROR;
    if (check_tensors(st, p, positions, in, out) != RC_OK) {
        rc_ref_plan_free(&pl);
        return RC_ERROR;
    }
    rc_real *c = malloc((size_t)pl.half * 2 * sizeof *c);
    if (!c) {
        rc_ref_plan_free(&pl);
        return set_error(st, "out of memory");
    }
    rc_real *s = c + pl.half;
    for (int64_t t = 0; t < in->n_tokens; t++) {
        o->token_row(o, &pl, positions, in->n_tokens, t, c, s);
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = o->offset(o, in, t, h), oo = o->offset(o, out, t, h);
            o->head(o, &pl, in, io, out, oo, c, s);
            o->pass_through(o, &pl, in, io, out, oo);
        }
    }
    free(c);
    rc_ref_plan_free(&pl);
    return RC_OK;
}

int rc_ref_apply(const rc_ref_ops *o, void *state, const rc_rope_params *p,
                 const int64_t *positions, const rc_tensor *in, rc_tensor *out)
{
    return rc_ref_run(o, state, p, positions, in, out, +1);
}

int rc_ref_backward(const rc_ref_ops *o, void *state, const rc_rope_params *p,
                    const int64_t *positions, const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return rc_ref_run(o, state, p, positions, grad_out, grad_in, -1);
}

int rc_ref_cos_sin(const rc_ref_ops *o, void *state, const rc_rope_params *p,
                   const int64_t *positions, int64_t n, rc_dtype dtype, void *cos, void *sin)
{
    rc_ref_state *st = state_of(state);
    rc_ref_plan pl;
    if (!dtype_known(dtype))
        return set_error(st, "unknown dtype %d", (int)dtype);
    if (n < 0 || (n > 0 && (!positions || !cos || !sin)))
        return set_error(st, "cos_sin: bad n or NULL buffer");
    if (p && p->n_axes > 1)
        return set_error(st, "cos_sin is not defined for M-RoPE params (ABI 1.1)");
    if (rc_ref_plan_init(o, p, +1, &pl, st->error, sizeof st->error) != 0)
        return RC_ERROR;
    rc_real *c = malloc((size_t)pl.half * 2 * sizeof *c);
    if (!c) {
        rc_ref_plan_free(&pl);
        return set_error(st, "out of memory");
    }
    rc_real *s = c + pl.half;
    for (int64_t i = 0; i < n; i++) {
        o->table_row(o, &pl, positions[i], c, s);
        for (int k = 0; k < pl.half; k++) {
            o->store(o, dtype, cos, i * pl.half + k, c[k]);
            o->store(o, dtype, sin, i * pl.half + k, s[k]);
        }
    }
    free(c);
    rc_ref_plan_free(&pl);
    return RC_OK;
}
