/* The sandbox's parent side: plans buffer layouts, forks a child per batch
 * (a fresh one after each call that kills its child), enforces the per-call
 * deadline and turns what the child recorded into outcomes and one-line
 * messages.  The child side is sandbox_child.c. */
#define _GNU_SOURCE /* SYS_pidfd_open */
#include "sandbox_impl.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int64_t rc_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

const char *rc_signal_name(int signo)
{
    static const struct { int no; const char *name; } t[] = {
        {SIGSEGV, "SIGSEGV"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"}, {SIGILL, "SIGILL"},
        {SIGABRT, "SIGABRT"}, {SIGTRAP, "SIGTRAP"}, {SIGSYS, "SIGSYS"}, {SIGKILL, "SIGKILL"},
        {SIGTERM, "SIGTERM"}, {SIGINT, "SIGINT"}, {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"},
        {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"}, {SIGHUP, "SIGHUP"}, {SIGQUIT, "SIGQUIT"},
        {SIGUSR1, "SIGUSR1"}, {SIGUSR2, "SIGUSR2"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].no == signo)
            return t[i].name;
    static _Thread_local char buf[24];
    snprintf(buf, sizeof buf, "signal %d", signo);
    return buf;
}

size_t rc_elem_size(rc_dtype t)
{
    return t == RC_F64 ? 8 : t == RC_F32 ? 4 : 2;
}

size_t rc_span_bytes(const rc_tensor *x)
{
    if (x->n_tokens <= 0 || x->n_heads <= 0 || x->head_dim <= 0)
        return 0;
    int64_t last = (x->n_tokens - 1) * x->token_stride + (x->n_heads - 1) * x->head_stride +
                   x->head_dim;
    return (size_t)last * rc_elem_size(x->dtype);
}

const char *rc_phase_name(int phase)
{
    static const char *names[] = {"sandbox", "init", "supports", "apply", "backward",
                                  "cos_sin", "fini"};
    return phase >= 0 && phase <= RC_PH_FINI ? names[phase] : "sandbox";
}

const char *rc_outcome_name(rc_outcome o)
{
    static const char *names[] = {"ok", "unsupported", "error", "crash", "timeout", "exit",
                                  "out-of-bounds write", "write into input",
                                  "untouched output", "fp environment changed",
                                  "not provided"};
    return (unsigned)o < sizeof names / sizeof names[0] ? names[o] : "unknown";
}

/* ---- messages ---- */

static void set_msg(rc_call_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    for (char *p = r->message; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
}

static void set_phase(rc_call_result *r, int phase)
{
    snprintf(r->phase, sizeof r->phase, "%s", rc_phase_name(phase));
}

static const char *buf_name(int id)
{
    static const char *names[] = {"output buffer", "input buffer", "positions array",
                                  "cos buffer", "sin buffer"};
    return id >= 0 && id < RC_BUF_KINDS ? names[id] : "buffer";
}

static const char *access_name(int a)
{
    return a == RC_ACCESS_READ ? "read" : a == RC_ACCESS_WRITE ? "write" : "access";
}

/* "write 4 bytes past the end of the output buffer" and the like. */
static void where_text(char *w, size_t n, const char *what, int64_t off, size_t bytes, int buf)
{
    if (off >= (int64_t)bytes && off == (int64_t)bytes)
        snprintf(w, n, "%s just past the end of the %s, byte offset %lld", what,
                 buf_name(buf), (long long)off);
    else if (off >= (int64_t)bytes)
        snprintf(w, n, "%s %lld bytes past the end of the %s, byte offset %lld", what,
                 (long long)(off - (int64_t)bytes), buf_name(buf), (long long)off);
    else if (off < 0)
        snprintf(w, n, "%s %lld bytes before the start of the %s", what, (long long)-off,
                 buf_name(buf));
    else
        snprintf(w, n, "%s at byte offset %lld of the %zu-byte %s", what, (long long)off, bytes,
                 buf_name(buf));
}

/* A call (or init/fini) that ended its child: fault, exit, signal, timeout. */
static void describe_death(rc_call_result *r, const rc_slot *s, int phase, int status,
                           int timed_out, double timeout_s)
{
    set_phase(r, phase);
    const char *ph = r->phase;
    int st = atomic_load(&s->state);
    char w[160];
    if (timed_out) {
        r->outcome = RC_OUTCOME_TIMEOUT;
        set_msg(r, "%s: hung, killed after %.1f s", ph, timeout_s);
    } else if (st == RC_SLOT_FAULT) {
        r->signo = s->signo;
        const char *sig = rc_signal_name(s->signo);
        if (s->fault_class == RC_FAULT_GUARD) {
            r->outcome = RC_OUTCOME_OOB_WRITE;
            r->fault_offset = s->fault_offset;
            where_text(w, sizeof w, access_name(s->access), s->fault_offset, s->fault_bytes,
                       s->fault_buf);
            set_msg(r, "%s: %s (%s)", ph, sig, w);
        } else if (s->fault_class == RC_FAULT_READONLY) {
            r->outcome = RC_OUTCOME_INPUT_WRITE;
            r->fault_offset = s->fault_offset;
            set_msg(r, "%s: %s (write into the %s at byte offset %lld of %zu%s)", ph, sig,
                    buf_name(s->fault_buf), (long long)s->fault_offset, s->fault_bytes,
                    s->fault_buf == RC_BUF_IN ? ", out-of-place call" : "");
        } else {
            r->outcome = RC_OUTCOME_CRASH;
            if (s->signo == SIGSEGV || s->signo == SIGBUS)
                set_msg(r, "%s: %s (%s at address %p, outside the harness buffers)", ph, sig,
                        access_name(s->access), (void *)s->fault_addr);
            else
                set_msg(r, "%s: %s", ph, sig);
        }
    } else if (st == RC_SLOT_EXIT) {
        r->outcome = RC_OUTCOME_EXIT;
        set_msg(r, "%s: called exit(%d)", ph, s->exit_status);
    } else if (WIFSIGNALED(status)) {
        r->outcome = RC_OUTCOME_CRASH;
        r->signo = WTERMSIG(status);
        set_msg(r, "%s: killed by %s", ph, rc_signal_name(r->signo));
    } else {
        r->outcome = RC_OUTCOME_EXIT;
        set_msg(r, "%s: process exited with status %d", ph,
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
}

/* A call whose candidate function returned. */
static void describe_return(rc_call_result *r, const rc_slot *s, unsigned life_fp,
                            int life_round)
{
    set_phase(r, s->phase);
    const char *ph = r->phase;
    r->seconds = s->seconds;
    if (s->retcode == RC_UNSUPPORTED) {
        r->outcome = RC_OUTCOME_UNSUPPORTED;
        set_msg(r, s->phase == RC_PH_SUPPORTS ? "%s: unsupported" : "%s: returned RC_UNSUPPORTED", ph);
        return;
    }
    if (s->retcode == RC_ERROR) {
        r->outcome = RC_OUTCOME_ERROR;
        set_msg(r, "%s: error: %s", ph, s->text);
        return;
    }
    if (s->retcode != RC_OK) {
        r->outcome = RC_OUTCOME_ERROR;
        set_msg(r, "%s: returned unknown code %d (%s)", ph, s->retcode, s->text);
        return;
    }
    char w[160];
    if (s->slack_hit) {
        r->outcome = RC_OUTCOME_OOB_WRITE;
        r->fault_offset = s->fault_offset;
        where_text(w, sizeof w, "wrote", s->fault_offset, s->fault_bytes, s->fault_buf);
        set_msg(r, "%s: %s", ph, w);
    } else if (s->untouched) {
        r->outcome = RC_OUTCOME_UNTOUCHED;
        r->untouched = s->untouched;
        set_msg(r, "%s: returned RC_OK but left %zu of %zu output elements unwritten", ph,
                s->untouched, s->total);
    } else if (s->fp_bits || life_fp) {
        r->outcome = RC_OUTCOME_FENV;
        rc_fp_describe(s->fp_bits ? s->fp_bits : life_fp, s->fp_bits ? s->fp_round : life_round,
                       w, sizeof w);
        set_msg(r, "%s: left the FP environment changed (%s)", s->fp_bits ? ph : "init", w);
    } else {
        r->outcome = RC_OUTCOME_OK;
    }
}

/* ---- planning ---- */

static int plan_call(const rc_candidate *c, const rc_call *call, rc_plan *p, size_t *stage)
{
    memset(p, 0, sizeof *p);
    rc_layout_init(&p->lay);
    if (!call->params)
        return -1;
    switch (call->kind) {
    case RC_CALL_SUPPORTS:
        return 0;
    case RC_CALL_APPLY:
    case RC_CALL_BACKWARD: {
        if (!call->in || !call->out || (call->n_positions > 0 && !call->positions))
            return -1;
        if (call->kind == RC_CALL_BACKWARD && !c->table.backward) {
            p->skip = 1;
            return 0;
        }
        const rc_tensor *buf = call->in_place ? call->in : call->out;
        size_t ob = rc_span_bytes(buf), ib = rc_span_bytes(call->in);
        if (ib && !call->in->data)
            return -1;
        p->npos = call->in->n_tokens > 0 ? (size_t)call->in->n_tokens : 0;
        rc_layout_add(&p->lay, RC_BUF_OUT, ob, 0);
        if (!call->in_place)
            rc_layout_add(&p->lay, RC_BUF_IN, ib, 1);
        rc_layout_add(&p->lay, RC_BUF_POS, p->npos * sizeof(int64_t), 1);
        p->stage_bytes = ob;
        break;
    }
    case RC_CALL_COS_SIN: {
        if (!c->table.cos_sin) {
            p->skip = 1;
            return 0;
        }
        if (call->n_positions < 0 || (call->n_positions > 0 && !call->positions) ||
            !call->cos_out || !call->sin_out)
            return -1;
        int64_t half = call->params->rotary_dim > 0 ? call->params->rotary_dim / 2 : 0;
        size_t b = (size_t)(call->n_positions * half) * rc_elem_size(call->dtype);
        p->npos = (size_t)call->n_positions;
        rc_layout_add(&p->lay, RC_BUF_COS, b, 0);
        rc_layout_add(&p->lay, RC_BUF_SIN, b, 0);
        rc_layout_add(&p->lay, RC_BUF_POS, p->npos * sizeof(int64_t), 1);
        p->stage_bytes = 2 * b;
        break;
    }
    default:
        return -1;
    }
    p->stage_off = *stage;
    *stage += (p->stage_bytes + 63) / 64 * 64;
    return 0;
}

/* Outputs of a call that returned RC_OK, from staging into the caller's
 * buffers; only the tensor's own elements, never the gaps between them. */
static void copy_back(const rc_call *call, const rc_plan *p, const unsigned char *stage)
{
    const unsigned char *src = stage + p->stage_off;
    if (call->kind == RC_CALL_COS_SIN) {
        memcpy(call->cos_out, src, p->stage_bytes / 2);
        memcpy(call->sin_out, src + p->stage_bytes / 2, p->stage_bytes / 2);
        return;
    }
    if (call->kind == RC_CALL_SUPPORTS)
        return;
    const rc_tensor *s = call->in_place ? call->in : call->out, *d = call->out;
    size_t es = rc_elem_size(d->dtype), row = (size_t)d->head_dim * es;
    for (int64_t t = 0; t < d->n_tokens; t++)
        for (int64_t h = 0; h < d->n_heads; h++)
            memcpy((unsigned char *)d->data + (size_t)(t * d->token_stride + h * d->head_stride) * es,
                   src + (size_t)(t * s->token_stride + h * s->head_stride) * es, row);
}

/* ---- waiting ---- */

static int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    return -1;
#endif
}

/* Waits for the child; kills it when the running phase passes its
 * deadline.  Wakes on the child's exit (pidfd) or at the deadline. */
static void wait_child(pid_t pid, rc_ctl *ctl, double timeout_s, int *status, int *timed_out)
{
    const int64_t limit = (int64_t)(timeout_s * 1e9);
    int pfd = open_pidfd(pid);
    int64_t nap = 20000, forked = rc_now_ns();
    *timed_out = 0;
    for (;;) {
        pid_t r = waitpid(pid, status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR))
            break;
        int64_t start = atomic_load(&ctl->phase_start_ns), now = rc_now_ns();
        int64_t left = (start ? start : forked) + limit - now;
        if (left <= 0) {
            kill(pid, SIGKILL);
            while (waitpid(pid, status, 0) < 0 && errno == EINTR)
                ;
            *timed_out = 1;
            break;
        }
        if (pfd >= 0) {
            struct pollfd pf = {pfd, POLLIN, 0};
            int64_t ms = (left + 999999) / 1000000;
            poll(&pf, 1, (int)(ms > 1000 ? 1000 : ms));
        } else {
            struct timespec ts = {0, (long)(nap < left ? nap : left)};
            nanosleep(&ts, NULL);
            if (nap < 1000000)
                nap *= 2;
        }
    }
    if (pfd >= 0)
        close(pfd);
}

/* ---- the batch ---- */

static size_t next_live(const rc_plan *plan, size_t i, size_t n)
{
    while (i < n && plan[i].skip)
        i++;
    return i;
}

int rc_sandbox_run(const rc_candidate *c, rc_call *calls, size_t n,
                   rc_call_result *results, double timeout_s)
{
    return rc_sandbox_run_ex(c, calls, n, results, timeout_s, 0);
}

int rc_sandbox_run_ex(const rc_candidate *c, rc_call *calls, size_t n,
                      rc_call_result *results, double timeout_s, int max_timeouts)
{
    int timeouts = 0;
    if (!c || (n && (!calls || !results))) {
        errno = EINVAL;
        return -1;
    }
    if (!(timeout_s > 0))
        timeout_s = 10.0;
    rc_plan *plan = calloc(n ? n : 1, sizeof *plan);
    if (!plan)
        return -1;
    size_t arena_bytes = 0, stage_bytes = 0;
    for (size_t i = 0; i < n; i++) {
        memset(&results[i], 0, sizeof results[i]);
        if (plan_call(c, &calls[i], &plan[i], &stage_bytes) != 0) {
            free(plan);
            errno = EINVAL;
            return -1;
        }
        if (plan[i].skip) {
            int ph = calls[i].kind == RC_CALL_BACKWARD ? RC_PH_BACKWARD : RC_PH_COS_SIN;
            results[i].outcome = RC_OUTCOME_NOT_PROVIDED;
            set_phase(&results[i], ph);
            set_msg(&results[i], "%s: not provided", rc_phase_name(ph));
        } else if (plan[i].lay.nb && plan[i].lay.total > arena_bytes) {
            arena_bytes = plan[i].lay.total;
        }
    }
    size_t i = next_live(plan, 0, n);
    if (i == n) {
        free(plan);
        return 0;
    }

    /* One shared mapping holds control, slots, staging and the arena. */
    const size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    size_t ctl_bytes = (sizeof(rc_ctl) + n * sizeof(rc_slot) + pg - 1) / pg * pg;
    size_t stage_pages = (stage_bytes + pg - 1) / pg * pg;
    size_t total = ctl_bytes + stage_pages + arena_bytes;
    unsigned char *m = mmap(NULL, total, PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED) {
        free(plan);
        return -1;
    }
    rc_batch b = {
        .c = c, .calls = calls, .n = n, .plan = plan,
        .arena = arena_bytes ? m + ctl_bytes + stage_pages : NULL, .arena_bytes = arena_bytes,
        .stage = m + ctl_bytes,
        .ctl = (rc_ctl *)(void *)m, .slots = (rc_slot *)(void *)(m + sizeof(rc_ctl)),
        .parent = getpid(),
    };

    int rc = 0;
    while (i < n) {
        memset(b.ctl, 0, sizeof *b.ctl);
        atomic_store(&b.ctl->last_call, -1);
        memset(&b.slots[i], 0, (n - i) * sizeof(rc_slot));
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0) {
            rc = -1;
            break;
        }
        if (pid == 0)
            rc_sandbox_child(&b, i);

        int status = 0, timed_out = 0;
        wait_child(pid, b.ctl, timeout_s, &status, &timed_out);
        /* Time in the call that died, as seen from here (an upper bound). */
        double died_after = (double)(rc_now_ns() - atomic_load(&b.ctl->phase_start_ns)) * 1e-9;

        rc_ctl *ctl = b.ctl;
        unsigned life_fp = ctl->life.fp_bits;
        for (size_t k = i; k < n; k++) {
            if (atomic_load(&b.slots[k].state) != RC_SLOT_DONE)
                continue;
            describe_return(&results[k], &b.slots[k], life_fp, ctl->life.fp_round);
            if (b.slots[k].outputs_valid)
                copy_back(&calls[k], &plan[k], b.stage);
        }
        int phase = atomic_load(&ctl->phase);
        if (atomic_load(&ctl->finished) && !timed_out) {
            break;
        } else if (phase == RC_PH_INIT || phase == RC_PH_NONE) {
            /* init failed or died: every remaining call would do the same. */
            rc_call_result fail;
            memset(&fail, 0, sizeof fail);
            if (atomic_load(&ctl->init_failed)) {
                set_phase(&fail, RC_PH_INIT);
                int rv = ctl->life.retcode;
                fail.outcome = rv == RC_UNSUPPORTED ? RC_OUTCOME_UNSUPPORTED : RC_OUTCOME_ERROR;
                if (rv == RC_UNSUPPORTED)
                    set_msg(&fail, "init: returned RC_UNSUPPORTED");
                else if (rv == RC_ERROR)
                    set_msg(&fail, "init: error: %s", ctl->life.text);
                else
                    set_msg(&fail, "init: returned unknown code %d (%s)", rv, ctl->life.text);
            } else {
                describe_death(&fail, &ctl->life, RC_PH_INIT, status, timed_out, timeout_s);
            }
            /* calls that completed before a re-init (a new group) keep
             * their results */
            for (size_t k = i; k < n; k++)
                if (!plan[k].skip && atomic_load(&b.slots[k].state) != RC_SLOT_DONE)
                    results[k] = fail;
            break;
        } else if (phase == RC_PH_FINI) {
            /* Every call returned; a dying fini is charged to the last one. */
            int last = atomic_load(&ctl->last_call);
            if (last >= 0 && results[last].outcome == RC_OUTCOME_OK) {
                double secs = results[last].seconds;
                describe_death(&results[last], &ctl->life, RC_PH_FINI, status, timed_out,
                               timeout_s);
                results[last].seconds = secs;
            }
            /* fini also runs between groups: carry on after the last call */
            if (last < 0 || (i = next_live(plan, (size_t)last + 1, n)) >= n)
                break;
        } else {
            size_t k = (size_t)atomic_load(&ctl->cur);
            if (k >= n) {
                errno = EPROTO;
                rc = -1;
                break;
            }
            describe_death(&results[k], &b.slots[k], phase, status, timed_out, timeout_s);
            results[k].seconds = died_after;
            i = next_live(plan, k + 1, n);
            if (timed_out && max_timeouts > 0 && ++timeouts >= max_timeouts) {
                /* a candidate that hangs again and again would cost the
                 * limit per call: the rest are reported, not run */
                rc_call_result hung = results[k];
                for (size_t j = i; j < n; j++)
                    if (!plan[j].skip) {
                        results[j].outcome = RC_OUTCOME_TIMEOUT;
                        memcpy(results[j].phase, hung.phase, sizeof hung.phase);
                        set_msg(&results[j], "not run: the candidate already hung in %d calls (%.120s)",
                                timeouts, hung.message);
                    }
                break;
            }
        }
    }
    munmap(m, total);
    free(plan);
    return rc;
}
