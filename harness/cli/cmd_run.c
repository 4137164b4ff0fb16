/* `rope-conform run`: options to rc_run_opts. */
#include "cli.h"
#include "escape.h"
#include "dtype.h"
#include "errmodel.h"
#include "fileio.h"
#include "report.h"
#include "run.h"
#include "runner.h"
#include "suites.h"
#include "shard.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RC_DEFAULT_SEED 1
#define RC_DEFAULT_TIMEOUT 5.0

void rc_cmd_run_help(FILE *f)
{
    fprintf(f,
            "\nrun options (defaults marked *):\n"
            "  --config FILE        HF config.json or rope-conform params JSON: test this\n"
            "                       configuration densely (else the candidate's own, else a\n"
            "                       pairwise covering grid of types, pairings and geometries)\n"
            "  --profile NAME       error model: standard*, strict (docs/error-model.md)\n"
            "  --level 1|2|3        1* pull-request gate (seconds), 2 nightly, 3 exhaustive\n"
            "  --seed N             PRNG seed for inputs (*%d); printed in every report\n"
            "  --timeout SECONDS    CPU time limit per candidate call (*%.0f)\n"
            "  --wall-timeout S     wall-clock limit per call, for candidates that sleep\n"
            "                       (*10 x --timeout)\n"
            "  --init-timeout S     limit for the candidate's init (*60)\n"
            "  --max-memory-mib N   data memory of a candidate process (*8192; 0: none)\n"
            "  --max-procs N        processes of the user while the candidate runs (*16384)\n"
            "  --max-file-mib N     largest file the candidate may write (*1024)\n"
            "  --fresh-worker       a new candidate process (and init) per batch of calls\n"
            "  --jobs N             worker processes (*the number of cores); results are\n"
            "                       identical for any N\n"
            "  --shard I/N          run the I-th of N deterministic slices of the cases\n"
            "                       (combine the JSON reports with `rope-conform merge`)\n"
            "  --suite NAME         run one suite only\n"
            "  --dtype f64|f32|f16|bf16  test one dtype only\n"
            "  --list               print the rows and cases that would run, run nothing\n"
            "  --json FILE          JSON report (docs/report-schema.md)\n"
            "  --junit FILE         JUnit XML report\n"
            "  --markdown FILE      Markdown summary (e.g. $GITHUB_STEP_SUMMARY)\n"
            "  --html FILE          HTML report with plots (one self-contained file)\n"
            "  --baseline FILE      fail on regressions against an earlier JSON report\n"
            "  --baseline-factor X  max error may grow by this factor (*2)\n"
            "  --color auto*|always|never   -q quiet   -v verbose\n",
            RC_DEFAULT_SEED, RC_DEFAULT_TIMEOUT);
}

