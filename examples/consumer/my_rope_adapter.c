/* The adapter of a small engine whose RoPE keeps a table of cos/sin per
 * position, computed in double and stored as float: default rope type,
 * both pairings, float32 and float64 activations. */
#include <math.h>
#include <stdlib.h>

#include <rope_conform/adapter.h>

typedef struct table {
    int64_t pos;
    int pairs;
    double c[512], s[512];
} table;

static int init(void **state)
{
    *state = calloc(1, sizeof(table));
    return *state ? RC_OK : RC_ERROR;
}

static void fini(void *state) { free(state); }

static const char *last_error(void *state)
{
    (void)state;
    return "rotary_dim must be even, at most head_dim and 1024, and base above 1";
}

static int supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    return p->type == RC_ROPE_DEFAULT && (dtype == RC_F32 || dtype == RC_F64) ? RC_OK : RC_UNSUPPORTED;
}

/* the rotation of one position: theta_k = pos * base^(-2k/r) */
static void angles(table *t, const rc_rope_params *p, int64_t pos)
{
    t->pos = pos;
    t->pairs = p->rotary_dim / 2;
    for (int k = 0; k < t->pairs; k++) {
        double theta = (double)pos * pow(p->base, -2.0 * k / p->rotary_dim);
        t->c[k] = cos(theta);
        t->s[k] = sin(theta);
    }
}

/* channels (a, b) of pair k under the params' pairing */
static void pair(const rc_rope_params *p, int k, int64_t *a, int64_t *b)
{
    *a = p->pairing == RC_INTERLEAVED ? 2 * k : k;
    *b = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + p->rotary_dim / 2;
}

static double get(const rc_tensor *x, int64_t i)
{
    return x->dtype == RC_F64 ? ((const double *)x->data)[i] : ((const float *)x->data)[i];
}

static void set(rc_tensor *x, int64_t i, double v)
{
    if (x->dtype == RC_F64)
        ((double *)x->data)[i] = v;
    else
        ((float *)x->data)[i] = (float)v;
}

static void rotate_head(const table *t, const rc_rope_params *p, const rc_tensor *in, rc_tensor *out,
                        int64_t at_in, int64_t at_out)
{
    for (int64_t j = p->rotary_dim; j < in->head_dim; j++)
        set(out, at_out + j, get(in, at_in + j));
    for (int k = 0; k < t->pairs; k++) {
        int64_t a, b;
        pair(p, k, &a, &b);
        double x0 = get(in, at_in + a), x1 = get(in, at_in + b);
        set(out, at_out + a, x0 * t->c[k] - x1 * t->s[k]);
        set(out, at_out + b, x0 * t->s[k] + x1 * t->c[k]);
    }
}

static int apply(void *state, const rc_rope_params *p, const int64_t *positions, const rc_tensor *in,
                 rc_tensor *out)
{
    if (supports(state, p, in->dtype) != RC_OK)
        return RC_UNSUPPORTED;
    if (p->rotary_dim < 2 || p->rotary_dim % 2 || p->rotary_dim > p->head_dim || p->rotary_dim > 1024 ||
        !(p->base > 1.0))
        return RC_ERROR;
    table *t = state;
    for (int64_t tok = 0; tok < in->n_tokens; tok++) {
        angles(t, p, positions[tok]);
        for (int64_t h = 0; h < in->n_heads; h++)
            rotate_head(t, p, in, out, tok * in->token_stride + h * in->head_stride,
                        tok * out->token_stride + h * out->head_stride);
    }
    return RC_OK;
}

static const rc_adapter adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "my-rope",
    .version = "1.0",
    .init = init,
    .fini = fini,
    .supports = supports,
    .apply = apply,
    .last_error = last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &adapter; }
