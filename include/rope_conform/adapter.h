/*
 * rope-conform adapter ABI, version 1.1 (minor 1: M-RoPE positions and the
 * proportional type, fields appended to rc_rope_params and rc_adapter).
 *
 * A candidate RoPE implementation is a shared object that exports
 *
 *     const rc_adapter *rope_conform_adapter(void);
 *
 * A contained worker process (never the harness itself) dlopen()s it,
 * checks abi_version and struct_size, and calls the function pointers
 * below with time limits, so a crash, a hang or anything else the candidate
 * does becomes a FAIL, not a crash of the harness or a forged verdict.  docs/abi.md describes each field at length; the comments
 * here are the normative summary.
 *
 * Compatibility rule: fields are only ever appended.  A candidate built
 * against an older minor layout reports a smaller struct_size and the
 * harness treats the missing trailing fields as absent (NULL / 0).  A change
 * of meaning bumps RC_ABI_VERSION and the harness refuses other versions.
 *
 * This header depends on nothing but the C standard library so adapters can
 * be written for any engine (C, C++, CUDA host code, Python via cffi).
 */
#ifndef ROPE_CONFORM_ADAPTER_H
#define ROPE_CONFORM_ADAPTER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RC_ABI_VERSION 1
/* Minor layouts only append fields.  1: rc_rope_params gains freq_pairs,
 * n_axes, mrope_section and mrope_layout; rc_adapter gains params_size. */
#define RC_ABI_MINOR 1

/* Name of the one symbol a candidate exports. */
#define RC_ADAPTER_SYMBOL "rope_conform_adapter"

/* Return codes of every adapter function that returns int. */
enum {
    RC_OK = 0,          /* done                                            */
    RC_UNSUPPORTED = 1, /* this params/dtype combination is not implemented:
                           the harness skips the case, it does not fail    */
    RC_ERROR = 2        /* failed; last_error() says why: a FAIL           */
};

/* Element type of a tensor.  16-bit types travel as their bit patterns in
 * uint16_t: IEEE 754 binary16 for F16, the top half of a binary32 for BF16. */
typedef enum rc_dtype {
    RC_F64 = 0,
    RC_F32 = 1,
    RC_F16 = 2,
    RC_BF16 = 3
} rc_dtype;
#define RC_DTYPE_COUNT 4

/* Which channels rotate together (r = rotary_dim, k = 0 .. r/2-1). */
typedef enum rc_pairing {
    RC_HALF_SPLIT = 0,  /* (k, k + r/2): GPT-NeoX, HF rotate_half, vLLM neox */
    RC_INTERLEAVED = 1  /* (2k, 2k + 1): GPT-J, Meta llama, ggml NORMAL,
                           llama2.c                                       */
} rc_pairing;

/* How the inverse frequencies w'_k and the magnitude m are derived; the exact
 * formulas and their sources are in docs/variants.md. */
typedef enum rc_rope_type {
    RC_ROPE_DEFAULT = 0,     /* w_k = base^(-2k/r), m = 1                   */
    RC_ROPE_LINEAR = 1,      /* w_k / factor                                */
    RC_ROPE_DYNAMIC_NTK = 2, /* base' = base*(s*l/L - (s-1))^(r/(r-2)),
                                l = max(seq_len, L)                         */
    RC_ROPE_YARN = 3,        /* ramp between beta_fast/beta_slow bounds     */
    RC_ROPE_LONGROPE = 4,    /* per-pair short/long factors                 */
    RC_ROPE_LLAMA3 = 5,      /* wavelength bands (Llama 3.1)                */
    RC_ROPE_PROPORTIONAL = 6 /* ABI 1.1: w_k = base^(-2k/r)/factor for
                                k < freq_pairs, 0 beyond (HF "proportional") */
} rc_rope_type;
#define RC_ROPE_TYPE_COUNT 7

/* ABI 1.1: which pairs follow which position axis under M-RoPE
 * (docs/variants.md, "Multimodal RoPE"). */
typedef enum rc_mrope_layout {
    RC_MROPE_SECTIONED = 0,  /* pairs [0, s_T) axis T, then s_H pairs H, then
                                s_W pairs W (Qwen2-VL, Qwen2.5-VL)         */
    RC_MROPE_INTERLEAVED = 1 /* pair k: H if k%3 == 1 and k < 3 s_H, W if
                                k%3 == 2 and k < 3 s_W, else T (Qwen3-VL)   */
} rc_mrope_layout;
#define RC_MROPE_MAX_AXES 3

/*
 * The RoPE configuration.  Fields a rope type does not use are ignored (and
 * should be 0).  The harness always passes a fully populated struct whose
 * struct_size is sizeof(rc_rope_params) of the harness.
 */
