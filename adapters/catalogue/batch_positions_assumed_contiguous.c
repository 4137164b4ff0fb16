/* batch.positions-assumed-contiguous: the kernel takes token t's position
 * as positions[0] + t (an arange from the first position), so any other
 * token's position is replaced by its neighbour's (flash-attention #1752,
 * llama.cpp PR #7452 "positions not arange").  The bug is in how the entry
 * point reads positions, so this mutant wraps apply/backward/cos_sin. */
#include <stdlib.h>
#include "mutant.h"

/* positions[0], positions[0] + 1, ...; NULL when n is 0 or memory is out */
static int64_t *arange_from_first(const int64_t *pos, int64_t n)
{
    if (n <= 0 || !pos)
        return NULL;
    int64_t *q = malloc((size_t)n * sizeof *q);
    for (int64_t t = 0; q && t < n; t++)
        q[t] = pos[0] + t;
    return q;
}

static int supports(void *s, const rc_rope_params *p, rc_dtype t)
{
    return rc_ref_supports(rc_ref_default_ops(), s, p, t);
}

static int apply(void *s, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in, rc_tensor *out)
{
    int64_t *q = arange_from_first(pos, in ? in->n_tokens : 0);
    int rc = rc_ref_apply(rc_ref_default_ops(), s, p, q ? q : pos, in, out);
    free(q);
    return rc;
}

static int backward(void *s, const rc_rope_params *p, const int64_t *pos, const rc_tensor *g, rc_tensor *out)
{
    int64_t *q = arange_from_first(pos, g ? g->n_tokens : 0);
    int rc = rc_ref_backward(rc_ref_default_ops(), s, p, q ? q : pos, g, out);
    free(q);
    return rc;
}

static int cos_sin(void *s, const rc_rope_params *p, const int64_t *pos, int64_t n, rc_dtype t, void *c,
                   void *sn)
{
    int64_t *q = arange_from_first(pos, n);
    int rc = rc_ref_cos_sin(rc_ref_default_ops(), s, p, q ? q : pos, n, t, c, sn);
    free(q);
    return rc;
}

const rc_adapter *rc_cat_batch_positions_assumed_contiguous(void);
const rc_adapter *rc_cat_batch_positions_assumed_contiguous(void)
{
    static const rc_adapter table = {
        .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),
        .name = "batch.positions-assumed-contiguous", .version = "1", .default_params = NULL,
        .init = rc_ref_init, .fini = rc_ref_fini, .supports = supports, .apply = apply,
        .backward = backward, .cos_sin = cos_sin, .last_error = rc_ref_last_error };
    return &table;
}
RC_CAT_EXPORT(rc_cat_batch_positions_assumed_contiguous)
