/* cache.garbage-past-max: rows past the cache's max_position are read from
 * memory nobody wrote (pegainfer #220/#253: silent garbage past 4096).  The
 * garbage is a fixed hash of (position, pair) so runs are repeatable. */
#include <stdint.h>
#include "mutant.h"

static rc_real junk(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (rc_real)(x >> 11) / (rc_real)(1ULL << 53) * 2.0L - 1.0L;
}

static void row_or_garbage(const rc_ref_ops *o, const rc_ref_plan *pl, int64_t pos, rc_real *c, rc_real *s)
{
    if (pl->params->max_position <= 0 || pos < pl->params->max_position) {
        rc_ref_step_table_row(o, pl, pos, c, s);
        return;
    }
    for (int k = 0; k < pl->half; k++) {
        c[k] = junk((uint64_t)pos * 2654435761u + (uint64_t)k);
        s[k] = junk((uint64_t)pos * 40503u + (uint64_t)k + 7u);
    }
}

RC_REF_DERIVED_OPS(ops, o->table_row = row_or_garbage)
RC_CAT_MUTANT(rc_cat_cache_garbage_past_max, "cache.garbage-past-max", ops)
