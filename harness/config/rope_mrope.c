/* Multimodal RoPE (rope_mrope.h): the pair -> axis map of HF Qwen2-VL
 * (sectioned) and Qwen3-VL (interleaved), validation, HF import, grid
 * params.  docs/variants.md "Multimodal RoPE" has the formulas and where
 * the sources disagree. */
#include "rope_mrope.h"
#include "config_internal.h"
#include "rope_type.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const layout_names[2] = { "sectioned", "interleaved" };

int rc_mrope_axes(const rc_rope_params *p)
{
    return p->n_axes > 1 ? p->n_axes : 1;
}

int rc_mrope_axis(const rc_rope_params *p, int k)
{
    if (p->n_axes <= 1)
        return 0;
    const int32_t *s = p->mrope_section;
    if (p->mrope_layout == RC_MROPE_INTERLEAVED) { /* HF apply_interleaved_mrope, vLLM */
        if (k % 3 == 1 && k < 3 * s[1])
            return 1;
        if (k % 3 == 2 && k < 3 * s[2])
            return 2;
        return 0;
    }
    /* HF: cos.split(mrope_section * 2)[i % 3] (the sections sum to r/2) */
    int end = 0;
    for (int a = 0; a < RC_MROPE_MAX_AXES; a++) {
        end += s[a];
        if (k < end)
            return a;
    }
    return 0;
}

rc_rope_params rc_mrope_flat(const rc_rope_params *p)
{
    rc_rope_params q = *p;
    q.n_axes = 0;
    memset(q.mrope_section, 0, sizeof q.mrope_section);
    q.mrope_layout = RC_MROPE_SECTIONED;
    return q;
}

const char *rc_mrope_layout_name(rc_mrope_layout l)
{
    return (unsigned)l < 2 ? layout_names[l] : "?";
}

int rc_mrope_layout_parse(const char *s, rc_mrope_layout *out)
{
    for (int i = 0; s && i < 2; i++)
        if (strcmp(s, layout_names[i]) == 0) {
            *out = (rc_mrope_layout)i;
            return 0;
        }
    return -1;
}

int rc_mrope_validate(const rc_rope_params *p, char *err, size_t n)
{
    const int32_t *s = p->mrope_section;
    if (p->n_axes == 0 || p->n_axes == 1) {
        for (int a = 0; a < RC_MROPE_MAX_AXES; a++)
            if (s[a] != 0)
                return rc_check_fail(err, n, "mrope_section[%d] = %d needs n_axes %d (M-RoPE)", a,
                                     (int)s[a], RC_MROPE_MAX_AXES);
        if (p->mrope_layout != RC_MROPE_SECTIONED)
            return rc_check_fail(err, n, "mrope_layout %d needs n_axes %d (M-RoPE)",
                                 (int)p->mrope_layout, RC_MROPE_MAX_AXES);
        return 0;
    }
    if (p->n_axes != RC_MROPE_MAX_AXES)
        return rc_check_fail(err, n, "n_axes %d is invalid: 0 (one position per token) or %d "
                             "(M-RoPE T, H, W)", (int)p->n_axes, RC_MROPE_MAX_AXES);
    if (p->mrope_layout != RC_MROPE_SECTIONED && p->mrope_layout != RC_MROPE_INTERLEAVED)
        return rc_check_fail(err, n, "mrope_layout %d is not sectioned (0) or interleaved (1)",
                             (int)p->mrope_layout);
    long sum = 0;
    for (int a = 0; a < RC_MROPE_MAX_AXES; a++) {
        if (s[a] < 0)
            return rc_check_fail(err, n, "mrope_section[%d] = %d is negative", a, (int)s[a]);
        sum += s[a];
    }
    if (sum != p->rotary_dim / 2) /* HF's split and vLLM's assert need it */
        return rc_check_fail(err, n, "mrope_section sums to %ld pairs; it must be rotary_dim/2 = %d",
                             sum, (int)(p->rotary_dim / 2));
    return 0;
}

int rc_mrope_hf_type(const char *type_str)
{
    return type_str && strcmp(type_str, RC_MROPE_NAME) == 0;
}

