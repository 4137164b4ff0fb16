/*
 * Example candidate in the style of vLLM's RotaryEmbedding: a cos/sin cache
 * [max_pos][rotary_dim] (cos in the first half of a row, sin in the second)
 * built in float32 from the same inv_freq as HF, times mscale, cast to the
 * model dtype, then looked up by position.  The CUDA kernel rotates in the
 * model dtype: x*cos - y*sin per element (each half-precision operator
 * rounds; for float32 nvcc contracts the pair into one fma).
 *
 * LINEAR divides the positions (t / s), as vLLM does, rather than the
 * frequencies.  The cache is keyed by params and dtype and grows lazily to
 * the largest position asked for, up to RC_VLLM_CACHE_BYTES; positions past
 * that (or negative ones) are refused as unsupported, as a deployment
 * refuses positions past max_position_embeddings.
 */
#include <math.h>
#include <string.h>

#include "example_common.h"
#include "torch_freq.h"

/* vLLM sizes its cache by max_position_embeddings and declines positions
 * past it.  Without a max_position the cache holds up to 2^17 rows (a
 * 128k-context model) and rows past it are computed per call, the same
 * way, into a scratch row. */
#define RC_VLLM_CACHE_BYTES (256u << 20)
#define RC_VLLM_CACHE_ROWS ((int64_t)1 << 17)

typedef struct vllm_cache {
    rc_rope_params key;      /* pointers replaced by copies of the arrays */
    double *factors;         /* short then long, LONGROPE only            */
    rc_dtype dtype;
    int64_t rows;
    void *data;              /* rows x rotary_dim elements of dtype        */
    float *inv;              /* inv_freq, kept for rows past the cache     */
    double m;                /* magnitude                                  */
    unsigned char scratch[2 * 1024 * 4]; /* one row past the cache         */
} vllm_cache;

static size_t elem_size(rc_dtype t) { return t == RC_F32 ? 4 : 2; }

static int vllm_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    if (!p || (unsigned)p->type >= RC_ROPE_TYPE_COUNT ||
        (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED))
        return RC_UNSUPPORTED;
    return dtype == RC_F32 || dtype == RC_F16 || dtype == RC_BF16 ? RC_OK : RC_UNSUPPORTED;
}

/* Field by field: the struct has padding, so memcmp would see garbage. */
static int same_params(const rc_rope_params *a, const rc_rope_params *b)
{
    return a->head_dim == b->head_dim && a->rotary_dim == b->rotary_dim && a->pairing == b->pairing &&
           a->type == b->type && a->base == b->base && a->factor == b->factor &&
           a->original_max_position == b->original_max_position && a->max_position == b->max_position &&
           a->low_freq_factor == b->low_freq_factor && a->high_freq_factor == b->high_freq_factor &&
           a->beta_fast == b->beta_fast && a->beta_slow == b->beta_slow &&
           a->attention_factor == b->attention_factor && a->mscale == b->mscale &&
           a->mscale_all_dim == b->mscale_all_dim && a->truncate == b->truncate && a->seq_len == b->seq_len;
}

static int same_key(const vllm_cache *c, const rc_rope_params *p, rc_dtype t)
{
    if (!c->data || c->dtype != t || !same_params(&c->key, p))
        return 0;
    const size_t n = (size_t)p->rotary_dim / 2 * sizeof(double);
    return p->type != RC_ROPE_LONGROPE ||
           (memcmp(c->factors, p->short_factor, n) == 0 && memcmp(c->factors + p->rotary_dim / 2, p->long_factor, n) == 0);
}

/* One row of _compute_cos_sin_cache: cos then sin of position i. */
static void fill_row(const rc_rope_params *p, rc_dtype t, const float *inv, double m, int64_t i,
                     void *row)
{
    const int half = p->rotary_dim / 2;
    float tpos = (float)i;
    if (p->type == RC_ROPE_LINEAR)
        tpos = tpos / (float)p->factor;
    for (int k = 0; k < half; k++) {
        const float freq = tpos * inv[k];
        ex_store_f(t, row, k, cosf(freq) * (float)m);
        ex_store_f(t, row, half + k, sinf(freq) * (float)m);
    }
}

