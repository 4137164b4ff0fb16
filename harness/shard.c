/* Sharding, parallel workers and merging of shard reports. */
#include "shard.h"
#include "prng.h"
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A case's shard depends on its suite and name only, never on which other
 * cases exist, so a CI matrix splits the same way on every runner. */
static int shard_of(const rc_case *c, int count)
{
    char key[200];
    snprintf(key, sizeof key, "%s/%s", c->suite->name, c->name);
    rc_prng g = rc_prng_keyed(0, key);
    return (int)(rc_prng_next(&g) % (uint64_t)count) + 1;
}

void rc_plan_shard(rc_plan *plan, int index, int count)
{
    size_t kept = 0;
    rc_plan dropped;
    memset(&dropped, 0, sizeof dropped);
    dropped.cases = malloc(plan->n * sizeof *dropped.cases);
    for (size_t i = 0; i < plan->n; i++) {
        rc_case *c = plan->cases[i];
        if (shard_of(c, count) == index)
            plan->cases[kept++] = c;
        else if (dropped.cases)
            dropped.cases[dropped.n++] = c;
        else
            free(c); /* out of memory: its buffers leak, the run goes on */
    }
    plan->n = kept;
    rc_plan_free(&dropped);
}

int rc_shard_parse(const char *s, int *index, int *count)
{
    char tail;
    if (sscanf(s, "%d/%d%c", index, count, &tail) != 2 || *count < 1 || *index < 1 || *index > *count) {
        fprintf(stderr, "rope-conform: --shard expects I/N with 1 <= I <= N, got '%s'\n", s);
        return -1;
    }
    return 0;
}

static int same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

int rc_merge_reports(const char *const *paths, int n, rc_results *results,
                     struct rc_report_meta *metas, char *err, size_t errlen)
{
    for (int i = 0; i < n; i++) {
        rc_results one;
        memset(&one, 0, sizeof one);
        if (rc_report_load_json_ex(paths[i], &one, &metas[i], err, errlen) != 0)
            return -1;
        if (i == 0) {
            results->info = one.info;
        } else if (one.info.seed != results->info.seed || one.info.level != results->info.level ||
                   !same_str(one.info.profile, results->info.profile) ||
                   !same_str(one.info.candidate_path, results->info.candidate_path) ||
                   !same_str(one.info.config_path, results->info.config_path)) {
            snprintf(err, errlen,
                     "%s: not a shard of the same run as %s (candidate, config, seed, level and profile must match)",
                     paths[i], paths[0]);
            rc_results_free(&one);
            return -1;
        } else if (one.info.wall_seconds > results->info.wall_seconds) {
            /* shards run side by side: the slowest one is the run's time */
            results->info.wall_seconds = one.info.wall_seconds;
        }
        if (one.fatal[0] && !results->fatal[0])
            memcpy(results->fatal, one.fatal, sizeof results->fatal);
        for (size_t k = 0; k < one.n_cases; k++) {
            const rc_case_result *c = &one.cases[k];
            for (size_t j = 0; j < results->n_cases; j++)
                if (strcmp(results->cases[j].suite, c->suite) == 0 &&
                    strcmp(results->cases[j].name, c->name) == 0 && results->cases[j].dtype == c->dtype) {
                    snprintf(err, errlen, "%s: case %s/%s appears in two shards", paths[i], c->suite, c->name);
                    rc_results_free(&one);
                    return -1;
                }
            rc_case_result *slot = rc_results_add(results);
            if (!slot) {
                snprintf(err, errlen, "out of memory");
                rc_results_free(&one);
                return -1;
            }
            *slot = *c;
        }
        rc_results_free(&one);
    }
    return 0;
}

/* Put the gathered cases in the order the plan lists them. */
static void order_like_plan(const rc_plan *plan, rc_results *r)
{
    rc_case_result *sorted = malloc(r->n_cases * sizeof *sorted);
    char *used = calloc(r->n_cases ? r->n_cases : 1, 1);
    if (!sorted || !used) {
        free(sorted);
        free(used);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < plan->n; i++)
        for (size_t j = 0; j < r->n_cases; j++)
            if (!used[j] && strcmp(r->cases[j].suite, plan->cases[i]->suite->name) == 0 &&
                strcmp(r->cases[j].name, plan->cases[i]->name) == 0) {
                sorted[n++] = r->cases[j];
                used[j] = 1;
                break;
            }
    for (size_t j = 0; j < r->n_cases; j++)
        if (!used[j])
            sorted[n++] = r->cases[j];
    memcpy(r->cases, sorted, n * sizeof *sorted);
    free(sorted);
    free(used);
}

int rc_run_workers(const rc_run_opts *o, rc_plan *plan, rc_results *results, char *worker_json,
                   size_t json_len, char *err, size_t errlen)
{
    int jobs = o->jobs;
    char dir[] = "/tmp/rope-conform-jobs-XXXXXX";
    if (!mkdtemp(dir)) {
        snprintf(err, errlen, "cannot create a temporary directory: %s", strerror(errno));
        return -1;
    }
    char (*paths)[64] = calloc((size_t)jobs, sizeof *paths);
    const char **pp = calloc((size_t)jobs, sizeof *pp);
    pid_t *pids = calloc((size_t)jobs, sizeof *pids);
    struct rc_report_meta *metas = calloc((size_t)jobs, sizeof *metas);
    int rc = -1;
    if (!paths || !pp || !pids || !metas) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    fflush(NULL);
    for (int k = 0; k < jobs; k++) {
        snprintf(paths[k], sizeof paths[k], "%s/%d.json", dir, k + 1);
        pp[k] = paths[k];
        pids[k] = fork();
        if (pids[k] < 0) {
            snprintf(err, errlen, "fork: %s", strerror(errno));
            for (int j = 0; j < k; j++)
                waitpid(pids[j], NULL, 0);
            goto out;
        }
        if (pids[k] == 0) {
            /* the worker keeps its shard of the plan already made */
            rc_plan_shard(plan, k + 1, jobs);
            snprintf(worker_json, json_len, "%s", paths[k]);
            free(paths);
            free(pp);
            free(pids);
            free(metas);
            return k + 1;
        }
    }
    int failed = 0;
    for (int k = 0; k < jobs; k++) {
        int status = 0;
        waitpid(pids[k], &status, 0);
        /* 0 and 1 are verdicts; anything else means the worker broke */
        if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
            failed = k + 1;
    }
    if (failed) {
        snprintf(err, errlen, "worker %d of %d did not finish its shard", failed, jobs);
        goto out;
    }
    rc_results merged;
    memset(&merged, 0, sizeof merged);
    if (rc_merge_reports(pp, jobs, &merged, metas, err, errlen) != 0) {
        rc_results_free(&merged);
        goto out;
    }
    order_like_plan(plan, &merged);
    for (size_t i = 0; i < merged.n_cases; i++) {
        rc_case_result *slot = rc_results_add(results);
        if (!slot) {
            snprintf(err, errlen, "out of memory");
            rc_results_free(&merged);
            goto out;
        }
        *slot = merged.cases[i];
    }
    if (merged.fatal[0] && !results->fatal[0])
        memcpy(results->fatal, merged.fatal, sizeof results->fatal);
    rc_results_free(&merged);
    rc = 0;
out:
    for (int k = 0; paths && k < jobs; k++)
        unlink(paths[k]);
    rmdir(dir);
    free(paths);
    free(pp);
    free(pids);
    free(metas);
    return rc;
}
