/* `rope-conform verify CASES OUTPUTS`: judge outputs computed anywhere for
 * the cases `gen` wrote, with the suites, error model, diagnosis, reports
 * and exit codes of `run` (docs/python.md).  The cases are planned again
 * from the options in CASES, checked against its inputs, and each call's
 * output is read from OUTPUTS as if the candidate had returned it. */
#include "caseset.h"
#include "versions.h"
#include "cli.h"
#include "diagnose.h"
#include "dtype.h"
#include "errmodel.h"
#include "escape.h"
#include "judge.h"
#include "report.h"
#include "safetensors.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: rope-conform verify [OPTIONS] CASES.safetensors OUTPUTS.safetensors\n\n"
               "OUTPUTS holds cI.J.y for every call of every case in CASES (same dtype, shape\n"
               "[n_tokens, n_heads, head_dim]); a case the implementation does not support is\n"
               "declared with the metadata entry cI = \"unsupported\".  Options: --profile NAME,\n"
               "--json F, --junit F, --markdown F, --html F, --baseline F, --baseline-factor X,\n"
               "--color auto|always|never, -q, -v (as for run).  Exit codes as for run.\n");
}

/* The cases file planned again: same options, same cases, same inputs. */
static int replan(rc_caseset *cs, const rc_st_file *cases, const char *path, char *err, size_t n)
{
    const char *magic = rc_st_meta(cases, "rope_conform_cases"), *opts = rc_st_meta(cases, "options");
    const char *count = rc_st_meta(cases, "cases");
    if (!magic || strcmp(magic, "1") != 0 || !opts || !count)
        return snprintf(err, n, "%s: not a cases file of rope-conform gen", path), -1;
    if (rc_caseset_options_parse(cs, opts, err, n) != 0 || rc_caseset_plan(cs, err, n) != 0)
        return -1;
    if (strtoull(count, NULL, 10) != cs->plan.n)
        return snprintf(err, n, "%s: %s cases, this rope-conform plans %zu: regenerate it with this version's gen",
                        path, count, cs->plan.n), -1;
    for (size_t i = 0; i < cs->plan.n; i++) {
        rc_case *c = cs->plan.cases[i];
        if (rc_case_make(c) != 0)
            return snprintf(err, n, "out of memory"), -1;
        for (int k = 0; k < c->n_calls; k++) {
            char name[48];
            rc_st_tensor x, p;
            rc_caseset_tensor(i, k, "x", name, sizeof name);
            int ok = rc_st_find(cases, name, &x) && x.bytes == rc_tensor_span(&c->calls[k].in) * rc_dtype_size(c->dtype) &&
                     memcmp(x.data, c->calls[k].in.data, x.bytes) == 0;
            rc_caseset_tensor(i, k, "positions", name, sizeof name);
            ok = ok && rc_st_find(cases, name, &p) && p.bytes == (size_t)c->calls[k].in.n_tokens * 8 &&
                 memcmp(p.data, c->calls[k].positions, p.bytes) == 0;
            if (!ok) {
                snprintf(err, n, "%s: the inputs of case %zu (%s) differ from this rope-conform's: regenerate it "
                         "with this version's gen", path, i, c->name);
                rc_case_release(c);
                return -1;
            }
        }
        rc_case_release(c);
    }
    return 0;
}

/* Call k of case i from the outputs file, as the candidate's result. */
static void fill_call(const rc_st_file *outs, const rc_case *c, size_t i, int k, rc_case_call *cc)
{
    char name[48];
    rc_st_tensor y;
    rc_call_result *r = &cc->res;
    memset(r, 0, sizeof *r);
    snprintf(r->phase, sizeof r->phase, "apply");
    rc_caseset_tensor(i, k, "y", name, sizeof name);
    const char *want = rc_st_dtype_name(c->dtype);
    r->outcome = RC_OUTCOME_ERROR;
    if (!rc_st_find(outs, name, &y))
        snprintf(r->message, sizeof r->message, "the outputs file has no tensor %s", name);
    else if (strcmp(y.dtype, want) != 0)
        snprintf(r->message, sizeof r->message, "%s has dtype %s, expected %s", name, y.dtype, want);
    else if (y.ndim != 3 || y.shape[0] != cc->in.n_tokens || y.shape[1] != cc->in.n_heads ||
             y.shape[2] != cc->in.head_dim)
        snprintf(r->message, sizeof r->message, "%s has shape [%lld, %lld, %lld] (%d dims), expected [%lld, %lld, %lld]",
                 name, (long long)y.shape[0], (long long)y.shape[1], (long long)y.shape[2], y.ndim,
                 (long long)cc->in.n_tokens, (long long)cc->in.n_heads, (long long)cc->in.head_dim);
    else {
        memcpy(cc->out.data, y.data, y.bytes);
        r->outcome = RC_OUTCOME_OK;
    }
}

/* Judge every case; returns how many the outputs file declared unsupported. */
static size_t judge_all(rc_caseset *cs, const rc_st_file *outs, rc_results *results)
{
    size_t declined = 0;
    for (size_t i = 0; i < cs->plan.n; i++) {
        rc_case *c = cs->plan.cases[i];
        char key[16];
        rc_caseset_key(i, key, sizeof key);
        const char *mark = rc_st_meta(outs, key);
        int unsupported = mark && strcmp(mark, "unsupported") == 0;
        declined += unsupported;
        rc_case_result *res = rc_results_add(results);
        if (!res || rc_case_make(c) != 0) {
            if (res)
                rc_judge_case(&cs->ctx, c, res, 1);   /* not executed: an internal FAIL */
            continue;
        }
        for (int k = 0; k < c->n_calls; k++) {
            if (!unsupported) {
                fill_call(outs, c, i, k, &c->calls[k]);
                continue;
            }
            memset(&c->calls[k].res, 0, sizeof c->calls[k].res);
            c->calls[k].res.outcome = RC_OUTCOME_UNSUPPORTED;
            snprintf(c->calls[k].res.message, sizeof c->calls[k].res.message, "declared unsupported in the outputs file");
        }
        c->executed = 1;
        rc_judge_case(&cs->ctx, c, res, 1);
        rc_case_release(c);
    }
    return declined;
}

