/* Shared by the test programs that write reports and files: a fresh
 * temporary directory per test (Check fixture), small file helpers, and a
 * check that text is valid UTF-8 without control characters.
 * Define TMPDIR_PREFIX ("rc_reports") before including; the includer
 * defines _XOPEN_SOURCE 700 first (nftw is XSI). */
#ifndef RC_TEST_TESTUTIL_H
#define RC_TEST_TESTUTIL_H

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "escape.h"
#include "fileio.h"

static char tmpdir[256];

static inline void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/" TMPDIR_PREFIX "_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static inline int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(p);
}

static inline void teardown(void)
{
    nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* tmpdir/name; the last 8 results stay valid. */
static inline const char *tpath(const char *name)
{
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

/* The whole text file (caller frees); fails the test when unreadable. */
static inline char *slurp(const char *path)
{
    char err[512];
    char *s = rc_read_file(path, RC_INPUT_MAX_BYTES, NULL, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    return s;
}

static inline void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* s is valid UTF-8 with no control character (C0, DEL, C1) but newline,
 * tab and carriage return where allowed (XML keeps them), DEL and C1 where
 * allowed (JSON carries them as they are). */
static inline void assert_clean_text(const char *s, int allow_tab_cr, int allow_c1)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned long cp;
        int n = rc_utf8_decode(p, &cp);
        ck_assert_msg(n > 0, "invalid UTF-8 at byte %ld", (long)(p - (const unsigned char *)s));
        int ok_ws = cp == '\n' || (allow_tab_cr && (cp == '\t' || cp == '\r'));
        int c1 = cp >= 0x7f && cp <= 0x9f;
        ck_assert_msg(ok_ws || (cp >= 0x20 && (!c1 || allow_c1)), "control character %#lx", cp);
        p += n;
    }
}

/* Run one suite in forked tests; the process exit code. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
