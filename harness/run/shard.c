/* Sharding, parallel workers and merging of shard reports. */
#include "shard.h"
#include "escape.h"
#include "prng.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        rc_errorf("rope-conform: --shard expects I/N with 1 <= I <= N, got '%s'", s);
        return -1;
    }
    return 0;
}

static int same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Every shard 1..N exactly once: a partial or doubled set would give a
 * verdict on cases nobody ran, or on some twice. */
static int shards_complete(int n, rc_results *results, char *err, size_t errlen)
{
    int count = results->info.shard_count;
    if (count <= 0)
        return 0; /* reports from before shard identities: nothing to check */
    if (n != count) {
        snprintf(err, errlen, "%d report%s given, but the run was split into %d shards: give "
                 "every shard exactly once", n, n == 1 ? "" : "s", count);
        return -1;
    }
    results->info.shard_index = results->info.shard_count = 1;
    return 0;
}

/* Shard i of the set into results, after checking it belongs. */
static int merge_one(const char *const *paths, int i, rc_results *results,
                     struct rc_report_meta *metas, int *indices, char *err, size_t errlen)
{
    rc_results one;
    memset(&one, 0, sizeof one);
    if (rc_report_load_json_ex(paths[i], &one, &metas[i], err, errlen) != 0)
        return -1;
    int rc = -1;
    if (i == 0) {
        results->info = one.info;
    } else if (one.info.shard_count != results->info.shard_count ||
               strcmp(one.info.run_id, results->info.run_id) != 0) {
        snprintf(err, errlen, "%s: shard %d/%d of run %s, but %s is shard %d/%d of run %s: "
                 "not slices of the same run", paths[i], one.info.shard_index,
                 one.info.shard_count, one.info.run_id[0] ? one.info.run_id : "(none)",
                 paths[0], results->info.shard_index, results->info.shard_count,
                 results->info.run_id[0] ? results->info.run_id : "(none)");
        goto out;
    } else if (one.info.seed != results->info.seed || one.info.level != results->info.level ||
               !same_str(one.info.profile, results->info.profile) ||
               !same_str(one.info.candidate_path, results->info.candidate_path) ||
               !same_str(one.info.config_path, results->info.config_path)) {
        snprintf(err, errlen,
                 "%s: not a shard of the same run as %s (candidate, config, seed, level and profile must match)",
                 paths[i], paths[0]);
        goto out;
    } else {
        if (one.info.wall_seconds > results->info.wall_seconds) {
            /* shards run side by side: the slowest one is the run's time */
            results->info.wall_seconds = one.info.wall_seconds;
        }
        results->info.worker_starts += one.info.worker_starts;
        results->info.worker_inits += one.info.worker_inits;
    }
    for (int j = 0; j < i && one.info.shard_count > 1; j++)
        if (indices[j] == one.info.shard_index) {
            snprintf(err, errlen, "%s: shard %d/%d is given twice (also %s)", paths[i],
                     one.info.shard_index, one.info.shard_count, paths[j]);
            goto out;
        }
    indices[i] = one.info.shard_index;
    if (one.fatal[0] && !results->fatal[0])
        memcpy(results->fatal, one.fatal, sizeof results->fatal);
    for (size_t k = 0; k < one.n_cases; k++) {
        const rc_case_result *c = &one.cases[k];
        for (size_t j = 0; c->ordinal >= 0 && j < results->n_cases; j++)
            if (strcmp(results->cases[j].suite, c->suite) == 0 &&
                strcmp(results->cases[j].name, c->name) == 0 && results->cases[j].dtype == c->dtype) {
                snprintf(err, errlen, "%s: case %s/%s appears in two shards", paths[i], c->suite, c->name);
                goto out;
            }
        rc_case_result *slot = rc_results_add(results);
        if (!slot) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
        *slot = *c;
    }
    rc = 0;
out:
    rc_results_free(&one);
    return rc;
}

int rc_merge_reports(const char *const *paths, int n, rc_results *results,
                     struct rc_report_meta *metas, char *err, size_t errlen)
{
    int *indices = calloc((size_t)(n > 0 ? n : 1), sizeof *indices);
    if (!indices) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        rc = merge_one(paths, i, results, metas, indices, err, errlen);
    free(indices);
    if (rc != 0 || shards_complete(n, results, err, errlen) != 0)
        return -1;
    rc_results_plan_order(results);
    return 0;
}
