/* lint: configuration hazards, each with its numbers. */
#include "lint.h"
#include "escape.h"
#include "fileio.h"
#include "config.h"
#include "dtype.h"
#include "golden.h"
#include "variants.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TWO_PI 6.283185307179586
#define ALIAS_SAMPLES 32768
/* A head whose pairs mostly cannot tell p from p + 1 over most of the
 * context has lost relative position there: an error, not a warning. */
#define ALIAS_HEAD_ERROR 0.5

const char *rc_lint_sev_name(rc_lint_sev s)
{
    return s == RC_LINT_ERROR ? "error" : s == RC_LINT_WARNING ? "warning" : "info";
}

rc_lint_sev rc_lint_worst(const rc_lint_report *r)
{
    rc_lint_sev w = RC_LINT_INFO;
    for (int i = 0; i < r->n; i++)
        if (r->item[i].sev > w)
            w = r->item[i].sev;
    return w;
}

static void add(rc_lint_report *r, rc_lint_sev sev, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add(rc_lint_report *r, rc_lint_sev sev, const char *check, const char *fmt, ...)
{
    if (r->n >= RC_LINT_MAX_ITEMS)
        return;
    rc_lint_item *it = &r->item[r->n++];
    it->sev = sev;
    snprintf(it->check, sizeof it->check, "%s", check);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->msg, sizeof it->msg, fmt, ap);
    va_end(ap);
}

static double round_to(rc_dtype dt, double v)
{
    unsigned char buf[8];
    rc_store(buf, dt, 0, v);
    return rc_load(buf, dt, 0);
}

/* Adjacent positions in the dtype: the brief per-pair condition (w^2/2
 * below the resolution of cos near 1) and a measurement of how often
 * rounded (cos, sin) repeat from p to p + 1. */
static void check_aliasing(const rc_rope_params *p, const double *w, rc_dtype dt, int64_t N,
                           rc_lint_report *r)
{
    const int np = p->rotary_dim / 2;
    const double u = rc_dtype_unit_roundoff(dt);
    int first = -1, n_alias = 0;
    for (int k = 0; k < np; k++)
        if (w[k] * w[k] / 2 < u) {
            n_alias++;
            if (first < 0)
                first = k;
        }
    if (n_alias) {
        /* near every multiple of the wavelength cos(pw) moves by w|sin pw|
         * per token: below u while |pw mod 2pi| < u/w, i.e. for u/w^2 tokens */
        double p_first = u / (w[first] * w[first]), p_last = u / (w[np - 1] * w[np - 1]);
        add(r, RC_LINT_WARNING, "aliasing",
            "%d of %d pairs (k >= %d) turn by less per token than %s resolves in cos near 1 "
            "(w^2/2 < u = %.3g): cos(p w) repeats for adjacent positions within u/w^2 tokens of "
            "each full turn, from %.3g (pair %d) to %.3g tokens (pair %d)%s; only sin tells them "
            "apart there",
            n_alias, np, first, rc_dtype_name(dt), u, p_first, first, p_last, np - 1,
            p_last >= (double)N ? ", longer than the whole context for the slowest" : "");
    }
    /* measured: (cos, sin) rounded to dt at p and p + 1 */
    int64_t ns = N - 1 < ALIAS_SAMPLES ? N - 1 : ALIAS_SAMPLES;
    if (ns <= 0)
        return;
    int64_t head_bad = 0;
    int worst_pair_hits = 0;
    int *hits = calloc((size_t)np, sizeof *hits);
    if (!hits)
        return;
    for (int64_t i = 0; i < ns; i++) {
        int64_t pos = ns == N - 1 ? i : (int64_t)((double)i * (double)(N - 1) / (double)ns);
        int same = 0;
        for (int k = 0; k < np; k++) {
            double a0 = (double)pos * w[k], a1 = a0 + w[k];
            if (round_to(dt, cos(a0)) == round_to(dt, cos(a1)) &&
                round_to(dt, sin(a0)) == round_to(dt, sin(a1))) {
                same++;
                hits[k]++;
            }
        }
        head_bad += 2 * same >= np;
    }
    int worst = 0;
    for (int k = 0; k < np; k++)
        if (hits[k] > hits[worst])
            worst = k;
    worst_pair_hits = hits[worst];
    free(hits);
    r->alias_head = (double)head_bad / (double)ns;
    if (worst_pair_hits == 0)
        return;
    rc_lint_sev sev = r->alias_head > ALIAS_HEAD_ERROR ? RC_LINT_ERROR
                      : r->alias_head > 0              ? RC_LINT_WARNING
                                                       : RC_LINT_INFO;
    add(r, sev, "aliasing",
        "with cos/sin rounded to %s, %.1f%% of %lld sampled positions in 0..%lld have half the "
        "pairs or more repeating the previous position's (cos, sin) exactly (pair %d repeats at "
        "%.1f%%)%s",
        rc_dtype_name(dt), 100 * r->alias_head, (long long)ns, (long long)N - 1, worst,
        100.0 * worst_pair_hits / (double)ns,
        sev == RC_LINT_ERROR ? ": the head cannot tell adjacent positions apart over most of the "
                               "context; keep the cos/sin table in fp32"
                             : "");
}

