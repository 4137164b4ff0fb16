/* The sandbox child: runs the candidate's init, a range of calls and fini,
 * recording raw facts (return codes, fault addresses, timings) into shared
 * slots.  Signal handlers only store numbers and _exit; the parent turns
 * the facts into messages, so nothing here needs to be async-signal-safe
 * beyond plain stores. */
#define _GNU_SOURCE /* REG_ERR: tells a read fault from a write fault */
#include "sandbox_impl.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define ALT_STACK_BYTES (256 * 1024)

/* What the handlers need; set before each phase. */
static const rc_batch *g_b;
static rc_slot *volatile g_active;
static const rc_layout *volatile g_armed; /* buffers fenced, candidate running */

static int access_kind(void *ucv)
{
#if defined(__x86_64__) && defined(REG_ERR)
    const ucontext_t *uc = ucv;
    return (uc->uc_mcontext.gregs[REG_ERR] & 2) ? RC_ACCESS_WRITE : RC_ACCESS_READ;
#else
    (void)ucv;
    return RC_ACCESS_UNKNOWN;
#endif
}

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    rc_slot *s = g_active;
    if (s) {
        s->signo = sig;
        s->fault_class = RC_FAULT_ELSEWHERE;
        if (sig == SIGSEGV || sig == SIGBUS) {
            s->fault_addr = (uintptr_t)si->si_addr;
            s->access = access_kind(uc);
            const rc_layout *l = g_armed;
            if (l)
                s->fault_class = rc_guard_classify(g_b->arena, l, s->fault_addr, &s->fault_buf,
                                                   &s->fault_offset, &s->fault_bytes);
        }
        atomic_store(&s->state, RC_SLOT_FAULT);
    }
    _exit(128 + sig);
}

/* exit() from candidate code: record it before anything else registered
 * (sanitizer leak checks, the candidate's own handlers) can run. */
#ifdef __GLIBC__
static void on_exit_hook(int status, void *arg)
{
    (void)arg;
#else
static void on_exit_hook(void)
{
    int status = -1;
#endif
    rc_slot *s = g_active;
    if (s) {
        s->exit_status = status;
        atomic_store(&s->state, RC_SLOT_EXIT);
    }
    _exit(status & 0xff);
}

static void setup(void)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != g_b->parent)
        _exit(1);
    struct rlimit nocore = {0, 0};
    setrlimit(RLIMIT_CORE, &nocore);

    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = mmap(NULL, ALT_STACK_BYTES, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ss.ss_size = ALT_STACK_BYTES;
    if (ss.ss_sp != MAP_FAILED)
        sigaltstack(&ss, NULL);

    /* Our handlers replace any a sanitizer runtime installed: those would
     * report and exit(1), hiding which signal it was. */
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_signal;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&unblock, sigs[i]);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
#ifdef __GLIBC__
    on_exit(on_exit_hook, NULL);
#else
    atexit(on_exit_hook);
#endif
}

static void enter(rc_slot *s, int phase, int cur)
{
    s->phase = phase;
    g_active = s;
    atomic_store(&g_b->ctl->cur, cur);
    atomic_store(&g_b->ctl->phase, phase);
    atomic_store(&g_b->ctl->phase_start_ns, rc_now_ns());
}

static double since(int64_t t0) { return (double)(rc_now_ns() - t0) * 1e-9; }

static void copy_error(rc_slot *s, void *state)
{
    const char *e = g_b->c->table.last_error(state);
    snprintf(s->text, sizeof s->text, "%s", e ? e : "(last_error returned NULL)");
}

static void check_fp(rc_slot *s, const rc_fpstate *base)
{
    int round;
    unsigned bits = rc_fp_diff(base, &round);
    if (bits) {
        s->fp_bits |= bits;
        s->fp_round = round;
    }
    rc_fp_restore(base);
}

static size_t count_untouched(const unsigned char *p, const rc_tensor *t)
{
    size_t n = 0;
    for (int64_t tok = 0; tok < t->n_tokens; tok++)
        for (int64_t h = 0; h < t->n_heads; h++) {
            size_t row = (size_t)(tok * t->token_stride + h * t->head_stride);
            for (int64_t ch = 0; ch < t->head_dim; ch++)
                n += (size_t)rc_is_canary(p, t->dtype, row + (size_t)ch);
        }
    return n;
}

