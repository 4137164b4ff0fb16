/* The HTML report: a self-contained page (no script, no URL), the same
 * numbers as the JSON report, plots that always carry data, and heat maps
 * that show a failing mutant's wrong band of pairs and position threshold,
 * from a run and from merged shards. */
/* nftw is XSI */
#define _XOPEN_SOURCE 700
#define TMPDIR_PREFIX "rc_html"
#include <check.h>
#include <ctype.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report.h"
#include "report_html.h"
#include "report_fixture.h"
#include "results.h"
#include "testutil.h"

#define TOOL RC_BUILD_DIR "/rope-conform"
#define MUTANT(name) RC_BUILD_DIR "/adapters/catalogue/lib" name ".so"

static char *html_of(const rc_results *r, const char *repro)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rc_report_html_stream(r, f, repro), 0);
    fclose(f);
    return buf;
}

/* ---- reading the page ---------------------------------------------------- */

/* The value of attribute `name` in the tag that starts at tag, or "". */
static const char *attr(const char *tag, const char *name, char *out, size_t n)
{
    const char *end = strchr(tag, '>');
    char key[32];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *a = strstr(tag, key);
    out[0] = '\0';
    if (!a || !end || a > end)
        return out;
    a += strlen(key);
    size_t len = strcspn(a, "\"");
    snprintf(out, n, "%.*s", (int)(len < n ? len : n - 1), a);
    return out;
}

static int attr_int(const char *tag, const char *name)
{
    char b[32];
    attr(tag, name, b, sizeof b);
    ck_assert_msg(b[0], "no %s in %.80s", name, tag);
    return atoi(b);
}

/* The i-th space-separated value of a JSON series string, or "". */
static const char *token(const char *series, int i, char *out, size_t n)
{
    const char *p = series;
    for (int k = 0; k < i && p; k++) {
        p = strchr(p, ' ');
        p = p ? p + 1 : NULL;
    }
    out[0] = '\0';
    if (p)
        snprintf(out, n, "%.*s", (int)strcspn(p, " "), p);
    return out;
}

static size_t count_tokens_not(const char *series, const char *skip)
{
    size_t n = 0;
    char b[64];
    for (int i = 0; token(series, i, b, sizeof b)[0]; i++)
        n += strcmp(b, skip) != 0;
    return n;
}

static const cJSON *jget(const cJSON *o, const char *k)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, k);
    ck_assert_msg(j != NULL, "JSON: missing %s", k);
    return j;
}

static double jflt(const cJSON *o, const char *k)
{
    const cJSON *j = jget(o, k);
    if (cJSON_IsNumber(j))
        return j->valuedouble;
    return strtod(jget(j, "hex")->valuestring, NULL);
}

static size_t count_between(const char *from, const char *to, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(from, what); p && p < to; p = strstr(p + 1, what))
        n++;
    return n;
}

/* ---- the same numbers ---------------------------------------------------- */

/* Every point of a case's plots against the case's JSON plot data: the
 * same text for the same bucket and band, and as many points as values. */