static void check_wavelengths(const rc_rope_params *p, const double *w, int64_t N,
                              rc_lint_report *r)
{
    const int np = p->rotary_dim / 2;
    int first = -1;
    for (int k = 0; k < np && first < 0; k++)
        if (TWO_PI / w[k] > (double)N)
            first = k;
    if (first < 0)
        return;
    add(r, RC_LINT_INFO, "wavelength",
        "%d of %d pairs (k >= %d) never complete a turn in %lld positions (wavelength %.4g to "
        "%.4g): they only see a fraction of a turn (pair %d turns %.3g rad over the context)",
        np - first, np, first, (long long)N, TWO_PI / w[first], TWO_PI / w[np - 1], np - 1,
        w[np - 1] * (double)N);
}

/* Angle computed as fl(p * w) in format c, cos/sin of it, output in dt:
 * the rounding of the product alone is u_c |phi|; one output ulp of angle
 * is 2^(1-precision(dt)).  The fastest pair reaches it first. */
static void check_horizons(const rc_rope_params *p, const double *w, rc_dtype dt, int64_t N,
                           rc_lint_report *r)
{
    (void)p;
    static const rc_dtype fmt[] = { RC_F32, RC_F16, RC_BF16 };
    const double ulp_angle = ldexp(1.0, 1 - rc_dtype_precision(dt));
    for (size_t i = 0; i < 3; i++) {
        double uc = rc_dtype_unit_roundoff(fmt[i]);
        double horizon = ulp_angle / (uc * w[0]);
        int inside = horizon < (double)N;
        rc_lint_sev sev = !inside ? RC_LINT_INFO : fmt[i] == RC_F32 ? RC_LINT_WARNING : RC_LINT_INFO;
        add(r, sev, "horizon",
            "angle and cos/sin computed in %s lose one %s ulp of angle (%.3g rad) from p = %.4g "
            "(pair 0, w = %.6g)%s%s",
            rc_dtype_name(fmt[i]), rc_dtype_name(dt), ulp_angle, horizon, w[0],
            inside ? ", inside the context of " : ", beyond the context",
            inside ? (fmt[i] == RC_F32 ? "the model: compute p*w in fp64 or reduce it mod 2 pi "
                                         "before fp32 cos/sin"
                                       : "the model: never compute angles in 16 bits")
                   : "");
    }
}

/* inv_freq stored in a 16-bit format (a module cast with .half() takes its
 * inv_freq buffer along). */
static void check_underflow(const rc_rope_params *p, const double *w, rc_dtype dt,
                            rc_lint_report *r)
{
    static const rc_dtype fmt[] = { RC_F16, RC_BF16 };
    const int np = p->rotary_dim / 2;
    for (size_t i = 0; i < 2; i++) {
        double mn = rc_dtype_min_normal(fmt[i]);
        int sub = 0, zero = 0, first = -1;
        for (int k = 0; k < np; k++) {
            double v = round_to(fmt[i], w[k]);
            if (v == 0)
                zero++;
            else if (v < mn)
                sub++;
            if ((v == 0 || v < mn) && first < 0)
                first = k;
        }
        if (!sub && !zero)
            continue;
        rc_lint_sev sev = fmt[i] != dt ? RC_LINT_INFO : zero ? RC_LINT_ERROR : RC_LINT_WARNING;
        double rel = fabs(round_to(fmt[i], w[np - 1]) - w[np - 1]) / w[np - 1];
        add(r, sev, "underflow",
            "inv_freq in %s: %d pairs subnormal, %d flushed to 0 (from pair %d; smallest w = "
            "%.3g, min normal %.3g; relative error of the last pair %.2g)%s",
            rc_dtype_name(fmt[i]), sub, zero, first, w[np - 1], mn, rel,
            fmt[i] == dt ? ": keep inv_freq in fp32 when the model is cast" : "");
    }
}

