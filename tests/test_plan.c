/* Plans as recipes: a planned case holds no buffers; making it gives the
 * inputs its fill steps describe (checked against the documented random
 * stream computed here), bit for bit every time, also after a FAIL freed
 * them; configurations and positions are shared, not copied per case. */
#define TMPDIR_PREFIX "rc_plan"
#define _XOPEN_SOURCE 700 /* nftw (testutil.h) */
#include "testutil.h"
#include "caseset.h"
#include "dtype.h"
#include "plan.h"
#include "prng.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int64_t pos_a[] = { 0, 1, 7, 1000 };
static const int64_t pos_b[] = { 0, 1, 7, 1001 };

static void default_config(rc_config *cfg, int head_dim)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->params.struct_size = sizeof cfg->params;
    cfg->params.head_dim = head_dim;
    cfg->params.rotary_dim = head_dim;
    cfg->params.base = 10000.0;
    cfg->params.type = RC_ROPE_DEFAULT;
    rc_config_rebind(cfg);
}

/* The input stream the docs promise, computed here on its own: key
 * "<case name>#<call>", uniform [-1, 1) times 2^e, e in [-4, 4]. */
static double expected_random(uint64_t seed, const char *name, int call, size_t i)
{
    char key[200];
    snprintf(key, sizeof key, "%s#%d", name, call);
    rc_prng g = rc_prng_keyed(seed, key);
    double v = 0.0;
    for (size_t j = 0; j <= i; j++) {
        double u = 2.0 * rc_prng_unit(&g) - 1.0;
        v = ldexp(u, (int)rc_prng_below(&g, 9) - 4);
    }
    return v;
}

/* The test's own filler: element i of the input is i + 0.5 plus call 0's
 * first element (it may read earlier calls). */
static void fill_ramp(const rc_case *c, rc_case_call *cc)
{
    double first = rc_load(c->calls[0].in.data, RC_F64, 0);
    for (size_t i = 0; i < rc_tensor_span(&cc->in); i++)
        rc_store(cc->in.data, RC_F64, i, (double)i + 0.5 + first);
}

/* A fresh plan with one case of head_dim hd: call 0 random, call 1 a copy
 * of it with seq_len 77, call 2 the ramp. */
static rc_case *three_calls(rc_plan *plan, int hd, uint64_t seed)
{
    rc_config cfg;   /* the plan keeps its own copy */
    default_config(&cfg, hd);
    memset(plan, 0, sizeof *plan);
    rc_case *c = rc_plan_add(plan, NULL, &cfg, RC_F64, "row/case-%d", 3);
    ck_assert_ptr_nonnull(c);
    rc_call_recipe *a = rc_case_add_call(c, RC_CALL_APPLY, pos_a, 4, 2);
    rc_call_recipe *b = rc_case_add_call(c, RC_CALL_APPLY, pos_b, 4, 2);
    rc_call_recipe *r = rc_case_add_call(c, RC_CALL_BACKWARD, pos_a, 4, 2);
    ck_assert(a && b && r);
    rc_call_set_seq_len(b, 77);
    ck_assert_int_eq(rc_case_fill_random(c, a, seed), 0);
    ck_assert_int_eq(rc_case_copy_input(c, b, a), 0);
    ck_assert_int_eq(rc_case_fill_with(c, r, fill_ramp), 0);
    return c;
}

START_TEST(made_inputs_follow_the_recipe)
{
    rc_plan plan;
    rc_case *c = three_calls(&plan, 8, 42);
    ck_assert_ptr_null(c->calls);   /* planned: no buffers */
    ck_assert_int_eq(rc_case_make(c), 0);
    const rc_case_call *k0 = &c->calls[0], *k1 = &c->calls[1], *k2 = &c->calls[2];
    size_t n = rc_tensor_span(&k0->in);
    ck_assert_uint_eq(n, 4 * 2 * 8);
    for (size_t i = 0; i < n; i++) {
        double want = expected_random(42, "row/case-3", 0, i);
        ck_assert_msg(rc_load(k0->in.data, RC_F64, i) == want, "element %zu", i);
        ck_assert(rc_load(k1->in.data, RC_F64, i) == want);
        double ramp = (double)i + 0.5 + expected_random(42, "row/case-3", 0, 0);
        ck_assert(rc_load(k2->in.data, RC_F64, i) == ramp);
    }
    ck_assert_int_eq(k0->params.seq_len, 0);
    ck_assert_int_eq(k1->params.seq_len, 77);
    ck_assert_int_eq(k1->call.params->seq_len, 77);
    ck_assert_int_eq(k2->call.kind, RC_CALL_BACKWARD);
    ck_assert_int_eq(k1->positions[3], 1001);
    ck_assert_int_eq(k1->call.n_positions, 4);
    rc_plan_free(&plan);
}
END_TEST

/* A FAIL frees its inputs and keeps its outputs within the budget; the
 * inputs come back bit for bit, as they do when the case is made again. */