static void run_call(size_t i, void *state, const rc_fpstate *base)
{
    const rc_adapter *ad = &g_b->c->table;
    const rc_call *call = &g_b->calls[i];
    const rc_plan *pl = &g_b->plan[i];
    rc_slot *s = &g_b->slots[i];
    rc_rope_params params = *call->params; /* a scribble on it stays here */
    atomic_store(&g_b->ctl->last_call, (int)i);
    atomic_store(&s->state, RC_SLOT_RUNNING);

    enter(s, RC_PH_SUPPORTS, (int)i);
    int64_t t0 = rc_now_ns();
    int r = ad->supports(state, &params, call->dtype);
    s->seconds = since(t0);
    check_fp(s, base);
    if (call->kind == RC_CALL_SUPPORTS || r != RC_OK) {
        s->retcode = r;
        if (r != RC_OK && r != RC_UNSUPPORTED)
            copy_error(s, state);
        atomic_store(&s->state, RC_SLOT_DONE);
        return;
    }

    /* Fill the buffers: input copies, canaries in outputs, then fence. */
    unsigned char *a = g_b->arena;
    if (rc_guard_open(a, g_b->arena_bytes) != 0)
        abort();
    unsigned char *buf[RC_BUF_KINDS] = {0};
    for (int k = 0; k < pl->lay.nb; k++)
        buf[pl->lay.b[k].id] = a + pl->lay.b[k].start_off;
    int64_t *pos = (int64_t *)(void *)buf[RC_BUF_POS];
    size_t ncopy = (size_t)call->n_positions < pl->npos ? (size_t)call->n_positions : pl->npos;
    if (ncopy)
        memcpy(pos, call->positions, ncopy * sizeof *pos);
    memset(pos + ncopy, 0, (pl->npos - ncopy) * sizeof *pos);

    rc_tensor tin, tout;
    size_t nelem = 0;
    if (call->kind == RC_CALL_COS_SIN) {
        nelem = (size_t)call->n_positions * (size_t)(params.rotary_dim / 2);
        rc_canary_fill(buf[RC_BUF_COS], call->dtype, nelem);
        rc_canary_fill(buf[RC_BUF_SIN], call->dtype, nelem);
    } else {
        tin = *call->in;
        tout = *call->out;
        tin.data = call->in_place ? buf[RC_BUF_OUT] : buf[RC_BUF_IN];
        memcpy(tin.data, call->in->data, rc_span_bytes(call->in));
        if (call->in_place) {
            tout = tin;
        } else {
            tout.data = buf[RC_BUF_OUT];
            rc_canary_fill(tout.data, tout.dtype, rc_span_bytes(&tout) / rc_elem_size(tout.dtype));
        }
    }
    if (rc_guard_close(a, &pl->lay) != 0)
        abort();

    int phase = call->kind == RC_CALL_APPLY ? RC_PH_APPLY
              : call->kind == RC_CALL_BACKWARD ? RC_PH_BACKWARD : RC_PH_COS_SIN;
    enter(s, phase, (int)i);
    g_armed = &pl->lay;
    t0 = rc_now_ns();
    if (phase == RC_PH_APPLY)
        r = ad->apply(state, &params, pos, &tin, &tout);
    else if (phase == RC_PH_BACKWARD)
        r = ad->backward(state, &params, pos, &tin, &tout);
    else
        r = ad->cos_sin(state, &params, pos, call->n_positions, call->dtype,
                        buf[RC_BUF_COS], buf[RC_BUF_SIN]);
    s->seconds = since(t0);
    g_armed = NULL;
    check_fp(s, base);
    s->retcode = r;

    if (r == RC_OK) {
        s->slack_hit = rc_guard_slack_hit(a, &pl->lay, &s->fault_buf, &s->fault_offset,
                                          &s->fault_bytes);
        unsigned char *st = g_b->stage + pl->stage_off;
        if (phase == RC_PH_COS_SIN) {
            size_t nb = nelem * rc_elem_size(call->dtype);
            for (size_t e = 0; e < nelem; e++)
                s->untouched += (size_t)rc_is_canary(buf[RC_BUF_COS], call->dtype, e) +
                                (size_t)rc_is_canary(buf[RC_BUF_SIN], call->dtype, e);
            s->total = 2 * nelem;
            memcpy(st, buf[RC_BUF_COS], nb);
            memcpy(st + nb, buf[RC_BUF_SIN], nb);
        } else {
            if (!call->in_place)
                s->untouched = count_untouched(tout.data, &tout);
            s->total = (size_t)(tout.n_tokens * tout.n_heads * tout.head_dim);
            memcpy(st, tout.data, pl->stage_bytes);
        }
        s->outputs_valid = 1;
    } else if (r != RC_UNSUPPORTED) {
        enter(s, phase, (int)i);
        copy_error(s, state);
    }
    atomic_store(&s->state, RC_SLOT_DONE);
}

/* init; a failure ends the child, and the parent reports it for every
 * call not yet done. */
static void start_state(const rc_adapter *ad, void **state, const rc_fpstate *base)
{
    rc_ctl *ctl = g_b->ctl;
    enter(&ctl->life, RC_PH_INIT, -1);
    int r = ad->init(state);
    check_fp(&ctl->life, base);
    if (r != RC_OK) {
        ctl->life.retcode = r;
        if (r != RC_UNSUPPORTED)
            copy_error(&ctl->life, *state);
        atomic_store(&ctl->init_failed, 1);
        atomic_store(&ctl->life.state, RC_SLOT_DONE);
        _exit(0);
    }
}

_Noreturn void rc_sandbox_child(const rc_batch *b, size_t start)
{
    g_b = b;
    rc_ctl *ctl = b->ctl;
    enter(&ctl->life, RC_PH_INIT, -1);
    setup();

    rc_fpstate base;
    rc_fp_save(&base);
    const rc_adapter *ad = &b->c->table;
    void *state = NULL;
    atomic_store(&ctl->life.state, RC_SLOT_RUNNING);
    start_state(ad, &state, &base);

    int group = start < b->n ? b->calls[start].group : 0;
    for (size_t i = start; i < b->n; i++) {
        if (b->calls[i].group != group) {
            /* independent cases must not see each other's state */
            group = b->calls[i].group;
            enter(&ctl->life, RC_PH_FINI, -1);
            ad->fini(state);
            state = NULL;
            start_state(ad, &state, &base);
        }
        if (!b->plan[i].skip)
            run_call(i, state, &base);
    }

    enter(&ctl->life, RC_PH_FINI, -1);
    ad->fini(state);
    atomic_store(&ctl->life.state, RC_SLOT_DONE);
    atomic_store(&ctl->finished, 1);
    fflush(stdout);
    fflush(stderr);
    _exit(0);
}
