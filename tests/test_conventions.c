/* identify, compare and lint: exact recovery of declared parameters, named
 * mutations, the permutation between conventions, configuration hazards. */
#include <check.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "lint.h"
#include "loader.h"
#include "probe.h"
#include "probe_compare.h"
#include "variants.h"

#define ADAPTER(name) RC_BUILD_DIR "/adapters/librope_" name ".so"
#define MUTANT(name) RC_TEST_ADAPTER_DIR "/conv_" name ".so"
#define FIXTURE(name) RC_FIXTURE_DIR "/" name

static rc_identify_result res;
static rc_compare_result cmp;

static void load(const char *path, rc_candidate *c)
{
    char err[512];
    ck_assert_msg(rc_candidate_load(path, c, err, sizeof err) == 0, "%s", err);
}

/* identify path with cfg (NULL: its own params) at dtype (-1: widest). */
static void identify(const char *path, const rc_config *cfg, int dtype)
{
    rc_candidate c;
    char err[512];
    load(path, &c);
    ck_assert_msg(rc_identify(&c, cfg, dtype, 10.0, &res, err, sizeof err) == 0, "%s: %s", path, err);
    rc_candidate_unload(&c);
}

static void fixture(const char *name, rc_config *cfg)
{
    char err[512];
    ck_assert_msg(rc_config_load(name, cfg, err, sizeof err) == 0, "%s", err);
}

static int has_mismatch(const char *prefix, const char *word)
{
    for (int i = 0; i < res.n_mismatch; i++)
        if (strncmp(res.mismatch[i], prefix, strlen(prefix)) == 0 &&
            (!word || strstr(res.mismatch[i], word)))
            return 1;
    return 0;
}

/* The identified params equal the declared ones in what identify claims:
 * pairing, rotary_dim, type, factor; the raw base fit within tol. */
static void expect_exact(const rc_rope_params *d, double base_tol)
{
    const rc_rope_params *p = &res.ident.params;
    ck_assert_int_eq(res.n_mismatch, 0);
    ck_assert_int_eq(p->pairing, d->pairing);
    ck_assert_int_eq(p->rotary_dim, d->rotary_dim);
    ck_assert_int_eq(p->type, d->type);
    ck_assert_int_eq(res.reversed, 0);
    ck_assert_msg(fabs(res.base_fit / d->base - 1) <= base_tol, "base fit %.17g vs %.17g",
                  res.base_fit, d->base);
    ck_assert(p->base == d->base);
    if (d->type != RC_ROPE_DEFAULT && d->type != RC_ROPE_LONGROPE)
        ck_assert_msg(p->factor == d->factor, "factor %.17g vs %.17g", p->factor, d->factor);
    if (d->type == RC_ROPE_LLAMA3) {
        ck_assert(p->low_freq_factor == d->low_freq_factor);
        ck_assert(p->high_freq_factor == d->high_freq_factor);
    }
    if (d->type == RC_ROPE_YARN) {
        ck_assert(p->beta_fast == d->beta_fast);
        ck_assert(p->beta_slow == d->beta_slow);
    }
}

START_TEST(reference_default)
{
    identify(ADAPTER("reference"), NULL, -1);
    ck_assert_int_eq(res.dtype, RC_F64);
    ck_assert_int_eq(res.layout, RC_LAYOUT_HALF_SPLIT);
    expect_exact(&res.declared.params, 1e-9);
    ck_assert(fabs(res.m - 1) < 1e-15);
    rc_identify_free(&res);
}
END_TEST

static const char *const fixtures[] = { "llama2_7b.json", "llama31_8b.json", "qwen2.5_7b_yarn.json",
                                        "params_yarn.json", "deepseek_v3.json", "gptj_6b.json",
                                        "gpt_neox_20b.json", "qwen2_7b.json" };

START_TEST(reference_fixtures)
{
    static rc_config cfg;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", RC_FIXTURE_DIR, fixtures[_i]);
    fixture(path, &cfg);
    identify(ADAPTER("reference"), &cfg, RC_F64);
    expect_exact(&cfg.params, 1e-9);
    rc_identify_free(&res);
}
END_TEST

/* LINEAR and DYNAMIC_NTK have no fixture among the HF configs: the
 * canonical variant params, through a params JSON round trip. */