int rc_cli_parse_u64(const char *opt, const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || s[0] == '-') {
        rc_errorf("rope-conform: %s expects a non-negative integer, got '%s'", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

int rc_cli_parse_double(const char *opt, const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v)) {
        rc_errorf("rope-conform: %s expects a number, got '%s'", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

int rc_cli_parse_dtype(const char *s, int *out)
{
    rc_dtype d;
    if (rc_dtype_parse(s, &d) != 0) {
        rc_errorf("rope-conform: unknown dtype '%s' (f64, f32, f16, bf16)", s);
        return -1;
    }
    *out = (int)d;
    return 0;
}

int rc_cli_bad_option(const char *cmd, int ch, char **argv)
{
    if (ch == ':')
        rc_errorf("rope-conform%s%s: option %s needs a value (see --help)", cmd ? " " : "",
                cmd ? cmd : "", argv[optind - 1]);
    else
        rc_errorf("rope-conform%s%s: unknown option '%s' (see --help)", cmd ? " " : "",
                cmd ? cmd : "", argv[optind - 1]);
    return 2;
}

int rc_cli_parse_color(const char *s, int *out)
{
    if (strcmp(s, "always") == 0)
        *out = 1;
    else if (strcmp(s, "never") == 0)
        *out = 0;
    else if (strcmp(s, "auto") == 0)
        *out = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
    else {
        rc_errorf("rope-conform: --color expects auto, always or never, got '%s'", s);
        return -1;
    }
    return 0;
}

/* Before any work: every report can be written (and no two share a file,
 * none replaces the --baseline), and the --baseline is a readable regular
 * file within the input bound.  0 ok, -1 with one line on stderr. */
int rc_cli_check_files(const rc_run_opts *o)
{
    const char *const outs[] = { o->json, o->junit, o->markdown, o->html };
    const size_t n = sizeof outs / sizeof outs[0];
    char err[1024];
    if (rc_report_targets_check(outs, n, err, sizeof err) != 0 ||
        rc_report_targets_exclude(outs, n, o->baseline, err, sizeof err) != 0 ||
        (o->baseline && rc_input_check(o->baseline, RC_REPORT_MAX_BYTES, err, sizeof err) != 0)) {
        rc_errorf("rope-conform: %s", err);
        return -1;
    }
    return 0;
}

enum { O_JOBS = 200, O_SHARD, O_CONFIG = 256, O_PROFILE, O_LEVEL, O_SEED, O_TIMEOUT, O_SUITE, O_DTYPE, O_LIST, O_JSON,
       O_JUNIT, O_MARKDOWN, O_HTML, O_BASELINE, O_BASELINE_FACTOR, O_COLOR, O_HELP, O_WALL, O_INIT, O_MEM, O_PROCS, O_FILE, O_FRESH };

int rc_cmd_run(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "config", required_argument, 0, O_CONFIG },
        { "jobs", required_argument, 0, O_JOBS },
        { "shard", required_argument, 0, O_SHARD },
        { "profile", required_argument, 0, O_PROFILE },
        { "level", required_argument, 0, O_LEVEL },
        { "seed", required_argument, 0, O_SEED },
        { "timeout", required_argument, 0, O_TIMEOUT },
        { "suite", required_argument, 0, O_SUITE },
        { "dtype", required_argument, 0, O_DTYPE },
        { "list", no_argument, 0, O_LIST },
        { "json", required_argument, 0, O_JSON },
        { "junit", required_argument, 0, O_JUNIT },
        { "markdown", required_argument, 0, O_MARKDOWN },
        { "html", required_argument, 0, O_HTML },
        { "baseline", required_argument, 0, O_BASELINE },
        { "baseline-factor", required_argument, 0, O_BASELINE_FACTOR },
        { "wall-timeout", required_argument, 0, O_WALL },
        { "init-timeout", required_argument, 0, O_INIT },
        { "max-memory-mib", required_argument, 0, O_MEM },
        { "max-procs", required_argument, 0, O_PROCS },
        { "max-file-mib", required_argument, 0, O_FILE },
        { "fresh-worker", no_argument, 0, O_FRESH },
        { "color", required_argument, 0, O_COLOR },
        { "help", no_argument, 0, O_HELP },
        { "quiet", no_argument, 0, 'q' },
        { "verbose", no_argument, 0, 'v' },
        { 0, 0, 0, 0 }
    };
    rc_run_opts o;
    memset(&o, 0, sizeof o);
    o.profile = "standard";
    o.level = 1;
    o.seed = RC_DEFAULT_SEED;
    o.timeout = RC_DEFAULT_TIMEOUT;
    rc_limits_default(&o.limits);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? (int)cores : 1;
    o.baseline_factor = RC_BASELINE_DEFAULT_FACTOR;
    o.progress = isatty(STDERR_FILENO);
    if (rc_cli_parse_color("auto", &o.color) != 0)
        return 2;
    unsigned long long u;
    double d;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":qv", longopts, NULL)) != -1) {
        switch (ch) {
        case O_CONFIG: o.config_path = optarg; break;
        case O_PROFILE: o.profile = optarg; break;
        case O_LEVEL:
            if (rc_cli_parse_u64("--level", optarg, &u) != 0)
                return 2;
            if (u < 1 || u > 3) {
                rc_errorf("rope-conform: --level must be 1, 2 or 3, got %llu", u);
                return 2;
            }
            o.level = (int)u;
            break;
        case O_SEED:
            if (rc_cli_parse_u64("--seed", optarg, &u) != 0)
                return 2;
            o.seed = u;
            break;
        case O_TIMEOUT:
            if (rc_cli_parse_double("--timeout", optarg, &d) != 0)
                return 2;
            if (d <= 0) {
                rc_errorf("rope-conform: --timeout must be positive, got %s", optarg);
                return 2;
            }
            o.timeout = d;
            break;
        case O_JOBS:
            if (rc_cli_parse_u64("--jobs", optarg, &u) != 0)
                return 2;
            if (u < 1 || u > 256) {
                rc_errorf("rope-conform: --jobs must be between 1 and 256, got %llu", u);
                return 2;
            }
            o.jobs = (int)u;
            break;
        case O_SHARD:
            if (rc_shard_parse(optarg, &o.shard_index, &o.shard_count) != 0)
                return 2;
            break;
        case O_SUITE: o.only_suite = optarg; break;
        case O_DTYPE: o.dtype_filter = optarg; break;
        case O_LIST: o.list_only = 1; break;
        case O_JSON: o.json = optarg; break;
        case O_JUNIT: o.junit = optarg; break;
        case O_MARKDOWN: o.markdown = optarg; break;
        case O_HTML: o.html = optarg; break;
        case O_BASELINE: o.baseline = optarg; break;
        case O_BASELINE_FACTOR:
            if (rc_cli_parse_double("--baseline-factor", optarg, &d) != 0)
                return 2;
            if (d <= 1) {
                rc_errorf("rope-conform: --baseline-factor must be greater than 1, got %s", optarg);
                return 2;
            }
            o.baseline_factor = d;
            break;
        case O_WALL:
        case O_INIT:
            if (rc_cli_parse_double(ch == O_WALL ? "--wall-timeout" : "--init-timeout", optarg, &d) != 0)
                return 2;
            if (d <= 0) {
                fprintf(stderr, "rope-conform: %s must be positive, got %s\n",
                        ch == O_WALL ? "--wall-timeout" : "--init-timeout", optarg);
                return 2;
            }
            *(ch == O_WALL ? &o.limits.wall_s : &o.limits.init_s) = d;
            break;
        case O_MEM:
        case O_FILE:
            if (rc_cli_parse_u64(ch == O_MEM ? "--max-memory-mib" : "--max-file-mib", optarg, &u) != 0)
                return 2;
            *(ch == O_MEM ? &o.limits.data_bytes : &o.limits.fsize) = (uint64_t)u << 20;
            break;
        case O_PROCS:
            if (rc_cli_parse_u64("--max-procs", optarg, &u) != 0)
                return 2;
            o.limits.nproc = u;
            break;
        case O_FRESH: o.limits.fresh = 1; break;
        case O_COLOR:
            if (rc_cli_parse_color(optarg, &o.color) != 0)
                return 2;
            break;
        case O_HELP:
            printf("usage: rope-conform [run] [OPTIONS] CANDIDATE.so\n");
            rc_cmd_run_help(stdout);
            return 0;
        case 'q': o.quiet = 1; break;
        case 'v': o.verbose = 1; break;
        default:
            return rc_cli_bad_option(NULL, ch, argv);
        }
    }
    if (optind != argc - 1) {
        if (optind >= argc)
            rc_errorf("rope-conform: no candidate given: rope-conform [run] [OPTIONS] CANDIDATE.so");
        else
            rc_errorf("rope-conform: one candidate expected, got extra argument '%s'", argv[optind + 1]);
        return 2;
    }
    o.candidate = argv[optind];
    if (o.only_suite) {
        int found = 0;
        for (size_t i = 0; i < rc_n_suites; i++)
            found |= strcmp(rc_suites[i]->name, o.only_suite) == 0;
        if (!found) {
            rc_errorf("rope-conform: unknown suite '%s' (see --list)", o.only_suite);
            return 2;
        }
    }
    if (o.dtype_filter) {
        int dt;
        if (rc_cli_parse_dtype(o.dtype_filter, &dt) != 0)
            return 2;
    }
    if (rc_cli_check_files(&o) != 0)
        return 2;
    return rc_run(&o);
}
