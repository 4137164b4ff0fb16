/* Small utilities under every other sandbox file: clocks, names, sizes and
 * whole-buffer pipe I/O. */
#include "sandbox_impl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
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
                                  "cos_sin", "fini", "load", "load", "load"};
    return phase >= 0 && phase <= RC_PH_LOAD_TABLE ? names[phase] : "sandbox";
}

int rc_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

int rc_read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n) {
        ssize_t r = read(fd, c, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}
