/* The conformance run as a plain pipeline with no global state:
 *
 *   load the candidate (in a child) -> rows -> plan -> execute and judge
 *   (in-process, or in --jobs workers) -> reports
 *
 * Candidate code runs only in sandbox children; this process keeps every
 * deadline, decides every outcome and writes every report. */
#include "run.h"
#include "runner.h"
#include "versions.h"
#include "suites.h"
#include "escape.h"
#include "errmodel.h"
#include "diagnose.h"
#include "execute.h"
#include "judge.h"
#include "grid.h"
#include "jobs.h"
#include "report.h"
#include "shard.h"
#include "sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define RC_MAX_WARM 256 /* as many as rc_jobs_run starts */

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

/* --config, read and validated before any candidate code runs. */
static int load_config(const rc_run_opts *o, rc_config **fixed)
{
    char err[1024];
    *fixed = NULL;
    if (!o->config_path)
        return 0;
    rc_config *c = calloc(1, sizeof *c);
    if (!c) {
        rc_errorf("rope-conform: out of memory");
        return 3;
    }
    int bad = rc_config_load(o->config_path, c, err, sizeof err) != 0;
    if (bad) /* the reader's message names the file */
        rc_errorf("rope-conform: %s", err);
    else if ((bad = rc_params_validate(&c->params, err, sizeof err) != 0))
        rc_errorf("rope-conform: %s: %s", o->config_path, err);
    if (bad) {
        free(c);
        return 2;
    }
    *fixed = c;
    return 0;
}

typedef struct run_text {
    char cpu[256], mpfr[64], gmp[64], cjson[64], started[32];
} run_text;

static void fill_info(const rc_run_opts *o, const rc_ctx *ctx, run_text *t, rc_run_info *info)
{
    time_t start = time(NULL);
    strftime(t->started, sizeof t->started, "%Y-%m-%dT%H:%M:%SZ", gmtime(&start));
    cpu_name(t->cpu, sizeof t->cpu);
    snprintf(t->mpfr, sizeof t->mpfr, "%s", rc_version_mpfr());
    snprintf(t->gmp, sizeof t->gmp, "%s", rc_version_gmp());
    snprintf(t->cjson, sizeof t->cjson, "%s", rc_version_cjson());
    info->candidate_path = o->candidate;
    info->candidate_name = ctx->cand.name;
    info->candidate_version = ctx->cand.version;
    info->profile = o->profile;
    info->level = o->level;
    info->seed = o->seed;
    info->config_path = o->config_path;
    info->tool_version = RC_VERSION_STRING;
    info->mpfr_version = t->mpfr;
    info->gmp_version = t->gmp;
    info->cjson_version = t->cjson;
    info->cpu = t->cpu;
    info->started_utc = t->started;
}

/* Everything that decides the run's cases, hashed: shards of one run have
 * the same identity, and nothing else does. */
static void run_identity(const rc_ctx *ctx, const rc_plan *plan, rc_run_info *info)
{
    const rc_run_opts *o = ctx->opts;
    size_t cap = 4096 + plan->n * 200, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return;
    len += (size_t)snprintf(buf, cap, "%s|%s|%s|%llu|%d|%s|%s|%s|%s|%s", RC_VERSION_STRING,
                            ctx->cand.name, ctx->cand.version, (unsigned long long)o->seed,
                            o->level, o->profile, o->config_path ? o->config_path : "",
                            o->only_suite ? o->only_suite : "", o->dtype_filter ? o->dtype_filter : "",
                            o->candidate);
    for (size_t i = 0; i < plan->n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "|%s/%s", plan->cases[i]->suite->name,
                                plan->cases[i]->name);
    char hex[65];
    rc_sha256_hex(buf, len < cap ? len : cap, hex);
    snprintf(info->run_id, sizeof info->run_id, "%.16s", hex);
    free(buf);
}

/* Rows, then every selected suite's cases; a candidate problem becomes
 * results->fatal.  0, or 3 when out of memory. */
