/* The rope-type table: one row per type, names found nowhere else in the
 * harness, and the one params field list driving every reader and writer. */
#define _XOPEN_SOURCE 700 /* nftw (testutil.h) */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#define TMPDIR_PREFIX "rc_rope_types"
#include "testutil.h"
#include "config.h"
#include "rope_type.h"
#include "rope_mrope.h"
#include "variants.h"

/* Spellings the tree once used for a type outside the table. */
static const char *const historic[] = { "dynamic_ntk", NULL };

START_TEST(test_rows)
{
    for (int t = 0; t < RC_ROPE_TYPE_COUNT; t++) {
        const rc_rope_type_info *ti = rc_rope_type_info_of((rc_rope_type)t);
        ck_assert_ptr_nonnull(ti);
        ck_assert_int_eq(ti->type, t);
        ck_assert_ptr_nonnull(ti->golden);
        rc_rope_type back = RC_ROPE_TYPE_COUNT;
        ck_assert_int_eq(rc_rope_type_parse(ti->name, &back), 0);
        ck_assert_int_eq(back, t);
        for (const char *const *a = ti->aliases; a && *a; a++) {
            ck_assert_int_eq(rc_rope_type_parse(*a, &back), 0);
            ck_assert_int_eq(back, t);
        }
        if (ti->diag_class)
            ck_assert_ptr_eq(rc_rope_type_by_class(ti->diag_class), ti);
        ck_assert_msg(strstr(rc_rope_type_list(), ti->name), "%s not in the list", ti->name);
        for (int u = 0; u < t; u++)
            ck_assert_str_ne(rc_rope_type_info_of((rc_rope_type)u)->name, ti->name);
    }
    ck_assert_ptr_null(rc_rope_type_info_of(RC_ROPE_TYPE_COUNT));
    ck_assert_str_eq(rc_rope_type_name(RC_ROPE_TYPE_COUNT), "?");
    rc_rope_type out;
    ck_assert_int_eq(rc_rope_type_parse("ntk-by-parts", &out), -1);
}
END_TEST

/* The table's own files: the .def and rope_type_<name>.c; M-RoPE, which
 * combines with every type, has rope_mrope.{c,h}. */
static int is_table_file(const char *dir, const char *name)
{
    if (strncmp(dir, "harness/", 8) != 0)
        return 0;
    return strcmp(name, "rope_types.def") == 0 || strncmp(name, "rope_type_", 10) == 0 ||
           strcmp(name, "rope_mrope.c") == 0 || strcmp(name, "rope_mrope.h") == 0;
}

/* M-RoPE's names: HF's type and the layout's own name ("interleaved" is
 * the pairing's too). */
static const char *const mrope_words[] = { RC_MROPE_NAME, "sectioned", NULL };

static int is_source(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && (strcmp(name + n - 2, ".c") == 0 || strcmp(name + n - 2, ".h") == 0 ||
                     (n > 4 && strcmp(name + n - 4, ".def") == 0));
}

/* Count "quoted" in every source file under dir (relative to the source
 * tree; its step folders too) that is not the table's; the first hit into
 * where. */
static int hits_under(const char *dir, const char *quoted, char *where, size_t wn, int hits)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", RC_SOURCE_DIR, dir);
    DIR *dp = opendir(path);
    ck_assert_msg(dp != NULL, "cannot open %s", path);
    struct dirent *e;
    while ((e = readdir(dp))) {
        char rel[512];
        snprintf(rel, sizeof rel, "%s/%s", dir, e->d_name);
        snprintf(path, sizeof path, "%s/%s", RC_SOURCE_DIR, rel);
        DIR *sub = e->d_name[0] != '.' ? opendir(path) : NULL;
        if (sub) {
            closedir(sub);
            hits = hits_under(rel, quoted, where, wn, hits);
            continue;
        }
        if (!is_source(e->d_name) || is_table_file(dir, e->d_name))
            continue;
        char *s = slurp(path);
        ck_assert_ptr_nonnull(s);
        if (strstr(s, quoted) && !hits++)
            snprintf(where, wn, "%.200s", rel);
        free(s);
    }
    closedir(dp);
    return hits;
}

/* Count "word" (with the quotes) in every source file of the three
 * directories that are not the table's; report the first hit. */
static int hits_outside(const char *word, char *where, size_t wn)
{
    static const char *const dirs[] = { "harness", "suites", "reports" };
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", word);
    int hits = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++)
        hits = hits_under(dirs[d], quoted, where, wn, hits);
    return hits;
}