static const rc_rope_type variant_types[] = { RC_ROPE_LINEAR, RC_ROPE_DYNAMIC_NTK, RC_ROPE_YARN,
                                              RC_ROPE_LLAMA3 };

START_TEST(fp64_candidates_variants)
{
    static rc_config cfg;
    rc_variant_params(&cfg, variant_types[_i], RC_INTERLEAVED, 128, 96, 5e5);
    const char *cands[] = { ADAPTER("reference"), ADAPTER("example_fp64") };
    for (int i = 0; i < 2; i++) {
        identify(cands[i], &cfg, RC_F64);
        expect_exact(&cfg.params, 1e-9);
        rc_identify_free(&res);
    }
}
END_TEST

START_TEST(longrope_factors)
{
    static rc_config cfg;
    fixture(FIXTURE("phi3_mini_128k.json"), &cfg);
    identify(ADAPTER("reference"), &cfg, RC_F64);
    ck_assert_int_eq(res.ident.params.type, RC_ROPE_LONGROPE);
    ck_assert_int_eq(res.n_mismatch, 0);
    for (int k = 0; k < cfg.params.rotary_dim / 2; k++) {
        ck_assert(fabs(res.ident.short_factor[k] / cfg.short_factor[k] - 1) < 1e-9);
        ck_assert(fabs(res.ident.long_factor[k] / cfg.long_factor[k] - 1) < 1e-9);
    }
    rc_identify_free(&res);
}
END_TEST

/* Every example at its own configuration (none declares default_params:
 * the default half-split config, interleaved for llama2.c). */
static const char *const examples[] = { "example_fp64", "example_hf", "example_vllm", "example_ggml",
                                         "example_llama2c", "example_half_io", "example_minimal" };

START_TEST(examples_own_config)
{
    char path[512];
    snprintf(path, sizeof path, "%s/adapters/librope_%s.so", RC_BUILD_DIR, examples[_i]);
    identify(path, NULL, -1);
    const rc_rope_params *d = &res.declared.params;
    ck_assert_int_eq(d->pairing, strcmp(examples[_i], "example_llama2c") == 0 ? RC_INTERLEAVED
                                                                               : RC_HALF_SPLIT);
    expect_exact(d, res.dtype == RC_F64 ? 1e-9 : 1e-5);
    rc_identify_free(&res);
}
END_TEST

START_TEST(examples_llama3)
{
    /* the fp32 styles recover the Llama 3.1 bands too */
    static rc_config cfg;
    fixture(FIXTURE("llama31_8b.json"), &cfg);
    const char *cands[] = { ADAPTER("example_hf"), ADAPTER("example_vllm"), ADAPTER("example_ggml") };
    for (int i = 0; i < 3; i++) {
        identify(cands[i], &cfg, RC_F32);
        expect_exact(&cfg.params, 1e-5);
        rc_identify_free(&res);
    }
}
END_TEST

static rc_config linear_cfg(void)
{
    rc_config c;
    rc_variant_params(&c, RC_ROPE_LINEAR, RC_HALF_SPLIT, 128, 128, 1e4);
    return c;
}

START_TEST(mutant_pairing)
{
    static rc_config cfg;
    cfg = linear_cfg();
    identify(MUTANT("pairing_swap"), &cfg, -1);
    ck_assert_int_eq(res.layout, RC_LAYOUT_INTERLEAVED);
    ck_assert(has_mismatch("pairing:", "declares half-split, behaves interleaved"));
    ck_assert_int_eq(res.n_mismatch, 1);
    rc_identify_free(&res);
}
END_TEST

START_TEST(mutant_sign)
{
    static rc_config cfg;
    cfg = linear_cfg();
    identify(MUTANT("sign_flip"), &cfg, -1);
    ck_assert_int_eq(res.reversed, 1);
    ck_assert(has_mismatch("direction:", "negative angle"));
    ck_assert_int_eq(res.n_mismatch, 1);
    rc_identify_free(&res);
}
END_TEST

START_TEST(mutant_exponent)
{
    static rc_config cfg;
    cfg = linear_cfg();
    identify(MUTANT("exponent"), &cfg, -1);
    ck_assert(fabs(res.base_fit - 100) < 1e-9);
    ck_assert(has_mismatch("base/exponent:", "exponent is scaled by 0.5"));
    ck_assert_int_eq(res.n_mismatch, 1);
    rc_identify_free(&res);
}
END_TEST

