/* Multimodal RoPE (M-RoPE: Qwen2-VL, Qwen2.5-VL, Qwen3-VL): positions on
 * several axes (T, H, W), each pair following one axis.  It combines with
 * any rope type's frequencies; this file holds everything about it (names,
 * HF keys, validation, the pair -> axis map, the grid and vector params). */
#ifndef RC_ROPE_MROPE_H
#define RC_ROPE_MROPE_H

#include <stddef.h>
#include <stdint.h>
#include "config.h"

/* M-RoPE's one spelling: HF's rope type, the suite, the diagnosis class,
 * the identify finding. */
#define RC_MROPE_NAME "mrope"

struct rc_hf_block;
struct rcj_ctx;
struct cJSON;

/* Position axes of a configuration: 1 for plain RoPE, n_axes for M-RoPE. */
int rc_mrope_axes(const rc_rope_params *p);
/* The axis pair k follows (0 = T for plain RoPE and leftover pairs). */
int rc_mrope_axis(const rc_rope_params *p, int k);
/* Position of pair k of token t, positions laid out [axis][token]. */
static inline int64_t rc_mrope_position(const rc_rope_params *p, const int64_t *positions,
                                        int64_t n_tokens, int64_t t, int k)
{
    return positions[(int64_t)rc_mrope_axis(p, k) * n_tokens + t];
}

/* p with one position per token: M-RoPE with equal axes is exactly that
 * (the probes, which give every axis the same positions, use it). */
rc_rope_params rc_mrope_flat(const rc_rope_params *p);

const char *rc_mrope_layout_name(rc_mrope_layout l); /* "sectioned" "interleaved" */
int rc_mrope_layout_parse(const char *s, rc_mrope_layout *out);

/* The M-RoPE fields (n_axes, mrope_section, mrope_layout): 0, or -1 with
 * a one-line message. */
int rc_mrope_validate(const rc_rope_params *p, char *err, size_t n);

/* HF: read "mrope_section" and "mrope_interleaved" of a rope block object
 * into b (-1 with a message); then turn them into params. */
int rc_mrope_read_hf(const struct rcj_ctx *ctx, const struct cJSON *obj, struct rc_hf_block *b);
int rc_mrope_merge_hf(const struct rcj_ctx *ctx, struct rc_hf_block *p,
                      const struct rc_hf_block *s);
int rc_mrope_from_hf(const struct rc_hf_block *b, rc_config *out, const struct rcj_ctx *ctx);
/* Whether an HF type spelling stands for M-RoPE ("mrope", which HF itself
 * rewrites to the default type). */
int rc_mrope_hf_type(const char *type_str);

/* Frozen-vector case i (0 = none left) of M-RoPE on v (head_dim 64, plain
 * params): the layout's canonical sections and t, h, w all different. */
struct rc_vec_extra;
int rc_mrope_vector_extra(rc_config *v, int i, struct rc_vec_extra *out);

/* Canonical M-RoPE params on a geometry (sections in Qwen2-VL's
 * proportions 1/4, 3/8, 3/8 of the pairs). */
void rc_mrope_canonical(rc_rope_params *p, rc_mrope_layout layout);

#endif