int rc_mrope_read_hf(const rcj_ctx *ctx, const cJSON *obj, rc_hf_block *b)
{
    b->n_section = -1;
    int r = rcj_number_array(ctx, obj, "mrope_section", 0, b->section, RC_MROPE_MAX_AXES + 1,
                             &b->n_section);
    if (r < 0)
        return -1;
    if (r == 0)
        b->n_section = -1;
    r = rcj_bool(ctx, obj, "mrope_interleaved", &b->interleaved);
    if (r < 0)
        return -1;
    b->has_interleaved = r;
    return 0;
}

int rc_mrope_merge_hf(const rcj_ctx *ctx, rc_hf_block *p, const rc_hf_block *s)
{
    if (s->n_section >= 0) {
        if (p->n_section >= 0 && (p->n_section != s->n_section ||
                                  memcmp(p->section, s->section, sizeof p->section) != 0))
            return rcj_fail(ctx, "\"rope_scaling.mrope_section\" and "
                            "\"rope_parameters.mrope_section\" disagree");
        p->n_section = s->n_section;
        memcpy(p->section, s->section, sizeof p->section);
    }
    if (s->has_interleaved) {
        if (p->has_interleaved && p->interleaved != s->interleaved)
            return rcj_fail(ctx, "\"rope_scaling.mrope_interleaved\" and "
                            "\"rope_parameters.mrope_interleaved\" disagree");
        p->has_interleaved = 1;
        p->interleaved = s->interleaved;
    }
    return 0;
}

/* Qwen2-VL / Qwen2.5-VL: {"type": "mrope", "mrope_section": [16, 24, 24]};
 * Qwen3-VL: the default rope_type with "mrope_section": [24, 20, 20],
 * "mrope_interleaved": true.  Sections count pairs (HF doubles them to
 * split the channels of cat(freqs, freqs)). */
int rc_mrope_from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    rc_rope_params *p = &out->params;
    if (b->n_section < 0) {
        if (rc_mrope_hf_type(b->type_str))
            return rcj_fail(ctx, "rope type \"%s\" needs \"mrope_section\"", b->type_str);
        if (b->has_interleaved)
            return rcj_fail(ctx, "\"mrope_interleaved\" without \"mrope_section\"");
        return 0;
    }
    if (b->n_section != RC_MROPE_MAX_AXES)
        return rcj_fail(ctx, "\"mrope_section\" has %d entries, expected %d (T, H, W)",
                        b->n_section, RC_MROPE_MAX_AXES);
    p->n_axes = RC_MROPE_MAX_AXES;
    p->mrope_layout = b->has_interleaved && b->interleaved ? RC_MROPE_INTERLEAVED
                                                          : RC_MROPE_SECTIONED;
    for (int a = 0; a < RC_MROPE_MAX_AXES; a++) {
        double v = b->section[a];
        if (v != floor(v) || v < 0 || v > RC_MAX_PAIRS)
            return rcj_fail(ctx, "\"mrope_section[%d]\" (%.17g) must be a whole number of pairs",
                            a, v);
        p->mrope_section[a] = (int32_t)v;
    }
    char err[200];
    if (rc_mrope_validate(p, err, sizeof err) != 0)
        return rcj_fail(ctx, "%s", err);
    return 0;
}

/* [axis][token]: a text token (0, 0, 0), then t, h, w apart */
static const int64_t vec_pos[3 * 6] = { 0, 1, 5, 9, 100, 4097,
                                        0, 3, 1, 2, 50, 3000,
                                        0, 2, 4, 1, 77, 65535 };

int rc_mrope_vector_extra(rc_config *v, int i, rc_vec_extra *out)
{
    static const char *const names[2] = { "mrope-sectioned", "mrope-interleaved" };
    static const char *const notes[2] = {
        "M-RoPE sectioned (Qwen2-VL), sections 8/12/12 pairs; positions [t, h, w] per token",
        "M-RoPE interleaved (Qwen3-VL), sections 8/12/12 pairs; positions [t, h, w] per token" };
    if (i > 1)
        return 0;
    rc_mrope_canonical(&v->params, (rc_mrope_layout)i);
    *out = (rc_vec_extra){ names[i], vec_pos, 6, notes[i] };
    return 1;
}

void rc_mrope_canonical(rc_rope_params *p, rc_mrope_layout layout)
{
    const int np = p->rotary_dim / 2;
    p->n_axes = RC_MROPE_MAX_AXES;
    p->mrope_layout = layout;
    p->mrope_section[1] = p->mrope_section[2] = (3 * np) / 8;
    p->mrope_section[0] = np - 2 * p->mrope_section[1];
}
