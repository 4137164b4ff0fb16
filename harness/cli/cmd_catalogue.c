/* `rope-conform catalogue`: the bug catalogue (adapters/catalogue) as a
 * list, one entry, docs/catalogue.md, and the self-test that every mutant
 * is caught where its row says and diagnosed as its class. */
#include "cli.h"
#include "escape.h"
#include "execute.h"
#include "fileio.h"
#include "report.h"
#include "diagnose.h"
#include "grid.h"
#include "paths.h"
#include "run.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RC_DEFAULT_MD "docs/catalogue.md" /* in the data directory (paths.h) */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void where(const rc_cat_entry *e, char *buf, size_t n)
{
    if (e->must_catch)
        snprintf(buf, n, "%s/*%s*", e->suite, e->case_substr);
    else
        snprintf(buf, n, "(not required)");
}

static int cmd_list(void)
{
    for (size_t i = 0; i < rc_catalogue_count; i++) {
        const rc_cat_entry *e = &rc_catalogue[i];
        char w[96];
        where(e, w, sizeof w);
        printf("%-40s %-10s %-34s %s\n", e->id, e->cls, w, e->description);
    }
    printf("%zu entries\n", rc_catalogue_count);
    return 0;
}

static int cmd_show(const char *id)
{
    const rc_cat_entry *e = rc_catalogue_find(id);
    if (!e) {
        rc_errorf("rope-conform: no catalogue entry '%s' (see 'rope-conform catalogue list')", id);
        return 2;
    }
    char so[160], w[96], dir[4096];
    rc_catalogue_so_name(e, so, sizeof so);
    where(e, w, sizeof w);
    printf("id:          %s\nclass:       %s\nwhat:        %s\nnumerically: %s\nseen in:     %s\n"
           "caught by:   %s%s%s\nfix:         %s\nmutant:      %s/%s (table %s)\n",
           e->id, e->cls, e->description, e->effect, e->refs, w, e->note[0] ? ": " : "", e->note, e->fix,
           rc_path(RC_PATH_LIB, "catalogue", dir, sizeof dir), so, e->symbol);
    return 0;
}

void rc_catalogue_markdown(FILE *f)
{
    fprintf(f, "# Bug catalogue\n\n"
               "<!-- Generated from adapters/catalogue/catalogue.def by `rope-conform catalogue markdown`;\n"
               "     do not edit (the test_catalogue test fails when the two differ). -->\n\n"
               "Known RoPE bugs, each from a public issue or pull request (sources: the project and\n"
               "issue/PR numbers below), each reproduced by a mutant adapter: the reference pipeline\n"
               "with one step replaced (`adapters/catalogue/<id with . and - as _>.c`, built as\n"
               "`build/adapters/catalogue/lib<id with . as ->.so`).  `rope-conform catalogue selftest`\n"
               "checks that the level-1 suites fail every mutant in the suite and case named here and\n"
               "that the diagnosis names its class; a FAIL in a report carries that diagnosis as its\n"
               "cause.  Two mutants change the adapter entry points instead of a step, because\n"
               "their bug lives there: `ntk.not-restored` (state kept across calls) and\n"
               "`batch.positions-assumed-contiguous` (how positions are read).  M-RoPE layout and\n"
               "position bugs are not here: the adapter ABI has one position per token.\n\n"
               "| Class | Entries |\n|---|---|\n");
    for (size_t i = 0; i < rc_catalogue_count; i++) {
        if (i > 0 && strcmp(rc_catalogue[i - 1].cls, rc_catalogue[i].cls) == 0)
            continue;
        size_t n = 0;
        for (size_t j = 0; j < rc_catalogue_count; j++)
            n += strcmp(rc_catalogue[j].cls, rc_catalogue[i].cls) == 0;
        fprintf(f, "| %s | %zu |\n", rc_catalogue[i].cls, n);
    }
    fprintf(f, "| total | %zu |\n", rc_catalogue_count);
    for (size_t i = 0; i < rc_catalogue_count; i++) {
        const rc_cat_entry *e = &rc_catalogue[i];
        if (i == 0 || strcmp(rc_catalogue[i - 1].cls, e->cls) != 0)
            fprintf(f, "\n## %s\n", e->cls);
        char so[160];
        rc_catalogue_so_name(e, so, sizeof so);
        fprintf(f, "\n### %s\n\n- What: %s.\n- Numerically: %s.\n- Seen in: %s.\n", e->id, e->description,
                e->effect, e->refs);
        if (e->must_catch)
            fprintf(f, "- Caught by: suite `%s`, a case whose name contains `%s`.\n", e->suite, e->case_substr);
        else
            fprintf(f, "- Caught by: nothing can: %s.\n", e->note);
        fprintf(f, "- Fix: %s.\n- Mutant: `%s`, table `%s`.\n", e->fix, so, e->symbol);
    }
}

