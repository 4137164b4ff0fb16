/* Canonical parameter sets per rope type, used by the coverage grid when
 * the candidate has no configuration of its own.  Each exercises the
 * variant's distinctive step (a ramp, bands, a switched factor table);
 * the values live in the type's row of the rope-type table. */
#ifndef RC_VARIANTS_H
#define RC_VARIANTS_H

#include "config.h"
#include "rope_type.h"

const char *rc_pairing_name(rc_pairing p);       /* "half-split" "interleaved" */

/* Fill cfg with the canonical params of type t for the given geometry. */
void rc_variant_params(rc_config *cfg, rc_rope_type t, rc_pairing pairing,
                       int head_dim, int rotary_dim, double base);

/* "yarn/interleaved/hd128/r64/b1e+04" */
void rc_params_label(const rc_rope_params *p, char *buf, size_t n);

#endif
