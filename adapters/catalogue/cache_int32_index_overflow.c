/* cache.int32-index-overflow: the cos/sin row offset p * rotary_dim held in
 * a 32-bit int wraps once it passes 2^31 (p >= 2^24 at r = 128): the row of
 * another (possibly negative) position is used (flash-attention #1195/#855
 * class of index overflows). */
#include <stdint.h>
#include "mutant.h"

static rc_real wrapped_index(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos)
{
    uint32_t raw = (uint32_t)((uint64_t)pos * (uint64_t)p->rotary_dim);
    int32_t off = raw <= INT32_MAX ? (int32_t)raw : -(int32_t)(UINT32_MAX - raw) - 1;
    return rc_ref_step_position(o, p, off / p->rotary_dim);
}

RC_REF_DERIVED_OPS(ops, o->position = wrapped_index)
RC_CAT_MUTANT(rc_cat_cache_int32_index_overflow, "cache.int32-index-overflow", ops)
