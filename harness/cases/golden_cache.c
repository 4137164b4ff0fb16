/* One golden engine per distinct params, shared by every suite and dtype
 * that asks for the same params: frequency tables and cos/sin caches are
 * built once.  Between cases the most recently used RC_GOLDENS_KEPT stay
 * (rc_ctx_trim_goldens): a level-3 run has thousands of rows, and keeping
 * every engine grew a worker without bound.  Never within a case, whose
 * judging may hold any number of engines at once. */
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

enum { RC_GOLDENS_KEPT = 64 };

static void entry_free(rc_golden_entry *e)
{
    rc_golden_free(e->g);
    free(e);
}

/* Found: moved to the front, so the list runs from most to least
 * recently used (plan order asks for one row's params many times). */
static rc_golden *lookup(rc_ctx *ctx, const rc_rope_params *p)
{
    for (rc_golden_entry **link = &ctx->goldens, *e; (e = *link) != NULL; link = &e->next)
        if (same_params(&e->cfg.params, p)) {
            *link = e->next;
            e->next = ctx->goldens;
            ctx->goldens = e;
            return e->g;
        }
    return NULL;
}

rc_golden *rc_ctx_golden(rc_ctx *ctx, const rc_rope_params *p, char *err, size_t errlen)
{
    rc_golden *found = lookup(ctx, p);
    if (found)
        return found;
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

static void free_list(rc_golden_entry *e)
{
    while (e) {
        rc_golden_entry *n = e->next;
        entry_free(e);
        e = n;
    }
}

void rc_ctx_trim_goldens(rc_ctx *ctx)
{
    rc_golden_entry **link = &ctx->goldens;
    for (int n = 0; *link && n < RC_GOLDENS_KEPT; n++)
        link = &(*link)->next;
    free_list(*link);
    *link = NULL;
}

void rc_ctx_free_goldens(rc_ctx *ctx)
{
    free_list(ctx->goldens);
    ctx->goldens = NULL;
}
