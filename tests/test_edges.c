/* Edges of the command line: report targets checked before the run and
 * written in place when they are not regular files, input files that are
 * not regular files or are too large refused at once, and untrusted text
 * (config keys, the candidate's name, version and messages) kept on one
 * line.  Most tests run the rope-conform binary itself. */
/* nftw is XSI */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "escape.h"
#include "fileio.h"
#include "report.h"

#define CLI RC_BUILD_DIR "/rope-conform"
#define REFERENCE RC_BUILD_DIR "/adapters/librope_reference.so"
#define HANG RC_TEST_ADAPTER_DIR "/hang_apply.so"
#define EVIL RC_TEST_ADAPTER_DIR "/evil_strings.so"
/* Longest a command may take here: far more than any of them needs, far
 * less than a run of the hanging candidate (3 calls of --timeout 100). */
#define CAP_SECONDS 120

#define TMPDIR_PREFIX "rc_edges"
#include "testutil.h"

/* ---- running the CLI ------------------------------------------------------ */

typedef struct cli {
    int code;        /* exit status, or 128 + signal */
    char *out, *err; /* what it wrote to stdout and stderr */
} cli;

static void cli_free(cli *c)
{
    free(c->out);
    free(c->err);
}

static pid_t spawn(const char *const argv[])
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int o = open(tpath("stdout"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(tpath("stderr"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0)
            _exit(126);
        execv(CLI, (char *const *)argv);
        _exit(127);
    }
    return pid;
}

/* Wait for pid, killing it (and failing) past CAP_SECONDS. */
static int reap(pid_t pid, int block)
{
    int st;
    pid_t got = waitpid(pid, &st, block ? 0 : WNOHANG);
    ck_assert_int_ge(got, 0);
    if (got == 0)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int finish(pid_t pid)
{
    struct timespec t0, now, tick = { 0, 5 * 1000 * 1000 };
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        int code = reap(pid, 0);
        if (code >= 0)
            return code;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - t0.tv_sec > CAP_SECONDS) {
            kill(pid, SIGKILL);
            reap(pid, 1);
            ck_abort_msg("rope-conform ran past %d s", CAP_SECONDS);
        }
        nanosleep(&tick, NULL);
    }
}

static cli run(const char *const argv[])
{
    cli c;
    c.code = finish(spawn(argv));
    c.out = slurp(tpath("stdout"));
    c.err = slurp(tpath("stderr"));
    return c;
}

/* Exit 2 with exactly one line on stderr that contains want, nothing on
 * stdout: the command stopped before doing any work. */
static void assert_refused(const char *const argv[], const char *want)
{
    cli c = run(argv);
    ck_assert_msg(c.code == 2, "%s: exit %d, stderr: %s", argv[1], c.code, c.err);
    size_t n = strlen(c.err);
    ck_assert_msg(n > 0 && c.err[n - 1] == '\n' && strchr(c.err, '\n') == c.err + n - 1,
                  "not one line: [%s]", c.err);
    ck_assert_msg(strstr(c.err, want) != NULL, "[%s] lacks [%s]", c.err, want);
    ck_assert_msg(c.out[0] == '\0', "stdout: %s", c.out);
    ck_assert_ptr_null(strchr(c.err, '\x1b'));
    cli_free(&c);
}

/* ---- report targets -------------------------------------------------------- */

START_TEST(dev_null_stays_a_device)
{
    struct stat before, after;
    ck_assert_int_eq(stat("/dev/null", &before), 0);
    ck_assert(S_ISCHR(before.st_mode));
    const char *argv[] = { CLI, "--suite", "validation", "--json", "/dev/null",
                           "--markdown", "/dev/stdout", REFERENCE, NULL };
    cli c = run(argv);
    ck_assert_msg(c.code == 0, "exit %d: %s", c.code, c.err);
    ck_assert_int_eq(stat("/dev/null", &after), 0);
    ck_assert_msg(S_ISCHR(after.st_mode) && after.st_rdev == before.st_rdev,
                  "/dev/null is no longer the null device");
    /* no temp file left beside it */
    DIR *d = opendir("/dev");
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        ck_assert_msg(strncmp(e->d_name, "null.tmp.", 9) != 0, "/dev/%s left behind", e->d_name);
    closedir(d);
    /* /dev/stdout is this process's stdout: the Markdown follows the
     * terminal report, in order */
    const char *term = strstr(c.out, "coverage: 4 of 4 cases executed");
    const char *md = strstr(c.out, "## ✅ rope-conform: PASS");
    ck_assert_msg(term && md && term < md, "stdout: %s", c.out);
    cli_free(&c);
}
END_TEST