START_TEST(failed_case_keeps_outputs_and_remakes_inputs)
{
    rc_plan plan;
    rc_case *c = three_calls(&plan, 16, 9);
    ck_assert_int_eq(rc_case_make(c), 0);
    size_t bytes = rc_tensor_span(&c->calls[0].in) * 8;
    unsigned char *snap[3];
    for (int k = 0; k < 3; k++) {
        snap[k] = malloc(bytes);
        memcpy(snap[k], c->calls[k].in.data, bytes);
        memset(c->calls[k].out.data, 0x5a + k, bytes);   /* "the candidate's outputs" */
    }
    size_t budget = 3 * bytes;
    ck_assert_uint_eq(rc_case_keep_failed(c, &budget), 3 * bytes);
    ck_assert_uint_eq(budget, 0);
    for (int k = 0; k < 3; k++) {
        ck_assert_ptr_null(c->calls[k].in.data);
        ck_assert_int_eq(((unsigned char *)c->calls[k].out.data)[bytes - 1], 0x5a + k);
    }
    ck_assert_int_eq(rc_case_remake_inputs(c), 0);
    for (int k = 0; k < 3; k++) {
        ck_assert(memcmp(snap[k], c->calls[k].in.data, bytes) == 0);
        ck_assert_int_eq(((unsigned char *)c->calls[k].out.data)[0], 0x5a + k);
    }
    /* past the budget the outputs go too; the budget is not touched */
    budget = 3 * bytes - 1;
    ck_assert_uint_eq(rc_case_keep_failed(c, &budget), 0);
    ck_assert_uint_eq(budget, 3 * bytes - 1);
    ck_assert_ptr_null(c->calls[1].out.data);
    rc_case_release(c);
    ck_assert_ptr_null(c->calls);
    ck_assert_int_eq(rc_case_remake_inputs(c), -1);
    ck_assert_int_eq(rc_case_make(c), 0);
    for (int k = 0; k < 3; k++) {
        ck_assert(memcmp(snap[k], c->calls[k].in.data, bytes) == 0);
        free(snap[k]);
    }
    rc_plan_free(&plan);
}
END_TEST

START_TEST(configurations_and_positions_are_shared)
{
    rc_config *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    default_config(a, 64);
    *b = *a;
    rc_config_rebind(b);
    rc_plan plan;
    memset(&plan, 0, sizeof plan);
    /* enough cases to grow the plan and its store several times */
    for (int i = 0; i < 1000; i++) {
        rc_case *c = rc_plan_add(&plan, NULL, i % 2 ? a : b, RC_F32, "case-%d", i);
        ck_assert_ptr_nonnull(c);
        int64_t p[3] = { i % 7, 5, 6 };
        ck_assert_ptr_nonnull(rc_case_add_call(c, RC_CALL_APPLY, p, 3, 1));
    }
    ck_assert_ptr_eq(plan.cases[0]->cfg, plan.cases[999]->cfg);
    ck_assert_ptr_ne(plan.cases[0]->cfg, a);
    ck_assert_ptr_eq(plan.cases[3]->recipe[0].positions, plan.cases[10]->recipe[0].positions);
    ck_assert_ptr_ne(plan.cases[3]->recipe[0].positions, plan.cases[4]->recipe[0].positions);
    ck_assert_int_eq(plan.cases[998]->recipe[0].positions[0], 998 % 7);

    /* LONGROPE: one factor apart is another configuration */
    a->params.type = b->params.type = RC_ROPE_LONGROPE;
    rc_config_rebind(a);
    rc_config_rebind(b);
    b->long_factor[31] = 2.0;
    rc_case *x = rc_plan_add(&plan, NULL, a, RC_F32, "x");
    rc_case *y = rc_plan_add(&plan, NULL, b, RC_F32, "y");
    ck_assert_ptr_ne(x->cfg, y->cfg);
    ck_assert(y->cfg->params.long_factor == y->cfg->long_factor);
    ck_assert(y->cfg->params.long_factor[31] == 2.0);
    b->long_factor[31] = 0.0;
    ck_assert_ptr_eq(rc_plan_add(&plan, NULL, b, RC_F32, "z")->cfg, x->cfg);
    rc_plan_free(&plan);
    free(a);
    free(b);
}
END_TEST

static size_t distinct(const void **v, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < d && v[j] != v[i])
            j++;
        if (j == d)
            v[d++] = v[i];
    }
    return d;
}

/* The default grid at level 3 (every combination, as gen plans it): tens
 * of thousands of cases, none made, sharing a configuration per row and a
 * handful of position sets. */
START_TEST(level_3_plan_holds_recipes)
{
    static rc_caseset cs;
    memset(&cs, 0, sizeof cs);
    cs.opts.profile = "standard";
    cs.opts.level = 3;
    cs.opts.seed = 1;
    char err[256];
    ck_assert_msg(rc_caseset_plan(&cs, err, sizeof err) == 0, "%s", err);
    size_t n = cs.plan.n;
    ck_assert_uint_gt(n, 20000);
    const void **cfgs = malloc(n * sizeof *cfgs), **pos = malloc(n * sizeof *pos);
    for (size_t i = 0; i < n; i++) {
        ck_assert_ptr_null(cs.plan.cases[i]->calls);
        cfgs[i] = cs.plan.cases[i]->cfg;
        pos[i] = cs.plan.cases[i]->recipe[0].positions;
    }
    ck_assert_uint_le(distinct(cfgs, n), 2 * cs.ctx.n_rows);
    ck_assert_uint_le(distinct(pos, n), 100);
    free(cfgs);
    free(pos);
    rc_caseset_free(&cs);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("recipes");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, made_inputs_follow_the_recipe);
    tcase_add_test(tc, failed_case_keeps_outputs_and_remakes_inputs);
    tcase_add_test(tc, configurations_and_positions_are_shared);
    tcase_add_test(tc, level_3_plan_holds_recipes);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