static void check_article(const char *art, const char *end, const cJSON *jc)
{
    const cJSON *m = jget(jc, "metrics");
    const char *ang = jget(m, "bucket_angle")->valuestring, *mag = jget(m, "bucket_mag")->valuestring;
    const cJSON *heat = cJSON_GetObjectItemCaseSensitive(m, "heat");
    char v[64], t[64];
    struct { const char *cls, *series; } pts[] = { { "class=\"pt angle\"", ang }, { "class=\"pt mag\"", mag } };
    for (size_t s = 0; s < 2; s++) {
        size_t n = 0;
        for (const char *p = strstr(art, pts[s].cls); p && p < end; p = strstr(p + 1, pts[s].cls), n++)
            ck_assert_str_eq(attr(p, "data-v", v, sizeof v), token(pts[s].series, attr_int(p, "data-b"), t, sizeof t));
        ck_assert_uint_eq(n, count_tokens_not(pts[s].series, "-"));
    }
    size_t cells = 0, want = 0;
    for (const char *p = strstr(art, "<rect class=\"c l"); p && p < end; p = strstr(p + 1, "<rect class=\"c l"), cells++) {
        ck_assert_ptr_nonnull(heat);
        const char *row = cJSON_GetArrayItem(heat, attr_int(p, "data-k"))->valuestring;
        ck_assert_str_eq(attr(p, "data-v", v, sizeof v), token(row, attr_int(p, "data-b"), t, sizeof t));
        /* over the bound exactly when the value is */
        const char *close = strchr(p, '>');
        int over = strstr(p, " o\"") && strstr(p, " o\"") < close;
        ck_assert_int_eq(over, strtod(v, NULL) > 1 || strcmp(v, "nan") == 0);
    }
    for (int k = 0; heat && k < cJSON_GetArraySize(heat); k++)
        want += count_tokens_not(cJSON_GetArrayItem(heat, k)->valuestring, "-");
    ck_assert_uint_eq(cells, want);
}

/* Each suite's worst error, each plotted case and each margin bar of the
 * page against the JSON document of the same results. */
static void check_same_numbers(const char *html, const char *json)
{
    cJSON *root = cJSON_Parse(json);
    ck_assert_ptr_nonnull(root);
    const cJSON *cases = jget(root, "cases");
    /* the suite table: the largest max_err of the suite, to 4 digits */
    const char *table = strstr(html, "<section id=\"suites\">"), *table_end = strstr(table, "</table>");
    size_t rows = 0;
    for (const char *row = strstr(table, "<tr class=\""); row && row < table_end; row = strstr(row + 1, "<tr class=\"")) {
        const char *name = strstr(row, "<td>") + 4;
        if (strncmp(name, "<a ", 3) == 0)
            name = strchr(name, '>') + 1;
        size_t len = strcspn(name, "<");
        double worst = -1;
        const cJSON *c;
        cJSON_ArrayForEach(c, cases) {
            const cJSON *m = cJSON_GetObjectItemCaseSensitive(c, "metrics");
            const char *suite = jget(c, "suite")->valuestring;
            if (cJSON_IsObject(m) && strlen(suite) == len && strncmp(suite, name, len) == 0)
                worst = fmax(worst, jflt(m, "max_err"));
        }
        char want[64];
        if (worst < 0)
            snprintf(want, sizeof want, "<td class=\"worst\">-<");
        else
            snprintf(want, sizeof want, "<td class=\"worst\">%.4g<", worst);
        const char *cell = strstr(row, "<td class=\"worst\">");
        ck_assert_msg(strncmp(cell, want, strlen(want)) == 0, "%.*s: %.40s != %s", (int)len, name, cell, want);
        rows++;
    }
    ck_assert_uint_gt(rows, 0);
    for (const char *a = strstr(html, "<article class=\"case"); a; a = strstr(a + 1, "<article class=\"case")) {
        const char *end = strstr(a, "</article>");
        int idx = atoi(strstr(a, "id=\"case-") + 9);
        check_article(a, end, cJSON_GetArrayItem(cases, idx));
    }
    cJSON_Delete(root);
}

/* The margin bars: per dtype, bin i holds the worst band_max of every band
 * whose share of the pair range, [k0 / pc, k1 / pc), overlaps [i / 32,
 * (i + 1) / 32); band j of nb holds pairs ceil(j pc / nb) on. */
