/* Internals of the sandbox, layered so that every arrow points down:
 *
 *   sandbox.c (parent API: plan calls, send, turn replies into outcomes)
 *     -> sandbox_link.c (parent side of one worker: spawn, send, await)
 *          -> sandbox_worker.c (the child: load, contain, serve commands)
 *               -> sandbox_contain.c, guard.c, canary.c, fpenv.c
 *                    -> sandbox_util.c
 *
 * Parent and child talk only through two pipes (sandbox_proto.h); no
 * memory is shared, so nothing the candidate writes can reach the parent's
 * bookkeeping.  Not part of any public interface. */
#ifndef RC_SANDBOX_IMPL_H
#define RC_SANDBOX_IMPL_H

#include <fenv.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "sandbox.h"
#include "sandbox_proto.h"

/* ---- small utilities (sandbox_util.c) ---- */
int64_t rc_now_ns(void);                 /* CLOCK_MONOTONIC, system-wide   */
const char *rc_signal_name(int signo);   /* "SIGSEGV", or "signal N"       */
size_t rc_elem_size(rc_dtype t);
const char *rc_phase_name(int phase);
/* Bytes a tensor spans (last element + 1). */
size_t rc_span_bytes(const rc_tensor *x);
/* Whole-buffer I/O on a blocking descriptor; 0 ok, -1 error or EOF. */
int rc_write_all(int fd, const void *p, size_t n);
int rc_read_all(int fd, void *p, size_t n);

/* ---- guard-page buffers (guard.c) ---- */
enum { RC_BUF_OUT, RC_BUF_IN, RC_BUF_POS, RC_BUF_COS, RC_BUF_SIN, RC_BUF_KINDS };
#define RC_MAX_BUFS 3
#define RC_GUARD_PAGES 4

typedef struct rc_gbuf {
    int id;               /* RC_BUF_*                                       */
    int readonly;         /* PROT_READ while the candidate runs             */
    size_t bytes;
    size_t region_off;    /* page-aligned region holding the buffer          */
    size_t region_bytes;
    size_t start_off;     /* buffer start: region end - bytes                */
} rc_gbuf;

/* guard | region | guard | region | ... | guard, offsets from the arena. */
typedef struct rc_layout {
    int nb;
    rc_gbuf b[RC_MAX_BUFS];
    size_t total;
} rc_layout;

void rc_layout_init(rc_layout *l);
void rc_layout_add(rc_layout *l, int id, size_t bytes, int readonly);
int rc_guard_open(unsigned char *arena, size_t arena_bytes);
int rc_guard_close(unsigned char *arena, const rc_layout *l);
int rc_guard_slack_hit(const unsigned char *arena, const rc_layout *l, int *buf,
                       int64_t *offset, size_t *bytes);
enum { RC_FAULT_ELSEWHERE = 0, RC_FAULT_GUARD, RC_FAULT_READONLY };
int rc_guard_classify(const unsigned char *arena, const rc_layout *l, uintptr_t addr,
                      int *buf, int64_t *offset, size_t *bytes);

/* ---- FP environment (fpenv.c) ---- */
enum { RC_FP_ROUND = 1, RC_FP_FTZ = 2, RC_FP_DAZ = 4, RC_FP_SSE_ROUND = 8, RC_FP_TRAPS = 16 };
typedef struct rc_fpstate {
    fenv_t env;
    int round;
    uint64_t ctl;         /* MXCSR on x86-64, FPCR on AArch64, else 0       */
} rc_fpstate;
void rc_fp_save(rc_fpstate *s);
unsigned rc_fp_diff(const rc_fpstate *s, int *round);
void rc_fp_restore(const rc_fpstate *s);
void rc_fp_describe(unsigned bits, int round, char *buf, size_t n);

/* ---- canaries (canary.c): a signalling NaN in each dtype ---- */
void rc_canary_fill(void *p, rc_dtype t, size_t count);
size_t rc_canary_count(const void *p, rc_dtype t, size_t count);

/* ---- containment of a child (sandbox_contain.c) ---- */
/* Own process group, death with the parent, resource limits, no new
 * privileges, no capabilities, and a seccomp filter that refuses ptrace,
 * cross-process memory access and signals outside the child's own group.
 * Returns 0, or -1 with a one-line reason in why. */
int rc_contain(const rc_limits *lim, pid_t parent, char *why, size_t n);

/* ---- the worker child (sandbox_worker.c) ---- */
typedef struct rc_worker_boot {
    const rc_candidate *cand;
    const rc_limits *lim;
    pid_t parent;
    int cmd_fd, rep_fd, out_fd;   /* in the child, before renumbering */
} rc_worker_boot;
_Noreturn void rc_worker_main(const rc_worker_boot *boot);

