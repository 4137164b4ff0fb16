/* Making a planned case (plan.h): its calls' buffers from the recipe, its
 * inputs by replaying the fill steps in the order the suite recorded them,
 * and freeing them again once the case is judged. */
#include "plan.h"
#include "rope_mrope.h"
#include "dtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void init_tensor(rc_tensor *t, rc_dtype dt, int64_t n_tokens, int64_t n_heads, int64_t head_dim)
{
    t->dtype = dt;
    t->n_tokens = n_tokens;
    t->n_heads = n_heads;
    t->head_dim = head_dim;
    t->head_stride = head_dim;
    t->token_stride = n_heads * head_dim;
}

static size_t cos_sin_bytes(const rc_case_call *cc)
{
    return (size_t)(cc->call.n_positions * (cc->params.rotary_dim / 2)) * rc_dtype_size(cc->call.dtype);
}

static size_t tensor_bytes(const rc_tensor *t)
{
    return rc_tensor_span(t) * rc_dtype_size(t->dtype);
}

static void *zeroed(size_t bytes)
{
    return calloc(1, bytes ? bytes : 1);
}

rc_rope_params rc_case_call_params(const rc_case *c, int k)
{
    rc_rope_params p = c->cfg->params;
    if (c->recipe[k].has_seq_len)
        p.seq_len = c->recipe[k].seq_len;
    return c->recipe[k].flat ? rc_mrope_flat(&p) : p;
}

/* Call k's description and output buffers; its input comes later. */
static int make_call(rc_case *c, int k)
{
    const rc_call_recipe *r = &c->recipe[k];
    rc_case_call *cc = &c->calls[k];
    cc->params = rc_case_call_params(c, k);
    cc->positions = r->positions;
    cc->call.kind = r->kind;
    cc->call.params = &cc->params;
    cc->call.dtype = c->dtype;
    cc->call.positions = r->positions;
    cc->call.n_positions = r->n_positions;
    cc->call.in_place = r->in_place;
    if (r->kind == RC_CALL_COS_SIN) {
        cc->call.cos_out = cc->cos = zeroed(cos_sin_bytes(cc));
        cc->call.sin_out = cc->sin = zeroed(cos_sin_bytes(cc));
        return cc->cos && cc->sin ? 0 : -1;
    }
    int64_t hd = c->cfg->params.head_dim;
    init_tensor(&cc->in, c->dtype, r->n_tokens, r->n_heads, hd);
    init_tensor(&cc->out, c->dtype, r->n_tokens, r->n_heads, hd);
    cc->call.in = &cc->in;
    cc->call.out = &cc->out;
    cc->out.data = zeroed(tensor_bytes(&cc->out));
    return cc->out.data ? 0 : -1;
}

/* Activations of real models: mostly O(1) with a spread of magnitudes, so
 * values are uniform in [-1, 1) scaled by 2^e, e in [-4, 4], then rounded to
 * the dtype (the golden takes the rounded values as exact inputs). */
static void fill_random(const rc_case *c, rc_case_call *cc)
{
    char key[200];
    snprintf(key, sizeof key, "%s#%d", c->name, (int)(cc - c->calls));
    rc_prng g = rc_prng_keyed(c->seed, key);
    static const double scale[9] = { 0x1p-4, 0x1p-3, 0x1p-2, 0x1p-1, 1.0, 0x1p1, 0x1p2, 0x1p3, 0x1p4 };
    size_t n = rc_tensor_span(&cc->in);
    for (size_t i = 0; i < n; i++) {
        double v = (2.0 * rc_prng_unit(&g) - 1.0) * scale[rc_prng_below(&g, 9)];
        rc_store(cc->in.data, cc->in.dtype, i, v);
    }
}

/* Zero inputs, then the recorded steps, in order. */
static int make_inputs(rc_case *c)
{
    for (int k = 0; k < c->n_calls; k++) {
        rc_case_call *cc = &c->calls[k];
        if (cc->call.kind == RC_CALL_COS_SIN)
            continue;
        free(cc->in.data);
        if (!(cc->in.data = zeroed(tensor_bytes(&cc->in))))
            return -1;
    }
    for (int i = 0; i < c->n_fills; i++) {
        const rc_fill_step *s = &c->fills[i];
        rc_case_call *cc = &c->calls[s->call];
        switch (s->kind) {
        case RC_FILL_RANDOM: fill_random(c, cc); break;
        case RC_FILL_COPY:
            memcpy(cc->in.data, c->calls[s->from].in.data, tensor_bytes(&cc->in));
            break;
        case RC_FILL_WITH: s->fn(c, cc); break;
        }
    }
    return 0;
}

int rc_case_make(rc_case *c)
{
    rc_case_release(c);
    c->calls = calloc((size_t)(c->n_calls > 0 ? c->n_calls : 1), sizeof *c->calls);
    int rc = c->calls ? 0 : -1;
    for (int k = 0; k < c->n_calls && rc == 0; k++)
        rc = make_call(c, k);
    if (rc == 0)
        rc = make_inputs(c);
    if (rc != 0)
        rc_case_release(c);
    return rc;
}

int rc_case_remake_inputs(rc_case *c)
{
    return c->calls ? make_inputs(c) : -1;
}

static size_t output_bytes(const rc_case_call *cc)
{
    if (cc->call.kind == RC_CALL_COS_SIN)
        return cc->cos ? 2 * cos_sin_bytes(cc) : 0;
    return cc->out.data ? tensor_bytes(&cc->out) : 0;
}

size_t rc_case_keep_failed(rc_case *c, size_t *budget)
{
    if (!c->calls)
        return 0;
    size_t bytes = 0;
    for (int k = 0; k < c->n_calls; k++) {
        free(c->calls[k].in.data);
        c->calls[k].in.data = NULL;
        bytes += output_bytes(&c->calls[k]);
    }
    if (bytes <= *budget) {
        *budget -= bytes;
        return bytes;
    }
    for (int k = 0; k < c->n_calls; k++) {
        rc_case_call *cc = &c->calls[k];
        free(cc->out.data);
        free(cc->cos);
        free(cc->sin);
        cc->out.data = cc->cos = cc->sin = NULL;
        cc->call.cos_out = cc->call.sin_out = NULL;
    }
    return 0;
}

void rc_case_release(rc_case *c)
{
    for (int k = 0; c->calls && k < c->n_calls; k++) {
        rc_case_call *cc = &c->calls[k];
        free(cc->in.data);
        free(cc->out.data);
        free(cc->cos);
        free(cc->sin);
    }
    free(c->calls);
    c->calls = NULL;
    c->executed = 0;
}
