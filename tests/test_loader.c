/* Loader: a good adapter loads; every broken candidate gives a one-line
 * error naming the file and the problem, and the harness survives. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader.h"

static char g_err[1024];

static const char *adapter(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s.so", RC_TEST_ADAPTER_DIR, name);
    return path;
}

/* Loads path, expects failure with want in the message (one line, naming
 * the file). */
static void expect_fail(const char *path, const char *want)
{
    rc_candidate c;
    int rc = rc_candidate_load(path, &c, g_err, sizeof g_err);
    ck_assert_msg(rc == -1, "%s loaded, expected: %s", path, want);
    ck_assert_msg(strstr(g_err, want) != NULL, "error '%s' lacks '%s'", g_err, want);
    ck_assert_msg(strstr(g_err, path) != NULL, "error '%s' does not name %s", g_err, path);
    ck_assert_msg(strchr(g_err, '\n') == NULL, "error is not one line: '%s'", g_err);
    ck_assert_str_eq(c.name, "");
}

START_TEST(good_loads)
{
    rc_candidate c;
    int rc = rc_candidate_load(adapter("good"), &c, g_err, sizeof g_err);
    ck_assert_msg(rc == 0, "%s", g_err);
    ck_assert_str_eq(c.name, "good");
    ck_assert_uint_eq(c.abi_version, RC_ABI_VERSION);
    ck_assert_uint_eq(c.struct_size, sizeof(rc_adapter));
    ck_assert_int_eq(c.has_cos_sin, 1);
    ck_assert_int_eq(c.has_backward, 1);
    ck_assert_str_eq(c.path, adapter("good"));
    rc_candidate_unload(&c);
    /* the candidate was loaded by a child, never into this process */
    FILE *maps = fopen("/proc/self/maps", "r");
    ck_assert_ptr_nonnull(maps);
    char line[1024];
    while (fgets(line, sizeof line, maps))
        ck_assert_msg(strstr(line, "good.so") == NULL, "candidate mapped here: %s", line);
    fclose(maps);
}
END_TEST

START_TEST(bare_name_in_cwd)
{
    ck_assert_int_eq(chdir(RC_TEST_ADAPTER_DIR), 0);
    rc_candidate c;
    int rc = rc_candidate_load("good.so", &c, g_err, sizeof g_err);
    ck_assert_msg(rc == 0, "%s", g_err);
    ck_assert_str_eq(c.name, "good");
    rc_candidate_unload(&c);
}
END_TEST

START_TEST(bare_name_missing)
{
    expect_fail("rc_no_such_candidate.so", "no such file");
}
END_TEST

START_TEST(missing_file) { expect_fail("/nonexistent.so", "file does not exist"); }
END_TEST

START_TEST(libc_has_no_symbol)
{
    expect_fail("libc.so.6", "symbol rope_conform_adapter not found; is this an adapter? see docs/abi.md");
}
END_TEST

START_TEST(text_file)
{
    char path[] = "/tmp/rc_loader_textXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char text[] = "this is not a shared object\n";
    ck_assert_int_eq(write(fd, text, sizeof text - 1), (int)sizeof text - 1);
    close(fd);
    expect_fail(path, "not a loadable shared object (");
    unlink(path);
}
END_TEST

START_TEST(no_symbol) { expect_fail(adapter("no_symbol"), "is this an adapter? see docs/abi.md"); }
END_TEST
START_TEST(null_table) { expect_fail(adapter("null_table"), "rope_conform_adapter() returned NULL"); }
END_TEST
START_TEST(wrong_version) { expect_fail(adapter("wrong_version"), "built for ABI 2, this harness speaks 1"); }
END_TEST
START_TEST(small_struct) { expect_fail(adapter("small_struct"), "struct_size 16 is smaller than the ABI 1 table"); }
END_TEST
START_TEST(null_functions) { expect_fail(adapter("null_functions"), "required function apply is NULL"); }
END_TEST
START_TEST(null_name) { expect_fail(adapter("null_name"), "name is NULL"); }
END_TEST
START_TEST(entry_crash)
{
    expect_fail(adapter("entry_crash"), "crashed in rope_conform_adapter() with SIGSEGV");
}
END_TEST
START_TEST(ctor_crash)
{
    expect_fail(adapter("ctor_crash"), "crashed while being loaded (in a constructor) with SIGABRT");
}
END_TEST

START_TEST(empty_path)
{
    rc_candidate c;
    ck_assert_int_eq(rc_candidate_load("", &c, g_err, sizeof g_err), -1);
    ck_assert_ptr_nonnull(strstr(g_err, "no candidate given"));
}
END_TEST

/* Loading every broken candidate in one process leaves it working. */
START_TEST(survives_all)
{
    static const char *bad[] = {"no_symbol", "null_table", "wrong_version", "small_struct",
                                "null_functions", "null_name", "entry_crash", "ctor_crash"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rc_candidate c;
        ck_assert_int_eq(rc_candidate_load(adapter(bad[i]), &c, g_err, sizeof g_err), -1);
    }
    rc_candidate c;
    ck_assert_msg(rc_candidate_load(adapter("good"), &c, g_err, sizeof g_err) == 0, "%s", g_err);
    rc_candidate_unload(&c);
}
END_TEST

static Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, good_loads);
    tcase_add_test(tc, bare_name_in_cwd);
    tcase_add_test(tc, bare_name_missing);
    tcase_add_test(tc, missing_file);
    tcase_add_test(tc, libc_has_no_symbol);
    tcase_add_test(tc, text_file);
    tcase_add_test(tc, no_symbol);
    tcase_add_test(tc, null_table);
    tcase_add_test(tc, wrong_version);
    tcase_add_test(tc, small_struct);
    tcase_add_test(tc, null_functions);
    tcase_add_test(tc, null_name);
    tcase_add_test(tc, entry_crash);
    tcase_add_test(tc, ctor_crash);
    tcase_add_test(tc, empty_path);
    tcase_add_test(tc, survives_all);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(loader_suite());
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
