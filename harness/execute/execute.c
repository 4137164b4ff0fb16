/* Execute and judge planned cases (execute.h).  Calls go to the candidate
 * in batches bounded by count and bytes; each case is made from its recipe
 * when it joins a batch and freed once judged.  The suites that check candidate
 * state start from fresh state (one fini and init per suite), every other
 * case shares the worker's state, so a candidate with an expensive init
 * pays it a few times per worker, never per case. */
#include "execute.h"
#include "suites.h"
#include "dtype.h"
#include "judge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RC_BATCH_MAX_CALLS 256
#define RC_BATCH_MAX_BYTES ((size_t)64 << 20)

/* What a call's buffers weigh in a batch (cos/sin counted as float64),
 * from its recipe: a case is made only once it is in a batch. */
static size_t call_bytes(const rc_case *c, const rc_call_recipe *r)
{
    const rc_rope_params *p = &c->cfg->params;
    if (r->kind == RC_CALL_COS_SIN)
        return 2 * (size_t)r->n_positions * (size_t)(p->rotary_dim / 2) * 8;
    if (r->kind == RC_CALL_SUPPORTS)
        return 0;
    return 2 * (size_t)(r->n_tokens * r->n_heads * p->head_dim) * rc_dtype_size(c->dtype);
}

/* A suite that checks candidate state starts from fresh state (fini, then
 * init: once per suite, so an expensive init is not paid per case); every
 * other suite shares the worker's state. */
static int suite_group(const rc_suite_def *s)
{
    if (!s->fresh_state)
        return 0;
    for (size_t k = 0; k < rc_n_suites; k++)
        if (rc_suites[k] == s)
            return (int)k + 1;
    return -1;
}

/* Make the cases [i, end) that fit one batch and gather their calls;
 * returns the end, or (size_t)-1 when memory ran out. */
static size_t gather(rc_plan *plan, size_t i, size_t end, rc_call *calls, rc_case_call **owner,
                     size_t *n)
{
    size_t bytes = 0;
    *n = 0;
    for (; i < end; i++) {
        rc_case *c = plan->cases[i];
        size_t cb = 0;
        for (int k = 0; k < c->n_calls; k++)
            cb += call_bytes(c, &c->recipe[k]);
        if (*n > 0 && (*n + (size_t)c->n_calls > RC_BATCH_MAX_CALLS || bytes + cb > RC_BATCH_MAX_BYTES))
            break;
        if (rc_case_make(c) != 0)
            return (size_t)-1;
        for (int k = 0; k < c->n_calls; k++) {
            calls[*n] = c->calls[k].call;
            calls[*n].group = suite_group(c->suite);
            owner[(*n)++] = &c->calls[k];
        }
        bytes += cb;
    }
    return i;
}

/* A judged case gives its buffers back; a FAIL keeps its call results and,
 * within the budget, the candidate's outputs for the diagnosis (its inputs
 * are remade from the recipe when needed). */
static void done_with(rc_case *c, const rc_case_result *res, rc_exec_state *st)
{
    if (res->status == RC_STATUS_FAIL)
        rc_case_keep_failed(c, &st->keep_budget);
    else
        rc_case_release(c);
}

static void release_from(rc_plan *plan, size_t i, size_t end)
{
    for (; i < end; i++)
        rc_case_release(plan->cases[i]);
}

/* Judge the cases [i, next) whose calls just ran; -1 out of memory. */
static int judge_batch(rc_ctx *ctx, rc_plan *plan, size_t i, size_t next, rc_exec_state *st,
                       rc_results *results)
{
    for (; i < next; i++) {
        rc_case *c = plan->cases[i];
        rc_case_result *res = rc_results_add(results);
        if (!res)
            return -1;
        c->executed = 1;
        rc_judge_case(ctx, c, res, st->diagnose);
        done_with(c, res, st);
        st->done++;
        st->failed += res->status == RC_STATUS_FAIL;
        if (st->progress)
            rc_progress_update(st->progress, st->done, st->failed, c->suite->name);
    }
    return 0;
}

int rc_execute_cases(rc_ctx *ctx, rc_plan *plan, size_t start, size_t end, rc_exec_state *st,
                     rc_results *results, char *err, size_t errlen)
{
    static _Thread_local rc_call calls[RC_BATCH_MAX_CALLS];
    static _Thread_local rc_call_result out[RC_BATCH_MAX_CALLS];
    static _Thread_local rc_case_call *owner[RC_BATCH_MAX_CALLS];
    for (size_t i = start; i < end;) {
        size_t n, next = gather(plan, i, end, calls, owner, &n);
        const char *why = next == (size_t)-1 ? "out of memory"
                        : rc_sandbox_exec(st->sb, calls, n, out) != 0
                            ? "the sandbox could not run the candidate (fork or pipe failed)" : NULL;
        for (size_t k = 0; !why && k < n; k++)
            owner[k]->res = out[k];
        if (!why && judge_batch(ctx, plan, i, next, st, results) != 0)
            why = "out of memory";
        if (why) {
            release_from(plan, i, end);
            snprintf(err, errlen, "%s", why);
            return -1;
        }
        i = next;
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
