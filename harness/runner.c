/* The conformance run: load the candidate, decide the rows, plan every
 * suite's cases, run each case's calls in the sandbox and judge them in a
 * Check suite (one Suite per conformance suite, one loop-test iteration per
 * case), then hand the results to the report writers.
 *
 * Check runs in no-fork mode here: candidate code is already isolated by the
 * sandbox, and staying in one process keeps the golden caches warm across
 * cases and suites. */
#include "run.h"
#include "diagnose.h"
#include "dtype.h"
#include "grid.h"
#include "judge.h"
#include "report.h"
#include "shard.h"
#include "variants.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Check's loop tests take only an index: the run they belong to lives here. */
static struct {
    rc_ctx *ctx;
    rc_plan *plan;
    rc_results *results;
    size_t done, executed;
    int hangs;               /* candidate calls that hit the time limit  */
    size_t (*ranges)[2];     /* [start, end) of each suite's cases       */
    size_t next_range;
    int progress;
} g_run;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void progress(const char *suite)
{
    if (!g_run.progress)
        return;
    size_t n = g_run.plan->n, d = g_run.done;
    int width = 30, fill = n ? (int)(d * (size_t)width / n) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu %-12s", fill, "##############################",
            width - fill, "", d, n, suite);
    if (d == n)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* Outputs staged per sandbox batch are bounded, so a level-3 run does not
 * hold every output of a suite in shared memory at once. */
#define RC_BATCH_MAX_CALLS 256
#define RC_BATCH_MAX_BYTES ((size_t)64 << 20)
/* After this many hung calls the candidate is not called again: each hang
 * costs a full --timeout, and a candidate that hangs everywhere must still
 * get its verdict (and its reports) in well under a minute. */
#define RC_MAX_HANGS 3

static size_t call_bytes(const rc_case_call *cc)
{
    if (cc->call.kind == RC_CALL_COS_SIN)
        return 2 * (size_t)cc->call.n_positions * (size_t)(cc->params.rotary_dim / 2) * 8;
    if (cc->call.kind == RC_CALL_SUPPORTS)
        return 0;
    return 2 * rc_tensor_span(&cc->in) * rc_dtype_size(cc->in.dtype);
}

/* Run the calls of cases [start, end) in as few children as the limits
 * allow: each case is its own group, so it starts from fresh candidate state
 * and a crash costs only the call that crashed.  Times are per call. */
static int execute_cases(rc_ctx *ctx, rc_plan *plan, size_t start, size_t end)
{
    rc_call calls[RC_BATCH_MAX_CALLS];
    rc_call_result out[RC_BATCH_MAX_CALLS];
    rc_case_call *owner[RC_BATCH_MAX_CALLS];
    size_t i = start;
    while (i < end) {
        size_t n = 0, bytes = 0;
        while (i < end) {
            rc_case *c = plan->cases[i];
            size_t cb = 0;
            for (int k = 0; k < c->n_calls; k++)
                cb += call_bytes(&c->calls[k]);
            if (n > 0 && (n + (size_t)c->n_calls > RC_BATCH_MAX_CALLS || bytes + cb > RC_BATCH_MAX_BYTES))
                break;
            for (int k = 0; k < c->n_calls; k++) {
                calls[n] = c->calls[k].call;
                calls[n].group = (int)i;
                owner[n++] = &c->calls[k];
            }
            bytes += cb;
            i++;
        }
        if (g_run.hangs >= RC_MAX_HANGS) {
            for (size_t k = 0; k < n; k++) {
                memset(&out[k], 0, sizeof out[k]);
                out[k].outcome = RC_OUTCOME_TIMEOUT;
                snprintf(out[k].message, sizeof out[k].message,
                         "not run: the candidate already hung in %d calls", g_run.hangs);
            }
        } else if (rc_sandbox_run_ex(&ctx->cand, calls, n, out, ctx->opts->timeout,
                                     RC_MAX_HANGS - g_run.hangs) != 0) {
            return -1;
        }
        for (size_t k = 0; k < n; k++) {
            owner[k]->res = out[k];
            if (out[k].outcome == RC_OUTCOME_TIMEOUT && strncmp(out[k].message, "not run", 7) != 0)
                g_run.hangs++;
        }
        g_run.executed = i;
    }
    return 0;
}

/* Unchecked fixture of each suite's TCase: runs that suite's candidate
 * calls before Check judges its cases (generation, execution and
 * verification stay separate steps). */
static void execute_next_suite(void)
{
    size_t s = g_run.next_range++;
    size_t start = g_run.ranges[s][0], end = g_run.ranges[s][1];
    int ok = execute_cases(g_run.ctx, g_run.plan, start, end) == 0;
    for (size_t i = start; i < end; i++)
        g_run.plan->cases[i]->executed = ok;
}

