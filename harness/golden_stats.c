/* Opt-in engine statistics for benchmarks: with RC_GOLDEN_STATS set in the
 * environment, the process prints on exit the time spent inside the
 * golden's public entry points and how many outputs the fast path decided
 * (bench/run reads the line).  Costs nothing when unset. */
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "golden_internal.h"

static struct {
    int state; /* 0 unknown, 1 off, 2 on */
    pid_t pid;
    double seconds;
    long engines, fast, fallback, unproven, rows, row_hits;
} st;

static void report(void)
{
    if (getpid() != st.pid) /* a forked child exiting */
        return;
    const long n = st.fast + st.fallback;
    struct rusage self, kids;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &kids); /* the sandboxed candidate calls */
#define CPU(r) ((double)(r).ru_utime.tv_sec + (double)(r).ru_stime.tv_sec + \
                1e-6 * (double)((r).ru_utime.tv_usec + (r).ru_stime.tv_usec))
    fprintf(stderr, "golden-stats: cpu harness+golden %.3f s, cpu sandbox children %.3f s\n",
            CPU(self), CPU(kids));
#undef CPU
    fprintf(stderr,
            "golden-stats: time %.3f s, engines %ld, outputs via Ziv test %ld, fast %ld, "
            "fallback %ld (%.5f%%), unproven %ld, cos/sin rows %ld computed, %ld reused\n",
            st.seconds, st.engines, n, st.fast, st.fallback,
            n ? 100.0 * (double)st.fallback / (double)n : 0.0, st.unproven, st.rows, st.row_hits);
}

int rc_golden_stats_on(void)
{
    if (st.state == 0) {
        st.state = getenv("RC_GOLDEN_STATS") ? 2 : 1;
        if (st.state == 2) {
            st.pid = getpid();
            atexit(report);
        }
    }
    return st.state == 2;
}

double rc_golden_stats_clock(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

void rc_golden_stats_time(double seconds) { st.seconds += seconds; }

void rc_golden_stats_engine(const rc_golden *g)
{
    if (!rc_golden_stats_on())
        return;
    long rows, hits;
    rc_fcs_cache_stats(g->fcache, &rows, &hits);
    st.engines++;
    st.fast += g->n_fast;
    st.fallback += g->n_fallback;
    st.unproven += g->unproven;
    st.rows += rows;
    st.row_hits += hits;
}
