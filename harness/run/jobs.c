/* Parallel workers over pipes (jobs.h).  Wire format on a worker's pipe:
 * lines "P <done> <failed>\n" while it runs, then "J <bytes>\n" and its
 * results as a JSON report. */
#define _GNU_SOURCE
#include "jobs.h"
#include "diagnose.h"
#include "report.h"
#include "shard.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_JOBS 256
static volatile pid_t g_jobs[MAX_JOBS];

static void on_signal(int sig)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (g_jobs[i] > 0)
            kill(g_jobs[i], SIGKILL);
    rc_sandbox_kill_all();
    _exit(128 + sig);
}

void rc_signals_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN); /* a dead worker's pipe is an error, not a death */
}

/* ---- the worker ---- */

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void say(int fd, char tag, size_t a, size_t b)
{
    char line[64];
    int n = tag == 'J' ? snprintf(line, sizeof line, "J %zu\n", a)
                       : snprintf(line, sizeof line, "%c %zu %zu\n", tag, a, b);
    write_all(fd, line, (size_t)n);
}

/* Job k's sandbox: the one started for it (its worker already in init)
 * when there is one; the inherited copies of later jobs' are dropped
 * (earlier ones were released before this job was forked). */
static rc_sandbox *job_sandbox(rc_ctx *ctx, rc_sandbox **warm, int k, int jobs,
                               const rc_limits *lim)
{
    for (int i = 0; warm && i < jobs; i++)
        if (i != k)
            rc_sandbox_drop(warm[i]);
    if (warm && warm[k]) {
        rc_sandbox_adopt(warm[k]);
        return warm[k];
    }
    return rc_sandbox_open(&ctx->cand, lim);
}

static _Noreturn void job_main(rc_ctx *ctx, rc_plan *plan, int k, int jobs, const rc_limits *lim,
                               rc_sandbox **warm, int diagnose, const rc_run_info *info, int fd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (int i = 0; i < MAX_JOBS; i++)
        g_jobs[i] = 0;
    long starts0, inits0, starts, inits;
    rc_sandbox_counts(&starts0, &inits0);
    rc_plan_shard(plan, k + 1, jobs);
    rc_results res;
    memset(&res, 0, sizeof res);
    res.info = *info;
    rc_exec_state st = {job_sandbox(ctx, warm, k, jobs, lim), NULL, 0, 0, diagnose,
                        RC_EXEC_KEEP_FAILED_BYTES};
    char err[256];
    int rc = st.sb ? 0 : -1;
    size_t at = 0;
    while (rc == 0 && at < plan->n) {
        size_t next = at + 16 < plan->n ? at + 16 : plan->n;
        rc = rc_execute_cases(ctx, plan, at, next, &st, &res, err, sizeof err);
        say(fd, 'P', st.done, st.failed);
        at = next;
    }
    rc_call_result fini;
    if (st.sb && rc_sandbox_close_ex(st.sb, &fini))
        rc_execute_fini_result(&fini, &res);
    rc_diagnose_release(ctx);
    rc_sandbox_counts(&starts, &inits);
    say(fd, 'W', (size_t)(starts - starts0), (size_t)(inits - inits0));
    char *json = rc == 0 ? rc_report_json_string(&res) : NULL;
    if (json) {
        size_t n = strlen(json);
        say(fd, 'J', n, 0);
        write_all(fd, json, n);
    }
    _exit(json ? 0 : 3);
}

/* ---- the parent ---- */

typedef struct job {
    pid_t pid;
    int fd;
    char line[64];
    size_t line_len;
    char *json;
    size_t json_len, json_got;
    size_t done, failed;
    size_t starts, inits;    /* its workers started, inits asked        */
    pid_t handed;            /* the worker started here that it adopted */
    int eof;
} job;

/* Consume what a worker sent; -1 on a malformed stream. */
static int take(job *j, const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (j->json) {
            size_t m = n - i < j->json_len - j->json_got ? n - i : j->json_len - j->json_got;
            memcpy(j->json + j->json_got, buf + i, m);
            j->json_got += m;
            i += m - 1;
            continue;
        }
        if (buf[i] != '\n') {
            if (j->line_len + 1 >= sizeof j->line)
                return -1;
            j->line[j->line_len++] = buf[i];
            continue;
        }
        j->line[j->line_len] = '\0';
        j->line_len = 0;
        size_t a, b;
        if (sscanf(j->line, "P %zu %zu", &a, &b) == 2) {
            j->done = a;
            j->failed = b;
        } else if (sscanf(j->line, "W %zu %zu", &a, &b) == 2) {
            j->starts = a;
            j->inits = b;
        } else if (sscanf(j->line, "J %zu", &a) == 1 && a < ((size_t)1 << 34)) {
            j->json = malloc(a + 1);
            if (!j->json)
                return -1;
            j->json[a] = '\0';
            j->json_len = a;
        } else {
            return -1;
        }
    }
    return 0;
}