static void no_teardown(void) {}

START_TEST(conformance_case)
{
    rc_case *c = g_run.plan->cases[_i];
    rc_case_result *res = rc_results_add(g_run.results);
    ck_assert_msg(res != NULL, "out of memory");
    rc_judge_case(g_run.ctx, c, res);
    g_run.done++;
    progress(c->suite->name);
    ck_assert_msg(res->status != RC_STATUS_FAIL, "%s: %s", res->name, res->message);
}
END_TEST

static int selected(const rc_run_opts *o, const rc_suite_def *s)
{
    return !o->only_suite || strcmp(o->only_suite, s->name) == 0;
}

static void cpu_name(char *buf, size_t n)
{
    buf[0] = '\0';
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (p) {
                p += 1 + (p[1] == ' ');
                p[strcspn(p, "\n")] = '\0';
                snprintf(buf, n, "%s", p);
            }
            break;
        }
    }
    fclose(f);
}

static void list_plan(const rc_ctx *ctx, const rc_plan *plan)
{
    printf("rows (%zu supported, %zu declined by the candidate):\n", ctx->n_rows, ctx->n_unsupported);
    for (size_t i = 0; i < ctx->n_rows; i++)
        printf("  %s%s\n", ctx->rows[i].label, ctx->rows[i].primary ? "  (dense)" : "");
    const rc_suite_def *cur = NULL;
    for (size_t i = 0; i < plan->n; i++) {
        const rc_case *c = plan->cases[i];
        if (c->suite != cur) {
            cur = c->suite;
            printf("suite %s: %s\n", cur->name, cur->description);
        }
        printf("  %s\n", c->name);
    }
    printf("%zu cases\n", plan->n);
}

