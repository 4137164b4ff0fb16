/* The bug catalogue: docs/catalogue.md is what the table generates, and the
 * self-test holds (the reference passes level 1; every must-catch mutant
 * fails where its row says and is diagnosed as its class). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diagnose.h"

START_TEST(markdown_is_current)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(m);
    rc_catalogue_markdown(m);
    fclose(m);
    FILE *f = fopen(RC_SOURCE_DIR "/docs/catalogue.md", "rb");
    ck_assert_msg(f != NULL, "docs/catalogue.md is missing: run 'rope-conform catalogue markdown'");
    char *old = malloc(len + 2);
    size_t got = fread(old, 1, len + 1, f);
    fclose(f);
    ck_assert_msg(got == len && memcmp(old, buf, len) == 0,
                  "docs/catalogue.md differs from catalogue.def: run 'rope-conform catalogue markdown'");
    free(old);
    free(buf);
}
END_TEST

START_TEST(ids_unique_and_refs_present)
{
    for (size_t i = 0; i < rc_catalogue_count; i++) {
        const rc_cat_entry *e = &rc_catalogue[i];
        ck_assert_msg(rc_catalogue_find(e->id) == e, "duplicate id %s", e->id);
        ck_assert_msg(strchr(e->refs, '#') != NULL, "%s cites no issue/PR number", e->id);
        ck_assert_msg(e->must_catch || e->note[0], "%s is not must-catch and says no reason", e->id);
        ck_assert_ptr_nonnull(e->table());
    }
    ck_assert_uint_ge(rc_catalogue_count, 36);
}
END_TEST

START_TEST(selftest_level1)
{
    ck_assert_int_eq(rc_catalogue_selftest(1, NULL, stdout), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("catalogue");
    TCase *tc = tcase_create("catalogue");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, markdown_is_current);
    tcase_add_test(tc, ids_unique_and_refs_present);
    tcase_add_test(tc, selftest_level1);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
