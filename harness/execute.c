/* Execute and judge planned cases (execute.h).  Calls go to the candidate
 * in batches bounded by count and bytes; a case of a suite that needs fresh
 * candidate state gets a group of its own (fini, then init, before it);
 * every other case shares the worker's state, so a candidate with an
 * expensive init pays it once per worker. */
#include "execute.h"
#include "diagnose.h"
#include "dtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RC_BATCH_MAX_CALLS 256
#define RC_BATCH_MAX_BYTES ((size_t)64 << 20)

static size_t call_bytes(const rc_case_call *cc)
{
    if (cc->call.kind == RC_CALL_COS_SIN)
        return 2 * (size_t)cc->call.n_positions * (size_t)(cc->params.rotary_dim / 2) * 8;
    if (cc->call.kind == RC_CALL_SUPPORTS)
        return 0;
    return 2 * rc_tensor_span(&cc->in) * rc_dtype_size(cc->in.dtype);
}

static int same_params(const rc_rope_params *a, const rc_rope_params *b)
{
    rc_rope_params x = *a, y = *b;
    x.short_factor = x.long_factor = y.short_factor = y.long_factor = NULL;
    return memcmp(&x, &y, sizeof x) == 0;
}

/* supports() said yes to these exact params and dtype when the run asked
 * which rows it supports: a later "no" is the candidate changing its mind,
 * which would let it skip any case it likes. */
static void forbid_declining_rows(const rc_ctx *ctx, rc_case *c)
{
    for (int k = 0; k < c->n_calls; k++) {
        rc_call_result *r = &c->calls[k].res;
        if (r->outcome != RC_OUTCOME_UNSUPPORTED || strcmp(r->phase, "supports") != 0)
            continue;
        for (size_t i = 0; i < ctx->n_rows; i++)
            if (ctx->rows[i].dtype == c->calls[k].call.dtype &&
                same_params(&ctx->rows[i].cfg.params, &c->calls[k].params)) {
                r->outcome = RC_OUTCOME_ERROR;
                snprintf(r->message, sizeof r->message,
                         "supports: declined params and dtype it accepted when the run asked "
                         "which configurations it supports");
                break;
            }
    }
}

static void judge_case(rc_ctx *ctx, rc_case *c, rc_case_result *res, const rc_exec_state *st)
{
    double t0 = rc_progress_now();
    res->ordinal = c->ordinal;
    snprintf(res->suite, sizeof res->suite, "%s", c->suite->name);
    snprintf(res->name, sizeof res->name, "%s", c->name);
    res->params = c->cfg.params;
    res->params.short_factor = res->params.long_factor = NULL;
    res->dtype = c->dtype;
    forbid_declining_rows(ctx, c);
    c->suite->verify(ctx, c, res);
    if (res->status == RC_STATUS_FAIL && st->diagnose)
        rc_diagnose_case(ctx, c, res);
    double in_candidate = 0.0;
    for (int k = 0; k < c->n_calls; k++) {
        in_candidate += c->calls[k].res.seconds;
        if (!res->output[0] && c->calls[k].res.output_bytes) {
            snprintf(res->output, sizeof res->output, "%s", c->calls[k].res.output);
            res->output_bytes = c->calls[k].res.output_bytes;
        }
    }
    res->seconds = in_candidate + (rc_progress_now() - t0);
    if (!st->keep_inputs)
        rc_case_release(c);
}

/* Gather the calls of cases [i, end) into one batch; returns the end. */
static size_t gather(rc_plan *plan, size_t i, size_t end, rc_call *calls, rc_case_call **owner,
                     size_t *n)
{
    size_t bytes = 0;
    *n = 0;
    for (; i < end; i++) {
        rc_case *c = plan->cases[i];
        size_t cb = 0;
        for (int k = 0; k < c->n_calls; k++)
            cb += call_bytes(&c->calls[k]);
        if (*n > 0 && (*n + (size_t)c->n_calls > RC_BATCH_MAX_CALLS || bytes + cb > RC_BATCH_MAX_BYTES))
            break;
        for (int k = 0; k < c->n_calls; k++) {
            calls[*n] = c->calls[k].call;
            calls[*n].group = c->suite->fresh_state ? (int)i + 1 : 0;
            owner[(*n)++] = &c->calls[k];
        }
        bytes += cb;
    }
    return i;
}

int rc_execute_cases(rc_ctx *ctx, rc_plan *plan, size_t start, size_t end, rc_exec_state *st,
                     rc_results *results, char *err, size_t errlen)
{
    static _Thread_local rc_call calls[RC_BATCH_MAX_CALLS];
    static _Thread_local rc_call_result out[RC_BATCH_MAX_CALLS];
    static _Thread_local rc_case_call *owner[RC_BATCH_MAX_CALLS];
    size_t i = start;
    while (i < end) {
        size_t n, next = gather(plan, i, end, calls, owner, &n);
        if (rc_sandbox_exec(st->sb, calls, n, out) != 0) {
            snprintf(err, errlen, "the sandbox could not run the candidate (fork or pipe failed)");
            return -1;
        }
        for (size_t k = 0; k < n; k++)
            owner[k]->res = out[k];
        for (; i < next; i++) {
            rc_case *c = plan->cases[i];
            rc_case_result *res = rc_results_add(results);
            if (!res) {
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            c->executed = 1;
            judge_case(ctx, c, res, st);
            st->done++;
            st->failed += res->status == RC_STATUS_FAIL;
            if (st->progress)
                rc_progress_update(st->progress, st->done, st->failed, c->suite->name);
        }
    }
    return 0;
}

int rc_execute_fini_result(const rc_call_result *fini, rc_results *results)
{
    rc_case_result *res = rc_results_add(results);
    if (!res)
        return -1;
    res->ordinal = -1;
    snprintf(res->suite, sizeof res->suite, "lifecycle");
    snprintf(res->name, sizeof res->name, "fini");
    res->status = RC_STATUS_FAIL;
    res->dtype = RC_F32;
    snprintf(res->message, sizeof res->message, "%s: %s", rc_outcome_name(fini->outcome),
             fini->message);
    return 0;
}