static void report_progress(job *js, int jobs, rc_progress *p)
{
    size_t d = 0, f = 0;
    for (int k = 0; k < jobs; k++) {
        d += js[k].done;
        f += js[k].failed;
    }
    if (p)
        rc_progress_update(p, d, f, "");
}

static int pump(job *js, int jobs, rc_progress *progress)
{
    char buf[65536];
    for (;;) {
        struct pollfd pf[MAX_JOBS];
        int live = 0;
        for (int k = 0; k < jobs; k++) {
            pf[k].fd = js[k].eof ? -1 : js[k].fd;
            pf[k].events = POLLIN;
            pf[k].revents = 0;
            live += !js[k].eof;
        }
        if (!live)
            return 0;
        if (poll(pf, (nfds_t)jobs, 1000) < 0 && errno != EINTR)
            return -1;
        for (int k = 0; k < jobs; k++) {
            if (!pf[k].revents)
                continue;
            ssize_t r = read(js[k].fd, buf, sizeof buf);
            if (r < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (r <= 0)
                js[k].eof = 1;
            else if (take(&js[k], buf, (size_t)r) != 0)
                js[k].eof = -1;
        }
        report_progress(js, jobs, progress);
    }
}

static int gather(job *js, int jobs, rc_results *results, char *err, size_t errlen)
{
    rc_run_info keep = results->info; /* parsing sets the info of each */
    for (int k = 0; k < jobs; k++) {
        int status = 0;
        while (waitpid(js[k].pid, &status, 0) < 0 && errno == EINTR)
            ;
        g_jobs[k] = 0;
        if (!js[k].json || js[k].json_got != js[k].json_len || js[k].eof < 0) {
            snprintf(err, errlen, "worker %d of %d ended without its results (%s %d)", k + 1, jobs,
                     WIFSIGNALED(status) ? "signal" : "exit status",
                     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
            return -1;
        }
        char source[32];
        snprintf(source, sizeof source, "worker %d", k + 1);
        int rc = rc_report_parse_json(js[k].json, source, results, NULL, err, errlen);
        free(js[k].json); /* a level-3 job's text is tens of MiB */
        js[k].json = NULL;
        if (rc != 0) {
            results->info = keep;
            return -1;
        }
    }
    results->info = keep;
    for (int k = 0; k < jobs; k++) {
        results->info.worker_starts += (int64_t)js[k].starts;
        results->info.worker_inits += (int64_t)js[k].inits;
    }
    rc_results_plan_order(results);
    return 0;
}

/* Sandboxes started for jobs that were never forked. */
static void close_unused(rc_sandbox **warm, int from, int jobs)
{
    for (int k = from; warm && k < jobs; k++) {
        rc_sandbox_close(warm[k]);
        warm[k] = NULL;
    }
}

int rc_jobs_run(rc_ctx *ctx, rc_plan *plan, int jobs, const rc_limits *lim, rc_sandbox **warm,
                int diagnose, rc_progress *progress, rc_results *results, char *err,
                size_t errlen)
{
    if (jobs > MAX_JOBS) {
        close_unused(warm, MAX_JOBS, jobs);
        jobs = MAX_JOBS;
    }
    job *js = calloc((size_t)jobs, sizeof *js);
    if (!js) {
        close_unused(warm, 0, jobs);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = -1, started = 0;
    fflush(NULL);
    for (; started < jobs; started++) {
        int p[2];
        if (pipe2(p, O_CLOEXEC) != 0) {
            snprintf(err, errlen, "pipe: %s", strerror(errno));
            goto out;
        }
        pid_t pid = fork();
        if (pid == 0) {
            for (int k = 0; k < started; k++)
                close(js[k].fd);
            close(p[0]);
            job_main(ctx, plan, started, jobs, lim, warm, diagnose, &results->info, p[1]);
        }
        close(p[1]);
        if (pid < 0) {
            close(p[0]);
            snprintf(err, errlen, "fork: %s", strerror(errno));
            goto out;
        }
        js[started].pid = g_jobs[started] = pid;
        js[started].fd = p[0];
        /* the job has the worker started for it: its descriptors go */
        if (warm) {
            js[started].handed = rc_sandbox_release(warm[started]);
            warm[started] = NULL;
        }
    }
    if (pump(js, jobs, progress) != 0)
        snprintf(err, errlen, "poll: %s", strerror(errno));
    else
        rc = gather(js, jobs, results, err, errlen);
out:
    close_unused(warm, started, jobs);
    for (int k = 0; k < started; k++) {
        if (g_jobs[k] > 0) {
            kill(js[k].pid, SIGKILL);
            waitpid(js[k].pid, NULL, 0);
            g_jobs[k] = 0;
        }
        rc_sandbox_reap_released(js[k].handed);
        close(js[k].fd);
        free(js[k].json);
    }
    free(js);
    return rc;
}
