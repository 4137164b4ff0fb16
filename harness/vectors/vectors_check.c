/* `vectors check`: a candidate against the frozen vectors, in the sandbox,
 * judged by the run's error model with the stored exact values; no golden
 * engine, no MPFR. */
#include "vectors.h"
#include "default_params.h"
#include "rope_mrope.h"
#include "dtype.h"
#include "errmodel.h"
#include "loader.h"
#include "run.h"
#include "verify.h"
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct verdict {
    int64_t pairs, bad, exact, values;
    double worst;
    char msg[640];
} verdict;

static int same_value(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

/* Judge one case's output; appends to v. */
static void judge(const rc_vec_case *c, rc_dtype dt, const rc_profile_row *row, const void *y_data,
                  verdict *v)
{
    const rc_rope_params *p = &c->cfg.params;
    const int hd = p->head_dim, half = p->rotary_dim / 2;
    rc_errmodel em;
    rc_errmodel_init(&em, row, p, c->magnitude, dt);
    int64_t bad = 0;
    double worst = -1;
    char wmsg[sizeof v->msg] = "";
    for (int64_t t = 0; t < c->n_tokens; t++) {
        size_t o = (size_t)t * (size_t)hd;
        for (int ch = 0; ch < hd; ch++) {
            v->values++;
            v->exact += rc_load_bits(y_data, dt, o + ch) == rc_load_bits(c->expected, dt, o + ch);
        }
        for (int ch = p->rotary_dim; ch < hd; ch++)
            if (!same_value(rc_load(y_data, dt, o + ch), rc_load(c->in, dt, o + ch)) && bad++ == 0)
                snprintf(wmsg, sizeof wmsg, "case \"%s\": pass-through channel %d at position %" PRId64
                         " was modified", c->name, ch, c->positions[t]);
        for (int k = 0; k < half; k++) {
            int i0, i1;
            rc_pair_channels(p, k, &i0, &i1);
            size_t e0 = o + (size_t)i0, e1 = o + (size_t)i1;
            double x[2] = { rc_load(c->in, dt, e0), rc_load(c->in, dt, e1) };
            double g[2] = { c->exact[e0], c->exact[e1] };
            double gr[2] = { rc_load(c->expected, dt, e0), rc_load(c->expected, dt, e1) };
            double y[2] = { rc_load(y_data, dt, e0), rc_load(y_data, dt, e1) };
            rc_pair_error pe;
            rc_pair_error_eval(&em, k, (double)c->positions[t] * c->inv_freq[k], x, g, gr, y, &pe);
            v->pairs++;
            if (!pe.ok)
                bad++;
            if (!pe.nonfinite && pe.ratio > v->worst)
                v->worst = pe.ratio;
            if (!pe.ok && (pe.ratio > worst || isnan(pe.ratio) || pe.nonfinite) && worst != INFINITY) {
                worst = pe.nonfinite || isnan(pe.ratio) ? INFINITY : pe.ratio;
                char b[6][24];
                snprintf(wmsg, sizeof wmsg,
                         "case \"%s\": worst pair %d at position %" PRId64 ": input (%s, %s) expected (%s, %s) "
                         "got (%s, %s); angle error %.3g rad (bound %.3g), magnitude error %.3g (bound %.3g)",
                         c->name, k, c->positions[t], rc_format_bits(c->in, dt, e0, b[0], 24),
                         rc_format_bits(c->in, dt, e1, b[1], 24), rc_format_bits(c->expected, dt, e0, b[2], 24),
                         rc_format_bits(c->expected, dt, e1, b[3], 24), rc_format_bits(y_data, dt, e0, b[4], 24),
                         rc_format_bits(y_data, dt, e1, b[5], 24), pe.angle, pe.angle_bound, pe.mag,
                         pe.mag_bound);
            }
        }
    }
    if (bad && !v->bad)
        snprintf(v->msg, sizeof v->msg, "%s", wmsg);
    v->bad += bad;
}

/* The file names the manifest lists, each checked against its checksum. */
static int load_files(const char *dir, rc_vec_file **files, size_t *n, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, RC_VEC_MANIFEST);
    char *text = rc_vec_read_text(path, NULL, err, errlen);
    if (!text)
        return -1;
    cJSON *root = cJSON_ParseWithOpts(text, NULL, 1);
    free(text);
    const cJSON *fl = cJSON_GetObjectItemCaseSensitive(root, "files");
    int nf = cJSON_IsArray(fl) ? cJSON_GetArraySize(fl) : 0;
    *files = nf > 0 ? calloc((size_t)nf, sizeof **files) : NULL;
    *n = 0;
    int rc = -1;
    if (!*files) {
        snprintf(err, errlen, "%s: not a vector manifest (no \"files\")", path);
        goto done;
    }
    for (const cJSON *e = fl->child; e; e = e->next) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, "file");
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "sha256");
        if (!cJSON_IsString(f) || !cJSON_IsString(s) || strchr(f->valuestring, '/')) {
            snprintf(err, errlen, "%s: entry %zu needs \"file\" and \"sha256\"", path, *n);
            goto done;
        }
        char fp[4096], sum[65];
        size_t len;
        snprintf(fp, sizeof fp, "%s/%s", dir, f->valuestring);
        char *ft = rc_vec_read_text(fp, &len, err, errlen);
        if (!ft)
            goto done;
        rc_sha256_hex(ft, len, sum);
        int prc = strcmp(sum, s->valuestring) == 0 ? rc_vec_parse(ft, fp, &(*files)[*n], err, errlen) : -2;
        free(ft);
        if (prc == -2)
            snprintf(err, errlen, "%s: does not match its checksum in %s (run `rope-conform vectors verify`)",
                     fp, RC_VEC_MANIFEST);
        if (prc != 0)
            goto done;
        snprintf((*files)[*n].name, sizeof (*files)[*n].name, "%s", f->valuestring);
        (*n)++;
    }
    rc = 0;
