/* Internals shared by the sandbox's parent side (sandbox.c), its child side
 * (sandbox_child.c), the guard-page buffers (guard.c) and the FP environment
 * check (fpenv.c).  Not part of any public interface. */
#ifndef RC_SANDBOX_IMPL_H
#define RC_SANDBOX_IMPL_H

#include <fenv.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "sandbox.h"

/* ---- small utilities (sandbox.c) ---- */
int64_t rc_now_ns(void);                 /* CLOCK_MONOTONIC, system-wide   */
const char *rc_signal_name(int signo);   /* "SIGSEGV", or "signal N"       */
size_t rc_elem_size(rc_dtype t);

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
/* Make the arena writable for filling (undoing the last call's guards). */
int rc_guard_open(unsigned char *arena, size_t arena_bytes);
/* Fill the slack in front of each buffer, then fence: guards PROT_NONE,
 * read-only buffers PROT_READ. */
int rc_guard_close(unsigned char *arena, const rc_layout *l);
/* After a call: a changed byte in the slack in front of a writable buffer
 * (a write before its start that no guard page could catch).  1 if found. */
int rc_guard_slack_hit(const unsigned char *arena, const rc_layout *l, int *buf,
                       int64_t *offset, size_t *bytes);
/* Where a faulting address lies.  Returns RC_FAULT_*; buf, offset (from
 * the buffer start) and bytes describe the nearest buffer. */
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
/* RC_FP_* bits that differ from s now; *round gets the current mode. */
unsigned rc_fp_diff(const rc_fpstate *s, int *round);
void rc_fp_restore(const rc_fpstate *s);
void rc_fp_describe(unsigned bits, int round, char *buf, size_t n);

/* ---- what the child records, the parent turns into messages ---- */
enum { RC_PH_NONE = 0, RC_PH_INIT, RC_PH_SUPPORTS, RC_PH_APPLY, RC_PH_BACKWARD,
       RC_PH_COS_SIN, RC_PH_FINI };
const char *rc_phase_name(int phase);

enum { RC_SLOT_EMPTY = 0, RC_SLOT_RUNNING, RC_SLOT_DONE, RC_SLOT_FAULT, RC_SLOT_EXIT };
enum { RC_ACCESS_UNKNOWN = 0, RC_ACCESS_READ, RC_ACCESS_WRITE };

typedef struct rc_slot {
    _Atomic int state;       /* RC_SLOT_*                                   */
    int phase;               /* RC_PH_* the record is about                 */
    int retcode;             /* what the candidate returned                 */
    int signo;               /* FAULT                                       */
    int fault_class;         /* RC_FAULT_*                                  */
    int fault_buf;
    int access;              /* RC_ACCESS_*                                 */
    int64_t fault_offset;
    size_t fault_bytes;      /* size of fault_buf                           */
    uintptr_t fault_addr;
    int exit_status;         /* EXIT                                        */
    int slack_hit;           /* a write before a buffer, seen after the call */
    unsigned fp_bits;
    int fp_round;
    int outputs_valid;       /* staging holds the outputs                   */
    size_t untouched, total;
    double seconds;
    char text[224];          /* last_error()                                */
} rc_slot;

typedef struct rc_ctl {
    _Atomic int64_t phase_start_ns; /* deadline base of the running phase   */
    _Atomic int phase;
    _Atomic int cur;         /* call index while a call phase runs          */
    _Atomic int last_call;   /* last call this child started, -1 none        */
    _Atomic int init_failed; /* init returned non-RC_OK (life.retcode)      */
    _Atomic int finished;    /* fini returned                               */
    rc_slot life;            /* init and fini                               */
} rc_ctl;

typedef struct rc_plan {
    int skip;                /* NOT_PROVIDED: never runs                    */
    rc_layout lay;
    size_t stage_off, stage_bytes;
    size_t npos;             /* positions the candidate may read            */
} rc_plan;

typedef struct rc_batch {
    const rc_candidate *c;
    rc_call *calls;
    size_t n;
    const rc_plan *plan;
    unsigned char *arena;    /* MAP_SHARED, reused by every call and child  */
    size_t arena_bytes;
    unsigned char *stage;    /* MAP_SHARED, outputs of every call           */
    rc_slot *slots;          /* MAP_SHARED, one per call                    */
    rc_ctl *ctl;             /* MAP_SHARED                                  */
    pid_t parent;
} rc_batch;

/* The child: init, calls[start..n) (skipping plan[i].skip), fini, _exit. */
_Noreturn void rc_sandbox_child(const rc_batch *b, size_t start);

/* Canary patterns: a signalling NaN in each dtype. */
void rc_canary_fill(void *p, rc_dtype t, size_t count);
int rc_is_canary(const void *p, rc_dtype t, size_t i);
/* Bytes a tensor spans (last element + 1). */
size_t rc_span_bytes(const rc_tensor *x);

#endif