static void check_positions(rc_dtype dt, int64_t N, rc_lint_report *r)
{
    static const rc_dtype fmt[] = { RC_F32, RC_F16, RC_BF16 };
    for (size_t i = 0; i < 3; i++) {
        double limit = ldexp(1.0, rc_dtype_precision(fmt[i]));
        if ((double)(N - 1) <= limit)
            continue;
        rc_lint_sev sev = fmt[i] == dt || fmt[i] == RC_F32 ? RC_LINT_WARNING : RC_LINT_INFO;
        double p = (double)N - 1, q = round_to(fmt[i], p);
        add(r, sev, "positions",
            "positions above %.0f are not exact in %s; the context reaches %lld (e.g. %lld "
            "becomes %.0f): never cast position ids to %s",
            limit, rc_dtype_name(fmt[i]), (long long)N - 1, (long long)N - 1, q,
            rc_dtype_name(fmt[i]));
    }
}

static void check_sanity(const rc_rope_params *p, int64_t N, rc_lint_report *r)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    const unsigned hz = ti ? ti->hazards : 0;
    if ((hz & RC_HAZARD_FACTOR_ONE) && p->factor == 1.0)
        add(r, RC_LINT_WARNING, "params", "%s with factor 1 changes nothing: a typo, or a "
            "scaling block that should be removed", rc_rope_type_name(p->type));
    if ((hz & RC_HAZARD_EXTENDS_L) && p->original_max_position > 0 && N <= p->original_max_position)
        add(r, RC_LINT_INFO, "params", "context %lld is not longer than original_max_position "
            "%lld: the extension is not exercised", (long long)N,
            (long long)p->original_max_position);
    if (p->rotary_dim < p->head_dim)
        add(r, RC_LINT_INFO, "params", "partial rotary: %d of %d channels rotate",
            p->rotary_dim, p->head_dim);
}

void rc_lint_params(const rc_rope_params *p, rc_dtype dt, int64_t max_pos, rc_lint_report *r)
{
    rc_rope_params q = *p;
    const rc_rope_type_info *ti = rc_rope_type_info_of(q.type);
    if (ti && ti->seq_len_dependent)
        q.seq_len = max_pos; /* the frequencies at full context */
    char err[256];
    rc_golden *g = rc_golden_new(&q, err, sizeof err);
    if (!g) {
        add(r, RC_LINT_ERROR, "params", "%s", err);
        return;
    }
    const int np = q.rotary_dim / 2;
    double *w = malloc(sizeof(double) * (size_t)np);
    if (!w) {
        rc_golden_free(g);
        return;
    }
    for (int k = 0; k < np; k++)
        w[k] = rc_golden_inv_freq(g, k);
    rc_golden_free(g);
    check_sanity(&q, max_pos, r);
    check_aliasing(&q, w, dt, max_pos, r);
    check_wavelengths(&q, w, max_pos, r);
    check_horizons(&q, w, dt, max_pos, r);
    check_underflow(&q, w, dt, r);
    check_positions(dt, max_pos, r);
    free(w);
}

int rc_lint_file(const char *path, int dtype, int64_t max_pos, rc_lint_report *rep, char *err,
                 size_t errlen)
{
    memset(rep, 0, sizeof *rep);
    char *text = rc_read_file(path, RC_INPUT_MAX_BYTES, NULL, err, errlen);
    if (!text)
        return -1;
    cJSON *json = cJSON_Parse(text);
    if (!json) {
        free(text);
        snprintf(err, errlen, "%s: not valid JSON", path);
        rc_escape_inplace(err, errlen);
        return -1;
    }
    cJSON_Delete(json);
    static rc_config cfg;
    char perr[512];
    int parsed = rc_config_parse(text, path, &cfg, perr, sizeof perr) == 0;
    free(text);
    rep->dtype = dtype >= 0 ? (rc_dtype)dtype : parsed && cfg.has_dtype ? cfg.dtype : RC_F32;
    rep->max_position = max_pos > 0 ? max_pos : parsed ? cfg.params.max_position : 0;
    if (parsed && rep->max_position <= 0)
        rep->max_position = cfg.params.original_max_position;
    snprintf(rep->assumed, sizeof rep->assumed, "%s%s, context %lld%s",
             rc_dtype_name(rep->dtype),
             dtype >= 0 ? " (--dtype)" : parsed && cfg.has_dtype ? " (torch_dtype)" : " (assumed: no dtype in the config)",
             (long long)(rep->max_position > 0 ? rep->max_position : 4096),
             max_pos > 0 ? " (--max-position)" : rep->max_position > 0 ? " (max_position_embeddings)"
                                                                       : " (assumed)");
    if (rep->max_position <= 0)
        rep->max_position = 4096;
    if (!parsed) {
        /* valid JSON whose RoPE block is unusable: a finding, not a usage error */
        add(rep, RC_LINT_ERROR, "config", "%s", perr);
        return 0;
    }
    char verr[256];
    if (rc_params_validate(&cfg.params, verr, sizeof verr) != 0) {
        add(rep, RC_LINT_ERROR, "params", "%s", verr);
        return 0;
    }
    rc_lint_params(&cfg.params, rep->dtype, rep->max_position, rep);
    return 0;
}