static int make_plan(rc_ctx *ctx, const rc_config *fixed, rc_plan *plan, rc_results *results)
{
    char err[1024];
    err[0] = '\0';
    if (rc_grid_build(ctx, fixed, err, sizeof err) != 0) {
        snprintf(results->fatal, sizeof results->fatal,
                 "could not ask the candidate what it supports: %.400s", err);
    } else if (ctx->n_rows == 0) {
        snprintf(results->fatal, sizeof results->fatal,
                 "the candidate declined every configuration and dtype it was offered%s%.400s",
                 err[0] ? ": " : "", err);
    } else if (err[0] && !ctx->opts->quiet) {   /* declined model dtypes, a crash in supports() */
        rc_errorf("rope-conform: note: %s", err);
    }
    if (results->fatal[0])
        return 0;
    for (size_t s = 0; s < rc_n_suites; s++)
        if (selected(ctx->opts, rc_suites[s]) && rc_suites[s]->plan(ctx, plan) != 0) {
            rc_errorf("rope-conform: out of memory while planning suite %s", rc_suites[s]->name);
            return 3;
        }
    run_identity(ctx, plan, &results->info);
    results->info.shard_index = ctx->opts->shard_count > 1 ? ctx->opts->shard_index : 1;
    results->info.shard_count = ctx->opts->shard_count > 1 ? ctx->opts->shard_count : 1;
    if (ctx->opts->shard_count > 1)
        rc_plan_shard(plan, ctx->opts->shard_index, ctx->opts->shard_count);
    return 0;
}

/* With --jobs N, the workers of jobs 2..N are started before the plan is
 * made, so their candidates' inits run alongside the first worker's (which
 * the grid probe uses, and job 1 then adopts).  pool[0] stays NULL. */
static rc_sandbox **warm_pool(const rc_ctx *ctx)
{
    const rc_run_opts *o = ctx->opts;
    if (o->jobs <= 1 || o->list_only || o->limits.fresh)
        return NULL;
    rc_sandbox **pool = calloc((size_t)o->jobs, sizeof *pool);
    for (int k = 1; pool && k < o->jobs && k < RC_MAX_WARM; k++)
        if ((pool[k] = rc_sandbox_open(&ctx->cand, &o->limits)) != NULL)
            rc_sandbox_warm(pool[k]);
    return pool;
}

static void close_pool(rc_sandbox **pool, int n)
{
    for (int k = 0; pool && k < n; k++)
        rc_sandbox_close(pool[k]);
    free(pool);
}

/* Every case executed and judged, in plan order; 0, or 3 with a message. */
static int execute(rc_ctx *ctx, rc_plan *plan, rc_sandbox **pool, rc_results *results)
{
    const rc_run_opts *o = ctx->opts;
    rc_progress pg;
    rc_progress_start(&pg, o->quiet || !o->progress ? NULL : stderr, "cases", plan->n);
    char err[512];
    int rc;
    if (o->jobs > 1 && plan->n > 1) {
        /* job 1 takes the probe's worker (its init done), the others the
         * workers started for them; no two processes share one */
        if (pool)
            pool[0] = ctx->sb;
        else
            rc_sandbox_close(ctx->sb);
        ctx->sb = NULL;
        rc = rc_jobs_run(ctx, plan, o->jobs, &o->limits, pool, 1, &pg, results, err, sizeof err);
    } else {
        rc_exec_state st = {ctx->sb, &pg, 0, 0, 1, RC_EXEC_KEEP_FAILED_BYTES};
        rc = st.sb ? rc_execute_cases(ctx, plan, 0, plan->n, &st, results, err, sizeof err) : -1;
        if (!st.sb)
            snprintf(err, sizeof err, "out of memory");
        rc_call_result fini;
        ctx->sb = NULL;
        if (st.sb && rc_sandbox_close_ex(st.sb, &fini))
            rc_execute_fini_result(&fini, results);
    }
    rc_progress_end(&pg);
    /* each FAIL was diagnosed when judged, from that case alone; the block
     * for the whole run is made here, from every worker's cases */
    rc_diagnose_summarize(results);
    if (rc != 0) {
        snprintf(results->fatal, sizeof results->fatal, "internal: %.480s", err);
        return 3;
    }
    return 0;
}