START_TEST(mutant_scaling)
{
    static rc_config cfg;
    cfg = linear_cfg();
    identify(MUTANT("scaling"), &cfg, -1);
    ck_assert_int_eq(res.ident.params.type, RC_ROPE_LINEAR);
    ck_assert(fabs(res.ident.params.factor - 16) < 1e-9);
    ck_assert(has_mismatch("scaling:", "behaves factor 16"));
    ck_assert_int_eq(res.n_mismatch, 1);
    rc_identify_free(&res);
}
END_TEST

START_TEST(params_round_trip)
{
    static rc_config cfg, back;
    fixture(FIXTURE("llama31_8b.json"), &cfg);
    identify(ADAPTER("reference"), &cfg, RC_F64);
    cJSON *j = rc_params_to_json(&res.ident.params);
    ck_assert_ptr_nonnull(j);
    char *s = cJSON_Print(j), err[512];
    cJSON_Delete(j);
    ck_assert_msg(rc_config_parse(s, "identify", &back, err, sizeof err) == 0, "%s", err);
    free(s);
    const rc_rope_params *a = &back.params, *b = &cfg.params;
    ck_assert(a->type == b->type && a->base == b->base && a->factor == b->factor &&
              a->low_freq_factor == b->low_freq_factor && a->high_freq_factor == b->high_freq_factor &&
              a->original_max_position == b->original_max_position && a->pairing == b->pairing &&
              a->rotary_dim == b->rotary_dim);
    rc_identify_free(&res);
}
END_TEST

static void compare(const char *a, const char *b, const rc_config *cfg)
{
    rc_candidate ca, cb;
    char err[768];
    load(a, &ca);
    load(b, &cb);
    ck_assert_msg(rc_compare(&ca, &cb, cfg, -1, 1, 10.0, &cmp, err, sizeof err) == 0, "%s", err);
    rc_candidate_unload(&cb);
    rc_candidate_unload(&ca);
}

START_TEST(compare_llama2c_hf)
{
    compare(ADAPTER("example_llama2c"), ADAPTER("example_hf"), NULL);
    ck_assert(cmp.convention && cmp.permutable && cmp.verified && !cmp.agree);
    ck_assert_int_eq(cmp.n_freq_diff, 0);
    for (int k = 0; k < 64; k++)
        for (int e = 0; e < 2; e++)
            ck_assert_int_eq(cmp.perm[k + 64 * e], 2 * k + e); /* B[k + e r/2] = A[2k + e] */
    char f[256], w[4096];
    rc_compare_perm_text(&cmp, f, sizeof f, w, sizeof w);
    ck_assert_str_eq(f, "B[k + e*r/2] = A[2k + e] for pair k = 0..63, element e = 0, 1 (r = 128)");
    ck_assert_str_eq(w, "W_B = W_A.reshape(n_heads, 64, 2, in).transpose(1, 2).reshape(n_heads * 128, in)");
    rc_compare_free(&cmp);
}
END_TEST

START_TEST(compare_reference_pairings)
{
    /* the reference half-split (its default) against llama2.c interleaved,
     * and the reverse direction of the map */
    compare(ADAPTER("reference"), ADAPTER("example_llama2c"), NULL);
    ck_assert(cmp.convention && cmp.verified);
    for (int k = 0; k < 64; k++)
        for (int e = 0; e < 2; e++)
            ck_assert_int_eq(cmp.perm[2 * k + e], k + 64 * e);
    char f[256], w[4096];
    rc_compare_perm_text(&cmp, f, sizeof f, w, sizeof w);
    ck_assert_str_eq(w, "W_B = W_A.reshape(n_heads, 2, 64, in).transpose(1, 2).reshape(n_heads * 128, in)");
    rc_compare_free(&cmp);
}
END_TEST