int rc_run(const rc_run_opts *opts)
{
    rc_run_opts local = *opts;   /* a worker redirects its own reports */
    const rc_run_opts *o = &local;
    int worker = 0;
    char worker_json[128];
    char err[1024];
    double t0 = now_seconds();
    time_t start = time(NULL);
    char started[32];
    strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", gmtime(&start));

    rc_config *fixed = NULL;
    if (o->config_path) {
        fixed = calloc(1, sizeof *fixed);
        if (!fixed) {
            fprintf(stderr, "rope-conform: out of memory\n");
            return 3;
        }
        int bad = rc_config_load(o->config_path, fixed, err, sizeof err) != 0;
        if (bad) /* the reader's message names the file */
            fprintf(stderr, "rope-conform: %s\n", err);
        else if ((bad = rc_params_validate(&fixed->params, err, sizeof err) != 0))
            fprintf(stderr, "rope-conform: %s: %s\n", o->config_path, err);
        if (bad) {
            free(fixed);
            return 2;
        }
    }
    if (!rc_profile_find(o->profile, RC_F32)) {
        fprintf(stderr, "rope-conform: unknown profile '%s' (known: %s)\n", o->profile, rc_profile_names());
        free(fixed);
        return 2;
    }

    rc_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.opts = o;
    if (rc_candidate_load(o->candidate, &ctx.cand, err, sizeof err) != 0) {
        fprintf(stderr, "rope-conform: %s\n", err);
        free(fixed);
        return 2;
    }
    ctx.has_backward = ctx.cand.table.backward != NULL;
    ctx.has_cos_sin = ctx.cand.table.cos_sin != NULL;
    if (fixed)
        ctx.max_position = fixed->params.max_position;
    else if (ctx.cand.table.default_params)
        ctx.max_position = ctx.cand.table.default_params->max_position;

    rc_results results;
    memset(&results, 0, sizeof results);
    char cpu[256], mpfr_v[64], gmp_v[64], cjson_v[64];
    cpu_name(cpu, sizeof cpu);
    snprintf(mpfr_v, sizeof mpfr_v, "%s", rc_version_mpfr());
    snprintf(gmp_v, sizeof gmp_v, "%s", rc_version_gmp());
    snprintf(cjson_v, sizeof cjson_v, "%s", rc_version_cjson());
    rc_run_info *info = &results.info;
    info->candidate_path = o->candidate;
    info->candidate_name = ctx.cand.table.name;
    info->candidate_version = ctx.cand.table.version ? ctx.cand.table.version : "";
    info->profile = o->profile;
    info->level = o->level;
    info->seed = o->seed;
    info->config_path = o->config_path;
    info->tool_version = RC_VERSION_STRING;
    info->mpfr_version = mpfr_v;
    info->gmp_version = gmp_v;
    info->cjson_version = cjson_v;
    info->cpu = cpu;
    info->started_utc = started;

    rc_plan plan;
    memset(&plan, 0, sizeof plan);
    int code = 3;
    if (rc_grid_build(&ctx, fixed, err, sizeof err) != 0) {
        snprintf(results.fatal, sizeof results.fatal, "could not ask the candidate what it supports: %.400s", err);
    } else if (ctx.n_rows == 0) {
        snprintf(results.fatal, sizeof results.fatal,
                 "the candidate declined every configuration and dtype it was offered%s%.400s",
                 err[0] ? ": " : "", err);
    } else if (err[0] && !o->quiet) {   /* declined model dtypes, a crash in supports() */
        fprintf(stderr, "rope-conform: note: %s\n", err);
    }
    if (!results.fatal[0]) {
        for (size_t s = 0; s < rc_n_suites; s++)
            if (selected(o, rc_suites[s]) && rc_suites[s]->plan(&ctx, &plan) != 0) {
                fprintf(stderr, "rope-conform: out of memory while planning suite %s\n", rc_suites[s]->name);
                goto done;
            }
    }
    if (o->shard_count > 1)
        rc_plan_shard(&plan, o->shard_index, o->shard_count);
    if (o->list_only) {
        if (results.fatal[0])
            fprintf(stderr, "rope-conform: %s\n", results.fatal);
        else
            list_plan(&ctx, &plan);
        code = results.fatal[0] ? 1 : 0;
        goto done;
    }
    if (!o->quiet)
        fprintf(stderr, "rope-conform %s: %s (%s %s), profile %s, level %d, seed %llu, %zu cases\n",
                RC_VERSION_STRING, o->candidate, info->candidate_name, info->candidate_version,
                o->profile, o->level, (unsigned long long)o->seed, plan.n);

    int gathered = 0;
    if (o->jobs > 1 && plan.n > 1) {
        worker = rc_run_workers(o, &plan, &results, worker_json, sizeof worker_json, err, sizeof err);
        if (worker < 0) {
            fprintf(stderr, "rope-conform: %s\n", err);
            goto done;
        }
        if (worker > 0) {
            local.json = worker_json;
            local.junit = local.markdown = local.baseline = local.check_xml = NULL;
            local.quiet = 1;
            local.progress = 0;
            local.jobs = 1;
        } else {
            gathered = 1;
        }
    }
    if (!gathered && plan.n > 0) {
        g_run.ctx = &ctx;
        g_run.plan = &plan;
        g_run.results = &results;
        g_run.done = 0;
        g_run.hangs = 0;
        g_run.progress = o->progress && !o->quiet;
        SRunner *sr = NULL;
        size_t start_i = 0, n_ranges = 0;
        g_run.ranges = calloc(rc_n_suites + 1, sizeof *g_run.ranges);
        g_run.next_range = 0;
        if (!g_run.ranges) {
            fprintf(stderr, "rope-conform: out of memory\n");
            goto done;
        }
        while (start_i < plan.n) {
            const rc_suite_def *sd = plan.cases[start_i]->suite;
            size_t end_i = start_i;
            while (end_i < plan.n && plan.cases[end_i]->suite == sd)
                end_i++;
            g_run.ranges[n_ranges][0] = start_i;
            g_run.ranges[n_ranges++][1] = end_i;
            Suite *s = suite_create(sd->name);
            TCase *tc = tcase_create("cases");
            tcase_add_unchecked_fixture(tc, execute_next_suite, no_teardown);
            tcase_add_loop_test(tc, conformance_case, (int)start_i, (int)end_i);
            suite_add_tcase(s, tc);
            if (!sr)
                sr = srunner_create(s);
            else
                srunner_add_suite(sr, s);
            start_i = end_i;
        }
        srunner_set_fork_status(sr, CK_NOFORK);
        if (o->check_xml)
            srunner_set_xml(sr, o->check_xml);
        srunner_run_all(sr, CK_SILENT);
        srunner_free(sr);
        rc_diagnose_run(&ctx, &plan, &results);
        free(g_run.ranges);
        g_run.ranges = NULL;
    }
    info->wall_seconds = now_seconds() - t0;

    if (gathered)   /* the workers' cases in plan order: one block for all */
        rc_diagnose_summarize(&results);
    code = rc_run_conclude(o, &results);
done:
    if (worker > 0) {
        /* a worker's whole output is its JSON report; the parent merges */
        fflush(NULL);
        _exit(code);
    }
    rc_plan_free(&plan);
    rc_results_free(&results);
    rc_ctx_free_goldens(&ctx);
    free(ctx.rows);
    rc_candidate_unload(&ctx.cand);
    free(fixed);
    return code;
}