/* The row of position pos: cached, or computed into the scratch row. */
static const void *row_of(vllm_cache *c, const rc_rope_params *p, int64_t pos)
{
    if (pos < c->rows)
        return (const char *)c->data + (size_t)(pos * p->rotary_dim) * elem_size(c->dtype);
    fill_row(p, c->dtype, c->inv, c->m, pos, c->scratch);
    return c->scratch;
}

/* _compute_cos_sin_cache for rows 0 .. rows-1, then cache.to(dtype). */
static int build(vllm_cache *c, const rc_rope_params *p, rc_dtype t, int64_t rows)
{
    const int r = p->rotary_dim, half = r / 2;
    float *inv = malloc(sizeof(float) * (size_t)half);
    void *data = malloc((size_t)rows * (size_t)r * elem_size(t));
    double *factors = p->type == RC_ROPE_LONGROPE ? malloc(sizeof(double) * (size_t)r) : NULL;
    if (!inv || !data || (p->type == RC_ROPE_LONGROPE && !factors)) {
        free(inv); free(data); free(factors);
        return -1;
    }
    double m;
    if (p->type == RC_ROPE_LINEAR) {
        m = 1.0;
        torch_default_inv_freq(p, (float)p->base, inv);
    } else {
        torch_inv_freq(p, inv, &m);
    }
    for (int64_t i = 0; i < rows; i++)
        fill_row(p, t, inv, m, i, (char *)data + (size_t)(i * r) * elem_size(t));
    free(c->inv);
    c->inv = inv;
    c->m = m;
    free(c->data);
    free(c->factors);
    c->key = *p;
    c->key.short_factor = c->key.long_factor = NULL;
    if (factors) {
        memcpy(factors, p->short_factor, sizeof(double) * (size_t)half);
        memcpy(factors + half, p->long_factor, sizeof(double) * (size_t)half);
    }
    c->factors = factors;
    c->dtype = t;
    c->rows = rows;
    c->data = data;
    return 0;
}

/* The cache covering every position of this call, built or grown. */
static const void *cache_for(ex_state *st, const rc_rope_params *p, rc_dtype t,
                             const int64_t *positions, int64_t n, int *rc)
{
    vllm_cache *c = st->priv;
    if (!c && !(c = st->priv = calloc(1, sizeof *c))) {
        *rc = ex_fail(st, RC_ERROR, "out of memory");
        return NULL;
    }
    int64_t max_rows = (int64_t)(RC_VLLM_CACHE_BYTES / ((size_t)p->rotary_dim * elem_size(t)));
    if (max_rows > RC_VLLM_CACHE_ROWS)
        max_rows = RC_VLLM_CACHE_ROWS;
    int64_t need = 1;
    for (int64_t i = 0; i < n; i++) {
        if (positions[i] < 0 || (p->max_position > 0 && positions[i] >= p->max_position)) {
            *rc = ex_fail(st, RC_UNSUPPORTED, "position %lld outside the cos/sin cache [0, %lld)",
                          (long long)positions[i], (long long)p->max_position);
            return NULL;
        }
        if (positions[i] + 1 > need)
            need = positions[i] + 1;
    }
    if (need > max_rows)
        need = max_rows; /* rows past it are computed per call (row_of) */
    if (!same_key(c, p, t) || c->rows < need) {
        int64_t rows = 4096;
        while (rows < need)
            rows *= 2;
        if (rows > max_rows)
            rows = max_rows;
        if (build(c, p, t, rows) != 0) {
            *rc = ex_fail(st, RC_ERROR, "out of memory for a %lld-row cache", (long long)rows);
            return NULL;
        }
    }
    *rc = RC_OK;
    return c->data;
}

