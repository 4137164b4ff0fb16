/* backward: the gradient of apply, m R(-angle) grad_out, against the golden
 * with sign -1; and the same call between two forward calls in one child,
 * where a cos/sin cache shared by both directions (the sign baked into a
 * cached sin) shows. */
#include "run.h"
#include "verify.h"
#include "suite_util.h"

#include <stdio.h>
#include <stdlib.h>

extern const rc_suite_def rc_suite_backward;

enum { BW_PLAIN, BW_MIXED };

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    if (ctx->n_rows == 0)
        return 0;
    int64_t far = ctx->opts->level >= 2 ? INT32_MAX : (int64_t)1 << 20;
    int64_t pos[512], near[512];
    size_t n = rc_su_dense_powers(64, far, pos, 512);
    size_t nn = rc_su_dense_powers(32, 4096, near, 512);
    /* the mixed-direction case on a level-1 cover of the rows */
    unsigned char *keep = malloc(ctx->n_rows);
    if (!keep)
        return -1;
    rc_su_pick_rows(ctx, keep);
    int rc = -1;
    /* without backward one case still runs: the sandbox answers
     * NOT_PROVIDED without starting the candidate (a SKIP saying so) */
    size_t nrows = ctx->has_backward ? ctx->n_rows : 1;
    for (size_t i = 0; i < nrows; i++) {
        const rc_row *row = &ctx->rows[i];
        rc_case *c = rc_plan_add(plan, &rc_suite_backward, &row->cfg, row->dtype, "%s/backward", row->label);
        rc_call_recipe *cc = c ? rc_case_add_call(c, RC_CALL_BACKWARD, pos, (int64_t)n, 1) : NULL;
        if (!cc || rc_case_fill_random(c, cc, ctx->opts->seed))
            goto out;
        c->variant = BW_PLAIN;
        if (!ctx->has_backward || !keep[i])
            continue;

        /* apply, backward, apply on the same input and positions */
        c = rc_plan_add(plan, &rc_suite_backward, &row->cfg, row->dtype, "%s/backward-between-applies",
                        row->label);
        rc_call_recipe *a0 = c ? rc_case_add_call(c, RC_CALL_APPLY, near, (int64_t)nn, 1) : NULL;
        rc_call_recipe *b1 = a0 ? rc_case_add_call(c, RC_CALL_BACKWARD, near, (int64_t)nn, 1) : NULL;
        rc_call_recipe *a2 = b1 ? rc_case_add_call(c, RC_CALL_APPLY, near, (int64_t)nn, 1) : NULL;
        if (!a2 || rc_case_fill_random(c, a0, ctx->opts->seed) || rc_case_copy_input(c, b1, a0) ||
            rc_case_copy_input(c, a2, a0))
            goto out;
        c->variant = BW_MIXED;
    }
    rc = 0;
out:
    free(keep);
    return rc;
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    if (c->variant == BW_PLAIN) {
        if (rc_verify_outcome(c, 0, res)) {
            rc_su_prefix(res, "backward");
            return;
        }
        rc_verify_against_golden(ctx, c, 0, -1, res);
        rc_su_prefix(res, "backward (rotation by -angle)");
        return;
    }
    /* backward first: it is what a shared cache breaks */
    const int calls[] = { 1, 2, 0 }, signs[] = { -1, +1, +1 };
    const char *const labels[] = { "backward after an apply", "apply after a backward", "first apply" };
    rc_su_verify_calls(ctx, c, calls, signs, labels, 3, res);
}

const rc_suite_def rc_suite_backward = {
    "backward",
    "the gradient (rotation by -angle, same magnitude) against the golden, alone and between forward calls",
    plan, verify, 0
};
