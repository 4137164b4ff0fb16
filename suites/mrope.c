/* mrope: multimodal RoPE (M-RoPE, ABI 1.1) with positions on the axes T,
 * H, W.  Text tokens have t = h = w and hide every axis bug, so:
 *   mrope-distinct    t, h, w all different, against the golden (catches
 *                     1-D positions, swapped layouts, shifted interleaving,
 *                     a hard-coded pairing, partial rotary ignored);
 *   mrope-equal-axes  t = h = w gives bit for bit the candidate's own 1-D
 *                     RoPE of the same positions (and the golden);
 *   mrope-shift-A     one axis moved by 977: the pairs of the other axes
 *                     keep their outputs bit for bit (relative position
 *                     per axis), the rest follow the golden.
 * Checks run on the M-RoPE rows, else, for a candidate whose ABI minor
 * allows it, on the primary row's geometry at half rotary with the
 * canonical sections in both layouts and both pairings. */
#include "run.h"
#include "default_params.h"
#include "dtype.h"
#include "rope_mrope.h"
#include "suite_util.h"
#include "variants.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rc_suite_def rc_suite_mrope;

enum { MR_DISTINCT, MR_EQUAL, MR_SHIFT_T, MR_SHIFT_H, MR_SHIFT_W };
#define N_TOK 64
#define SHIFT 977
static const char *const axis_names[RC_MROPE_MAX_AXES] = { "T", "H", "W" };

typedef struct target {
    rc_config cfg;
    rc_dtype dtype;
    char label[96];
} target;

static size_t targets(const rc_ctx *ctx, target *out, size_t cap)
{
    size_t n = 0;
    const rc_row *prim = NULL;
    for (size_t i = 0; i < ctx->n_rows; i++) {
        const rc_row *row = &ctx->rows[i];
        prim = (!prim || row->primary) ? row : prim;
        if (row->cfg.params.n_axes > 1 && n < cap) {
            out[n].cfg = row->cfg;
            rc_config_rebind(&out[n].cfg);
            out[n].dtype = row->dtype;
            snprintf(out[n++].label, sizeof out->label, "%s", row->label);
        }
    }
    if (n > 0 || !prim || prim->cfg.params.head_dim < 12)
        return n;
    const rc_rope_params *p = &prim->cfg.params;
    for (int lay = 0; lay < 2 && n < cap; lay++)
        for (int pr = 0; pr < 2 && n < cap; pr++) {
            rc_variant_params(&out[n].cfg, RC_ROPE_DEFAULT, (rc_pairing)pr, p->head_dim,
                              p->head_dim / 4 * 2, p->base);
            rc_mrope_canonical(&out[n].cfg.params, (rc_mrope_layout)lay);
            if (!rc_candidate_offers(&ctx->cand, &out[n].cfg.params))
                return n;
            out[n].dtype = prim->dtype;
            char lab[80];
            rc_params_label(&out[n].cfg.params, lab, sizeof lab);
            snprintf(out[n++].label, sizeof out->label, "%s/mrope-%s/%s", lab,
                     rc_mrope_layout_name((rc_mrope_layout)lay), rc_dtype_name(prim->dtype));
        }
    return n;
}

/* T dense then powers of two; H and W other affine maps of T. */
static void distinct_positions(int64_t *pos)
{
    size_t n = rc_su_dense_powers(N_TOK - 17, (int64_t)1 << 16, pos, N_TOK);
    for (size_t i = n; i < N_TOK; i++)
        pos[i] = pos[i - 1] + 1;
    for (int t = 0; t < N_TOK; t++) {
        pos[N_TOK + t] = 3 * pos[t] + 1;
        pos[2 * N_TOK + t] = 5 * pos[t] + 2;
    }
}