/* Write the markdown to path ("-": stdout), or with check compare it with
 * the file and report the first difference. */
static int cmd_markdown(const char *path, int check)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return 3;
    rc_catalogue_markdown(m);
    fclose(m);
    int rc = 0;
    char err[1024];
    if (check) {
        size_t got = 0;
        char *old = rc_read_file(path, RC_INPUT_MAX_BYTES, &got, err, sizeof err);
        if (!old || got != len || memcmp(old, buf, len) != 0) {
            size_t i = 0, line = 1;
            while (old && i < got && i < len && old[i] == buf[i])
                line += buf[i++] == '\n';
            rc_errorf("rope-conform: %s differs from the catalogue at line %zu; regenerate it with "
                      "'rope-conform catalogue markdown'%s%s", path, line, old ? "" : ": ", old ? "" : err);
            rc = 1;
        }
        free(old);
    } else if (strcmp(path, "-") == 0) {
        if (fwrite(buf, 1, len, stdout) != len) {
            rc_errorf("rope-conform: cannot write the catalogue to stdout");
            rc = 3;
        }
    } else if (rc_write_text_file(path, buf, len, err, sizeof err) != 0) {
        rc_errorf("rope-conform: %s", err);
        rc = 3;
    }
    free(buf);
    return rc;
}

/* ---- self-test -------------------------------------------------------------- */

/* Cases [start, end) on the candidate of st's sandbox, executed and judged
 * by the run's own pipeline (each case made from its recipe again for
 * every candidate); the results go to r. */
static void run_cases(rc_ctx *ctx, rc_plan *plan, size_t start, size_t end, rc_exec_state *st,
                      rc_results *r)
{
    char err[256];
    size_t had = r->n_cases;
    if (rc_execute_cases(ctx, plan, start, end, st, r, err, sizeof err) != 0) {
        for (size_t i = start + (r->n_cases - had); i < end; i++) {
            rc_case_result *res = rc_results_add(r);
            if (!res)
                return;
            res->status = RC_STATUS_FAIL;
            snprintf(res->name, sizeof res->name, "%s", plan->cases[i]->name);
            snprintf(res->message, sizeof res->message, "internal: %s", err);
        }
    }
}

/* One case, judged as the run judges it. */
static void run_one(rc_ctx *ctx, rc_plan *plan, size_t i, rc_exec_state *st, rc_case_result *res)
{
    rc_results r;
    memset(&r, 0, sizeof r);
    run_cases(ctx, plan, i, i + 1, st, &r);
    memset(res, 0, sizeof *res);
    if (r.n_cases)
        *res = r.cases[0];
    rc_results_free(&r);
}

/* The mutant's shared object, or (when it was not built) its in-harness
 * table. */