START_TEST(test_names_only_in_table)
{
    char where[256] = "";
    int checked = 0;
    for (int t = 0; t < RC_ROPE_TYPE_COUNT; t++) {
        const rc_rope_type_info *ti = rc_rope_type_info_of((rc_rope_type)t);
        const char *words[8] = { ti->name, ti->diag_class };
        int n = 2;
        for (const char *const *a = ti->aliases; a && *a && n < 8; a++)
            words[n++] = *a;
        for (int i = 0; i < n; i++) {
            if (!words[i])
                continue;
            ck_assert_msg(hits_outside(words[i], where, sizeof where) == 0,
                          "\"%s\" spelled outside the rope-type table, in %s", words[i], where);
            checked++;
        }
    }
    for (const char *const *h = historic; *h; h++)
        ck_assert_msg(hits_outside(*h, where, sizeof where) == 0, "\"%s\" in %s", *h, where);
    for (const char *const *w = mrope_words; *w; w++, checked++)
        ck_assert_msg(hits_outside(*w, where, sizeof where) == 0,
                      "\"%s\" spelled outside rope_mrope.{c,h}, in %s", *w, where);
    ck_assert_int_ge(checked, RC_ROPE_TYPE_COUNT + 2);
    ck_assert_ptr_nonnull(rc_rope_type_info_of(RC_ROPE_PROPORTIONAL));   /* a row, so checked above */
    /* the scan reaches the step folders' include/ (run.h names "strict") */
    ck_assert_int_gt(hits_outside("strict", where, sizeof where), 0);
    /* the scan sees what it should: a name spelled in the table files */
    char *s = slurp(RC_SOURCE_DIR "/harness/config/rope_type_yarn.c");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strstr(s, "\"yarn\""));
    free(s);
    s = slurp(RC_SOURCE_DIR "/harness/config/include/rope_mrope.h");
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strstr(s, "\"" RC_MROPE_NAME "\""));
    free(s);
}
END_TEST

/* identify recognises and reports a type through its row (fit_shape,
 * magnitude_param, describe): its files name no rope type. */
START_TEST(test_identify_asks_the_table)
{
    static const char *const files[] = { "harness/conventions/probe_fit.c",
                                         "harness/conventions/probe_identify.c",
                                         "harness/cli/cmd_identify.c" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", RC_SOURCE_DIR, files[i]);
        char *s = slurp(path);
        ck_assert_ptr_nonnull(s);
        const char *hit = strstr(s, "RC_ROPE_");
        ck_assert_msg(hit == NULL, "%s names a rope type: %.40s", files[i], hit ? hit : "");
        free(s);
    }
    /* every shape identify can report is some row's, once */
    for (int sh = RC_FIT_UNIFORM; sh <= RC_FIT_PER_PAIR; sh++) {
        rc_rope_type t = rc_rope_type_by_fit((rc_fit_shape)sh);
        ck_assert_int_eq(rc_rope_type_fit(t), sh);
        ck_assert_ptr_nonnull(rc_rope_type_info_of(t)->describe);
    }
    ck_assert_int_eq(rc_rope_type_by_fit(RC_FIT_NONE), RC_ROPE_DEFAULT);
}
END_TEST

/* Canonical params of every type and pairing survive params JSON write
 * then read bit for bit (the X-macro list drives both). */
static rc_config a, b;

START_TEST(test_params_round_trip)
{
    const int t = _i / 4;
    rc_variant_params(&a, (rc_rope_type)t, (rc_pairing)(_i % 2), 96, 64, 5e5);
    a.params.mscale = t == RC_ROPE_YARN ? 0.707 : 0.0;
    if (_i & 2)   /* with M-RoPE axes: the ABI 1.1 fields travel too */
        rc_mrope_canonical(&a.params, (rc_mrope_layout)(t % 2));
    cJSON *j = rc_params_to_json(&a.params);
    ck_assert_ptr_nonnull(j);
    char *text = cJSON_PrintUnformatted(j);
    char err[256];
    ck_assert_msg(rc_config_parse(text, "rt", &b, err, sizeof err) == 0, "%s: %s", text, err);
    ck_assert_int_eq(b.params.type, t);
    ck_assert_int_eq(b.params.pairing, _i % 2);
    ck_assert_int_eq(b.params.head_dim, 96);
    ck_assert_int_eq(b.params.rotary_dim, 64);
#define RC_PARAM_CHECK_FACTORS(m)                                                                  \
    if (rc_rope_type_info_of(a.params.type)->factor_arrays)                                       \
        ck_assert_int_eq(memcmp(a.params.m, b.params.m, 32 * sizeof(double)), 0);
#define RC_PARAM_CHECK_F64(m) ck_assert_int_eq(memcmp(&a.params.m, &b.params.m, sizeof(double)), 0);
#define RC_PARAM_CHECK_I64(m) ck_assert_int_eq(a.params.m, b.params.m);
#define RC_PARAM_CHECK_I32(m) ck_assert_int_eq(a.params.m, b.params.m);
#define RC_PARAM_CHECK_FLAG(m) ck_assert_int_eq(a.params.m != 0, b.params.m != 0);
#define RC_PARAM_CHECK_PAIRING(m) ck_assert_int_eq(a.params.m, b.params.m);
#define RC_PARAM_CHECK_TYPE(m) ck_assert_int_eq(a.params.m, b.params.m);
#define RC_PARAM_CHECK_OPT32(m) ck_assert_int_eq(a.params.m, b.params.m);
#define RC_PARAM_CHECK_LAYOUT(m) ck_assert_int_eq(a.params.m, b.params.m);
#define RC_PARAM_CHECK_SECTIONS(m) ck_assert_int_eq(memcmp(a.params.m, b.params.m, sizeof a.params.m), 0);
#define RC_PARAM(kind, m, key) RC_PARAM_CHECK_##kind(m)
#include "params_fields.def"
#undef RC_PARAM
    free(text);
    cJSON_Delete(j);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("rope_types");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_rows);
    tcase_add_test(tc, test_names_only_in_table);
    tcase_add_test(tc, test_identify_asks_the_table);
    tcase_add_loop_test(tc, test_params_round_trip, 0, 4 * RC_ROPE_TYPE_COUNT);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }
