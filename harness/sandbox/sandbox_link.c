/* The parent's end of one worker: fork it, send it a command with its
 * payload, and wait for the one reply that answers it while draining the
 * candidate's stdout/stderr, watching the worker's death and charging it
 * CPU and wall time.  Every deadline is kept here, from what this process
 * observes; nothing the worker writes can move it. */
#define _GNU_SOURCE /* pipe2, SYS_pidfd_open */
#include "sandbox_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Workers this process started for a candidate shared object, and the
 * inits it asked of them (the run reports both). */
static long g_starts, g_inits;

void rc_link_note_init(void)
{
    g_inits++;
}

void rc_sandbox_counts(long *starts, long *inits)
{
    *starts = g_starts;
    *inits = g_inits;
}

/* Process groups of this process's live workers, for rc_sandbox_kill_all. */
#define MAX_LIVE 64
static volatile pid_t g_live[MAX_LIVE];

static void live_add(pid_t p)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (!g_live[i]) {
            g_live[i] = p;
            return;
        }
}

static void live_del(pid_t p)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (g_live[i] == p)
            g_live[i] = 0;
}

void rc_sandbox_kill_all(void)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (g_live[i] > 0)
            kill(-g_live[i], SIGKILL);
}

static int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    return -1;
#endif
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

int rc_link_spawn(rc_link *l, const rc_candidate *c, const rc_limits *lim)
{
    memset(l, 0, sizeof *l);
    l->cmd_fd = l->rep_fd = l->out_fd = l->pid_fd = -1;
    int cmdp[2], repp[2], outp[2];
    if (pipe2(cmdp, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(repp, O_CLOEXEC) != 0 || pipe2(outp, O_CLOEXEC) != 0) {
        close(cmdp[0]);
        close(cmdp[1]);
        return -1;
    }
    /* no process of the candidate may read or write this one's memory */
    prctl(PR_SET_DUMPABLE, 0);
    fflush(NULL);
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        rc_worker_boot b = {c, lim, parent, cmdp[0], repp[1], outp[1]};
        rc_worker_main(&b);
    }
    close(cmdp[0]);
    close(repp[1]);
    close(outp[1]);
    if (pid < 0) {
        int e = errno;
        close(cmdp[1]);
        close(repp[0]);
        close(outp[0]);
        errno = e;
        return -1;
    }
    setpgid(pid, pid); /* also done by the child: no race either way */
    live_add(pid);
    g_starts += !c->builtin;
    l->pid = pid;
    l->cmd_fd = cmdp[1];
    l->rep_fd = repp[0];
    l->out_fd = outp[0];
    fcntl(l->cmd_fd, F_SETFL, O_NONBLOCK);
    fcntl(l->rep_fd, F_SETFL, O_NONBLOCK);
    fcntl(l->out_fd, F_SETFL, O_NONBLOCK);
    l->pid_fd = open_pidfd(pid);
    l->have_cpu_clock = clock_getcpuclockid(pid, &l->cpu_clock) == 0;
    return 0;
}

/* An adopted worker (another process of this run spawned it) cannot be
 * waited for here: once it has ended it stays a zombie until its parent
 * reaps it after this process is done, and its wait status is the last
 * field of /proc/PID/stat.  1 with *status when it has ended. */
static int zombie_status(pid_t pid, int *status)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) { /* gone: its parent reaped it, or no /proc */
        *status = SIGKILL;
        return 1;
    }
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *st = strrchr(buf, ')'); /* the name may hold anything */
    if (!st || (st[2] != 'Z' && st[2] != 'X'))
        return 0;
    const char *last = strrchr(buf, ' ');
    *status = last ? atoi(last + 1) : SIGKILL;
    return 1;
}

static int worker_exited(rc_link *l)
{
    if (l->adopted) {
        if (!l->reaped && zombie_status(l->pid, &l->status))
            l->reaped = 1;
        return l->reaped;
    }
    pid_t r = waitpid(l->pid, &l->status, WNOHANG);
    if (r == l->pid || (r < 0 && errno == ECHILD))
        l->reaped = 1;
    return l->reaped;
}

static void reap(rc_link *l)
{
    if (!l->pid || l->reaped)
        return;
    if (l->adopted) { /* killed before this is called: it ends at once */
        for (int i = 0; i < 10000 && !worker_exited(l); i++) {
            struct timespec ts = {0, 1000000};
            nanosleep(&ts, NULL);
        }
        l->reaped = 1;
        return;
    }
    while (waitpid(l->pid, &l->status, 0) < 0 && errno == EINTR)
        ;
    l->reaped = 1;
}

static void forget(rc_link *l)
{
    live_del(l->pid);
    close_fd(&l->cmd_fd);
    close_fd(&l->rep_fd);
    close_fd(&l->out_fd);
    close_fd(&l->pid_fd);
}

void rc_link_kill(rc_link *l)
{
    if (!l->pid)
        return;
    kill(-l->pid, SIGKILL);
    kill(l->pid, SIGKILL);
    reap(l);
    forget(l);
}

void rc_link_close(rc_link *l, double grace_s)
{
    if (!l->pid)
        return;
    close_fd(&l->cmd_fd);
    int64_t end = rc_now_ns() + (int64_t)(grace_s * 1e9);
    while (!worker_exited(l)) {
        if (rc_now_ns() > end)
            break;
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    kill(-l->pid, SIGKILL); /* whatever it forked goes with it */
    if (!l->reaped)
        kill(l->pid, SIGKILL);
    reap(l);
    forget(l);
}

static double cpu_now(const rc_link *l)
{
    struct timespec ts;
    if (!l->have_cpu_clock || clock_gettime(l->cpu_clock, &ts) != 0)
        return -1.0;
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void drain_output(rc_link *l, rc_capture *cap)
{
    char buf[16384];
    for (;;) {
        ssize_t r = read(l->out_fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return;
        size_t room = sizeof cap->text - 1 - cap->kept;
        size_t take = (size_t)r < room ? (size_t)r : room;
        memcpy(cap->text + cap->kept, buf, take);
        cap->kept += take;
        cap->text[cap->kept] = '\0';
        cap->total += (uint64_t)r;
    }
}

/* The receiving half of a transaction. */
typedef struct rx {
    rc_rep *rep;
    size_t hdr_got;
    unsigned char *out;
    size_t expect, out_got;
    int complete, garbage;
} rx;

static void receive(rc_link *l, rx *x, uint32_t seq)
{
    while (!x->complete && !x->garbage) {
        void *dst;
        size_t want;
        if (x->hdr_got < sizeof *x->rep) {
            dst = (char *)x->rep + x->hdr_got;
            want = sizeof *x->rep - x->hdr_got;
        } else {
            dst = x->out + x->out_got;
            want = x->expect - x->out_got;
        }
        ssize_t r = read(l->rep_fd, dst, want);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return;
        if (x->hdr_got < sizeof *x->rep) {
            x->hdr_got += (size_t)r;
            if (x->hdr_got < sizeof *x->rep)
                continue;
            const rc_rep *h = x->rep;
            int with_out = h->type == RC_REP_DONE || h->type == RC_REP_READY;
            if (h->magic != RC_PROTO_MAGIC || h->seq != seq || h->type < RC_REP_READY ||
                h->type > RC_REP_EXIT || (h->out_bytes && (!with_out || h->out_bytes != x->expect)))
                x->garbage = 1;
            else if (h->type == RC_REP_FAULT || h->type == RC_REP_EXIT)
                return; /* the worker's last words: its death follows */
            else
                x->complete = h->out_bytes == 0;
        } else {
            x->out_got += (size_t)r;
            x->complete = x->out_got == x->expect;
        }
    }
}

/* The sending half: header and payload pieces, as the pipe takes them. */
typedef struct tx {
    const rc_piece *pieces;
    int n, at;
    size_t off;
} tx;

static int send_some(rc_link *l, tx *t)
{
    while (t->at < t->n) {
        const rc_piece *p = &t->pieces[t->at];
        if (t->off == p->n) {
            t->at++;
            t->off = 0;
            continue;
        }
        ssize_t w = write(l->cmd_fd, (const char *)p->p + t->off, p->n - t->off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno == EAGAIN)
            return 0;
        if (w <= 0)
            return -1; /* the worker is gone; its death tells why */
        t->off += (size_t)w;
    }
    return 0;
}

#define MAX_PIECES 8

static rc_await exchange(rc_link *l, const rc_cmd *cmd, const rc_piece *pay, int npay,
                         uint32_t seq, rc_rep *rep, void *out, size_t expect_out, double cpu_s,
                         double wall_s, rc_capture *cap, double *secs);

rc_await rc_link_transact(rc_link *l, const rc_cmd *cmd, const rc_piece *pay, int npay,
                          rc_rep *rep, void *out, size_t expect_out, double cpu_s,
                          double wall_s, rc_capture *cap, double *secs)
{
    return exchange(l, cmd, pay, npay, cmd ? cmd->seq : 0, rep, out, expect_out, cpu_s, wall_s,
                    cap, secs);
}

rc_await rc_link_await(rc_link *l, uint32_t seq, rc_rep *rep, void *out, size_t expect_out,
                       double cpu_s, double wall_s, rc_capture *cap, double *secs)
{
    return exchange(l, NULL, NULL, 0, seq, rep, out, expect_out, cpu_s, wall_s, cap, secs);
}

int rc_link_post(rc_link *l, const rc_cmd *cmd)
{
    /* a header is far below PIPE_BUF and the pipe is new: all or nothing.
     * A worker that already died makes it EPIPE, never a SIGPIPE here. */
    sigset_t pipe_sig, old;
    sigemptyset(&pipe_sig);
    sigaddset(&pipe_sig, SIGPIPE);
    sigprocmask(SIG_BLOCK, &pipe_sig, &old);
    ssize_t w = write(l->cmd_fd, cmd, sizeof *cmd);
    if (w < 0 && errno == EPIPE) {
        struct timespec zero = {0, 0};
        sigtimedwait(&pipe_sig, NULL, &zero);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return w == (ssize_t)sizeof *cmd ? 0 : -1;
}

double rc_link_cpu(const rc_link *l)
{
    return cpu_now(l);
}

void rc_link_adopt(rc_link *l)
{
    l->adopted = 1;
}

void rc_link_release(rc_link *l)
{
    close_fd(&l->cmd_fd);
    close_fd(&l->rep_fd);
    close_fd(&l->out_fd);
    close_fd(&l->pid_fd);
}

void rc_link_drop(rc_link *l)
{
    forget(l);
}

void rc_link_reap_released(pid_t pid)
{
    if (pid <= 0)
        return;
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    live_del(pid);
}

static rc_await exchange(rc_link *l, const rc_cmd *cmd, const rc_piece *pay, int npay,
                         uint32_t seq, rc_rep *rep, void *out, size_t expect_out, double cpu_s,
                         double wall_s, rc_capture *cap, double *secs)
{
    rc_piece pieces[MAX_PIECES + 1];
    tx t = {pieces, 0, 0, 0};
    if (cmd) {
        pieces[t.n++] = (rc_piece){cmd, sizeof *cmd};
        for (int i = 0; i < npay && i < MAX_PIECES; i++)
            pieces[t.n++] = pay[i];
    }
    memset(rep, 0, sizeof *rep);
    rx x = {rep, 0, out, expect_out, 0, 0, 0};
    const int64_t t0 = rc_now_ns();
    const double c0 = cpu_now(l);
    rc_await result = RC_AWAIT_DIED;
    /* with a pidfd, only ask for the worker's status once poll said it
     * ended: a waitpid per reply is the costliest call of a run */
    int ended = l->pid_fd < 0, printed = 0;
    for (;;) {
        if (t.at < t.n && send_some(l, &t) != 0)
            t.at = t.n;
        receive(l, &x, seq);
        if (printed || x.complete || x.garbage)
            drain_output(l, cap);
        if (x.complete || x.garbage) {
            result = x.complete ? RC_AWAIT_REPLY : RC_AWAIT_PROTOCOL;
            break;
        }
        if ((ended || l->pid_fd < 0) && worker_exited(l)) {
            receive(l, &x, seq); /* its last words, if any */
            drain_output(l, cap);
            result = x.complete ? RC_AWAIT_REPLY : RC_AWAIT_DIED;
            break;
        }
        /* the CPU clock of another process is a system call: not read
         * before the call has had 1 ms, less than any CPU limit */
        double wall = (double)(rc_now_ns() - t0) * 1e-9;
        double c1 = wall > 0.001 || cpu_s < 0.01 ? cpu_now(l) : c0;
        if (wall > wall_s || (c0 >= 0 && c1 >= 0 && c1 - c0 > cpu_s)) {
            result = RC_AWAIT_TIMEOUT;
            break;
        }
        struct pollfd pf[4] = {{l->rep_fd, POLLIN, 0}, {l->out_fd, POLLIN, 0},
                               {l->pid_fd, POLLIN, 0}, {l->cmd_fd, POLLOUT, 0}};
        int nfd = t.at < t.n ? 4 : 3;
        double left = wall_s - wall;
        int ms = left < 0.05 ? (int)(left * 1000) + 1 : 50;
        poll(pf, (nfds_t)nfd, l->pid_fd >= 0 ? ms : (ms < 5 ? ms : 5));
        ended = pf[2].revents != 0;
        printed = pf[1].revents != 0;
    }
    if (secs)
        *secs = (double)(rc_now_ns() - t0) * 1e-9;
    if (result == RC_AWAIT_TIMEOUT || result == RC_AWAIT_PROTOCOL)
        rc_link_kill(l);
    else if (result == RC_AWAIT_DIED) {
        reap(l);
        kill(-l->pid, SIGKILL);
        forget(l);
    }
    return result;
}
