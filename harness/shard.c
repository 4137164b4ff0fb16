/* Sharding, parallel workers and merging of shard reports. */
#include "shard.h"
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
