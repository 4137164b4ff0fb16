/* `rope-conform lint --config FILE`: configuration hazards, no candidate. */
#include "cli.h"
#include "escape.h"
#include "dtype.h"
#include "lint.h"

#include <getopt.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f,
            "usage: rope-conform lint --config FILE [--dtype D] [--max-position N]\n"
            "                         [--fail-on warning|error]\n\n"
            "Check a RoPE configuration for hazards, each with its numbers: parameter sanity,\n"
            "adjacent positions aliasing in the dtype, wavelengths beyond the context,\n"
            "precision horizons of fp32/fp16/bf16 angles, inv_freq underflow in 16 bits,\n"
            "positions a dtype cannot hold.\n\n"
            "  --config FILE        HF config.json or params JSON (required)\n"
            "  --dtype D            f64|f32|f16|bf16 (default: the config's torch_dtype, else f32)\n"
            "  --max-position N     context to judge (default: max_position_embeddings)\n"
            "  --fail-on LEVEL      warning or error* : the lowest severity that fails\n\n"
            "Exit: 0 clean, 1 hazards at or above --fail-on (including a RoPE block the\n"
            "reader rejects), 2 unreadable file, malformed JSON or bad options.\n");
}

enum { O_CONFIG = 256, O_DTYPE, O_MAXPOS, O_FAILON, O_HELP };

int rc_cmd_lint(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "config", required_argument, 0, O_CONFIG },
        { "dtype", required_argument, 0, O_DTYPE },
        { "max-position", required_argument, 0, O_MAXPOS },
        { "fail-on", required_argument, 0, O_FAILON },
        { "help", no_argument, 0, O_HELP },
        { 0, 0, 0, 0 }
    };
    const char *config = NULL;
    int dtype = -1;
    unsigned long long maxpos = 0;
    rc_lint_sev fail_on = RC_LINT_ERROR;
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
        case O_MAXPOS:
            if (rc_cli_parse_u64("--max-position", optarg, &maxpos) != 0)
                return 2;
            if (maxpos < 2 || maxpos > (1ull << 40)) {
                rc_errorf("rope-conform: --max-position must be 2 .. 2^40, got %s", optarg);
                return 2;
            }
            break;
        case O_FAILON:
            if (strcmp(optarg, "warning") == 0)
                fail_on = RC_LINT_WARNING;
            else if (strcmp(optarg, "error") == 0)
                fail_on = RC_LINT_ERROR;
            else {
                rc_errorf("rope-conform: --fail-on expects warning or error, got '%s'", optarg);
                return 2;
            }
            break;
        case O_HELP: help(stdout); return 0;
        default:
            return rc_cli_bad_option(NULL, ch, argv);
        }
    }
    if (!config || optind != argc) {
        rc_errorf("rope-conform: lint takes --config FILE and no candidate");
        return 2;
    }
    static rc_lint_report rep;
    char err[512];
    if (rc_lint_file(config, dtype, (int64_t)maxpos, &rep, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    printf("lint %s at %s\n", config, rep.assumed);
    int counts[3] = { 0, 0, 0 };
    for (int i = 0; i < rep.n; i++) {
        counts[rep.item[i].sev]++;
        printf("  %-7s %-10s %s\n", rc_lint_sev_name(rep.item[i].sev), rep.item[i].check,
               rep.item[i].msg);
    }
    rc_lint_sev worst = rc_lint_worst(&rep);
    printf("%d error%s, %d warning%s, %d note%s\n", counts[2], counts[2] == 1 ? "" : "s", counts[1],
           counts[1] == 1 ? "" : "s", counts[0], counts[0] == 1 ? "" : "s");
    return rep.n && worst >= fail_on ? 1 : 0;
}
