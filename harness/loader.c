/* Loading a candidate: the entry function and the table checks run first in
 * a forked probe child, so a candidate whose constructor or entry function
 * crashes or hangs yields a one-line error instead of killing the harness.
 * Only a candidate that passed the probe is loaded into this process. */
#include "loader.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sandbox_impl.h"

/* The v1 table ends with last_error; later minors only append. */
#define RC_ADAPTER_V1_SIZE (offsetof(rc_adapter, last_error) + sizeof(void (*)(void)))
#define RC_PROBE_TIMEOUT_S 10.0

enum { PROBE_DLOPEN = 1, PROBE_ENTRY, PROBE_CHECK };

/* Shared between the parent and the probe child. */
typedef struct probe_page {
    volatile int stage;   /* how far the child got */
    volatile int done;    /* 1: msg is the verdict ("" = fine) */
    char msg[768];
} probe_page;

static void one_line(char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\r' || *s == '\t')
            *s = ' ';
}

/* Checks on a table the entry function returned; "" when it is usable. */
static void check_table(const rc_adapter *ad, const char *path, char *msg, size_t n)
{
    msg[0] = '\0';
    if (!ad) {
        snprintf(msg, n, "%s: " RC_ADAPTER_SYMBOL "() returned NULL; it must return a "
                 "pointer to a static rc_adapter table (see docs/abi.md)", path);
        return;
    }
    if (ad->abi_version != RC_ABI_VERSION) {
        snprintf(msg, n, "%s: built for ABI %u, this harness speaks %d; rebuild the adapter "
                 "against this harness's include/rope_conform/adapter.h", path,
                 (unsigned)ad->abi_version, RC_ABI_VERSION);
        return;
    }
    if (ad->struct_size < RC_ADAPTER_V1_SIZE) {
        snprintf(msg, n, "%s: struct_size %u is smaller than the ABI %d table (%zu bytes); "
                 "set struct_size = sizeof(rc_adapter)", path, (unsigned)ad->struct_size,
                 RC_ABI_VERSION, (size_t)RC_ADAPTER_V1_SIZE);
        return;
    }
    const char *missing = !ad->init ? "init" : !ad->fini ? "fini" : !ad->supports ? "supports"
                        : !ad->apply ? "apply" : !ad->last_error ? "last_error" : NULL;
    if (missing) {
        snprintf(msg, n, "%s: required function %s is NULL; init, fini, supports, apply and "
                 "last_error must all be set (see docs/abi.md)", path, missing);
        return;
    }
    if (!ad->name)
        snprintf(msg, n, "%s: name is NULL; set name to a short identifier", path);
}

/* dlopen + dlsym + entry call + checks.  Returns the handle and table on
 * success; otherwise NULL with the message in msg.  Runs in both the probe
 * child and, once the probe passed, in the parent. */
static void *open_and_check(const char *path, const char *dlpath, const rc_adapter **out,
                            volatile int *stage, char *msg, size_t n)
{
    *stage = PROBE_DLOPEN;
    dlerror();
    void *dl = dlopen(dlpath, RTLD_NOW | RTLD_LOCAL);
    if (!dl) {
        const char *e = dlerror();
        char why[512];
        snprintf(why, sizeof why, "%s", e ? e : "unknown dlopen error");
        one_line(why);
        if (strchr(path, '/') || access(dlpath, F_OK) == 0)
            snprintf(msg, n, "%s: not a loadable shared object (%s); build the candidate with "
                     "-shared -fPIC for this machine", path, why);
        else
            snprintf(msg, n, "%s: no such file, and the dynamic linker found no library of "
                     "that name (%s); give the path to the candidate", path, why);
        return NULL;
    }
    *stage = PROBE_ENTRY;
    dlerror();
    void *sym = dlsym(dl, RC_ADAPTER_SYMBOL);
    if (!sym || dlerror()) {
        snprintf(msg, n, "%s: symbol " RC_ADAPTER_SYMBOL " not found; is this an adapter? "
                 "see docs/abi.md", path);
        dlclose(dl);
        return NULL;
    }
    rc_adapter_entry_fn entry;
    memcpy(&entry, &sym, sizeof entry); /* object-to-function pointer, POSIX-sanctioned */
    const rc_adapter *ad = entry();
    *stage = PROBE_CHECK;
    check_table(ad, path, msg, n);
    if (msg[0]) {
        dlclose(dl);
        return NULL;
    }
    *out = ad;
    return dl;
}