typedef struct rc_rope_params {
    uint32_t struct_size;   /* sizeof(rc_rope_params) of the writer          */
    int32_t head_dim;       /* channels per head                             */
    int32_t rotary_dim;     /* r: even, 2 <= r <= head_dim; channels r ..
                               head_dim-1 pass through unchanged             */
    rc_pairing pairing;
    rc_rope_type type;
    double base;            /* rope_theta, > 1                               */

    /* Context extension (docs/variants.md says which type uses which). */
    double factor;          /* s: LINEAR, DYNAMIC_NTK, YARN, LONGROPE, LLAMA3 */
    int64_t original_max_position; /* L: pre-extension context length     */
    int64_t max_position;   /* the model's context (max_position_embeddings);
                               used by lint/long-context suites, and by
                               LONGROPE's default magnitude (s = max/L)     */
    double low_freq_factor; /* LLAMA3 alpha                                  */
    double high_freq_factor;/* LLAMA3 beta                                   */
    double beta_fast;       /* YARN (32 in most models)                      */
    double beta_slow;       /* YARN (1 in most models)                       */
    double attention_factor;/* YARN/LONGROPE magnitude m; 0 = the variant's
                               default rule                                 */
    double mscale;          /* YARN DeepSeek rule, used only when both       */
    double mscale_all_dim;  /*   mscale and mscale_all_dim are non-zero      */
    int32_t truncate;       /* YARN: 1 = floor/ceil correction bounds (HF
                               default), 0 = real-valued bounds             */
    int32_t reserved0;      /* keep 8-byte alignment; must be 0              */
    const double *short_factor; /* LONGROPE: rotary_dim/2 factors each       */
    const double *long_factor;
    int64_t seq_len;        /* current sequence length: DYNAMIC_NTK uses
                               max(seq_len, L); LONGROPE uses long factors
                               iff seq_len > L.  0 = not given (= L)        */

    /* ---- ABI 1.1.  An adapter built for 1.0 (rc_adapter.params_size 0)
     * is never given a configuration that uses these fields. ---- */
    int32_t freq_pairs;     /* PROPORTIONAL: pairs with a non-zero
                               frequency, 1 <= freq_pairs <= rotary_dim/2 */
    int32_t n_axes;         /* position axes: 0 = one position per token;
                               3 = M-RoPE, positions [axis][token] for
                               axes T, H, W                                */
    int32_t mrope_section[RC_MROPE_MAX_AXES]; /* M-RoPE: pairs per axis
                               T, H, W, summing to rotary_dim/2          */
    rc_mrope_layout mrope_layout;
} rc_rope_params;

/* sizeof(rc_rope_params) in ABI 1.0. */
#define RC_ROPE_PARAMS_V1_0_SIZE offsetof(rc_rope_params, freq_pairs)

/*
 * A strided view of activations laid out as [n_tokens][n_heads][head_dim].
 * Strides are in elements, not bytes.  Channels within a head are contiguous.
 * The default (contiguous) layout has head_stride = head_dim and
 * token_stride = n_heads * head_dim.
 */
typedef struct rc_tensor {
    rc_dtype dtype;
    void *data;             /* double, float, or uint16_t bit patterns       */
    int64_t n_tokens;
    int64_t n_heads;
    int64_t head_dim;
    int64_t token_stride;
    int64_t head_stride;
} rc_tensor;

typedef struct rc_adapter {
    uint32_t abi_version;   /* RC_ABI_VERSION the adapter was written for    */
    uint32_t struct_size;   /* sizeof(rc_adapter) of the adapter             */
    const char *name;       /* short identifier, e.g. "reference"            */
    const char *version;    /* the candidate's own version string            */

    /* Optional: the one configuration a fixed-function candidate implements
     * (e.g. a model's RoPE).  NULL = the candidate accepts any params for
     * which supports() says RC_OK. */
    const rc_rope_params *default_params;

    /* Required.  Create per-run state (caches, handles); *state may stay
     * NULL.  Called when a worker process starts and after each fini;
     * a worker serves many calls (docs/abi.md, "State"). */
    int (*init)(void **state);
    /* Required.  Release what init made. */
    void (*fini)(void *state);
    /* Required.  RC_OK or RC_UNSUPPORTED (the case is skipped). */
    int (*supports)(void *state, const rc_rope_params *params, rc_dtype dtype);
    /* Required.  out = RoPE(in) at positions[t] for token t, every head.
     * in and out have the same dtype and shape; out->data may equal
     * in->data (in-place).  positions has in->n_tokens entries; with
     * params->n_axes = A > 1 (M-RoPE) it has A * in->n_tokens, laid out
     * [axis][token]: positions[a * n_tokens + t]. */
    int (*apply)(void *state, const rc_rope_params *params,
                 const int64_t *positions, const rc_tensor *in,
                 rc_tensor *out);
    /* Optional.  Gradient of apply: out = m * R(-angle) in, i.e. rotation
     * by the negative angle, same magnitude; positions as for apply. */
    int (*backward)(void *state, const rc_rope_params *params,
                    const int64_t *positions, const rc_tensor *grad_out,
                    rc_tensor *grad_in);
    /* Optional.  The candidate's cos/sin table for n positions:
     * cos[i * r/2 + k] = m * cos(positions[i] * w'_k), likewise sin, in
     * dtype.  Lets a report say whether the table or the apply step is
     * wrong.  Never called with M-RoPE params (n_axes > 1). */
    int (*cos_sin)(void *state, const rc_rope_params *params,
                   const int64_t *positions, int64_t n, rc_dtype dtype,
                   void *cos, void *sin);
    /* Required.  A message for the last RC_ERROR (never NULL). */
    const char *(*last_error)(void *state);

    /* ---- ABI 1.1 ---- */
    /* sizeof(rc_rope_params) the adapter was built with; 0 (an adapter
     * built for 1.0) means RC_ROPE_PARAMS_V1_0_SIZE.  The harness offers
     * M-RoPE and PROPORTIONAL params only to adapters that set it. */
    uint32_t params_size;
    uint32_t reserved1;     /* must be 0 */
} rc_adapter;

/* The symbol every candidate exports. */
typedef const rc_adapter *(*rc_adapter_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* ROPE_CONFORM_ADAPTER_H */
