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
    long engines, unproven, rows, row_upgrades, row_hits;
    rc_golden_stage_stats st;
} st;

static void report(void)
{
    if (getpid() != st.pid) /* a forked child exiting */
        return;
    const rc_golden_stage_stats *s = &st.st;
    struct rusage self, kids;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &kids); /* the sandboxed candidate calls */
#define CPU(r) ((double)(r).ru_utime.tv_sec + (double)(r).ru_stime.tv_sec + \
                1e-6 * (double)((r).ru_utime.tv_usec + (r).ru_stime.tv_usec))
    fprintf(stderr, "golden-stats: cpu harness+golden %.3f s, cpu sandbox children %.3f s\n",
            CPU(self), CPU(kids));
#undef CPU
    fprintf(stderr,
            "golden-stats: cpu golden %.3f s, engines %ld, decided/tried: double %ld/%ld, "
            "double-double rows %ld/%ld, double-double %ld/%ld, then MPFR %ld, unproven %ld, "
            "cos/sin rows %ld computed, %ld upgraded, %ld reused\n",
            st.seconds, st.engines, s->dbl_ok, s->dbl_try, s->lite_ok, s->lite_try, s->dd_ok,
            s->dd_try, s->mpfr, st.unproven, st.rows, st.row_upgrades, st.row_hits);
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
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* CPU time: load does not inflate it */
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

void rc_golden_stats_time(double seconds) { st.seconds += seconds; }

void rc_golden_stage_stats_add(rc_golden_stage_stats *sum, const rc_golden_stage_stats *s)
{
    sum->dbl_try += s->dbl_try;
    sum->dbl_ok += s->dbl_ok;
    sum->lite_try += s->lite_try;
    sum->lite_ok += s->lite_ok;
    sum->dd_try += s->dd_try;
    sum->dd_ok += s->dd_ok;
    sum->mpfr += s->mpfr;
}

void rc_golden_stats_engine(const rc_golden *g)
{
    if (!rc_golden_stats_on())
        return;
    long rows, ups, hits;
    rc_fcs_cache_stats(g->fcache, &rows, &ups, &hits);
    st.engines++;
    rc_golden_stage_stats_add(&st.st, &g->st);
    st.unproven += g->unproven;
    st.rows += rows;
    st.row_upgrades += ups;
    st.row_hits += hits;
}
