/* Splitting a run: --shard I/N keeps a deterministic 1/N of the cases (for a
 * CI matrix), --jobs N runs N such shards in parallel worker processes and
 * merges their results in plan order, and `merge` combines shard reports.
 * Every case's inputs are keyed by (seed, case name), so the results are
 * identical for any N. */
#ifndef RC_SHARD_H
#define RC_SHARD_H

#include "run.h"

/* Keep the cases of shard `index` (1-based) of `count`; frees the rest. */
void rc_plan_shard(rc_plan *plan, int index, int count);

/* Parse "I/N" (1 <= I <= N).  0 ok, -1 with a message on stderr. */
int rc_shard_parse(const char *s, int *index, int *count);

/* Append the cases of shard reports to results; every shard must come from
 * the same candidate, seed, level and profile, and no case may appear
 * twice.  The first report's run info fills results->info (strings owned by
 * metas[0]).  0 ok; -1 with a message naming the file. */
struct rc_report_meta;
int rc_merge_reports(const char *const *paths, int n, rc_results *results,
                     struct rc_report_meta *metas, char *err, size_t errlen);

#endif
