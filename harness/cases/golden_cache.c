/* One golden engine per distinct params for the whole run, so frequency
 * tables and cos/sin caches are shared by every suite and dtype. */
#include "run.h"
#include "rope_type.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

struct rc_golden_entry {
    rc_config cfg;
    rc_golden *g;
    rc_golden_entry *next;
};

static int same_factors(const double *a, const double *b, int n)
{
    if (!a || !b)
        return a == b;
    return memcmp(a, b, (size_t)n * sizeof(double)) == 0;
}

/* Field by field (params_fields.def): struct padding is not guaranteed to
 * be zero, and factor arrays compare by content when the type uses them. */
static int same_params(const rc_rope_params *a, const rc_rope_params *b)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(a->type);
    const int arrays = a->type == b->type && ti && ti->factor_arrays;
#define RC_PARAM_SAME_FACTORS(m) (!arrays || same_factors(a->m, b->m, a->rotary_dim / 2))
#define RC_PARAM_SAME_I32(m) (a->m == b->m)
#define RC_PARAM_SAME_I64(m) (a->m == b->m)
#define RC_PARAM_SAME_F64(m) (a->m == b->m)
#define RC_PARAM_SAME_FLAG(m) (a->m == b->m)
#define RC_PARAM_SAME_PAIRING(m) (a->m == b->m)
#define RC_PARAM_SAME_TYPE(m) (a->m == b->m)
#define RC_PARAM_SAME_OPT32(m) (a->m == b->m)
#define RC_PARAM_SAME_LAYOUT(m) (a->m == b->m)
#define RC_PARAM_SAME_SECTIONS(m) (memcmp(a->m, b->m, sizeof a->m) == 0)
#define RC_PARAM(kind, m, key) &&RC_PARAM_SAME_##kind(m)
    return 1
#include "params_fields.def"
        ;
#undef RC_PARAM
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
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    if (ti && ti->factor_arrays && p->short_factor && p->long_factor) {
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
