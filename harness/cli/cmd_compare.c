/* `rope-conform compare A.so B.so`: options, then the comparison as text. */
#include "cli.h"
#include "escape.h"
#include "config.h"
#include "dtype.h"
#include "probe_compare.h"
#include "variants.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: rope-conform compare A.so B.so [--config FILE] [--dtype D]\n\n"
            "Run both candidates on the same inputs at positions 0..1023 and 2^10..2^20 and\n"
            "compare them in the error model's metric (normalised pair difference against the\n"
            "sum of both standard bounds).  When they differ by convention, print the channel\n"
            "permutation from A to B and the q/k weight permutation a checkpoint converter\n"
            "applies, verified by re-running B on permuted inputs.\n\n"
            "  --config FILE   call both with these params (default: each its own params)\n"
            "  --dtype D       f64|f32|f16|bf16 (default: the first of f32, f64, f16, bf16 both run)\n"
            "  --seed N        input seed (default 1)\n"
            "  --timeout S     limit per candidate call (default 10)\n\n"
            "Exit: 0 they agree, 1 they differ (by convention, frequencies or magnitude), 2 error.\n");
}

static void print_side(const char *tag, const rc_cmp_side *s)
{
    char label[160];
    rc_params_label(&s->cfg.params, label, sizeof label);
    rc_layout l = rc_pairmap_layout(&s->map);
    printf("  %s %s (%s)\n      called with %s: %s\n      behaves %s%s, rotary_dim %d, m = %.9g; "
           "vs its golden (standard): %s, max %.3g of the bound\n",
           tag, s->cand->path, s->cand->name[0] ? s->cand->name : "?", label, s->how,
           rc_layout_name(l), s->map.n_reversed == s->map.n_pairs ? " reversed" : "",
           2 * s->map.n_pairs, s->sweep->m, s->golden_fails ? "FAIL" : "pass", s->golden_ratio);
}

static void print_result(const rc_compare_result *r)
{
    printf("compare at %s\n", rc_dtype_name(r->dtype));
    print_side("A", &r->a);
    print_side("B", &r->b);
    printf("\n  position bucket        max |yA-yB|/(m|x|)   / (bound A + bound B)%s\n",
           r->convention && r->permutable ? "   after permutation" : "");
    for (int i = 0; i < RC_CMP_BUCKETS; i++) {
        const rc_cmp_bucket *b = &r->bucket[i];
        char range[48];
        snprintf(range, sizeof range, "%lld..%lld", (long long)b->lo, (long long)b->hi);
        if (!b->ran) {
            printf("  %-20s   not run (a candidate refused these positions)\n", range);
            continue;
        }
        printf("  %-20s   %-18.3g   %-20.3g", range, b->max_raw, b->ratio_raw);
        if (r->convention && r->permutable)
            printf("  %.3g / %.3g", b->max_aligned, b->ratio_aligned);
        printf("\n");
    }
    printf("\n");
    if (r->n_freq_diff)
        printf("  frequencies differ in %d pair%s; worst pair %d: w_B / w_A = %.9g\n", r->n_freq_diff,
               r->n_freq_diff == 1 ? "" : "s", r->worst_freq_pair, r->worst_freq_ratio);
    if (r->mag_diff)
        printf("  magnitudes differ: m_A = %.9g, m_B = %.9g (ratio %.9g)\n", r->m_a, r->m_b,
               r->m_b / r->m_a);
    if (r->convention && !r->permutable)
        printf("  conventions differ and no channel permutation maps one to the other "
               "(rotary_dim %d vs %d)\n", 2 * r->a.map.n_pairs, 2 * r->b.map.n_pairs);
    if (r->convention && r->permutable) {
        char formula[256], weights[4096];
        rc_compare_perm_text(r, formula, sizeof formula, weights, sizeof weights);
        printf("  conventions differ: %s%s (A) vs %s%s (B)\n", rc_layout_name(rc_pairmap_layout(&r->a.map)),
               r->a.map.n_reversed == r->a.map.n_pairs ? " reversed" : "",
               rc_layout_name(rc_pairmap_layout(&r->b.map)),
               r->b.map.n_reversed == r->b.map.n_pairs ? " reversed" : "");
        printf("  channel permutation:  %s\n", formula);
        printf("  q/k weights for B from A's checkpoint (rows of W_q, W_k and their biases; "
               "W_v, W_o unchanged):\n    %s\n", weights);
        printf("  %s: B on permuted inputs, outputs permuted back, %s A within the error model "
               "(max %.3g of the bound)\n",
               r->verified ? "verified" : "NOT verified", r->verified ? "matches" : "does not match",
               r->ratio_aligned);
    }
    int not_run = 0;
    for (int i = 0; i < RC_CMP_BUCKETS; i++)
        not_run += !r->bucket[i].ran;
    if (not_run)
        printf("  %d position bucket%s not run: the verdict covers the others\n", not_run,
               not_run == 1 ? "" : "s");
    if (r->agree)
        printf("  agree: every pair within the sum of both bounds (max %.3g of it)\n", r->ratio_raw);
    else if (r->convention && r->verified && !r->n_freq_diff && !r->mag_diff)
        printf("  differ by convention only\n");
    else
        printf("  differ: max %.3g of the sum of both bounds%s\n",
               r->convention && r->permutable ? r->ratio_aligned : r->ratio_raw,
               r->convention && r->permutable ? " after the permutation" : "");
}

enum { O_CONFIG = 256, O_DTYPE, O_SEED, O_TIMEOUT, O_HELP };

int rc_cmd_compare(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "config", required_argument, 0, O_CONFIG }, { "dtype", required_argument, 0, O_DTYPE },
        { "seed", required_argument, 0, O_SEED },     { "timeout", required_argument, 0, O_TIMEOUT },
        { "help", no_argument, 0, O_HELP },           { 0, 0, 0, 0 }
    };
    const char *config = NULL;
    int dtype = -1;
    double timeout = 10.0;
    unsigned long long seed = 1;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (ch) {
        case O_CONFIG: config = optarg; break;
        case O_DTYPE:
            if (rc_cli_parse_dtype(optarg, &dtype) != 0)
                return 2;
            break;
        case O_SEED:
            if (rc_cli_parse_u64("--seed", optarg, &seed) != 0)
                return 2;
            break;
        case O_TIMEOUT:
            if (rc_cli_parse_double("--timeout", optarg, &timeout) != 0 || timeout <= 0)
                return 2;
            break;
        case O_HELP: help(stdout); return 0;
        default:
            return rc_cli_bad_option(NULL, ch, argv);
        }
    }
    if (argc - optind != 2) {
        rc_errorf("rope-conform: compare takes two candidates: rope-conform compare A.so "
                        "B.so [OPTIONS]");
        return 2;
    }
    char err[768];
    static rc_config cfg;
    if (config && rc_config_load(config, &cfg, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    rc_candidate ca, cb;
    if (rc_candidate_load(argv[optind], &ca, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    if (rc_candidate_load(argv[optind + 1], &cb, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        rc_candidate_unload(&ca);
        return 2;
    }
    static rc_compare_result res;
    int rc = rc_compare(&ca, &cb, config ? &cfg : NULL, dtype, seed, timeout, &res, err, sizeof err);
    int exit_code;
    if (rc != 0) {
        rc_errorf("rope-conform: compare: %s", err);
        exit_code = 2;
    } else {
        print_result(&res);
        exit_code = res.agree ? 0 : 1;
    }
    rc_compare_free(&res);
    rc_candidate_unload(&cb);
    rc_candidate_unload(&ca);
    return exit_code;
}
