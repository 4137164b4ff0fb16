/* Sharding and parallel workers: the same cases with the same results for
 * any --jobs N, and shards that merge back into the whole run. */
#include "report.h"
#include "run.h"
#include "runner.h"
#include "shard.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REFERENCE RC_BUILD_DIR "/adapters/librope_reference.so"

static char dir[64];

static void opts(rc_run_opts *o, const char *json)
{
    memset(o, 0, sizeof *o);
    o->candidate = REFERENCE;
    o->profile = "standard";
    o->level = 1;
    o->seed = 7;
    o->timeout = 30.0;
    o->quiet = 1;
    o->jobs = 1;
    o->only_suite = "properties";
    o->json = json;
}

static void load(const char *path, rc_results *r)
{
    char err[512];
    memset(r, 0, sizeof *r);
    ck_assert_msg(rc_report_load_json(path, r, err, sizeof err) == 0, "%s", err);
}

static void assert_same_cases(const rc_results *a, const rc_results *b)
{
    ck_assert_uint_eq(a->n_cases, b->n_cases);
    for (size_t i = 0; i < a->n_cases; i++) {
        const rc_case_result *x = &a->cases[i], *y = &b->cases[i];
        ck_assert_str_eq(x->suite, y->suite);
        ck_assert_str_eq(x->name, y->name);
        ck_assert_int_eq(x->status, y->status);
        ck_assert_msg(memcmp(&x->metrics.max_err, &y->metrics.max_err, sizeof(double)) == 0,
                      "%s: max_err differs", x->name);
        ck_assert_str_eq(x->message, y->message);
    }
}

START_TEST(jobs_do_not_change_results)
{
    char p1[128], p3[128];
    snprintf(p1, sizeof p1, "%s/j1.json", dir);
    snprintf(p3, sizeof p3, "%s/j3.json", dir);
    rc_run_opts o;
    opts(&o, p1);
    ck_assert_int_eq(rc_run(&o), 0);
    opts(&o, p3);
    o.jobs = 3;
    ck_assert_int_eq(rc_run(&o), 0);
    rc_results a, b;
    load(p1, &a);
    load(p3, &b);
    ck_assert_uint_gt(a.n_cases, 10);
    assert_same_cases(&a, &b);
    /* the reference never crashes and no suite asks for fresh state: one
     * worker per job process (the one that read the table, or the one
     * started for the job), each with one init */
    ck_assert_int_eq(a.info.worker_starts, 1);
    ck_assert_int_eq(a.info.worker_inits, 1);
    ck_assert_int_eq(b.info.worker_starts, 3);
    ck_assert_int_eq(b.info.worker_inits, 3);
    rc_results_free(&a);
    rc_results_free(&b);
}
END_TEST

START_TEST(shards_partition_and_merge)
{
    char whole[128], s[3][128];
    snprintf(whole, sizeof whole, "%s/whole.json", dir);
    rc_run_opts o;
    opts(&o, whole);
    ck_assert_int_eq(rc_run(&o), 0);
    size_t total = 0;
    for (int i = 0; i < 3; i++) {
        snprintf(s[i], sizeof s[i], "%s/s%d.json", dir, i + 1);
        opts(&o, s[i]);
        o.shard_index = i + 1;
        o.shard_count = 3;
        ck_assert_int_eq(rc_run(&o), 0);
        rc_results one;
        load(s[i], &one);
        total += one.n_cases;
        rc_results_free(&one);
    }
    rc_results w, m;
    load(whole, &w);
    ck_assert_uint_eq(total, w.n_cases);
    memset(&m, 0, sizeof m);
    rc_report_meta metas[3];
    const char *paths[3] = { s[0], s[1], s[2] };
    char err[512];
    ck_assert_msg(rc_merge_reports(paths, 3, &m, metas, err, sizeof err) == 0, "%s", err);
    ck_assert_uint_eq(m.n_cases, w.n_cases);
    /* every case of the whole run is in the merge exactly once */
    for (size_t i = 0; i < w.n_cases; i++) {
        int found = 0;
        for (size_t j = 0; j < m.n_cases; j++)
            found += strcmp(w.cases[i].name, m.cases[j].name) == 0 &&
                     strcmp(w.cases[i].suite, m.cases[j].suite) == 0;
        ck_assert_msg(found == 1, "%s found %d times", w.cases[i].name, found);
    }
    /* a shard merged with itself is refused */
    rc_results_free(&m);
    memset(&m, 0, sizeof m);
    const char *twice[2] = { s[0], s[0] };
    ck_assert_int_eq(rc_merge_reports(twice, 2, &m, metas, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "given twice") != NULL, "%s", err);
    rc_results_free(&m);
    rc_results_free(&w);
}
END_TEST

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/rc_shard_XXXXXX");
    if (!mkdtemp(dir))
        return EXIT_FAILURE;
    Suite *s = suite_create("shard");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, jobs_do_not_change_results);
    tcase_add_test(tc, shards_partition_and_merge);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