static void check_margin(const char *html, const char *json)
{
    cJSON *root = cJSON_Parse(json);
    const cJSON *cases = jget(root, "cases");
    size_t bars = 0;
    for (const char *fig = strstr(html, "<figure><figcaption><b>"); fig; fig = strstr(fig + 1, "<figure><figcaption><b>")) {
        char dt[8];
        sscanf(fig + strlen("<figure><figcaption><b>"), "%7[a-z0-9]", dt);
        float bin[RC_PAIR_BANDS];
        for (int i = 0; i < RC_PAIR_BANDS; i++)
            bin[i] = -1;
        const cJSON *c;
        cJSON_ArrayForEach(c, cases) {
            const cJSON *m = cJSON_GetObjectItemCaseSensitive(c, "metrics");
            if (!cJSON_IsObject(m) || strcmp(jget(c, "dtype")->valuestring, dt) != 0)
                continue;
            long pc = jget(m, "pair_count")->valueint, nb = pc < RC_PAIR_BANDS ? pc : RC_PAIR_BANDS;
            const char *bm = jget(m, "band_max")->valuestring;
            char t[64];
            for (long j = 0; j < nb; j++) {
                long k0 = (j * pc + nb - 1) / nb, k1 = ((j + 1) * pc + nb - 1) / nb;
                float v = strtof(token(bm, (int)j, t, sizeof t), NULL);
                for (long i = 0; i < RC_PAIR_BANDS; i++)
                    if (strcmp(t, "-") != 0 && i * pc < RC_PAIR_BANDS * k1 && (i + 1) * pc > RC_PAIR_BANDS * k0 &&
                        v > bin[i])
                        bin[i] = v;
            }
        }
        const char *end = strstr(fig, "</figure>");
        for (const char *p = strstr(fig, "<rect class=\"bar"); p && p < end; p = strstr(p + 1, "<rect class=\"bar")) {
            char v[64];
            int i = attr_int(p, "data-i");
            ck_assert_msg(strtof(attr(p, "data-v", v, sizeof v), NULL) == bin[i], "%s bin %d: %s != %g", dt, i, v, bin[i]);
            bars++;
        }
    }
    ck_assert_uint_gt(bars, 0);
    cJSON_Delete(root);
}

/* Self-contained and safe: no URL scheme, no script, and every plot has a
 * data point. */