static int load_mutant(const rc_cat_entry *e, rc_candidate *cand, char *err, size_t n)
{
    char so[160], rel[192], path[4096];
    rc_catalogue_so_name(e, so, sizeof so);
    snprintf(rel, sizeof rel, "catalogue/%s", so);
    rc_path(RC_PATH_LIB, rel, path, sizeof path);
    if (rc_candidate_load(path, cand, err, n) == 0)
        return 1;
    char label[160];
    snprintf(label, sizeof label, "catalogue:%s", e->id);
    rc_candidate_builtin(cand, label, e->table());
    return 0;
}

/* First FAIL among the plan's cases, the row's own suite and case first;
 * -1 if none. */
static long first_fail(rc_ctx *ctx, rc_plan *plan, const rc_cat_entry *e, rc_exec_state *st,
                       rc_case_result *res, int *where_ok)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < plan->n; i++) {
            rc_case *c = plan->cases[i];
            int expected = strcmp(c->suite->name, e->suite) == 0 && strstr(c->name, e->case_substr) != NULL;
            /* a row nothing must catch only looks where it names */
            if (expected != (pass == 0) || (!e->must_catch && !expected))
                continue;
            run_one(ctx, plan, i, st, res);
            if (res->status == RC_STATUS_FAIL) {
                *where_ok = expected;
                return (long)i;
            }
        }
    return -1;
}

/* What one mutant's check found. */
enum { ST_CAUGHT, ST_ELSEWHERE, ST_MISSED, ST_UNDIAGNOSED, ST_OPTIONAL, ST_KINDS };
static const char *const st_names[ST_KINDS] = { "caught", "ELSEWHERE", "MISSED", "UNDIAGNOSED", "n/a" };

typedef struct st_slot {
    int kind;
    char line[720];
} st_slot;

static void check_mutant(rc_ctx *ctx, rc_plan *plan, const rc_cat_entry *e, st_slot *slot)
{
    double t0 = now();
    rc_candidate saved = ctx->cand, cand;
    char err[512];
    int from_so = load_mutant(e, &cand, err, sizeof err);
    ctx->cand = cand;
    rc_case_result res;
    int where_ok = 0;
    rc_limits lim;
    rc_limits_default(&lim);
    lim.cpu_s = ctx->opts->timeout;
    rc_exec_state st = {rc_sandbox_open(&ctx->cand, &lim), NULL, 0, 0, 0, RC_EXEC_KEEP_FAILED_BYTES};
    long ci = st.sb ? first_fail(ctx, plan, e, &st, &res, &where_ok) : -1;
    rc_sandbox_close(st.sb);
    char diag[200] = "no diagnosis";
    int diag_ok = 0;
    if (ci >= 0) {
        rc_diag_match d[4];
        /* the FAIL kept its outputs; its inputs are made again */
        rc_case *c = plan->cases[ci];
        int n = rc_case_remake_inputs(c) == 0 ? rc_diagnose_differential(ctx, c, d, 4) : -1;
        rc_case_release(c);
        for (int i = 0; i < n; i++)
            diag_ok |= strcmp(d[i].entry->cls, e->cls) == 0;
        if (n > 0)
            snprintf(diag, sizeof diag, "diagnosed %s (%.0f%%)%s", d[0].entry->id, 100.0 * d[0].match,
                     diag_ok ? "" : ": another class");
        else if (n == 0)
            snprintf(diag, sizeof diag, "no catalogue entry matched");
    }
    if (from_so)
        rc_candidate_unload(&cand);
    ctx->cand = saved;
    if (!e->must_catch)
        slot->kind = ST_OPTIONAL;
    else if (ci < 0)
        slot->kind = ST_MISSED;
    else if (!where_ok)
        slot->kind = ST_ELSEWHERE;
    else
        slot->kind = diag_ok ? ST_CAUGHT : ST_UNDIAGNOSED;
    const char *name = slot->kind == ST_OPTIONAL && ci >= 0 ? "caught*" : st_names[slot->kind];
    int len = snprintf(slot->line, sizeof slot->line, "  %-11s %-40s %6.2f s  ", name, e->id, now() - t0);
    if (len < 0 || (size_t)len >= sizeof slot->line)
        return;
    if (ci >= 0)
        snprintf(slot->line + len, sizeof slot->line - (size_t)len, "%s/%s; %s", res.suite, res.name, diag);
    else
        snprintf(slot->line + len, sizeof slot->line - (size_t)len, "no case failed%s%s%s%s",
                 e->note[0] ? ": " : "", e->note, from_so ? "" : "; (in-harness table: ", from_so ? "" : err);
}

