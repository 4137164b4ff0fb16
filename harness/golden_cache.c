/* One golden engine per distinct params for the whole run, so frequency
 * tables and cos/sin caches are shared by every suite and dtype. */
#include "run.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

struct rc_golden_entry {
    rc_config cfg;
    rc_golden *g;
    rc_golden_entry *next;
};

/* Field by field: struct padding is not guaranteed to be zero. */
static int same_params(const rc_rope_params *a, const rc_rope_params *b)
{
    if (a->head_dim != b->head_dim || a->rotary_dim != b->rotary_dim ||
        a->pairing != b->pairing || a->type != b->type || a->base != b->base ||
        a->factor != b->factor || a->original_max_position != b->original_max_position ||
        a->max_position != b->max_position || a->low_freq_factor != b->low_freq_factor ||
        a->high_freq_factor != b->high_freq_factor || a->beta_fast != b->beta_fast ||
        a->beta_slow != b->beta_slow || a->attention_factor != b->attention_factor ||
        a->mscale != b->mscale || a->mscale_all_dim != b->mscale_all_dim ||
        a->truncate != b->truncate || a->seq_len != b->seq_len)
        return 0;
    if (a->type != RC_ROPE_LONGROPE)
        return 1;
    if (!a->short_factor || !b->short_factor || !a->long_factor || !b->long_factor)
        return a->short_factor == b->short_factor && a->long_factor == b->long_factor;
    size_t n = (size_t)(a->rotary_dim / 2) * sizeof(double);
    return memcmp(a->short_factor, b->short_factor, n) == 0 &&
           memcmp(a->long_factor, b->long_factor, n) == 0;
}

rc_golden *rc_ctx_golden(rc_ctx *ctx, const rc_rope_params *p, char *err, size_t errlen)
{
    for (rc_golden_entry *e = ctx->goldens; e; e = e->next)
        if (same_params(&e->cfg.params, p))
            return e->g;
    rc_golden_entry *e = calloc(1, sizeof *e);
    if (!e) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    e->g = rc_golden_new(p, err, errlen);
    if (!e->g) {
        free(e);
        return NULL;
    }
    /* keep a copy of the key, with its own factor arrays */
    e->cfg.params = *p;
    if (p->type == RC_ROPE_LONGROPE && p->short_factor && p->long_factor) {
        size_t n = (size_t)(p->rotary_dim / 2) * sizeof(double);
        memcpy(e->cfg.short_factor, p->short_factor, n);
        memcpy(e->cfg.long_factor, p->long_factor, n);
    }
    rc_config_rebind(&e->cfg);
    e->next = ctx->goldens;
    ctx->goldens = e;
    return e->g;
}

void rc_ctx_free_goldens(rc_ctx *ctx)
{
    rc_golden_entry *e = ctx->goldens;
    while (e) {
        rc_golden_entry *n = e->next;
        rc_golden_free(e->g);
        free(e);
        e = n;
    }
    ctx->goldens = NULL;
}
