/* `rope-conform merge`: combine the JSON reports of a sharded run (a CI
 * matrix of `--shard I/N` runners) into one set of reports. */
#include "cli.h"
#include "escape.h"
#include "diagnose.h"
#include "report.h"
#include "shard.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: rope-conform merge [--json F] [--junit F] [--markdown F] [--html F]\n"
               "                          [--color auto|always|never] [-q] SHARD1.json ... SHARDN.json\n"
               "Prints the merged verdict; exit 0 conformant, 1 not, 2 on a bad or mismatched report.\n");
}

int rc_cmd_merge(int argc, char **argv)
{
    enum { O_JSON = 256, O_JUNIT, O_MD, O_HTML, O_COLOR, O_HELP };
    static const struct option longopts[] = {
        { "json", required_argument, 0, O_JSON },   { "junit", required_argument, 0, O_JUNIT },
        { "markdown", required_argument, 0, O_MD }, { "html", required_argument, 0, O_HTML },
        { "color", required_argument, 0, O_COLOR },
        { "help", no_argument, 0, O_HELP },         { "quiet", no_argument, 0, 'q' },
        { 0, 0, 0, 0 }
    };
    const char *json = NULL, *junit = NULL, *md = NULL, *html = NULL;
    int color = 0, quiet = 0, ch;
    if (rc_cli_parse_color("auto", &color) != 0)
        return 2;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":q", longopts, NULL)) != -1) {
        switch (ch) {
        case O_JSON: json = optarg; break;
        case O_JUNIT: junit = optarg; break;
        case O_MD: md = optarg; break;
        case O_HTML: html = optarg; break;
        case O_COLOR:
            if (rc_cli_parse_color(optarg, &color) != 0)
                return 2;
            break;
        case O_HELP: usage(stdout); return 0;
        case 'q': quiet = 1; break;
        default:
            return rc_cli_bad_option("merge", ch, argv);
        }
    }
    int n = argc - optind;
    if (n < 1) {
        rc_errorf("rope-conform merge: no reports given (see --help)");
        return 2;
    }
    const char *const outs[] = { json, junit, md, html };
    char err[1024];
    if (rc_report_targets_check(outs, sizeof outs / sizeof outs[0], err, sizeof err) != 0) {
        rc_errorf("rope-conform merge: %s", err);
        return 2;
    }
    rc_report_meta *metas = calloc((size_t)n, sizeof *metas);
    if (!metas) {
        rc_errorf("rope-conform merge: out of memory");
        return 3;
    }
    rc_results r;
    memset(&r, 0, sizeof r);
    int code = 2;
    if (rc_merge_reports((const char *const *)(argv + optind), n, &r, metas, err, sizeof err) != 0) {
        rc_errorf("rope-conform merge: %s", err);
        goto out;
    }
    rc_diagnose_summarize(&r);   /* the block of the whole run, not of one shard */
    if (!quiet)
        rc_report_terminal(&r, stdout, color, 0);
    code = rc_results_verdict(&r) == RC_STATUS_FAIL ? 1 : 0;
    if ((json && rc_report_json(&r, json, err, sizeof err) != 0) ||
        (junit && rc_report_junit(&r, junit, err, sizeof err) != 0) ||
        (md && rc_report_markdown(&r, md, err, sizeof err) != 0) ||
        (html && rc_report_html(&r, html, err, sizeof err) != 0)) {
        rc_errorf("rope-conform merge: %s", err);
        code = 3;
    }
out:
    rc_results_free(&r);
    free(metas);
    return code;
}