static int vllm_run(void *state, const rc_rope_params *p, const int64_t *positions,
                    const rc_tensor *in, rc_tensor *out, float sin_sign)
{
    int rc = ex_check(state, p, positions, in, out);
    if (rc != RC_OK)
        return rc;
    if (vllm_supports(state, p, in->dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "vLLM style: f32/f16/bf16 only");
    const rc_dtype t = in->dtype;
    if (!cache_for(state, p, t, positions, in->n_tokens, &rc))
        return rc;
    vllm_cache *vc = ((ex_state *)state)->priv;
    const int r = p->rotary_dim, half = r / 2;
    for (int64_t tok = 0; tok < in->n_tokens; tok++) {
        const void *row = row_of(vc, p, positions[tok]);
        for (int64_t h = 0; h < in->n_heads; h++) {
            const int64_t io = ex_offset(in, tok, h), oo = ex_offset(out, tok, h);
            for (int k = 0; k < half; k++) {
                int i0, i1;
                ex_pair(p, k, &i0, &i1);
                const float c = ex_load_f(t, row, k);
                const float s = sin_sign * ex_load_f(t, row, half + k);
                const float x = ex_load_f(t, in->data, io + i0);
                const float y = ex_load_f(t, in->data, io + i1);
                float o0, o1;
                if (t == RC_F32) {
                    o0 = fmaf(x, c, -(y * s));
                    o1 = fmaf(y, c, x * s);
                } else {
                    o0 = ex_round(t, x * c) - ex_round(t, y * s);
                    o1 = ex_round(t, y * c) + ex_round(t, x * s);
                }
                ex_store_f(t, out->data, oo + i0, o0);
                ex_store_f(t, out->data, oo + i1, o1);
            }
            ex_pass_through(in, io, out, oo, r);
        }
    }
    return RC_OK;
}

static int vllm_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                      const rc_tensor *in, rc_tensor *out)
{
    return vllm_run(state, p, positions, in, out, 1.0f);
}

static int vllm_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                         const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return vllm_run(state, p, positions, grad_out, grad_in, -1.0f);
}

/* The cache rows themselves, split into the ABI's cos and sin tables. */
static int vllm_cos_sin(void *state, const rc_rope_params *p, const int64_t *positions, int64_t n,
                        rc_dtype dtype, void *cos, void *sin)
{
    ex_state *st = state;
    if (rc_ref_validate_params(p, st->error, sizeof st->error) != 0)
        return RC_ERROR;
    if (vllm_supports(state, p, dtype) != RC_OK)
        return ex_fail(state, RC_UNSUPPORTED, "vLLM style: f32/f16/bf16 only");
    int rc;
    if (!cache_for(st, p, dtype, positions, n, &rc))
        return rc;
    const int half = p->rotary_dim / 2;
    const size_t es = elem_size(dtype);
    for (int64_t i = 0; i < n; i++) {
        const char *row = row_of(st->priv, p, positions[i]);
        memcpy((char *)cos + (size_t)(i * half) * es, row, (size_t)half * es);
        memcpy((char *)sin + (size_t)(i * half) * es, row + (size_t)half * es, (size_t)half * es);
    }
    return RC_OK;
}

static void vllm_fini(void *state)
{
    ex_state *st = state;
    vllm_cache *c = st ? st->priv : NULL;
    if (c) {
        free(c->data);
        free(c->factors);
        free(c->inv);
        free(c);
    }
    ex_fini(state);
}

static const rc_adapter vllm_adapter = {
    .abi_version = RC_ABI_VERSION,
    .struct_size = sizeof(rc_adapter),
    .name = "example-vllm",
    .version = "vLLM-style dtype cos/sin cache, dtype rotation",
    .init = ex_init,
    .fini = vllm_fini,
    .supports = vllm_supports,
    .apply = vllm_apply,
    .backward = vllm_backward,
    .cos_sin = vllm_cos_sin,
    .last_error = ex_last_error,
};

const rc_adapter *rope_conform_adapter(void);
const rc_adapter *rope_conform_adapter(void) { return &vllm_adapter; }