static void limits_for(const rc_run_opts *o, rc_run_opts *local)
{
    /* callers that zero their options get the defaults */
    if (!(local->limits.init_s > 0))
        rc_limits_default(&local->limits);
    if (o->timeout > 0)
        local->limits.cpu_s = o->timeout;
}

int rc_run(const rc_run_opts *opts)
{
    rc_run_opts local = *opts;
    limits_for(opts, &local);
    const rc_run_opts *o = &local;
    double t0 = rc_progress_now();
    rc_signals_install();
    rc_config *fixed = NULL;
    rc_baseline base;
    int code = load_config(o, &fixed);
    if (code)
        return code;
    if ((code = rc_baseline_load(o, &base)) != 0) {
        free(fixed);
        return code;
    }
    if (!rc_profile_find(o->profile, RC_F32)) {
        rc_errorf("rope-conform: unknown profile '%s' (known: %s)", o->profile, rc_profile_names());
        free(fixed);
        rc_baseline_release(&base);
        return 2;
    }

    rc_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.opts = o;
    rc_results results;
    memset(&results, 0, sizeof results);
    run_text text;
    fill_info(o, &ctx, &text, &results.info);
    rc_plan plan;
    memset(&plan, 0, sizeof plan);
    char err[1024];
    rc_sandbox **pool = NULL;
    long starts0, inits0, starts, inits;
    rc_sandbox_counts(&starts0, &inits0);
    /* the worker that reads the table goes on as the run's first worker,
     * its init under way while the grid is made */
    if (rc_candidate_load_open(o->candidate, &o->limits, &ctx.cand, &ctx.sb, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        snprintf(results.fatal, sizeof results.fatal, "the candidate could not be loaded: %.440s", err);
        rc_write_reports(o, &results);
        code = 2;
        goto done;
    }
    if (!ctx.sb)
        ctx.sb = rc_sandbox_open(&ctx.cand, &o->limits);
    pool = warm_pool(&ctx);
    ctx.has_backward = ctx.cand.has_backward;
    ctx.has_cos_sin = ctx.cand.has_cos_sin;
    if (fixed)
        ctx.max_position = fixed->params.max_position;
    else if (ctx.cand.has_defaults)
        ctx.max_position = ctx.cand.defaults.params.max_position;

    code = make_plan(&ctx, fixed, &plan, &results);
    if (code)
        goto done;
    if (o->list_only) {
        if (results.fatal[0])
            rc_errorf("rope-conform: %s", results.fatal);
        else
            list_plan(&ctx, &plan);
        code = results.fatal[0] ? 1 : 0;
        goto done;
    }
    if (!o->quiet) /* the candidate's strings are its own: escaped */
        rc_errorf("rope-conform %s: %s (%s %s), profile %s, level %d, seed %llu, %zu cases",
                  RC_VERSION_STRING, o->candidate, ctx.cand.name, ctx.cand.version, o->profile,
                  o->level, (unsigned long long)o->seed, plan.n);
    if (!results.fatal[0] && plan.n > 0)
        code = execute(&ctx, &plan, pool, &results);
    close_pool(pool, o->jobs);
    pool = NULL;
    rc_sandbox_counts(&starts, &inits);
    results.info.worker_starts += starts - starts0;
    results.info.worker_inits += inits - inits0;
    results.info.wall_seconds = rc_progress_now() - t0;
    code = rc_run_conclude(o, &results, &base, code);
done:
    close_pool(pool, o->jobs);
    rc_baseline_release(&base);
    rc_plan_free(&plan);
    rc_results_free(&results);
    rc_sandbox_close(ctx.sb);
    rc_diagnose_release(&ctx);
    rc_ctx_free_goldens(&ctx);
    free(ctx.rows);
    rc_candidate_unload(&ctx.cand);
    free(fixed);
    return code;
}