static void check_page(const char *html)
{
    ck_assert(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    char *low = strdup(html);   /* case-insensitive checks */
    ck_assert_ptr_nonnull(low);
    for (char *p = low; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    ck_assert_ptr_null(strstr(low, "http://"));
    ck_assert_ptr_null(strstr(low, "https://"));
    ck_assert_ptr_null(strstr(low, "<script"));
    /* no event handler attributes either (" onload=" and the like) */
    for (const char *p = strstr(low, " on"); p; p = strstr(p + 1, " on")) {
        const char *q = p + 3;
        while (*q >= 'a' && *q <= 'z')
            q++;
        ck_assert_msg(!(q > p + 3 && *q == '='), "event handler attribute: %.40s", p);
    }
    free(low);
    for (const char *p = strstr(html, "<svg class=\"plot "); p; p = strstr(p + 1, "<svg class=\"plot ")) {
        const char *end = strstr(p, "</svg>");
        ck_assert_ptr_nonnull(end);
        ck_assert_msg(count_between(p, end, "data-v=\"") > 0, "a plot without data points: %.60s", p);
    }
    ck_assert_ptr_nonnull(strstr(html, "</html>\n"));
}

/* ---- synthetic results --------------------------------------------------- */

START_TEST(page_content)
{
    rc_results r;
    build(&r);
    snprintf(r.cases[1].cause, sizeof r.cases[1].cause, "see http://example.com/x and <script>alert(1)</script>");
    snprintf(r.fatal, sizeof r.fatal, "init crashed: HTTPS://evil");
    char *h = html_of(&r, NULL);
    check_page(h);
    ck_assert_ptr_nonnull(strstr(h, "<b>FAIL</b>"));
    ck_assert_ptr_nonnull(strstr(h, "<b>Fatal:</b> init crashed&#58; HTTPS&#58;//evil"));
    ck_assert_ptr_nonnull(strstr(h, "see http&#58;//example.com/x and &lt;script&gt;"));
    /* names and messages escaped, the reproduce command and versions shown */
    ck_assert_ptr_nonnull(strstr(h, "yarn &lt;f16&gt; &amp; &quot;quotes&quot; &apos;single&apos; | pipe"));
    ck_assert_ptr_null(strstr(h, "<f16>"));
    ck_assert_ptr_null(strchr(h, '\x1b'));
    ck_assert_ptr_nonnull(strstr(h, "rope-conform run --seed 18446744073709551615 --level 2 --profile strict "
                                    "--config configs/llama3.json &apos;/opt/cand dir/libcand&apos;\\&apos;&apos;s.so&apos;"));
    ck_assert_ptr_nonnull(strstr(h, "<dt>MPFR</dt><dd>4.2.0</dd>"));
    ck_assert_ptr_nonnull(strstr(h, "<dt>seed</dt><dd>18446744073709551615</dd>"));
    /* failing suite rows link to their sections, which exist */
    ck_assert_ptr_nonnull(strstr(h, "<a href=\"#suite-accuracy\">accuracy</a>"));
    ck_assert_ptr_nonnull(strstr(h, "<section id=\"suite-accuracy\">"));
    ck_assert_ptr_nonnull(strstr(h, "<section id=\"suite-properties\">"));
    /* one article per FAIL and WARN case, each with both plots */
    ck_assert_uint_eq(count_between(h, h + strlen(h), "<article class=\"case"), 2);
    ck_assert_uint_eq(count_between(h, h + strlen(h), "<svg class=\"plot position\""), 2);
    ck_assert_uint_eq(count_between(h, h + strlen(h), "<svg class=\"plot heat\""), 2);
    ck_assert_ptr_null(strstr(h, "id=\"margin\""));   /* a failing run */
    /* the diagnosis names the cause and links to the case */
    ck_assert_ptr_nonnull(strstr(h, "<li><b>Likely cause:</b> see http&#58;"));
    ck_assert_ptr_nonnull(strstr(h, "first <a href=\"#case-1\">"));
    char *j = rc_report_json_string(&r);
    check_same_numbers(h, j);
    free(j);
    free(h);
    /* a caller's reproduce command */
    h = html_of(&r, "make repro <1>");
    ck_assert_ptr_nonnull(strstr(h, "<pre>make repro &lt;1&gt;</pre>"));
    free(h);
    rc_results_free(&r);
}
END_TEST

START_TEST(passing_run_margin)
{
    rc_results r;
    build(&r);
    r.cases[1].status = RC_STATUS_PASS;
    r.cases[2].status = RC_STATUS_PASS;
    r.cases[2].metrics.band_max[5] = 0.97f;   /* a near miss shows */
    char *h = html_of(&r, NULL);
    check_page(h);
    ck_assert_ptr_nonnull(strstr(h, "<b>PASS</b>"));
    ck_assert_ptr_nonnull(strstr(h, "No failures and no warnings"));
    ck_assert_ptr_nonnull(strstr(h, "<section id=\"margin\">"));
    ck_assert_ptr_null(strstr(h, "<article"));
    /* f32, f16, bf16 cases with plot data: one chart each */
    ck_assert_uint_eq(count_between(h, h + strlen(h), "<svg class=\"plot margin\""), 3);
    ck_assert_ptr_nonnull(strstr(h, "data-v=\"0.97\""));
    char *j = rc_report_json_string(&r);
    check_same_numbers(h, j);
    check_margin(h, j);
    free(j);
    free(h);
    rc_results_free(&r);
}
END_TEST

START_TEST(many_failures_stay_small)
{
    rc_results r;
    build(&r);
    for (int i = 0; i < 500; i++) {
        rc_case_result *c = add_case(&r, "accuracy", "many", RC_STATUS_FAIL, RC_F32);
        fill_metrics(c, 2.0 + i);
        snprintf(c->name, sizeof c->name, "case %d", i);
        snprintf(c->message, sizeof c->message, "%0500d", i);
    }
    char *h = html_of(&r, NULL);
    check_page(h);
    ck_assert_uint_eq(count_between(h, h + strlen(h), "<article class=\"case fail\""), RC_HTML_PLOTTED_PER_SUITE);
    ck_assert_ptr_nonnull(strstr(h, "<p>&#8230; and 443 more (all in the JSON report).</p>"));
    ck_assert_uint_lt(strlen(h), 3u << 20);
    free(h);
    rc_results_free(&r);
}
END_TEST

START_TEST(atomic_file)
{
    rc_results r;
    char err[512];
    build(&r);
    ck_assert_int_eq(rc_report_html(&r, tpath("r.html"), err, sizeof err), 0);
    char *h = slurp(tpath("r.html"));
    check_page(h);
    free(h);
    ck_assert_int_eq(rc_report_html(&r, tpath("no/such/dir/r.html"), err, sizeof err), -1);
    ck_assert_msg(strstr(err, "no/such/dir/r.html") != NULL, "%s", err);
    rc_results_free(&r);
}
END_TEST

/* ---- real runs of catalogue mutants -------------------------------------- */

/* The heat map cells over the bound on the page, each with its band, its
 * bucket and its case's JSON, to check; returns how many there are. */
typedef void (*over_cell_fn)(int band, int bucket, const cJSON *jcase);

static size_t each_over_cell(const char *html, const cJSON *cases, over_cell_fn check)
{
    size_t n = 0;
    for (const char *p = strstr(html, " o\" x="); p; p = strstr(p + 1, " o\" x="), n++) {
        const char *tag = p, *art = p;
        while (strncmp(tag, "<rect", 5) != 0)
            tag--;
        while (strncmp(art, "id=\"case-", 9) != 0)
            art--;
        check(attr_int(tag, "data-k"), attr_int(tag, "data-b"), cJSON_GetArrayItem(cases, atoi(art + 9)));
    }
    return n;
}

static void run_tool(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", TOOL, args);
    int rc = system(cmd);
    ck_assert_msg(WIFEXITED(rc) && WEXITSTATUS(rc) == 1, "expected exit 1 (not conformant): %s", cmd);
}

/* llama3.smooth-in-wavelength blends the medium band wrongly: the pairs
 * over the bound are medium-band pairs (wavelength between L / high and
 * L / low), on the heat map and in the JSON. */
static int medium_band(const cJSON *p, int k)
{
    double r = jget(p, "rotary_dim")->valueint, base = jflt(p, "base");
    double L = jget(p, "original_max_position")->valueint;
    double wavelen = 2 * M_PI * pow(base, 2 * k / r);
    return wavelen >= L / jflt(p, "high_freq_factor") && wavelen <= L / jflt(p, "low_freq_factor");
}

static void in_medium_band(int band, int bucket, const cJSON *jc)
{
    const cJSON *p = jget(jc, "params");
    int pc = jget(jget(jc, "metrics"), "pair_count")->valueint, medium = 0;
    for (int k = rc_band_first_pair(band, pc); k < rc_band_first_pair(band + 1, pc); k++)
        medium |= medium_band(p, k);
    ck_assert_msg(medium, "heat map: band %d (bucket %d) over the bound outside the medium band", band, bucket);
}

START_TEST(mutant_wrong_band)
{
    char args[1024];
    snprintf(args, sizeof args, "run -q --jobs 1 --suite scaling --json %s --html %s %s", tpath("l3.json"),
             tpath("l3.html"), MUTANT("llama3-smooth-in-wavelength"));
    run_tool(args);
    char *h = slurp(tpath("l3.html")), *j = slurp(tpath("l3.json"));
    check_page(h);
    check_same_numbers(h, j);
    cJSON *root = cJSON_Parse(j);
    const cJSON *c;
    int checked = 0;
    cJSON_ArrayForEach(c, jget(root, "cases")) {
        if (strcmp(jget(c, "status")->valuestring, "FAIL") != 0)
            continue;
        const cJSON *p = jget(c, "params"), *m = jget(c, "metrics"), *heat = jget(m, "heat");
        int pc = jget(m, "pair_count")->valueint, nb = cJSON_GetArraySize(heat), over_bands = 0;
        ck_assert_str_eq(jget(p, "rope_type")->valuestring, "llama3");
        for (int band = 0; band < nb; band++) {
            int medium = 0, over = 0;
            for (int k = rc_band_first_pair(band, pc); k < rc_band_first_pair(band + 1, pc); k++)
                medium |= medium_band(p, k);
            char t[64];
            for (int b = 0; b < RC_N_BUCKETS; b++)
                over |= strtod(token(cJSON_GetArrayItem(heat, band)->valuestring, b, t, sizeof t), NULL) > 1;
            ck_assert_msg(!over || medium, "band %d over the bound outside the medium band", band);
            over_bands += over;
        }
        ck_assert_int_gt(over_bands, 0);
        ck_assert_int_lt(over_bands, nb / 2);   /* a band, not everything */
        checked++;
    }
    ck_assert_int_gt(checked, 0);
    /* the page shows the same: over-bound cells only in those rows */
    ck_assert_uint_gt(each_over_cell(h, jget(root, "cases"), in_medium_band), 0);
    cJSON_Delete(root);
    free(h);
    free(j);
}
END_TEST

static int bucket_of(long long p)
{
    int b = 0;
    while (p > 0 && b < RC_N_BUCKETS - 1) {
        p >>= 1;
        b++;
    }
    return b;
}

static void from_max_position(int band, int bucket, const cJSON *jc)
{
    int t = bucket_of((long long)jflt(jget(jc, "params"), "max_position"));
    ck_assert_msg(bucket >= t, "heat map: band %d over the bound in bucket %d, below max_position's %d", band,
                  bucket, t);
}

/* cache.clamped-past-max is right below max_position and wrong from it
 * on: a wall in the heat map at the bucket of max_position.  Run as two
 * shards and merged, so the heat maps travel through the JSON reports. */
START_TEST(mutant_position_threshold_merged)
{
    char args[1024];
    for (int i = 1; i <= 2; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%d.json", i);
        snprintf(args, sizeof args, "run -q --jobs 1 --suite long_context --shard %d/2 --json %s %s", i,
                 tpath(name), MUTANT("cache-clamped-past-max"));
        run_tool(args);
    }
    snprintf(args, sizeof args, "merge -q --json %s --html %s %s %s", tpath("m.json"), tpath("m.html"),
             tpath("s1.json"), tpath("s2.json"));
    run_tool(args);
    char *h = slurp(tpath("m.html")), *j = slurp(tpath("m.json"));
    check_page(h);
    check_same_numbers(h, j);
    cJSON *root = cJSON_Parse(j);
    const cJSON *cases = jget(root, "cases");
    int n_fail = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cases) {
        if (strcmp(jget(c, "status")->valuestring, "FAIL") != 0)
            continue;
        int t = bucket_of((long long)jflt(jget(c, "params"), "max_position")), above = 0;
        const cJSON *heat = jget(jget(c, "metrics"), "heat");
        for (int band = 0; band < cJSON_GetArraySize(heat); band++)
            for (int b = 0; b < RC_N_BUCKETS; b++) {
                char tk[64];
                double v = strtod(token(cJSON_GetArrayItem(heat, band)->valuestring, b, tk, sizeof tk), NULL);
                ck_assert_msg(b >= t || !(v > 1), "%s: bucket %d below max_position's %d over the bound",
                              jget(c, "name")->valuestring, b, t);
                above |= v > 1;
            }
        ck_assert_int_eq(above, 1);
        n_fail++;
    }
    ck_assert_int_gt(n_fail, 0);
    ck_assert_uint_gt(each_over_cell(h, cases, from_max_position), 0);
    cJSON_Delete(root);
    free(h);
    free(j);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, page_content);
    tcase_add_test(tc, passing_run_margin);
    tcase_add_test(tc, many_failures_stay_small);
    tcase_add_test(tc, atomic_file);
    tcase_add_test(tc, mutant_wrong_band);
    tcase_add_test(tc, mutant_position_threshold_merged);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
