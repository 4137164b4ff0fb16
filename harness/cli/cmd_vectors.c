/* `rope-conform vectors generate|verify|check`: the frozen golden vectors
 * in vectors/ (docs/vectors.md). */
#include "cli.h"
#include "escape.h"
#include "report.h"
#include "paths.h"
#include "vectors.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_TIMEOUT 10.0

static void help(FILE *f)
{
    char vdir[4096];
    fprintf(f,
            "usage: rope-conform vectors generate [--dir DIR] [--seed S]\n"
            "       rope-conform vectors verify [--dir DIR]\n"
            "       rope-conform vectors check CANDIDATE.so [--dir DIR] [--profile P] [--timeout S]\n"
            "  generate  rewrite every vector file and MANIFEST.json from the golden engine\n"
            "  verify    regenerate and compare bit for bit: exit 0 identical, 1 one line per\n"
            "            differing file, 2 malformed or unreadable files\n"
            "  check     run a candidate on the frozen inputs, judged by the error model\n"
            "            against the frozen values: exit 0 pass, 1 fail, 2 error\n"
            "  --dir DIR        the vector directory (*%s)\n"
            "  --seed S         generate: seed of the random inputs (*%d); verify reads it\n"
            "                   from the manifest\n"
            "  --profile NAME   check: error model, standard* or strict\n"
            "  --timeout S      check: limit per candidate call in seconds (*%.0f)\n",
            rc_path(RC_PATH_DATA, RC_VEC_DEFAULT_DIR, vdir, sizeof vdir), RC_VEC_DEFAULT_SEED,
            DEFAULT_TIMEOUT);
}

enum { O_DIR = 256, O_SEED, O_PROFILE, O_TIMEOUT, O_HELP };

int rc_cmd_vectors(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "dir", required_argument, 0, O_DIR }, { "seed", required_argument, 0, O_SEED },
        { "profile", required_argument, 0, O_PROFILE }, { "timeout", required_argument, 0, O_TIMEOUT },
        { "help", no_argument, 0, O_HELP }, { 0, 0, 0, 0 }
    };
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        help(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    char vdir[4096];
    const char *action = argv[1], *profile = "standard";
    const char *dir = rc_path(RC_PATH_DATA, RC_VEC_DEFAULT_DIR, vdir, sizeof vdir);
    unsigned long long seed = RC_VEC_DEFAULT_SEED;
    double timeout = DEFAULT_TIMEOUT;
    int seed_given = 0;
    optind = 1;
    opterr = 0;
    int ch;
    /* skip the action word: getopt permutes the rest */
    while ((ch = getopt_long(argc - 1, argv + 1, ":", longopts, NULL)) != -1) {
        switch (ch) {
        case O_DIR: dir = optarg; break;
        case O_SEED:
            if (rc_cli_parse_u64("--seed", optarg, &seed) != 0)
                return 2;
            seed_given = 1;
            break;
        case O_PROFILE: profile = optarg; break;
        case O_TIMEOUT:
            if (rc_cli_parse_double("--timeout", optarg, &timeout) != 0)
                return 2;
            if (timeout <= 0) {
                rc_errorf("rope-conform: vectors: --timeout must be positive");
                return 2;
            }
            break;
        case O_HELP: help(stdout); return 0;
        case ':':
            rc_errorf("rope-conform: vectors: option %s needs a value (see --help)", argv[optind]);
            return 2;
        default:
            rc_errorf("rope-conform: vectors: unknown option '%s' (see --help)", argv[optind]);
            return 2;
        }
    }
    int nargs = argc - 1 - optind;
    char **args = argv + 1 + optind;
    int is_check = strcmp(action, "check") == 0;
    if (strcmp(action, "generate") != 0 && strcmp(action, "verify") != 0 && !is_check) {
        rc_errorf("rope-conform: vectors: unknown action '%s' (generate, verify, check)", action);
        return 2;
    }
    if (nargs != is_check) {
        rc_errorf("rope-conform: vectors %s: %s", action,
                is_check ? "one candidate expected: vectors check CANDIDATE.so"
                         : "unexpected argument (see --help)");
        return 2;
    }
    if (seed_given && strcmp(action, "generate") != 0) {
        rc_errorf("rope-conform: vectors %s: --seed is for generate only", action);
        return 2;
    }
    char err[1024];
    int rc;
    char manifest[4200];
    snprintf(manifest, sizeof manifest, "%s/MANIFEST.json", dir);
    const char *const outs[] = { manifest };
    if (strcmp(action, "generate") == 0 && rc_report_targets_check(outs, 1, err, sizeof err) != 0) {
        rc_errorf("rope-conform: vectors generate: %s", err);
        return 2;
    }
    if (strcmp(action, "generate") == 0)
        rc = rc_vec_generate(dir, seed, stdout, err, sizeof err) == 0 ? 0 : 2;
    else if (is_check)
        rc = rc_vec_check(dir, args[0], profile, timeout, stdout, err, sizeof err);
    else {
        rc = rc_vec_verify(dir, stdout, err, sizeof err);
        if (rc == 0)
            printf("%s: every vector file is identical to its regeneration\n", dir);
    }
    if (rc == 2)
        rc_errorf("rope-conform: vectors %s: %s", action, err);
    return rc;
}