static int parse_options(int argc, char **argv, rc_run_opts *o)
{
    enum { V_PROFILE = 256, V_JSON, V_JUNIT, V_MARKDOWN, V_HTML, V_BASELINE, V_FACTOR, V_COLOR, V_HELP };
    static const struct option longopts[] = {
        { "profile", required_argument, 0, V_PROFILE }, { "json", required_argument, 0, V_JSON },
        { "junit", required_argument, 0, V_JUNIT },      { "markdown", required_argument, 0, V_MARKDOWN },
        { "html", required_argument, 0, V_HTML },
        { "baseline", required_argument, 0, V_BASELINE }, { "baseline-factor", required_argument, 0, V_FACTOR },
        { "color", required_argument, 0, V_COLOR },       { "help", no_argument, 0, V_HELP },
        { "quiet", no_argument, 0, 'q' },                 { "verbose", no_argument, 0, 'v' },
        { 0, 0, 0, 0 }
    };
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":qv", longopts, NULL)) != -1) {
        switch (ch) {
        case V_PROFILE: o->profile = optarg; break;
        case V_JSON: o->json = optarg; break;
        case V_JUNIT: o->junit = optarg; break;
        case V_MARKDOWN: o->markdown = optarg; break;
        case V_HTML: o->html = optarg; break;
        case V_BASELINE: o->baseline = optarg; break;
        case V_FACTOR:
            if (rc_cli_parse_double("--baseline-factor", optarg, &o->baseline_factor) != 0)
                return 2;
            break;
        case V_COLOR:
            if (rc_cli_parse_color(optarg, &o->color) != 0)
                return 2;
            break;
        case V_HELP: usage(stdout); return 0;
        case 'q': o->quiet = 1; break;
        case 'v': o->verbose = 1; break;
        default: return rc_cli_bad_option("verify", ch, argv);
        }
    }
    if (argc - optind != 2) {
        fprintf(stderr, "rope-conform verify: expected CASES.safetensors OUTPUTS.safetensors (see --help)\n");
        return 2;
    }
    if (!rc_profile_find(o->profile, RC_F32)) {
        rc_errorf("rope-conform: unknown profile '%s' (known: %s)", o->profile, rc_profile_names());
        return 2;
    }
    return rc_cli_check_files(o) != 0 ? 2 : -1;
}

static void describe_run(rc_results *r, const rc_run_opts *o, const char *cases, const char *outputs,
                         char *started, size_t n)
{
    time_t now = time(NULL);
    strftime(started, n, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    rc_run_info *info = &r->info;
    info->candidate_path = outputs;
    info->candidate_name = "outputs file";
    info->candidate_version = cases;
    info->profile = o->profile;
    info->level = o->level;
    info->seed = o->seed;
    info->tool_version = RC_VERSION_STRING;
    info->mpfr_version = rc_version_mpfr();
    info->gmp_version = rc_version_gmp();
    info->cjson_version = rc_version_cjson();
    info->started_utc = started;
}

int rc_cmd_verify(int argc, char **argv)
{
    static rc_caseset cs;
    memset(&cs, 0, sizeof cs);
    rc_run_opts *o = &cs.opts;
    o->profile = "standard";
    o->timeout = 5.0;
    o->baseline_factor = RC_BASELINE_DEFAULT_FACTOR;
    if (rc_cli_parse_color("auto", &o->color) != 0)
        return 2;
    int code = parse_options(argc, argv, o);
    if (code >= 0)
        return code;
    const char *cases_path = argv[optind], *outputs_path = argv[optind + 1];
    char err[1024], started[32];
    rc_st_file cases, outs;
    memset(&outs, 0, sizeof outs);
    rc_results results;
    memset(&results, 0, sizeof results);
    code = 2;
    rc_baseline base;
    if (rc_baseline_load(o, &base) != 0)
        return 2;
    if (rc_st_read(cases_path, &cases, err, sizeof err) != 0) {
        rc_baseline_release(&base);
        rc_errorf("rope-conform: %s", err);
        return 2;
    }
    if (replan(&cs, &cases, cases_path, err, sizeof err) != 0 || rc_st_read(outputs_path, &outs, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        goto done;
    }
    describe_run(&results, o, cases_path, outputs_path, started, sizeof started);
    if (!o->quiet)
        fprintf(stderr, "rope-conform %s verify: %s for %s, profile %s, level %d, seed %llu, %zu cases\n",
                RC_VERSION_STRING, outputs_path, cases_path, o->profile, o->level, (unsigned long long)o->seed,
                cs.plan.n);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t declined = judge_all(&cs, &outs, &results);
    rc_diagnose_summarize(&results);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    results.info.wall_seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    if (declined == cs.plan.n)
        snprintf(results.fatal, sizeof results.fatal, "the outputs file declares every case unsupported");
    code = rc_run_conclude(o, &results, &base, 0);
done:
    rc_baseline_release(&base);
    rc_results_free(&results);
    rc_st_close(&cases);
    rc_st_close(&outs);
    rc_caseset_free(&cs);
    return code;
}
