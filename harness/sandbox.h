/* Running candidate code safely.  Calls run in a forked child on buffers in
 * shared memory fenced by guard pages, so a crash, a hang, an out-of-bounds
 * write, a write into the input or a changed FP environment becomes a result
 * with a reason, never a crash of the harness. */
#ifndef RC_SANDBOX_H
#define RC_SANDBOX_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"
#include "loader.h"

typedef enum rc_call_kind {
    RC_CALL_SUPPORTS = 0, /* supports(params, dtype) only                 */
    RC_CALL_APPLY,        /* apply(params, positions, in, out)            */
    RC_CALL_BACKWARD,     /* backward(params, positions, in, out)         */
    RC_CALL_COS_SIN       /* cos_sin(params, positions, n, dtype, cos, sin) */
} rc_call_kind;

typedef enum rc_outcome {
    RC_OUTCOME_OK = 0,      /* returned RC_OK, every check passed           */
    RC_OUTCOME_UNSUPPORTED, /* returned RC_UNSUPPORTED (a skip)             */
    RC_OUTCOME_ERROR,       /* returned RC_ERROR or an unknown code;
                               message holds last_error()                  */
    RC_OUTCOME_CRASH,       /* killed by a signal (signo, phase)            */
    RC_OUTCOME_TIMEOUT,     /* exceeded the time limit (phase)              */
    RC_OUTCOME_EXIT,        /* the candidate called exit()                  */
    RC_OUTCOME_OOB_WRITE,   /* wrote into a guard page around an output     */
    RC_OUTCOME_INPUT_WRITE, /* wrote into the read-only input (out-of-place) */
    RC_OUTCOME_UNTOUCHED,   /* returned RC_OK but left output elements
                               unwritten (canary intact)                   */
    RC_OUTCOME_FENV,        /* left the FP environment (rounding mode,
                               FTZ/DAZ) changed; outputs are still returned */
    RC_OUTCOME_NOT_PROVIDED /* the optional function is NULL               */
} rc_outcome;

typedef struct rc_call {
    rc_call_kind kind;
    const rc_rope_params *params;
    rc_dtype dtype;
    const int64_t *positions;
    int64_t n_positions;     /* = in->n_tokens for APPLY/BACKWARD           */
    const rc_tensor *in;     /* APPLY/BACKWARD input (parent memory)        */
    rc_tensor *out;          /* APPLY/BACKWARD: output copied back into
                                out->data; same shape and strides as in    */
    int in_place;            /* 1: the candidate gets out == in             */
    void *cos_out, *sin_out; /* COS_SIN: n_positions * rotary_dim/2 each    */
    int group;               /* calls of one group share candidate state; a
                                call whose group differs from the previous
                                call's gets fresh state (fini, then init)  */
} rc_call;

typedef struct rc_call_result {
    rc_outcome outcome;
    int signo;               /* CRASH: the signal                           */
    char phase[16];          /* "init" "supports" "apply" "backward"
                                "cos_sin" "fini"                           */
    char message[256];       /* one line, for reports                       */
    int64_t fault_offset;    /* OOB_WRITE/INPUT_WRITE: byte offset of the
                                fault relative to the buffer start          */
    size_t untouched;        /* UNTOUCHED: number of elements left unwritten */
    double seconds;          /* time inside the candidate call              */
} rc_call_result;

const char *rc_outcome_name(rc_outcome o);

/* Run n calls in isolated children: one child runs init, the calls in
 * order, then fini; if it dies or hangs during call i, results[i] records
 * why and the remaining calls continue in a fresh child.  timeout_s bounds
 * each call.  Returns 0 when the sandbox itself worked (results say what
 * the candidate did), -1 on a harness failure (fork/mmap), with errno. */
int rc_sandbox_run(const rc_candidate *c, rc_call *calls, size_t n,
                   rc_call_result *results, double timeout_s);
/* The same, giving up after max_timeouts calls hung (0: never): the calls
 * not yet run get RC_OUTCOME_TIMEOUT with a "not run" message, so a
 * candidate that hangs everywhere costs max_timeouts limits, not one per
 * call. */
int rc_sandbox_run_ex(const rc_candidate *c, rc_call *calls, size_t n,
                      rc_call_result *results, double timeout_s, int max_timeouts);

#endif