/* Check entries [0, n) into slots, split over `workers` forked processes
 * that share the warm golden caches (copy on write); slots are shared
 * memory.  Falls back to one process when fork fails. */
static void check_all(rc_ctx *ctx, rc_plan *plan, const size_t *idx, size_t n, st_slot *slots, int workers)
{
    pid_t pid[8];
    int started = 0;
    fflush(NULL);
    for (int w = 0; w < workers && w < 8; w++) {
        pid[w] = fork();
        if (pid[w] < 0)
            break;
        if (pid[w] == 0) {
            for (size_t i = (size_t)w; i < n; i += (size_t)workers)
                check_mutant(ctx, plan, &rc_catalogue[idx[i]], &slots[i]);
            _exit(0);
        }
        started++;
    }
    /* a line at least every 10 s off a terminal, so CI logs show life */
    rc_progress pg;
    rc_progress_start(&pg, stderr, "mutants", n);
    for (int left = started; left > 0;) {
        for (int w = 0; w < started; w++)
            if (pid[w] > 0 && waitpid(pid[w], NULL, WNOHANG) == pid[w]) {
                pid[w] = 0;
                left--;
            }
        size_t done = 0, bad = 0;
        for (size_t i = 0; i < n; i++)
            if (slots[i].line[0]) {
                done++;
                bad += slots[i].kind != ST_CAUGHT && slots[i].kind != ST_OPTIONAL;
            }
        rc_progress_update(&pg, done, bad, "");
        if (left > 0)
            usleep(200000);
    }
    rc_progress_end(&pg);
    if (started < workers)   /* no fork: do the missing share here */
        for (size_t i = 0; i < n; i++)
            if (!slots[i].line[0])
                check_mutant(ctx, plan, &rc_catalogue[idx[i]], &slots[i]);
}

