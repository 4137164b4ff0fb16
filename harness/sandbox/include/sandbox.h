/* Running candidate code safely.  Candidate code never runs in the harness
 * process: a contained worker child loads it and serves calls sent over a
 * pipe, on private buffers fenced by guard pages.  The parent alone decides
 * every outcome from what it observes (the replies it checks, exit status,
 * signals, CPU and wall time), so a crash, a hang, an exit, a signal, a
 * fork, an out-of-bounds write, a write into the input or a changed FP
 * environment becomes a result with a reason, never a crash of the harness
 * or a verdict the candidate chose. */
#ifndef RC_SANDBOX_H
#define RC_SANDBOX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
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
    RC_OUTCOME_UNSUPPORTED, /* supports() declined (a skip)                 */
    RC_OUTCOME_ERROR,       /* returned RC_ERROR, an unknown code, or
                               RC_UNSUPPORTED after supports() said RC_OK;
                               message says which                           */
    RC_OUTCOME_CRASH,       /* killed by a signal (signo, phase)            */
    RC_OUTCOME_TIMEOUT,     /* exceeded the CPU or wall limit (phase)       */
    RC_OUTCOME_EXIT,        /* the candidate's process exited               */
    RC_OUTCOME_OOB_WRITE,   /* wrote into a guard page around an output     */
    RC_OUTCOME_INPUT_WRITE, /* wrote into the read-only input (out-of-place) */
    RC_OUTCOME_UNTOUCHED,   /* returned RC_OK but left output elements
                               unwritten (canary intact)                   */
    RC_OUTCOME_FENV,        /* left the FP environment (rounding mode,
                               FTZ/DAZ) changed; outputs are still returned */
    RC_OUTCOME_NOT_PROVIDED,/* the optional function is NULL               */
    RC_OUTCOME_PROTOCOL     /* the worker sent something that is not a
                               reply to the command (forged, forked)       */
} rc_outcome;

typedef struct rc_call {
    rc_call_kind kind;
    const rc_rope_params *params;
    rc_dtype dtype;
    const int64_t *positions;
    int64_t n_positions;     /* APPLY/BACKWARD: positions passed (at least
                                in->n_tokens; more for multi-axis params)  */
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
    double seconds;          /* wall time of the call, seen by the parent   */
    double cpu_seconds;      /* CPU time of the worker during the call      */
    char output[256];        /* start of what the candidate printed during
                                the call (control characters escaped)      */
    uint64_t output_bytes;   /* how much it printed in all                  */
} rc_call_result;

const char *rc_outcome_name(rc_outcome o);

/* Limits on candidate code; every one has a command-line flag. */
typedef struct rc_limits {
    double cpu_s;            /* CPU seconds per call (--timeout)            */
    double wall_s;           /* wall seconds per call, for candidates that
                                sleep (--wall-timeout); 0 = 10 x cpu_s      */
    double init_s;           /* CPU and wall seconds for init (--init-timeout) */
    uint64_t data_bytes;     /* RLIMIT_DATA of a worker (--max-memory-mib); 0 none */
    uint64_t nproc;          /* RLIMIT_NPROC (--max-procs); 0 none          */
    uint64_t fsize;          /* RLIMIT_FSIZE (--max-file-mib); 0 none       */
    int max_hangs;           /* calls that may time out before the rest are
                                reported "not run" (0: no cap)             */
    int fresh;               /* 1: a new worker per batch (--fresh-worker)  */
} rc_limits;

void rc_limits_default(rc_limits *l);
/* The wall limit in force for a call. */
double rc_limits_wall(const rc_limits *l);

/* A sandbox: one worker process kept across batches (init paid once), a
 * fresh one after any call that killed or hung it. */
typedef struct rc_sandbox rc_sandbox;
rc_sandbox *rc_sandbox_open(const rc_candidate *c, const rc_limits *lim);
/* Run n calls in order; results[i] says what call i did.  0 when the
 * sandbox itself worked, -1 on a harness failure (fork, pipe) with errno. */
int rc_sandbox_exec(rc_sandbox *sb, rc_call *calls, size_t n, rc_call_result *results);
/* Start the worker now (if there is none) with its init under way, so
 * that init overlaps what the caller does next; 0 or -1. */
int rc_sandbox_warm(rc_sandbox *sb);
/* Handing a sandbox to a --jobs process forked after its worker started:
 * that process adopts it (its worker is not that process's child), the
 * process that opened it releases it (the worker's pid is returned, to be
 * reaped with rc_sandbox_reap_released once the job is over), and every
 * other process drops its inherited copy.  Release and drop free sb. */
void rc_sandbox_adopt(rc_sandbox *sb);
pid_t rc_sandbox_release(rc_sandbox *sb);
void rc_sandbox_drop(rc_sandbox *sb);
void rc_sandbox_reap_released(pid_t pid);
/* Workers this process started for candidate shared objects, and the
 * inits it asked of them, so far. */
void rc_sandbox_counts(long *starts, long *inits);
/* Calls that timed out so far (not counting "not run"). */
int rc_sandbox_hangs(const rc_sandbox *sb);
/* Set the hang cap (calls that may time out in this sandbox's life, 0: no
 * cap); returns the previous one. */
int rc_sandbox_set_max_hangs(rc_sandbox *sb, int max_hangs);
/* Ends the worker without calling fini (probes, diagnosis, mutants). */
void rc_sandbox_close(rc_sandbox *sb);
/* Calls fini, then ends the worker; a fini that failed (crash, hang, exit)
 * is reported in *fini and 1 returned, else 0. */
int rc_sandbox_close_ex(rc_sandbox *sb, rc_call_result *fini);

/* One batch in a sandbox of its own, with default limits but cpu_s =
 * timeout_s and the given hang cap (0: none). */
int rc_sandbox_run(const rc_candidate *c, rc_call *calls, size_t n,
                   rc_call_result *results, double timeout_s);
int rc_sandbox_run_ex(const rc_candidate *c, rc_call *calls, size_t n,
                      rc_call_result *results, double timeout_s, int max_timeouts);

/* Kill every worker this process has running (for signal handlers:
 * async-signal-safe). */
void rc_sandbox_kill_all(void);

/* The ABI minor the candidate was built for, and whether it may be given
 * p (an ABI-1.0 candidate is never offered M-RoPE or proportional).  The
 * sandbox is the one gate: it declines any call these refuse. */
int rc_candidate_abi_minor(const rc_candidate *c);
int rc_candidate_offers(const rc_candidate *c, const rc_rope_params *p);

#endif
