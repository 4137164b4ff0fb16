/* harness/base/paths.c: the lib and data directories from the environment, from
 * an installed layout around a copy of this executable, and from a build
 * tree (no installed layout next to the executable). */
/* nftw is XSI (testutil.h) */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#define TMPDIR_PREFIX "rc_paths"
#include "testutil.h"

START_TEST(test_environment)
{
    char buf[256];
    setenv("ROPE_CONFORM_LIB_DIR", "/opt/x/lib", 1);
    setenv("ROPE_CONFORM_DATA_DIR", "/opt/x/data", 1);
    ck_assert_str_eq(rc_path(RC_PATH_LIB, "librope_reference.so", buf, sizeof buf), "/opt/x/lib/librope_reference.so");
    ck_assert_str_eq(rc_path(RC_PATH_DATA, NULL, buf, sizeof buf), "/opt/x/data");
    ck_assert_str_eq(rc_path(RC_PATH_DATA, "", buf, sizeof buf), "/opt/x/data");
    ck_assert_str_eq(rc_path_env(RC_PATH_DATA), "ROPE_CONFORM_DATA_DIR");
    /* an empty variable is no override */
    setenv("ROPE_CONFORM_LIB_DIR", "", 1);
    ck_assert_str_ne(rc_path(RC_PATH_LIB, NULL, buf, sizeof buf), "");
    ck_assert_ptr_nonnull(strstr(buf, "/"));
}
END_TEST

START_TEST(test_build_tree)
{
    unsetenv("ROPE_CONFORM_LIB_DIR");
    char buf[PATH_MAX], want[PATH_MAX];
    /* this test runs from <build>/tests, whose adapters/ holds the test adapters */
    ck_assert_ptr_nonnull(realpath(RC_BUILD_DIR "/tests/adapters", want));
    ck_assert_str_eq(rc_path(RC_PATH_LIB, NULL, buf, sizeof buf), want);
}
END_TEST

static void mkdirs(const char *root, const char *rel)
{
    char p[2 * PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    for (char *s = p + strlen(root) + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            mkdir(p, 0755);
            *s = c;
            if (!c)
                break;
        }
    }
}

/* Copy this executable to root/bin and run its --print mode there. */
static void run_copy(const char *root, char *out, size_t n)
{
    char exe[PATH_MAX + 32], cmd[PATH_MAX + 48];
    snprintf(exe, sizeof exe, "%s/bin/test_paths", root);
    FILE *src = fopen("/proc/self/exe", "rb"), *dst = fopen(exe, "wb");
    ck_assert(src && dst);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, src)) > 0)
        ck_assert_uint_eq(fwrite(chunk, 1, got, dst), got);
    fclose(src);
    ck_assert_int_eq(fclose(dst), 0);
    chmod(exe, 0755);
    snprintf(cmd, sizeof cmd, "%s --print", exe);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t len = fread(out, 1, n - 1, p);
    out[len] = '\0';
    ck_assert_int_eq(pclose(p), 0);
}

START_TEST(test_installed)
{
    unsetenv("ROPE_CONFORM_LIB_DIR");
    unsetenv("ROPE_CONFORM_DATA_DIR");
    char root[PATH_MAX], got[2 * PATH_MAX + 8], want[2 * PATH_MAX + 8];
    ck_assert_ptr_nonnull(realpath(tmpdir, root));
    mkdirs(root, "bin/" RC_REL_LIBDIR);
    mkdirs(root, "bin/" RC_REL_DATADIR);
    run_copy(root, got, sizeof got);
    char lib_rel[PATH_MAX + 64], data_rel[PATH_MAX + 64], lib[PATH_MAX], data[PATH_MAX];
    snprintf(lib_rel, sizeof lib_rel, "%s/bin/%s", root, RC_REL_LIBDIR);
    snprintf(data_rel, sizeof data_rel, "%s/bin/%s", root, RC_REL_DATADIR);
    ck_assert_ptr_nonnull(realpath(lib_rel, lib));
    ck_assert_ptr_nonnull(realpath(data_rel, data));
    snprintf(want, sizeof want, "%s\n%s\n", lib, data);
    ck_assert_str_eq(got, want);
    ck_assert_ptr_null(strstr(got, ".."));
}
END_TEST

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--print") == 0) {
        char buf[PATH_MAX];
        printf("%s\n", rc_path(RC_PATH_LIB, NULL, buf, sizeof buf));
        printf("%s\n", rc_path(RC_PATH_DATA, NULL, buf, sizeof buf));
        return 0;
    }
    Suite *s = suite_create("paths");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_environment);
    tcase_add_test(tc, test_build_tree);
    tcase_add_test(tc, test_installed);
    tcase_add_checked_fixture(tc, setup, teardown);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