START_TEST(compare_agree_and_differ)
{
    compare(ADAPTER("reference"), ADAPTER("example_fp64"), NULL);
    ck_assert(cmp.agree && !cmp.convention);
    rc_compare_free(&cmp);
    compare(ADAPTER("reference"), MUTANT("sign_flip"), NULL);
    ck_assert(cmp.convention && cmp.verified && !cmp.agree);
    rc_compare_free(&cmp);
    compare(ADAPTER("reference"), MUTANT("exponent"), NULL);
    ck_assert(!cmp.agree && !cmp.convention && cmp.n_freq_diff == 63);
    rc_compare_free(&cmp);
}
END_TEST

START_TEST(compare_refused_config)
{
    static rc_config cfg;
    fixture(FIXTURE("llama2_7b.json"), &cfg);
    rc_candidate ca, cb;
    char err[768];
    load(ADAPTER("example_hf"), &ca);
    load(ADAPTER("example_llama2c"), &cb);
    ck_assert_int_eq(rc_compare(&ca, &cb, &cfg, -1, 1, 10.0, &cmp, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "refuses the given config"));
    rc_compare_free(&cmp);
    rc_candidate_unload(&cb);
    rc_candidate_unload(&ca);
}
END_TEST

static rc_lint_report rep;

START_TEST(lint_bf16_high_base)
{
    char err[512];
    ck_assert_int_eq(rc_lint_file(FIXTURE("lint_bf16_base1e7.json"), -1, 0, &rep, err, sizeof err), 0);
    ck_assert_int_eq(rep.dtype, RC_BF16);
    ck_assert_int_eq(rc_lint_worst(&rep), RC_LINT_ERROR);
    int alias_error = 0;
    for (int i = 0; i < rep.n; i++)
        alias_error |= rep.item[i].sev == RC_LINT_ERROR && strcmp(rep.item[i].check, "aliasing") == 0;
    ck_assert(alias_error);
}
END_TEST

START_TEST(lint_llama2_clean)
{
    char err[512];
    ck_assert_int_eq(rc_lint_file(FIXTURE("llama2_7b.json"), -1, 4096, &rep, err, sizeof err), 0);
    ck_assert_int_eq(rep.max_position, 4096);
    ck_assert_int_lt(rc_lint_worst(&rep), RC_LINT_ERROR);
}
END_TEST

START_TEST(lint_config_errors)
{
    char err[512];
    /* valid JSON, unusable RoPE block: an error finding (exit 1) */
    ck_assert_int_eq(rc_lint_file(FIXTURE("longrope_wrong_length.json"), -1, 0, &rep, err, sizeof err), 0);
    ck_assert_int_eq(rc_lint_worst(&rep), RC_LINT_ERROR);
    /* not JSON: a usage error (exit 2) */
    ck_assert_int_eq(rc_lint_file(FIXTURE("bad_syntax.json"), -1, 0, &rep, err, sizeof err), -1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("conventions");
    TCase *t = tcase_create("identify");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, reference_default);
    tcase_add_loop_test(t, reference_fixtures, 0, (int)(sizeof fixtures / sizeof fixtures[0]));
    tcase_add_loop_test(t, fp64_candidates_variants, 0,
                        (int)(sizeof variant_types / sizeof variant_types[0]));
    tcase_add_test(t, longrope_factors);
    tcase_add_loop_test(t, examples_own_config, 0, (int)(sizeof examples / sizeof examples[0]));
    tcase_add_test(t, examples_llama3);
    tcase_add_test(t, params_round_trip);
    suite_add_tcase(s, t);
    TCase *m = tcase_create("mutants");
    tcase_set_timeout(m, 60);
    tcase_add_test(m, mutant_pairing);
    tcase_add_test(m, mutant_sign);
    tcase_add_test(m, mutant_exponent);
    tcase_add_test(m, mutant_scaling);
    suite_add_tcase(s, m);
    TCase *c = tcase_create("compare");
    tcase_set_timeout(c, 120);
    tcase_add_test(c, compare_llama2c_hf);
    tcase_add_test(c, compare_reference_pairings);
    tcase_add_test(c, compare_agree_and_differ);
    tcase_add_test(c, compare_refused_config);
    suite_add_tcase(s, c);
    TCase *l = tcase_create("lint");
    tcase_set_timeout(l, 60);
    tcase_add_test(l, lint_bf16_high_base);
    tcase_add_test(l, lint_llama2_clean);
    tcase_add_test(l, lint_config_errors);
    suite_add_tcase(s, l);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
