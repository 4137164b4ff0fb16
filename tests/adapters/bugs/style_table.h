/* Style: cached cos/sin table.  The table holds float cos and sin of
 * position * w_k for positions 0 .. BUG_TABLE_LEN-1 (filled on demand);
 * BUG_TABLE_POS(pos) says which row a position reads. */
#include "bug_common.h"

#ifndef BUG_TABLE_LEN
#define BUG_TABLE_LEN (INT64_C(1) << 40)
#endif
#ifndef BUG_TABLE_POS
#define BUG_TABLE_POS(pos) (pos)
#endif
/* 1: the second output re-reads x0 after the first was written */
#ifndef BUG_REREAD
#define BUG_REREAD 0
#endif

static void bug_row(const rc_rope_params *p, int64_t pos, int k, float *c, float *s)
{
    const double th = (double)BUG_TABLE_POS(pos) * BUG_FREQ(p, k), m = BUG_MAGNITUDE(p);
    *c = (float)(cos(th) * m);
    *s = (float)(sin(th) * m);
}

static int bug_rotate(void *state, const rc_rope_params *p, const int64_t *pos, const rc_tensor *in,
                      rc_tensor *out, double sign)
{
    if (bug_invalid(p))
        return bug_fail(state, "invalid params");
    const int r2 = p->rotary_dim / 2;
    for (int64_t t = 0; t < in->n_tokens; t++) {
        const int64_t q = BUG_POS(pos, t);
        for (int k = 0; k < r2; k++) {
            float c, s;
            int a, b;
            bug_row(p, q, k, &c, &s);
            bug_pair(p, k, &a, &b);
            for (int64_t h = 0; h < in->n_heads; h++) {
                const int64_t io = t * in->token_stride + BUG_IN_HEAD(h) * in->head_stride;
                const int64_t oo = t * out->token_stride + h * out->head_stride;
                const double x0 = bug_get(in, io + a), x1 = bug_get(in, io + b);
                bug_put(out, oo + a, x0 * c - sign * x1 * s);
                const double x0b = BUG_REREAD ? bug_get(in, io + a) : x0;
                bug_put(out, oo + b, sign * x0b * s + x1 * c);
            }
        }
        for (int64_t h = 0; h < in->n_heads; h++)
            bug_pass_through(p, in, t * in->token_stride + h * in->head_stride, out,
                             t * out->token_stride + h * out->head_stride);
    }
    return RC_OK;
}

/* The table itself, through the same lookup. */
static int bug_table_cos_sin(void *state, const rc_rope_params *p, const int64_t *pos, int64_t n, rc_dtype dt,
                             void *cv, void *sv)
{
    if (bug_invalid(p))
        return bug_fail(state, "invalid params");
    const int r2 = p->rotary_dim / 2;
    rc_tensor tc = { dt, cv, 0, 0, 0, 0, 0 }, ts = { dt, sv, 0, 0, 0, 0, 0 };
    for (int64_t i = 0; i < n; i++)
        for (int k = 0; k < r2; k++) {
            float c, s;
            bug_row(p, pos[i], k, &c, &s);
            bug_put(&tc, i * r2 + k, c);
            bug_put(&ts, i * r2 + k, s);
        }
    return RC_OK;
}

#define BUG_COS_SIN bug_table_cos_sin
