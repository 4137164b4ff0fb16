/* validation: invalid params must be refused (RC_ERROR or RC_UNSUPPORTED),
 * never turned into outputs.  A candidate that rotates with an odd
 * rotary_dim or a base of 1 hands garbage to the model without a word. */
#include "run.h"
#include "dtype.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rc_suite_def rc_suite_validation;

enum { V_ODD_ROTARY, V_ROTARY_OVER_HEAD, V_BASE_ONE, V_NAN_BASE, V_COUNT };

static const char *const what[V_COUNT] = {
    "odd-rotary-dim", "rotary-dim-over-head-dim", "base-1", "nan-base"
};

static void make_invalid(rc_config *cfg, int v)
{
    rc_rope_params *p = &cfg->params;
    switch (v) {
    case V_ODD_ROTARY: p->rotary_dim -= 1; break;
    case V_ROTARY_OVER_HEAD: p->rotary_dim = p->head_dim + 2; break;
    case V_BASE_ONE: p->base = 1.0; break;
    case V_NAN_BASE: p->base = NAN; break;
    }
}

static int plan(rc_ctx *ctx, rc_plan *plan)
{
    /* one row is enough: validation does not depend on the geometry */
    if (ctx->n_rows == 0)
        return 0;
    const rc_row *row = &ctx->rows[0];
    static const int64_t pos[2] = { 1, 7 };
    rc_config *cfg = malloc(sizeof *cfg);
    if (!cfg)
        return -1;
    int rc = 0;
    for (int v = 0; v < V_COUNT && rc == 0; v++) {
        *cfg = row->cfg;
        rc_config_rebind(cfg);
        make_invalid(cfg, v);
        rc_case *c = rc_plan_add(plan, &rc_suite_validation, cfg, row->dtype, "%s/%s", row->label, what[v]);
        /* the buffers are sized for the head_dim, which stays valid: a
         * candidate that believes rotary_dim > head_dim writes into the
         * guard pages */
        rc_call_recipe *cc = c ? rc_case_add_call(c, RC_CALL_APPLY, pos, 2, 1) : NULL;
        rc = cc ? rc_case_fill_random(c, cc, ctx->opts->seed) : -1;
        if (c)
            c->variant = v;
    }
    free(cfg);
    return rc;
}

static void verify(rc_ctx *ctx, rc_case *c, rc_case_result *res)
{
    (void)ctx;
    const rc_call_result *r = &c->calls[0].res;
    const char *field = what[c->variant];
    if (r->outcome == RC_OUTCOME_ERROR || r->outcome == RC_OUTCOME_UNSUPPORTED) {
        res->status = RC_STATUS_PASS;
        snprintf(res->message, sizeof res->message, "invalid params (%s) refused: %s", field,
                 r->message[0] ? r->message : rc_outcome_name(r->outcome));
        return;
    }
    res->status = RC_STATUS_FAIL;
    if (r->outcome == RC_OUTCOME_OK)
        snprintf(res->message, sizeof res->message,
                 "invalid params (%s) accepted: apply returned RC_OK with outputs; it must return RC_ERROR "
                 "(or RC_UNSUPPORTED) and say why in last_error()", field);
    else
        snprintf(res->message, sizeof res->message, "invalid params (%s): %s: %s", field,
                 rc_outcome_name(r->outcome), r->message);
}

const rc_suite_def rc_suite_validation = {
    "validation",
    "invalid params (odd or oversized rotary_dim, base 1, NaN base) are refused, not rotated",
    plan, verify, 0
};