static void probe_child(const char *path, const char *dlpath, probe_page *pg)
{
    struct rlimit nocore = {0, 0};
    setrlimit(RLIMIT_CORE, &nocore);
    /* Die by the signal itself so the parent sees which one (sanitizer
     * runtimes would otherwise turn it into exit(1)). */
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_DFL;
        sigaction(sigs[i], &sa, NULL);
    }
    const rc_adapter *ad = NULL;
    char msg[sizeof pg->msg];
    msg[0] = '\0';
    open_and_check(path, dlpath, &ad, &pg->stage, msg, sizeof msg);
    memcpy(pg->msg, msg, sizeof msg);
    pg->done = 1;
    _exit(0); /* skip the candidate's destructors and atexit handlers */
}

/* Runs the probe; 0 when the candidate may be loaded here, else -1 with err. */
static int probe(const char *path, const char *dlpath, char *err, size_t errlen)
{
    probe_page *pg = mmap(NULL, sizeof *pg, PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (pg == MAP_FAILED) {
        snprintf(err, errlen, "%s: cannot check the candidate: mmap: %s", path, strerror(errno));
        return -1;
    }
    memset(pg, 0, sizeof *pg);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "%s: cannot check the candidate: fork: %s", path, strerror(errno));
        munmap(pg, sizeof *pg);
        return -1;
    }
    if (pid == 0)
        probe_child(path, dlpath, pg);

    int status = 0, timed_out = 0;
    const int64_t deadline = rc_now_ns() + (int64_t)(RC_PROBE_TIMEOUT_S * 1e9);
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR))
            break;
        if (rc_now_ns() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            timed_out = 1;
            break;
        }
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }

    const char *where = pg->stage == PROBE_DLOPEN ? "while being loaded (in a constructor)"
                      : pg->stage == PROBE_ENTRY ? "in " RC_ADAPTER_SYMBOL "()"
                      : "while its table was read (bad table pointer?)";
    const char *advice = pg->stage == PROBE_DLOPEN
        ? "check the library's constructors and static initialisers"
        : "the entry function must only return a pointer to a static table";
    int rc = -1;
    if (timed_out)
        snprintf(err, errlen, "%s: hung %s, killed after %.0f s; %s", path, where,
                 RC_PROBE_TIMEOUT_S, advice);
    else if (pg->done && pg->msg[0])
        snprintf(err, errlen, "%s", pg->msg);
    else if (pg->done)
        rc = 0;
    else if (WIFSIGNALED(status))
        snprintf(err, errlen, "%s: crashed %s with %s; %s", path, where,
                 rc_signal_name(WTERMSIG(status)), advice);
    else
        snprintf(err, errlen, "%s: exited with status %d %s; %s", path,
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1, where, advice);
    munmap(pg, sizeof *pg);
    return rc;
}

int rc_candidate_load(const char *path, rc_candidate *c, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (errlen)
        err[0] = '\0';
    if (!path || !path[0]) {
        snprintf(err, errlen, "(empty path): no candidate given; pass the path to a candidate "
                 "shared object");
        return -1;
    }
    if (strlen(path) >= sizeof c->path) {
        snprintf(err, errlen, "%.64s...: path too long (%zu bytes, limit %zu)", path,
                 strlen(path), sizeof c->path - 1);
        return -1;
    }
    snprintf(c->path, sizeof c->path, "%s", path);

    /* dlopen treats a bare name as a library to search for; an existing file
     * in the working directory is what a user means, so prefer it. */
    char dlpath[sizeof c->path + 2];
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (strchr(path, '/')) {
        if (!exists) {
            snprintf(err, errlen, "%s: file does not exist; check the path to the candidate "
                     "shared object", path);
            return -1;
        }
        snprintf(dlpath, sizeof dlpath, "%s", path);
    } else {
        snprintf(dlpath, sizeof dlpath, exists ? "./%s" : "%s", path);
    }

    if (probe(path, dlpath, err, errlen) != 0)
        return -1;

    const rc_adapter *ad = NULL;
    volatile int stage = 0;
    char msg[768];
    msg[0] = '\0';
    void *dl = open_and_check(path, dlpath, &ad, &stage, msg, sizeof msg);
    if (!dl) {
        snprintf(err, errlen, "%s", msg);
        return -1;
    }
    c->dl = dl;
    c->ad = ad;
    size_t n = ad->struct_size < sizeof c->table ? ad->struct_size : sizeof c->table;
    memset(&c->table, 0, sizeof c->table);
    memcpy(&c->table, ad, n);
    return 0;
}

void rc_candidate_unload(rc_candidate *c)
{
    if (c && c->dl)
        dlclose(c->dl);
    if (c) {
        c->dl = NULL;
        c->ad = NULL;
    }
}