done:
    cJSON_Delete(root);
    return rc;
}

typedef struct job {
    size_t file, cas;
    rc_tensor in, out;
} job;

int rc_vec_check(const char *dir, const char *candidate, const char *profile, double timeout,
                 FILE *out, char *err, size_t errlen)
{
    const rc_profile_row *row = rc_profile_find(profile, RC_F32);
    if (!row) {
        snprintf(err, errlen, "unknown profile '%s' (known: %s)", profile, rc_profile_names());
        return 2;
    }
    rc_vec_file *files = NULL;
    size_t nf = 0, nj = 0;
    rc_candidate cand;
    memset(&cand, 0, sizeof cand);
    job *jobs = NULL;
    rc_call *calls = NULL;
    rc_call_result *res = NULL;
    verdict *vd = NULL;
    int rc = 2;
    if (load_files(dir, &files, &nf, err, errlen) != 0 ||
        rc_candidate_load(candidate, &cand, err, errlen) != 0)
        goto done;
    for (size_t i = 0; i < nf; i++)
        nj += files[i].n_cases;
    jobs = calloc(nj + 1, sizeof *jobs);
    calls = calloc(nj + 1, sizeof *calls);
    res = calloc(nj + 1, sizeof *res);
    vd = calloc(nf + 1, sizeof *vd);
    if (!jobs || !calls || !res || !vd) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    /* ask first, as the run does: a declined case is a skip, not a fail */
    size_t nask = 0;
    for (size_t i = 0; i < nf; i++)
        for (size_t c = 0; c < files[i].n_cases; c++) {
            const rc_rope_params *p = &files[i].cases[c].cfg.params;
            if (!rc_candidate_offers(&cand, p))
                continue;   /* never asked about params its ABI minor predates */
            jobs[nask].file = i;
            jobs[nask].cas = c;
            calls[nask].kind = RC_CALL_SUPPORTS;
            calls[nask].params = p;
            calls[nask].dtype = files[i].dtype;
            calls[nask].group = (int)nask;
            nask++;
        }
    nj = nask;
    if (nj && rc_sandbox_run(&cand, calls, nj, res, timeout) != 0) {
        snprintf(err, errlen, "sandbox failure running the candidate");
        goto done;
    }
    size_t na = 0;
    for (size_t j = 0; j < nj; j++) {
        verdict *v = &vd[jobs[j].file];
        if (res[j].outcome == RC_OUTCOME_UNSUPPORTED)
            continue;
        if (res[j].outcome != RC_OUTCOME_OK && res[j].outcome != RC_OUTCOME_FENV) {
            if (!v->bad++)
                snprintf(v->msg, sizeof v->msg, "supports(): %s: %s", rc_outcome_name(res[j].outcome),
                         res[j].message);
            continue;
        }
        const rc_vec_file *f = &files[jobs[j].file];
        const rc_vec_case *c = &f->cases[jobs[j].cas];
        int64_t hd = c->cfg.params.head_dim;
        rc_tensor t = { f->dtype, c->in, c->n_tokens, 1, hd, hd, hd };
        jobs[na] = jobs[j];
        jobs[na].in = t;
        jobs[na].out = t;
        jobs[na].out.data = calloc((size_t)(c->n_tokens * hd), rc_dtype_size(f->dtype));
        if (!jobs[na].out.data) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        na++;
    }
    memset(calls, 0, (nj + 1) * sizeof *calls);
    memset(res, 0, (nj + 1) * sizeof *res);
    for (size_t j = 0; j < na; j++) {
        const rc_vec_file *f = &files[jobs[j].file];
        const rc_vec_case *c = &f->cases[jobs[j].cas];
        calls[j].kind = RC_CALL_APPLY;
        calls[j].params = &c->cfg.params;
        calls[j].dtype = f->dtype;
        calls[j].positions = c->positions;
        calls[j].n_positions = rc_mrope_axes(&c->cfg.params) * c->n_tokens;
        calls[j].in = &jobs[j].in;
        calls[j].out = &jobs[j].out;
        calls[j].group = (int)j;
    }
    if (na && rc_sandbox_run(&cand, calls, na, res, timeout) != 0) {
        snprintf(err, errlen, "sandbox failure running the candidate");
        goto done;
    }
    for (size_t j = 0; j < na; j++) {
        verdict *v = &vd[jobs[j].file];
        const rc_vec_file *f = &files[jobs[j].file];
        const rc_vec_case *c = &f->cases[jobs[j].cas];
        if (res[j].outcome == RC_OUTCOME_UNSUPPORTED)
            continue;
        if (res[j].outcome != RC_OUTCOME_OK && res[j].outcome != RC_OUTCOME_FENV) {
            if (!v->bad++)
                snprintf(v->msg, sizeof v->msg, "case \"%s\": apply(): %s: %s", c->name,
                         rc_outcome_name(res[j].outcome), res[j].message);
            continue;
        }
        judge(c, f->dtype, rc_profile_find(profile, f->dtype), jobs[j].out.data, v);
    }
    int any_fail = 0, any_pass = 0;
    for (size_t i = 0; i < nf; i++) {
        verdict *v = &vd[i];
        if (v->bad) {
            any_fail = 1;
            fprintf(out, "FAIL %s: %" PRId64 " of %" PRId64 " pairs wrong; %s\n", files[i].name,
                    v->bad, v->pairs, v->msg);
        } else if (v->pairs == 0) {
            fprintf(out, "SKIP %s: declined by the candidate\n", files[i].name);
        } else {
            any_pass = 1;
            fprintf(out, "PASS %s: %" PRId64 " pairs within the %s bound (worst %.3g of it), %" PRId64
                    " of %" PRId64 " values correctly rounded\n", files[i].name, v->pairs, profile,
                    v->worst < 0 ? 0.0 : v->worst, v->exact, v->values);
        }
    }
    if (!any_fail && !any_pass)
        fprintf(out, "FAIL: the candidate declined every vector file\n");
    rc = any_fail || !any_pass ? 1 : 0;
done:
    for (size_t j = 0; jobs && j < nj; j++)
        free(jobs[j].out.data);  /* only the first na hold buffers */
    for (size_t i = 0; i < nf; i++)
        rc_vec_file_free(&files[i]);
    free(files);
    free(jobs);
    free(calls);
    free(res);
    free(vd);
    rc_candidate_unload(&cand);
    return rc;
}
