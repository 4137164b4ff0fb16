/* Pairing names, the canonical grid parameters (geometry here, the rest
 * from the type's row of the rope-type table) and row labels. */
#include "variants.h"

#include <stdio.h>
#include <string.h>

const char *rc_pairing_name(rc_pairing p)
{
    return p == RC_INTERLEAVED ? "interleaved" : "half-split";
}

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
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    if (ti && ti->canonical)
        ti->canonical(cfg);
    rc_config_rebind(cfg);
}

void rc_params_label(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, "%s/%s/hd%d/r%d/b%g", rc_rope_type_name(p->type),
             rc_pairing_name(p->pairing), p->head_dim, p->rotary_dim, p->base);
}