/* ---- serving commands, in the worker (sandbox_serve.c) ---- */
#define RC_CMD_FD 3
#define RC_REP_FD 4
typedef struct rc_wstate {
    pid_t self;                      /* the worker (not a fork of it)      */
    volatile int phase;              /* RC_PH_* now running                 */
    volatile uint32_t seq;           /* of the command being served         */
    unsigned char *arena;            /* private, guard-fenced buffers       */
    size_t arena_bytes;
    const rc_layout *volatile armed; /* set while the candidate runs        */
    rc_adapter ad;                   /* the table (copied, shape-checked)   */
} rc_wstate;
extern rc_wstate rc_w;               /* the worker's own state (child only) */
void rc_worker_reply_init(rc_rep *r, int type);
_Noreturn void rc_worker_serve(void);

/* ---- the parent's end of one worker (sandbox_link.c) ---- */
typedef struct rc_link {
    pid_t pid;                 /* 0: no worker                             */
    int cmd_fd, rep_fd, out_fd, pid_fd;
    clockid_t cpu_clock;
    int have_cpu_clock;
    int status;                /* wait status once reaped                  */
    int reaped;
    int adopted;               /* spawned by another process of the run
                                  (handed to a --jobs worker): its status
                                  is read, it is reaped by its parent     */
} rc_link;

/* What waiting for one reply ended with. */
typedef enum rc_await {
    RC_AWAIT_REPLY = 0,        /* a well-formed reply (and its payload)   */
    RC_AWAIT_DIED,             /* the worker died (status in link)         */
    RC_AWAIT_TIMEOUT,          /* over the CPU or wall limit: killed      */
    RC_AWAIT_PROTOCOL          /* garbage on the reply channel: killed     */
} rc_await;

/* Captured stdout/stderr of the candidate, bounded. */
typedef struct rc_capture {
    char text[RC_OUTPUT_KEEP];
    size_t kept;
    uint64_t total;
} rc_capture;

/* A sandbox whose first worker is l (its READY already read): INIT is
 * posted at once.  NULL when out of memory (l untouched). */
rc_sandbox *rc_sandbox_open_loaded(const rc_candidate *c, const rc_limits *lim, const rc_link *l);

/* Fork a contained worker for the candidate; 0 or -1 (errno). */
int rc_link_spawn(rc_link *l, const rc_candidate *c, const rc_limits *lim);
/* Send `cmd` (header, then `npay` payload pieces) and wait for the reply
 * to it: its header in *rep and, when the reply announces outputs, exactly
 * `expect_out` bytes into out (a reply announcing any other size is a
 * protocol error).  Limits: cpu_s of the worker's CPU time and wall_s of
 * wall-clock time from now.  Candidate output lands in cap. */
typedef struct rc_piece { const void *p; size_t n; } rc_piece;
rc_await rc_link_transact(rc_link *l, const rc_cmd *cmd, const rc_piece *pay, int npay,
                          rc_rep *rep, void *out, size_t expect_out, double cpu_s,
                          double wall_s, rc_capture *cap, double *secs);
/* Wait for the reply `seq` to a command sent earlier with rc_link_post
 * (0: the READY a worker sends unasked); as rc_link_transact otherwise. */
rc_await rc_link_await(rc_link *l, uint32_t seq, rc_rep *rep, void *out, size_t expect_out,
                       double cpu_s, double wall_s, rc_capture *cap, double *secs);
/* Send a command without payload and without waiting; 0 or -1. */
int rc_link_post(rc_link *l, const rc_cmd *cmd);
/* CPU seconds the worker has used so far (-1 unknown). */
double rc_link_cpu(const rc_link *l);
/* Handing a worker to a --jobs process forked after it was spawned: the
 * job adopts it; the spawner releases its descriptors and, once the job
 * is done, reaps it (rc_link_reap_released); every other process drops
 * its inherited descriptors. */
void rc_link_adopt(rc_link *l);
void rc_link_release(rc_link *l);
void rc_link_drop(rc_link *l);
void rc_link_reap_released(pid_t pid);
/* Count an INIT asked of a worker of a candidate shared object. */
void rc_link_note_init(void);
/* Kill the worker's whole process group and reap it. */
void rc_link_kill(rc_link *l);
/* Close the command channel, give the worker `grace_s` to leave, then
 * kill its process group. */
void rc_link_close(rc_link *l, double grace_s);

#endif
