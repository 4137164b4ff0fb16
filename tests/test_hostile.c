/* Hostile candidates against the whole CLI: each tries to turn its FAIL
 * into a PASS, to hang or kill the harness, or to lose its reports.  None
 * may exit 0; each must finish within a stated bound; the JSON, JUnit and
 * Markdown reports must all be complete.  A correct candidate that forks
 * must still PASS. */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "report.h"

/* --timeout 1: a hang costs 1 s of CPU or 10 s of wall time, at most 3
 * times; the whole run stays far below this bound even on a busy machine. */
#define BOUND_S 240

typedef struct hostile {
    const char *name;
    int exit_code;        /* what the run must exit with                  */
    const char *says;     /* in the JSON report (a case message or fatal) */
} hostile;

static const hostile table[] = {
    {"hostile_unsupported", 1, "apply: returned RC_UNSUPPORTED after supports() said RC_OK"},
    {"hostile_dtor_exit", 1, "outside the standard bound"},
    {"hostile_atexit_exit", 1, "outside the standard bound"},
    {"hostile_scribble_apply", 1, "outside the standard bound"},
    {"hostile_scribble_fini", 1, "outside the standard bound"},
    {"hostile_kill_parent", 1, "outside the standard bound"},
    {"hostile_kill_group", 1, "SIGTERM"},
    {"hostile_fork", 1, "outside the standard bound"},
    {"hostile_sleep_fini", 1, "fini"},
    {"hostile_ctor_late", 1, "SIGABRT"},
    /* "crashed while its table was read" (SIGSEGV), or under UBSan its
     * misaligned-pointer report: either way a load error with reports */
    {"hostile_bad_name", 2, "could not be loaded"},
    {"hostile_bad_defaults", 2, "could not be loaded"},
    {"hostile_big_defaults", 2, "head_dim 4096"},
    {"hostile_oob_far", 1, ""},
    {"hostile_oob_before", 1, "SIGSEGV"},
    {"hostile_stdout_flood", 1, "outside the standard bound"},
    {"hostile_forge", 1, "not the harness's reply"},
    {"forking_correct", 0, ""},
};

static char g_dir[] = "/tmp/rc_hostile_XXXXXX";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Runs the CLI on the candidate; its exit code, or -1 if killed at BOUND_S. */
static int run_cli(const char *cand, const char *json, const char *junit, const char *md,
                   const char *mark)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        setenv("RC_HOSTILE_MARK", mark, 1);
        execl(RC_BUILD_DIR "/rope-conform", "rope-conform", "--config",
              RC_FIXTURE_DIR "/llama2_7b.json", "--suite", "accuracy", "--dtype", "f32",
              "--timeout", "1", "--jobs", "2", "--json", json, "--junit", junit,
              "--markdown", md, cand, (char *)NULL);
        _exit(127);
    }
    double end = now() + BOUND_S;
    int status = 0;
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (now() > end) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        usleep(20000);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

START_TEST(hostile_candidate)
{
    const hostile *h = &table[_i];
    char cand[512], json[256], junit[256], md[256], mark[256];
    snprintf(cand, sizeof cand, "%s/%s.so", RC_TEST_ADAPTER_DIR, h->name);
    snprintf(json, sizeof json, "%s/%s.json", g_dir, h->name);
    snprintf(junit, sizeof junit, "%s/%s.xml", g_dir, h->name);
    snprintf(md, sizeof md, "%s/%s.md", g_dir, h->name);
    snprintf(mark, sizeof mark, "%s/%s.mark", g_dir, h->name);
    double t0 = now();
    int code = run_cli(cand, json, junit, md, mark);
    ck_assert_msg(code != -1, "%s: still running after %d s", h->name, BOUND_S);
    ck_assert_msg(code == h->exit_code, "%s: exit %d, expected %d (%.1f s)", h->name, code,
                  h->exit_code, now() - t0);

    rc_results r;
    memset(&r, 0, sizeof r);
    char err[512];
    ck_assert_msg(rc_report_load_json(json, &r, err, sizeof err) == 0, "%s: %s", h->name, err);
    ck_assert_msg(h->exit_code != 0 || (r.n_cases > 0 && rc_results_verdict(&r) != RC_STATUS_FAIL),
                  "%s: a PASS needs passing cases", h->name);
    if (h->exit_code == 1)
        ck_assert_msg(rc_results_verdict(&r) == RC_STATUS_FAIL, "%s: JSON verdict is not FAIL", h->name);
    rc_results_free(&r);
    const char *text = slurp(json);
    ck_assert_msg(text && strstr(text, h->says), "%s: the JSON report does not say '%s'", h->name, h->says);
    text = slurp(junit);
    ck_assert_msg(text && strstr(text, "<testsuites") && strstr(text, "</testsuites>"),
                  "%s: JUnit report incomplete", h->name);
    text = slurp(md);
    ck_assert_msg(text && strlen(text) > 20, "%s: Markdown report empty", h->name);
}
END_TEST

int main(void)
{
    if (!mkdtemp(g_dir)) {
        perror("mkdtemp");
        return 1;
    }
    Suite *s = suite_create("hostile");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, BOUND_S + 60);
    tcase_add_loop_test(tc, hostile_candidate, 0, (int)(sizeof table / sizeof table[0]));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