START_TEST(fifo_written_in_place)
{
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s", tpath("report.fifo"));
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    /* a reader that is there before the writer and never blocks */
    int rd = open(fifo, O_RDONLY | O_NONBLOCK);
    ck_assert_int_ge(rd, 0);
    const char *argv[] = { CLI, "--suite", "validation", "--json", fifo, REFERENCE, NULL };
    pid_t pid = spawn(argv);
    size_t len = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    int code = -1;
    struct timespec tick = { 0, 2 * 1000 * 1000 };
    for (int spins = 0; spins < CAP_SECONDS * 500; spins++) {
        if (len + 4096 > cap)
            ck_assert_ptr_nonnull(buf = realloc(buf, cap *= 2));
        ssize_t got = read(rd, buf + len, cap - len - 1);
        if (got > 0) {
            len += (size_t)got;
            continue;
        }
        if (code >= 0)   /* exited and drained */
            break;
        code = reap(pid, 0);
        if (code < 0)
            nanosleep(&tick, NULL);
    }
    ck_assert_msg(code >= 0, "rope-conform did not finish");
    close(rd);
    buf[len] = '\0';
    ck_assert_msg(code == 0, "exit %d: %s", code, slurp(tpath("stderr")));
    struct stat st;
    ck_assert_int_eq(lstat(fifo, &st), 0);
    ck_assert_msg(S_ISFIFO(st.st_mode), "the FIFO was replaced");
    cJSON *root = cJSON_Parse(buf);
    ck_assert_msg(root != NULL, "not JSON: %.200s", buf);
    ck_assert_str_eq(cJSON_GetObjectItem(root, "schema")->valuestring, RC_REPORT_SCHEMA);
    ck_assert_str_eq(cJSON_GetObjectItem(root, "verdict")->valuestring, "PASS");
    cJSON_Delete(root);
    free(buf);
}
END_TEST

START_TEST(bad_targets_refused_before_the_run)
{
    char missing[600], dir[600];
    snprintf(missing, sizeof missing, "%s/no/such/r.json", tmpdir);
    snprintf(dir, sizeof dir, "%s", tmpdir);
    /* the hanging candidate would keep a started run busy for minutes */
    const char *a1[] = { CLI, "--timeout", "100", "--json", missing, HANG, NULL };
    assert_refused(a1, "no/such");
    const char *a2[] = { CLI, "--timeout", "100", "--junit", dir, HANG, NULL };
    assert_refused(a2, "is a directory");
    const char *a3[] = { CLI, "--timeout", "100", "--json", tpath("r.out"), "--markdown",
                         tpath("./r.out"), HANG, NULL };
    assert_refused(a3, "names the same file");
    const char *a4[] = { CLI, "--timeout", "100", "--json", "/dev/stdout", "--junit", "/dev/fd/1",
                         HANG, NULL };
    assert_refused(a4, "names the same file");
    write_text(tpath("base.json"), "{}");
    const char *a5[] = { CLI, "--timeout", "100", "--json", tpath("base.json"), "--baseline",
                         tpath("base.json"), HANG, NULL };
    assert_refused(a5, "also the input");
    const char *a6[] = { CLI, "merge", "--json", tpath("m.json"), "--junit", tpath("m.json"),
                         tpath("base.json"), NULL };
    assert_refused(a6, "names the same file");
    const char *a7[] = { CLI, "merge", "--markdown", missing, tpath("base.json"), NULL };
    assert_refused(a7, "no/such");
}
END_TEST

/* ---- inputs ------------------------------------------------------------------ */

START_TEST(inputs_that_are_not_files_refused)
{
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s", tpath("config.fifo"));
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);   /* no writer: reading it would block */
    const char *a1[] = { CLI, "lint", "--config", "/dev/zero", NULL };
    assert_refused(a1, "/dev/zero: a character device, not a regular file");
    const char *a2[] = { CLI, "merge", "/dev/zero", NULL };
    assert_refused(a2, "/dev/zero: a character device");
    const char *a3[] = { CLI, "--timeout", "100", "--baseline", "/dev/zero", HANG, NULL };
    assert_refused(a3, "/dev/zero: a character device");
    const char *a4[] = { CLI, "--timeout", "100", "--config", fifo, HANG, NULL };
    assert_refused(a4, "a FIFO, not a regular file");
    const char *a5[] = { CLI, "lint", "--config", tmpdir, NULL };
    assert_refused(a5, "a directory, not a regular file");
    const char *a6[] = { CLI, "golden", "--config", fifo, "--positions", "0", "--dtype", "f32", NULL };
    assert_refused(a6, "a FIFO");
}
END_TEST

