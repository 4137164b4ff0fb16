/* The manual page (harness/cli/man.c): every command of the table and its own
 * --help text, troff-escaped so no help line is read as a request. */
/* nftw is XSI (testutil.h) */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#define TMPDIR_PREFIX "rc_man"
#include "testutil.h"

static char *man(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rc_man_page(f), 0);
    fclose(f);
    return buf;
}

START_TEST(test_sections)
{
    char *m = man();
    ck_assert_int_eq(strncmp(m, ".TH ROPE\\-CONFORM 1 ", 20), 0);
    const char *sections[] = { ".SH NAME\n", ".SH SYNOPSIS\n", ".SH COMMANDS\n", ".SH OPTIONS\n",
                               ".SH \"EXIT STATUS\"\n", ".SH ENVIRONMENT\n" };
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        ck_assert_msg(strstr(m, sections[i]), "no %s", sections[i]);
    const char *names[] = { "run", "identify", "catalogue", "compare", "lint", "golden", "vectors", "merge",
                            "gen", "verify" };
    ck_assert_uint_eq(rc_n_commands, sizeof names / sizeof *names);
    for (size_t i = 0; i < rc_n_commands; i++) {
        char want[64];
        snprintf(want, sizeof want, ".SS \"rope\\-conform %s\"\n.nf\n", names[i]);
        ck_assert_msg(strstr(m, want), "no section for %s", names[i]);
    }
    /* option lines of two commands' help, escaped */
    ck_assert_ptr_nonnull(strstr(m, "\n  \\-\\-baseline\\-factor X  max error may grow"));
    ck_assert_ptr_nonnull(strstr(m, "rope\\-conform vectors check CANDIDATE.so [\\-\\-dir DIR]"));
    ck_assert_ptr_nonnull(strstr(m, ".TP\n.B 2\nusage, configuration or load error"));
    ck_assert_ptr_nonnull(strstr(m, ".B ROPE_CONFORM_LIB_DIR\n"));
    free(m);
}
END_TEST

/* Every line that starts with a control character is one of the requests
 * man.c writes itself. */
START_TEST(test_escaped)
{
    char *m = man();
    const char *requests[] = { ".TH ", ".SH ", ".SS ", ".TP\n", ".B ", ".br\n", ".nf\n", ".fi\n" };
    size_t n = 0;
    for (char *line = m; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (*line != '.' && *line != '\'')
            continue;
        int known = 0;
        for (size_t i = 0; i < sizeof requests / sizeof *requests; i++)
            known |= strncmp(line, requests[i], strlen(requests[i])) == 0;
        ck_assert_msg(known, "unexpected request: %.40s", line);
        n++;
    }
    ck_assert_uint_gt(n, 2 * rc_n_commands);
    /* no raw backslash other than the escapes man.c writes */
    for (char *p = strchr(m, '\\'); p; p = strchr(p + 2, '\\'))
        ck_assert_msg(strchr("-e&f", p[1]) != NULL, "raw backslash: %.20s", p);
    free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("man");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_sections);
    tcase_add_test(tc, test_escaped);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
