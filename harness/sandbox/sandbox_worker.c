/* The worker child's start: descriptors, containment, fault and exit
 * hooks, loading the candidate and telling the parent what its table says.
 * Then sandbox_serve.c answers commands until the parent closes the pipe.
 * Nothing here is trusted by the parent: it checks every reply. */
#define _GNU_SOURCE /* REG_ERR, close_range, on_exit */
#include "sandbox_impl.h"
#include "default_params.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define ALT_STACK_BYTES (256 * 1024)
/* The v1 table ends with last_error; later minors only append. */
#define ADAPTER_V1_SIZE (offsetof(rc_adapter, last_error) + sizeof(void (*)(void)))

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
    if (getpid() == rc_w.self) { /* not in a process the candidate forked */
        static rc_rep r;
        rc_worker_reply_init(&r, RC_REP_FAULT);
        r.signo = sig;
        if (sig == SIGSEGV || sig == SIGBUS) {
            r.fault_addr = (uintptr_t)si->si_addr;
            r.access = access_kind(uc);
            const rc_layout *l = rc_w.armed;
            int64_t off = 0;
            size_t bytes = 0;
            int buf = 0;
            if (l)
                r.fault_class = rc_guard_classify(rc_w.arena, l, (uintptr_t)si->si_addr, &buf,
                                                  &off, &bytes);
            r.fault_buf = buf;
            r.fault_offset = off;
            r.fault_bytes = bytes;
        }
        (void)!write(RC_REP_FD, &r, sizeof r);
    }
    _exit(128 + sig);
}

/* exit() from candidate code: say so before anything else registered
 * (sanitizer leak checks, the candidate's own handlers) can run. */
static void on_exit_hook(int status, void *arg)
{
    (void)arg;
    if (getpid() == rc_w.self) {
        rc_rep r;
        rc_worker_reply_init(&r, RC_REP_EXIT);
        r.exit_status = status;
        (void)!write(RC_REP_FD, &r, sizeof r);
    }
    _exit(status & 0xff);
}

static void handlers(void)
{
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = mmap(NULL, ALT_STACK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                    -1, 0);
    ss.ss_size = ALT_STACK_BYTES;
    if (ss.ss_sp != MAP_FAILED)
        sigaltstack(&ss, NULL);
    /* Ours replace any a sanitizer runtime installed: those would report
     * and exit(1), hiding which signal it was. */
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS};
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_signal;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
        sigaddset(&unblock, sigs[i]);
    }
    /* the harness's own handlers (cleanup on SIGINT/SIGTERM) are not ours */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    on_exit(on_exit_hook, NULL);
}

/* stdout/stderr to the capture pipe, the two channels to fixed numbers,
 * stdin from /dev/null, every other descriptor of the harness closed. */
static void descriptors(const rc_worker_boot *b)
{
    int cmd = fcntl(b->cmd_fd, F_DUPFD, 10), rep = fcntl(b->rep_fd, F_DUPFD, 10);
    int null = open("/dev/null", O_RDONLY);
    if (cmd < 0 || rep < 0 || null < 0 || dup2(null, 0) < 0 || dup2(b->out_fd, 1) < 0 ||
        dup2(b->out_fd, 2) < 0 || dup2(cmd, RC_CMD_FD) < 0 || dup2(rep, RC_REP_FD) < 0)
        _exit(121);
    close_range(RC_REP_FD + 1, ~0u, 0);
}

static _Noreturn void load_fail(const char *fmt, const char *a)
{
    rc_rep r;
    rc_worker_reply_init(&r, RC_REP_LOADFAIL);
    snprintf(r.text, sizeof r.text, fmt, a);
    rc_write_all(RC_REP_FD, &r, sizeof r);
    _exit(0);
}

static const rc_adapter *open_candidate(const rc_candidate *c)
{
    if (c->builtin)
        return c->builtin;
    rc_w.phase = RC_PH_LOAD_OPEN;
    dlerror();
    void *dl = dlopen(c->path, RTLD_NOW | RTLD_LOCAL);
    if (!dl) {
        const char *e = dlerror();
        load_fail("dlopen: %s", e ? e : "unknown error");
    }
    rc_w.phase = RC_PH_LOAD_ENTRY;
    dlerror();
    void *sym = dlsym(dl, RC_ADAPTER_SYMBOL);
    if (!sym || dlerror())
        load_fail("%s", "no symbol " RC_ADAPTER_SYMBOL);
    rc_adapter_entry_fn entry;
    memcpy(&entry, &sym, sizeof entry); /* object-to-function pointer, POSIX-sanctioned */
    return entry();
}

/* Bounded copy of a candidate string; a bad pointer faults here, in the
 * child, during the table phase. */
static void copy_str(char *dst, const char *src)
{
    size_t i = 0;
    if (src)
        for (; i < RC_NAME_MAX - 1 && src[i]; i++)
            dst[i] = src[i];
    dst[i] = '\0';
}

static void describe(const rc_adapter *ad, rc_cand_info *info)
{
    memset(info, 0, sizeof *info);
    info->abi_version = ad->abi_version;
    info->struct_size = ad->struct_size;
    if (ad->abi_version != RC_ABI_VERSION || ad->struct_size < ADAPTER_V1_SIZE)
        return; /* the parent refuses it; read nothing more */
    const char *missing = !ad->init ? "init" : !ad->fini ? "fini" : !ad->supports ? "supports"
                        : !ad->apply ? "apply" : !ad->last_error ? "last_error" : "";
    snprintf(info->missing, sizeof info->missing, "%s", missing);
    info->has_backward = ad->backward != NULL;
    info->abi_minor = rc_adapter_abi_minor(ad);
    info->has_cos_sin = ad->cos_sin != NULL;
    info->has_defaults = -(ad->name == NULL); /* -1: name is NULL */
    copy_str(info->name, ad->name);
    copy_str(info->version, ad->version);
    if (!ad->default_params || info->has_defaults < 0)
        return;
    /* a bad pointer faults here; rotary_dim out of range is said below */
    char why[160];
    if (rc_default_params_config(ad, &info->defaults, why, sizeof why) != 0) {
        info->has_defaults = -2;
        snprintf(info->missing, sizeof info->missing, "rotary_dim");
        return;
    }
    info->has_defaults = 1;
}

/* Load, copy the table, and send READY with what it says. */
static void load(const rc_candidate *c)
{
    const rc_adapter *ad = open_candidate(c);
    rc_w.phase = RC_PH_LOAD_TABLE;
    if (!ad)
        load_fail("%s", RC_ADAPTER_SYMBOL "() returned NULL");
    static rc_cand_info info;
    describe(ad, &info);
    if (ad->abi_version == RC_ABI_VERSION && ad->struct_size >= ADAPTER_V1_SIZE) {
        size_t n = ad->struct_size < sizeof rc_w.ad ? ad->struct_size : sizeof rc_w.ad;
        memcpy(&rc_w.ad, ad, n);
    }
    rc_rep r;
    rc_worker_reply_init(&r, RC_REP_READY);
    r.out_bytes = sizeof info;
    if (rc_write_all(RC_REP_FD, &r, sizeof r) != 0 ||
        rc_write_all(RC_REP_FD, &info, sizeof info) != 0)
        _exit(0);
}

_Noreturn void rc_worker_main(const rc_worker_boot *b)
{
    rc_w.self = getpid();
    descriptors(b);
    char why[200];
    if (rc_contain(b->lim, b->parent, why, sizeof why) != 0)
        load_fail("%s", why);
    handlers();
    load(b->cand);
    rc_worker_serve();
}