static int plan_target(rc_ctx *ctx, rc_plan *plan, const target *t)
{
    static const char *const checks[] = { "mrope-distinct", "mrope-equal-axes", "mrope-shift-T",
                                          "mrope-shift-H", "mrope-shift-W" };
    int64_t pos[RC_MROPE_MAX_AXES * N_TOK];
    distinct_positions(pos);
    for (int v = MR_DISTINCT; v <= MR_SHIFT_W; v++) {
        rc_case *c = rc_plan_add(plan, &rc_suite_mrope, &t->cfg, t->dtype, "%s/%s", t->label, checks[v]);
        if (!c)
            return -1;
        c->variant = v;
        rc_call_recipe *a = v == MR_EQUAL ? rc_case_add_call(c, RC_CALL_APPLY, pos, N_TOK, 2)
                                           : rc_case_add_call_axes(c, RC_CALL_APPLY, pos, N_TOK, 2);
        if (!a || rc_case_fill_random(c, a, ctx->opts->seed) != 0)
            return -1;
        if (v == MR_DISTINCT)
            continue;
        /* equal axes: the same positions as plain 1-D RoPE; else one axis moved */
        int64_t moved[RC_MROPE_MAX_AXES * N_TOK];
        memcpy(moved, pos, sizeof moved);
        for (int i = 0; v != MR_EQUAL && i < N_TOK; i++)
            moved[(v - MR_SHIFT_T) * N_TOK + i] += SHIFT;
        rc_call_recipe *b = v == MR_EQUAL ? rc_case_add_call_flat(c, RC_CALL_APPLY, pos, N_TOK, 2)
                                           : rc_case_add_call_axes(c, RC_CALL_APPLY, moved, N_TOK, 2);
        if (!b || rc_case_copy_input(c, b, a) != 0)
            return -1;
    }
    return 0;
}

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    target *ts = malloc(4 * sizeof *ts);
    if (!ts)
        return -1;
    size_t n = targets(ctx, ts, ctx->opts->level >= 2 ? 4 : 4);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = plan_target(ctx, plan, &ts[i]);
    free(ts);
    return rc;
}

/* Pairs that must agree bit for bit between the two calls: every pair for
 * equal axes, the pairs off the shifted axis otherwise.  0, or FAIL in res. */
static int same_bits(const rc_case *c, int shifted_axis, rc_case_result *res)
{
    const rc_rope_params *p = &c->calls[0].params;
    const rc_tensor *x = &c->calls[0].out, *y = &c->calls[1].out;
    for (int64_t t = 0; t < x->n_tokens; t++)
        for (int64_t h = 0; h < x->n_heads; h++)
            for (int k = 0; k < p->rotary_dim / 2; k++) {
                if (rc_mrope_axis(p, k) == shifted_axis)
                    continue;
                double u[2], v[2];
                rc_su_load_pair(p, x, t, h, k, u);
                rc_su_load_pair(p, y, t, h, k, v);
                if (memcmp(u, v, sizeof u) == 0)
                    continue;
                res->status = RC_STATUS_FAIL;
                if (shifted_axis < 0)
                    snprintf(res->message, sizeof res->message, "equal axes t = h = w differ from "
                             "the same positions as 1-D RoPE: token %lld (t = %lld), head %lld, "
                             "pair %d: %a, %a against %a, %a", (long long)t,
                             (long long)c->calls[0].positions[t], (long long)h, k, u[0], u[1], v[0], v[1]);
                else
                    snprintf(res->message, sizeof res->message, "moving axis %s by %d changed pair %d, "
                             "which follows axis %s: token %lld, head %lld: %a, %a became %a, %a",
                             axis_names[shifted_axis], SHIFT, k, axis_names[rc_mrope_axis(p, k)],
                             (long long)t, (long long)h, u[0], u[1], v[0], v[1]);
                return -1;
            }
    return 0;
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    static const int calls[] = { 0, 1 }, signs[] = { +1, +1 };
    static const char *const labels[] = { "first call", "second call" };
    if (c->variant == MR_DISTINCT) {
        if (rc_verify_outcome(c, 0, res))
            return;
        rc_verify_against_golden(ctx, c, 0, +1, res);
        rc_su_prefix(res, "t, h, w distinct (h = 3t+1, w = 5t+2), %s sections %d/%d/%d",
                     rc_mrope_layout_name(c->cfg->params.mrope_layout), (int)c->cfg->params.mrope_section[0],
                     (int)c->cfg->params.mrope_section[1], (int)c->cfg->params.mrope_section[2]);
        return;
    }
    rc_su_verify_calls(ctx, c, calls, signs, labels, 2, res);
    if (res->status == RC_STATUS_SKIP || res->status == RC_STATUS_FAIL)
        return;
    same_bits(c, c->variant == MR_EQUAL ? -1 : c->variant - MR_SHIFT_T, res);
}

const rc_suite_def rc_suite_mrope = {
    .name = RC_MROPE_NAME,
    .description = "multimodal RoPE (M-RoPE): distinct t, h, w against the golden, equal axes as 1-D "
                   "RoPE bit for bit, and one axis moved leaving the other axes' pairs unchanged",
    .plan = plan,
    .verify = verify,
};
