/* Names of rope types and pairings, and the canonical grid parameters. */
#include "variants.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const type_names[RC_ROPE_TYPE_COUNT] = {
    "default", "linear", "dynamic", "yarn", "longrope", "llama3"
};

const char *rc_rope_type_name(rc_rope_type t)
{
    return (unsigned)t < RC_ROPE_TYPE_COUNT ? type_names[t] : "?";
}

int rc_rope_type_parse(const char *s, rc_rope_type *out)
{
    for (int i = 0; i < RC_ROPE_TYPE_COUNT; i++)
        if (strcmp(s, type_names[i]) == 0) {
            *out = (rc_rope_type)i;
            return 0;
        }
    return -1;
}

const char *rc_pairing_name(rc_pairing p)
{
    return p == RC_INTERLEAVED ? "interleaved" : "half-split";
}

/* Values follow published models where one exists (Llama 3.1 bands, YaRN
 * betas 32/1, Phi-3 style 4096 -> 131072 LongRoPE); the LongRoPE factor
 * tables are smooth synthetic ramps with the shape of Phi-3's (short near
 * 1, long growing with the pair index). */
void rc_variant_params(rc_config *cfg, rc_rope_type t, rc_pairing pairing,
                       int head_dim, int rotary_dim, double base)
{
    memset(cfg, 0, sizeof *cfg);
    rc_rope_params *p = &cfg->params;
    p->struct_size = sizeof *p;
    p->head_dim = head_dim;
    p->rotary_dim = rotary_dim;
    p->pairing = pairing;
    p->type = t;
    p->base = base;
    p->truncate = 1;
    switch (t) {
    case RC_ROPE_DEFAULT:
        break;
    case RC_ROPE_LINEAR:
        p->factor = 4.0;
        p->max_position = 16384;
        break;
    case RC_ROPE_DYNAMIC_NTK:
        p->factor = 4.0;
        p->original_max_position = 2048;
        p->max_position = 2048;
        p->seq_len = 8192;        /* past L, so the base really changes */
        break;
    case RC_ROPE_YARN:
        p->factor = 4.0;
        p->original_max_position = 4096;
        p->max_position = 16384;
        p->beta_fast = 32.0;
        p->beta_slow = 1.0;
        break;
    case RC_ROPE_LONGROPE: {
        int n = rotary_dim / 2;
        p->original_max_position = 4096;
        p->max_position = 131072;
        p->factor = 32.0;
        p->seq_len = 8192;        /* long factors */
        for (int k = 0; k < n; k++) {
            double f = n > 1 ? (double)k / (n - 1) : 0.0;
            cfg->short_factor[k] = 1.0 + 0.25 * f;
            cfg->long_factor[k] = 1.0 + 31.0 * f * f;
        }
        break;
    }
    case RC_ROPE_LLAMA3:
        p->factor = 8.0;
        p->low_freq_factor = 1.0;
        p->high_freq_factor = 4.0;
        p->original_max_position = 8192;
        p->max_position = 131072;
        break;
    }
    rc_config_rebind(cfg);
}

void rc_params_label(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, "%s/%s/hd%d/r%d/b%g", rc_rope_type_name(p->type),
             rc_pairing_name(p->pairing), p->head_dim, p->rotary_dim, p->base);
}
