/* ntk.not-restored: dynamic NTK keeps the base of the longest sequence seen
 * in its state, so a short call after a long one still uses the enlarged
 * base (transformers issue #25306, PRs #27033/#27227).  The bug lives in
 * the adapter state, so this mutant wraps the entry points: each call runs
 * the reference steps with seq_len raised to the longest seen so far. */
#include <stdio.h>
#include <stdlib.h>
#include "mutant.h"

typedef struct ntk_state {
    rc_ref_state ref;          /* first: rc_ref_last_error/fini read it   */
    int64_t longest;           /* the bug: never reset                    */
} ntk_state;

static int init(void **state)
{
    ntk_state *st = calloc(1, sizeof *st);
    if (!state || !st) {
        free(st);
        return RC_ERROR;
    }
    snprintf(st->ref.error, sizeof st->ref.error, "no error");
    *state = st;
    return RC_OK;
}

/* params as the stale cache sees them */
static rc_rope_params seen(void *state, const rc_rope_params *p)
{
    rc_rope_params q = *p;
    ntk_state *st = state;
    if (st && p->type == RC_ROPE_DYNAMIC_NTK) {
        if (p->seq_len > st->longest)
            st->longest = p->seq_len;
        q.seq_len = st->longest;
    }
    return q;
}

static int supports(void *s, const rc_rope_params *p, rc_dtype t)
{
    return rc_ref_supports(rc_ref_default_ops(), s, p, t);
}

static int apply(void *s, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in, rc_tensor *out)
{
    rc_rope_params q = seen(s, p);
    return rc_ref_apply(rc_ref_default_ops(), s, &q, pos, in, out);
}

static int backward(void *s, const rc_rope_params *p, const int64_t *pos, const rc_tensor *g, rc_tensor *out)
{
    rc_rope_params q = seen(s, p);
    return rc_ref_backward(rc_ref_default_ops(), s, &q, pos, g, out);
}

static int cos_sin(void *s, const rc_rope_params *p, const int64_t *pos, int64_t n, rc_dtype t, void *c,
                   void *sn)
{
    rc_rope_params q = seen(s, p);
    return rc_ref_cos_sin(rc_ref_default_ops(), s, &q, pos, n, t, c, sn);
}

const rc_adapter *rc_cat_ntk_not_restored(void);
const rc_adapter *rc_cat_ntk_not_restored(void)
{
    static const rc_adapter table = {
        .abi_version = RC_ABI_VERSION, .struct_size = sizeof(rc_adapter),
        .name = "ntk.not-restored", .version = "1", .default_params = NULL,
        .init = init, .fini = rc_ref_fini, .supports = supports, .apply = apply,
        .backward = backward, .cos_sin = cos_sin, .last_error = rc_ref_last_error };
    return &table;
}
RC_CAT_EXPORT(rc_cat_ntk_not_restored)
