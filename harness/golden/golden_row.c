/* One row of channel pairs (one token, one head) through the golden's
 * stages, each deciding what the one before left open:
 *   1. plain double (golden_dbl.c), for f32, f16 and bf16 outputs;
 *   2. double-double (golden_fast.c): f64 outputs start here, from rows
 *      within RC_LITE_CS_ERR, then the pair's cos/sin within RC_FAST_CS_ERR;
 *   3. MPFR's Ziv loop (golden_pair.c), which always decides.
 * Every stage returns only correctly rounded values, so the result does
 * not depend on which stage decided.  Also the row's loads and stores,
 * one dtype dispatch per row rather than per element. */
#include <string.h>

#include "dtype.h"
#include "golden_internal.h"
#include "rope_conform/half.h"

void rc_golden_row_load(const void *data, rc_dtype t, size_t base, const rc_row_layout *l,
                        double *x0, double *x1)
{
    for (int k = 0; k < l->n; k++) {
        const size_t i0 = base + (size_t)k * l->step, i1 = i0 + l->off;
        switch (t) {
        case RC_F64: x0[k] = ((const double *)data)[i0]; x1[k] = ((const double *)data)[i1]; break;
        case RC_F32: x0[k] = ((const float *)data)[i0]; x1[k] = ((const float *)data)[i1]; break;
        case RC_F16:
            x0[k] = rc_f16_value(((const uint16_t *)data)[i0]);
            x1[k] = rc_f16_value(((const uint16_t *)data)[i1]);
            break;
        case RC_BF16:
            x0[k] = rc_bf16_to_double(((const uint16_t *)data)[i0]);
            x1[k] = rc_bf16_to_double(((const uint16_t *)data)[i1]);
            break;
        }
    }
}

void rc_golden_row_store(void *data, rc_dtype t, size_t base, const rc_row_layout *l,
                         const uint64_t *b0, const uint64_t *b1)
{
    for (int k = 0; k < l->n; k++) {
        const size_t i0 = base + (size_t)k * l->step, i1 = i0 + l->off;
        switch (t) {
        case RC_F64:
            memcpy((double *)data + i0, &b0[k], 8);
            memcpy((double *)data + i1, &b1[k], 8);
            break;
        case RC_F32: {
            const uint32_t u0 = (uint32_t)b0[k], u1 = (uint32_t)b1[k];
            memcpy((float *)data + i0, &u0, 4);
            memcpy((float *)data + i1, &u1, 4);
            break;
        }
        case RC_F16:
        case RC_BF16:
            ((uint16_t *)data)[i0] = (uint16_t)b0[k];
            ((uint16_t *)data)[i1] = (uint16_t)b1[k];
            break;
        }
    }
}

static int popcount2(int m) { return (m & 1) + (m >> 1 & 1); }

/* One double-double stage for the outputs in `need` not yet done, with
 * cos/sin f within cs_err: updates *done, c[0], c[1] and the tallies. */
static void dd_stage(rc_golden *g, const rc_golden_rowq *q, int k, const rc_fcs *f,
                     double cs_err, int need, int *done, uint64_t c[2], long *tried, long *ok)
{
    uint64_t d0, d1;
    const int open = need & ~*done;
    const int d = rc_fast_pair(g, q->p, f, cs_err, q->sign, q->x0[k], q->x1[k], q->t, &d0,
                               &d1) & open;
    if (d & 1)
        c[0] = d0;
    if (d & 2)
        c[1] = d1;
    *done |= d;
    *tried += popcount2(open);
    *ok += popcount2(d);
}

/* The outputs of pair k in `need` (bit 0, bit 1) past stage 1: the row's
 * own double-double entries when it has them (f64 rows, RC_LITE_CS_ERR),
 * then this pair's double-double cos/sin within RC_FAST_CS_ERR, then MPFR. */
static void later_stages(rc_golden *g, const rc_golden_rowq *q, int k, int need,
                         const rc_cs_entry **e, uint64_t *b0, uint64_t *b1)
{
    uint64_t c[2] = { 0, 0 };
    int done = 0;
    if (q->cs && q->p != 0) {
        if (q->cs_dd && q->t != RC_F64) /* (f64 outputs had it at row level) */
            dd_stage(g, q, k, &q->cs[k], RC_LITE_CS_ERR, need, &done, c, &g->st.lite_try,
                     &g->st.lite_ok);
        if (need & ~done) {
            rc_fcs dd;
            rc_fast_cs(&g->ff[k], q->p, &dd.c, &dd.s);
            dd_stage(g, q, k, &dd, RC_FAST_CS_ERR, need, &done, c, &g->st.dd_try, &g->st.dd_ok);
        }
        g->st.mpfr += popcount2(need & ~done);
    }
    if (need & ~done) {
        if (!*e)
            *e = rc_cs_cache_get(rc_golden_mpfr_cache(g), q->p);
        uint64_t m0, m1;
        rc_golden_pair(g, q->p, *e, k, q->sign, q->x0[k], q->x1[k], q->t, &m0, &m1);
        if (!(done & 1))
            c[0] = m0;
        if (!(done & 2))
            c[1] = m1;
    }
    if (need & 1)
        *b0 = c[0];
    if (need & 2)
        *b1 = c[1];
}

static void tally_row(const unsigned char *und, int n, long *tried, long *ok)
{
    *tried += 2 * n;
    for (int k = 0; k < n; k++)
        *ok += 2 - popcount2(und[k]);
}

void rc_golden_row(rc_golden *g, const rc_golden_rowq *q, uint64_t *b0, uint64_t *b1)
{
    const int n = g->npairs;
    unsigned char *und = g->row_und;
    int left = n;
    const rc_dbl_row_args a = { n, q->sign, g->m_d, q->cs, q->x0, q->x1, b0, b1, und };
    if (q->cs && q->p != 0 && q->t != RC_F64) {
        left = rc_dbl_row(&a, q->t);
        tally_row(und, n, &g->st.dbl_try, &g->st.dbl_ok);
    } else if (q->cs && q->p != 0 && q->cs_dd) {
        left = rc_lite_row(&a, g->m_one ? NULL : &g->m_dd);
        tally_row(und, n, &g->st.lite_try, &g->st.lite_ok);
    } else {
        memset(und, 3, (size_t)n);
    }
    const rc_cs_entry *e = NULL;
    for (int k = 0; left > 0 && k < n; k++)
        if (und[k]) {
            later_stages(g, q, k, und[k], &e, &b0[k], &b1[k]);
            left--;
        }
}