int rc_catalogue_selftest(int level, const char *only, FILE *out)
{
    double t0 = now();
    rc_run_opts o;
    memset(&o, 0, sizeof o);
    o.profile = "standard";
    o.level = level;
    o.seed = 1;
    o.timeout = 10.0;
    o.quiet = 1;
    char ref[4096];
    o.candidate = rc_path(RC_PATH_LIB, "librope_reference.so", ref, sizeof ref);
    rc_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.opts = &o;
    rc_plan plan;
    memset(&plan, 0, sizeof plan);
    char err[1024];
    int bad = 0;
    if (rc_candidate_load(o.candidate, &ctx.cand, err, sizeof err) != 0 ||
        rc_grid_build(&ctx, NULL, err, sizeof err) != 0) {
        fprintf(out, "selftest: %s\n", err);
        return 2;
    }
    ctx.has_backward = ctx.cand.has_backward;
    ctx.has_cos_sin = ctx.cand.has_cos_sin;
    for (size_t s = 0; s < rc_n_suites && !bad; s++)
        bad = rc_suites[s]->plan(&ctx, &plan) != 0;

    /* the reference: every case of the level must pass */
    size_t ref_fail = 0;
    rc_limits lim;
    rc_limits_default(&lim);
    lim.cpu_s = o.timeout;
    rc_exec_state st = {rc_sandbox_open(&ctx.cand, &lim), NULL, 0, 0, 0, RC_EXEC_KEEP_FAILED_BYTES};
    rc_results refr;
    memset(&refr, 0, sizeof refr);
    if (!bad && st.sb)
        run_cases(&ctx, &plan, 0, plan.n, &st, &refr);
    rc_sandbox_close(st.sb);
    for (size_t i = 0; i < refr.n_cases; i++)
        if (refr.cases[i].status == RC_STATUS_FAIL && ref_fail++ < 5)
            fprintf(out, "  reference FAIL %s/%s: %.200s\n", refr.cases[i].suite, refr.cases[i].name,
                    refr.cases[i].message);
    ref_fail += plan.n - refr.n_cases;
    rc_results_free(&refr);
    fprintf(out, "reference: %s (%zu cases, level %d, %.1f s)\n", ref_fail ? "FAIL" : "PASS", plan.n, level,
            now() - t0);

    size_t *idx = malloc(rc_catalogue_count * sizeof *idx), n = 0;
    for (size_t i = 0; idx && i < rc_catalogue_count; i++)
        if (!only || strcmp(only, rc_catalogue[i].id) == 0)
            idx[n++] = i;
    size_t bytes = (n ? n : 1) * sizeof(st_slot);
    st_slot *slots = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (!idx || slots == MAP_FAILED) {
        free(idx);
        bad = 1;
        slots = NULL;
    }
    size_t count[ST_KINDS] = { 0 };
    if (!bad) {
        memset(slots, 0, bytes);
        check_all(&ctx, &plan, idx, n, slots, n > 1 ? 2 : 1);
        for (size_t i = 0; i < n; i++) {
            count[slots[i].kind]++;
            fprintf(out, "%s\n", slots[i].line);
        }
        munmap(slots, bytes);
    }
    free(idx);
    if (only && n == 0)
        fprintf(out, "selftest: no catalogue entry '%s'\n", only);
    fprintf(out, "mutants: %zu caught where the table says, %zu caught elsewhere, %zu missed, "
                 "%zu diagnosed as another class, %zu not required; wall %.1f s\n",
            count[ST_CAUGHT], count[ST_ELSEWHERE], count[ST_MISSED], count[ST_UNDIAGNOSED], count[ST_OPTIONAL],
            now() - t0);
    rc_plan_free(&plan);
    rc_diagnose_release(&ctx);
    rc_ctx_free_goldens(&ctx);
    free(ctx.rows);
    rc_candidate_unload(&ctx.cand);
    if (bad)
        return 3;
    return ref_fail || count[ST_ELSEWHERE] || count[ST_MISSED] || count[ST_UNDIAGNOSED] || (only && n == 0) ? 1 : 0;
}

static void usage(FILE *f)
{
    char md[4096];
    fprintf(f, "usage: rope-conform catalogue list\n"
               "       rope-conform catalogue show ID\n"
               "       rope-conform catalogue markdown [FILE|-] [--check]   (default %s)\n"
               "       rope-conform catalogue selftest [--level N] [--only ID]\n",
            rc_path(RC_PATH_DATA, RC_DEFAULT_MD, md, sizeof md));
}

int rc_cmd_catalogue(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "list") == 0 && argc == 2)
        return cmd_list();
    if (strcmp(cmd, "show") == 0 && argc == 3)
        return cmd_show(argv[2]);
    if (strcmp(cmd, "markdown") == 0) {
        char md[4096];
        const char *path = rc_path(RC_PATH_DATA, RC_DEFAULT_MD, md, sizeof md);
        int check = 0;
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--check") == 0)
                check = 1;
            else
                path = argv[i];
        }
        return cmd_markdown(path, check);
    }
    if (strcmp(cmd, "selftest") == 0) {
        unsigned long long level = 1;
        const char *only = NULL;
        for (int i = 2; i < argc; i++) {
            if (strcmp(argv[i], "--level") == 0 && i + 1 < argc) {
                if (rc_cli_parse_u64("--level", argv[++i], &level) != 0 || level < 1 || level > 3)
                    return 2;
            } else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
                only = argv[++i];
            } else {
                usage(stderr);
                return 2;
            }
        }
        return rc_catalogue_selftest((int)level, only, stdout);
    }
    usage(stderr);
    return 2;
}