START_TEST(read_file_bounds)
{
    char err[512];
    size_t len = 0;
    write_text(tpath("small.txt"), "0123456789");
    char *s = rc_read_file(tpath("small.txt"), 10, &len, err, sizeof err);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "0123456789");
    ck_assert_uint_eq(len, 10);
    free(s);
    ck_assert_ptr_null(rc_read_file(tpath("small.txt"), 9, &len, err, sizeof err));
    ck_assert_msg(strstr(err, "10 bytes, more than the limit of 9 bytes"), "%s", err);
    ck_assert_int_eq(rc_input_check(tpath("small.txt"), 9, err, sizeof err), -1);
    ck_assert_int_eq(rc_input_check(tpath("small.txt"), 10, err, sizeof err), 0);
    FILE *f = fopen(tpath("nul.txt"), "wb");
    ck_assert_ptr_nonnull(f);
    fwrite("a\0b", 1, 3, f);
    fclose(f);
    ck_assert_ptr_null(rc_read_file(tpath("nul.txt"), 100, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "NUL byte"));
    ck_assert_ptr_null(rc_read_file(tpath("absent"), 100, NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "cannot open"));
    ck_assert_ptr_null(rc_read_file("/dev/zero", RC_INPUT_MAX_BYTES, NULL, err, sizeof err));
    ck_assert_ptr_null(rc_read_file(tmpdir, RC_INPUT_MAX_BYTES, NULL, err, sizeof err));
    /* a file name that is not one line is escaped in the message */
    const char *odd = tpath("odd\nname\x1b[31m");
    ck_assert_ptr_null(rc_read_file(odd, 100, NULL, err, sizeof err));
    ck_assert_ptr_null(strchr(err, '\n'));
    ck_assert_msg(strstr(err, "odd\\nname\\x1B[31m: cannot open"), "%s", err);
}
END_TEST

/* ---- one line -------------------------------------------------------------- */

START_TEST(escape_rule)
{
    char buf[256];
    ck_assert_str_eq(rc_escape("a\nb\r\tc\x1b[31m\x7f\xc2\x85 \xc2\xb5 \xff\xc3", buf, sizeof buf),
                     "a\\nb\\r\\tc\\x1B[31m\\x7F\\x85 \xc2\xb5 \\xFF\\xC3");
    /* escaping is idempotent: backslashes are kept */
    char again[256];
    ck_assert_str_eq(rc_escape(buf, again, sizeof again), buf);
    ck_assert_str_eq(rc_escape(NULL, buf, sizeof buf), "");
    /* cut at a character, with an ellipsis */
    ck_assert_str_eq(rc_escape("abcdefgh", buf, 7), "abc...");
    ck_assert_str_eq(rc_escape("abcdef", buf, 7), "abcdef");
    ck_assert_str_eq(rc_escape("\xc2\xb5\xc2\xb5\xc2\xb5\xc2\xb5", buf, 8), "\xc2\xb5\xc2\xb5...");
    ck_assert_str_eq(rc_escape("\n\n\n\n", buf, 8), "\\n\\n...");
    char *d = rc_escape_dup("\xff\xff\xff");
    ck_assert_str_eq(d, "\\xFF\\xFF\\xFF");
    free(d);
    char in[32] = "x\ny";
    rc_escape_inplace(in, sizeof in);
    ck_assert_str_eq(in, "x\\ny");
}
END_TEST

START_TEST(config_key_with_newline_is_one_line)
{
    write_text(tpath("evil.json"),
               "{\"hidden_size\": 4096, \"num_attention_heads\": 32, \"rope_theta\": 10000,"
               " \"max_position_embeddings\": 4096, \"rope_scaling\": {\"rope_type\": \"linear\","
               " \"factor\": 2.0, \"ev\\nil\\u001b[31m\": 1}}");
    const char *a1[] = { CLI, "--config", tpath("evil.json"), "--timeout", "100", HANG, NULL };
    assert_refused(a1, "unknown key \"rope_scaling.ev\\nil\\x1B[31m\"");
    /* lint reports it as a finding, on one line of its report */
    const char *a2[] = { CLI, "lint", "--config", tpath("evil.json"), NULL };
    cli c = run(a2);
    ck_assert_int_eq(c.code, 1);
    ck_assert_ptr_null(strchr(c.out, '\x1b'));
    const char *line = strstr(c.out, "unknown key \"rope_scaling.ev\\nil\\x1B[31m\"");
    ck_assert_msg(line != NULL, "%s", c.out);
    cli_free(&c);
}
END_TEST

