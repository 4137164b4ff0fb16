/* The run pipeline end to end, through the CLI: the JSON report of a
 * failing candidate is the same, apart from timing fields, for --jobs 1,
 * --jobs 3 and --shard 1/3..3/3 + merge, diagnosis included (per-case
 * causes and the run's Diagnosis block); merge refuses an incomplete, a
 * doubled or a mixed set of shards. */
#define _GNU_SOURCE
#define TMPDIR_PREFIX "rc_pipeline"
#include <check.h>
#include <cjson/cJSON.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

/* a constant magnitude bias in one suite, and a bug of several suites and
 * several diagnosis classes at f32 */
static const char *const g_cands[][2] = {
    {RC_TEST_ADAPTER_DIR "/suite_scaled_output.so", "accuracy"},
    {RC_TEST_ADAPTER_DIR "/bugs/bug_table_row_off_by_one.so", NULL},
};

/* argv after the program name, NULL-terminated; the exit code. */
static int cli(const char *const *args)
{
    const char *argv[32] = {"rope-conform"};
    int n = 1;
    for (; args[n - 1] && n < 31; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execv(RC_BUILD_DIR "/rope-conform", (char *const *)argv);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Timings differ from run to run, and the worker processes started with
 * --jobs; nothing else may. */
static void strip_timing(cJSON *o)
{
    static const char *keys[] = {"seconds", "wall_seconds", "started_utc", "workers"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        cJSON_DeleteItemFromObjectCaseSensitive(o, keys[i]);
    cJSON *c;
    cJSON_ArrayForEach(c, o)
        if (cJSON_IsObject(c) || cJSON_IsArray(c))
            strip_timing(c);
}

static cJSON *load(const char *file)
{
    char *text = slurp(file);
    cJSON *doc = cJSON_Parse(text);
    free(text);
    ck_assert_msg(doc != NULL, "%s: not JSON", file);
    return doc;
}

static char *canonical(const char *file)
{
    cJSON *doc = load(file);
    strip_timing(doc);
    char *out = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    return out;
}

/* The run arguments for candidate k, then extra (NULL-terminated). */
static int run_cand(int k, const char *const *extra)
{
    const char *args[32] = {"--dtype", "f32", "--timeout", "10"};
    int n = 4;
    if (g_cands[k][1]) {
        args[n++] = "--suite";
        args[n++] = g_cands[k][1];
    }
    for (; *extra && n < 30; extra++)
        args[n++] = *extra;
    args[n++] = g_cands[k][0];
    args[n] = NULL;
    return cli(args);
}

/* The report has per-case causes and a Diagnosis block to compare. */
static void has_diagnosis(const char *file)
{
    cJSON *doc = load(file);
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(doc, "diagnosis");
    ck_assert_msg(d && !cJSON_IsNull(d) && cJSON_GetArraySize(d) > 0, "%s: no Diagnosis block", file);
    int causes = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(doc, "cases")) {
        const char *cause = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "cause"));
        causes += cause && cause[0];
    }
    ck_assert_msg(causes > 0, "%s: no case has a cause", file);
    cJSON_Delete(doc);
}

static const char *shard_path[3];

START_TEST(same_report_for_any_split)
{
    char name[64];
    snprintf(name, sizeof name, "jobs1-%d.json", _i);
    const char *j1 = tpath(name);
    snprintf(name, sizeof name, "jobs3-%d.json", _i);
    const char *j3 = tpath(name), *m = tpath("merged.json");
    ck_assert_int_eq(run_cand(_i, (const char *[]){"--jobs", "1", "--json", j1, NULL}), 1);
    ck_assert_int_eq(run_cand(_i, (const char *[]){"--jobs", "3", "--json", j3, NULL}), 1);
    has_diagnosis(j1);
    const char **s = shard_path;
    for (int i = 0; i < 3; i++) {
        char shard[8];
        snprintf(shard, sizeof shard, "%d/3", i + 1);
        snprintf(name, sizeof name, "s%d-%d.json", i + 1, _i);
        s[i] = tpath(name);
        int code = run_cand(_i, (const char *[]){"--jobs", "2", "--shard", shard, "--json", s[i], NULL});
        ck_assert_msg(code == 0 || code == 1, "shard %s exit %d", shard, code);
    }
    ck_assert_int_eq(cli((const char *[]){"merge", "-q", "--json", m, s[0], s[1], s[2], NULL}), 1);
    char *a = canonical(j1), *b = canonical(j3), *c = canonical(m);
    ck_assert_msg(strcmp(a, b) == 0, "%s: --jobs 1 and --jobs 3 reports differ", g_cands[_i][0]);
    ck_assert_msg(strcmp(a, c) == 0, "%s: --jobs 1 and merged --shard reports differ", g_cands[_i][0]);
    cJSON_free(a);
    cJSON_free(b);
    cJSON_free(c);
    if (_i != 0)
        return;
    /* incomplete, doubled, mixed */
    ck_assert_int_eq(cli((const char *[]){"merge", "-q", s[0], s[1], NULL}), 2);
    ck_assert_int_eq(cli((const char *[]){"merge", "-q", s[0], s[1], s[1], NULL}), 2);
    ck_assert_int_eq(cli((const char *[]){"merge", "-q", s[0], s[1], j1, NULL}), 2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("split");
    tcase_set_timeout(tc, 900);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, same_report_for_any_split, 0, (int)(sizeof g_cands / sizeof g_cands[0]));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