START_TEST(candidate_strings_escaped)
{
    const char *argv[] = { CLI, "--suite", "scaling", "--jobs", "1", "--json", tpath("e.json"),
                           "--junit", tpath("e.xml"), "--markdown", tpath("e.md"), EVIL, NULL };
    cli c = run(argv);
    ck_assert_msg(c.code == 1, "exit %d: %s", c.code, c.err);
    /* the terminal report: the name and version escaped on the header line */
    ck_assert_msg(strstr(c.out, "rope-conform " RC_VERSION_STRING ": evil\\n\\x1B[31mname 1\\r\\x1B]0;title\\x07 ("),
                  "%s", c.out);
    assert_clean_text(c.out, 0, 0);
    /* JSON keeps the strings exactly (its encoder escapes them) */
    char *text = slurp(tpath("e.json"));
    cJSON *root = cJSON_Parse(text);
    ck_assert_ptr_nonnull(root);
    const cJSON *cand = cJSON_GetObjectItem(root, "candidate");
    ck_assert_str_eq(cJSON_GetObjectItem(cand, "name")->valuestring, "evil\n\x1b[31mname");
    ck_assert_str_eq(cJSON_GetObjectItem(cand, "version")->valuestring, "1\r\x1b]0;title\x07");
    ck_assert_ptr_null(strchr(text, '\x1b'));
    cJSON_Delete(root);
    free(text);
    /* Markdown: one line, escaped */
    char *md = slurp(tpath("e.md"));
    ck_assert_msg(strstr(md, "**Candidate:** evil\\n\\x1B\\[31mname 1\\r\\x1B\\]0;title\\x07 ("), "%s", md);
    ck_assert_ptr_null(strchr(md, '\x1b'));
    ck_assert_ptr_null(strchr(md, '\r'));
    free(md);
    /* JUnit: well-formed, nothing XML 1.0 forbids */
    char *x = slurp(tpath("e.xml"));
    ck_assert_ptr_nonnull(strstr(x, "value=\"evil&#10;\\x1B[31mname\""));
    assert_clean_text(x, 1, 0);
    free(x);
    if (system("command -v xmllint >/dev/null 2>&1") == 0) {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", tpath("e.xml"));
        ck_assert_msg(system(cmd) == 0, "xmllint rejects the JUnit report");
    }
    cli_free(&c);
}
END_TEST

/* ---- target checks as a function ----------------------------------------------- */

START_TEST(targets_check_function)
{
    char err[512];
    const char *ok[] = { tpath("a.json"), NULL, tpath("b.xml"), "/dev/null" };
    ck_assert_msg(rc_report_targets_check(ok, 4, err, sizeof err) == 0, "%s", err);
    const char *fifo = tpath("t.fifo");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    const char *f1[] = { fifo };   /* checked without opening it */
    ck_assert_msg(rc_report_targets_check(f1, 1, err, sizeof err) == 0, "%s", err);
    const char *dup[] = { tpath("a.json"), tpath("sub/../a.json") };
    ck_assert_int_eq(mkdir(tpath("sub"), 0700), 0);
    ck_assert_int_eq(rc_report_targets_check(dup, 2, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "names the same file"));
    ck_assert_int_eq(symlink(tpath("nowhere"), tpath("dangling")), 0);
    const char *dl[] = { tpath("dangling") };
    ck_assert_int_eq(rc_report_targets_check(dl, 1, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "symbolic link to nothing"));
    const char *slash[] = { tpath("x/") };
    ck_assert_int_eq(rc_report_targets_check(slash, 1, err, sizeof err), -1);
    const char *empty[] = { "" };
    ck_assert_int_eq(rc_report_targets_check(empty, 1, err, sizeof err), -1);
    ck_assert_int_eq(rc_report_std_fd("/dev/stdout"), 1);
    ck_assert_int_eq(rc_report_std_fd("/dev/stderr"), 2);
    ck_assert_int_eq(rc_report_std_fd("/proc/self/fd/7"), 7);
    ck_assert_int_eq(rc_report_std_fd("/dev/fd/"), -1);
    ck_assert_int_eq(rc_report_std_fd("/dev/fd/1x"), -1);
    /* a link to a regular file: the file it names is replaced, the link stays */
    write_text(tpath("real.json"), "old");
    ck_assert_int_eq(symlink(tpath("real.json"), tpath("link.json")), 0);
    ck_assert_int_eq(rc_write_text_file(tpath("link.json"), "new", 3, err, sizeof err), 0);
    struct stat st;
    ck_assert_int_eq(lstat(tpath("link.json"), &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    char *s = slurp(tpath("real.json"));
    ck_assert_str_eq(s, "new");
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("edges");
    TCase *t = tcase_create("units");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, read_file_bounds);
    tcase_add_test(t, escape_rule);
    tcase_add_test(t, targets_check_function);
    suite_add_tcase(s, t);
    TCase *c = tcase_create("cli");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_set_timeout(c, 2 * CAP_SECONDS);
    tcase_add_test(c, dev_null_stays_a_device);
    tcase_add_test(c, fifo_written_in_place);
    tcase_add_test(c, bad_targets_refused_before_the_run);
    tcase_add_test(c, inputs_that_are_not_files_refused);
    tcase_add_test(c, config_key_with_newline_is_one_line);
    tcase_add_test(c, candidate_strings_escaped);
    suite_add_tcase(s, c);
    return run_suite(s);
}
