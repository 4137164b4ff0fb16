/* Probing a candidate: sandboxed apply calls on one head, the pairing map
 * from one-hot inputs and the choice of params to probe at. */
#include "probe.h"
#include "default_params.h"
#include "rope_mrope.h"
#include "dtype.h"
#include "sandbox.h"
#include "variants.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double rc_probe_tol(rc_dtype dt)
{
    /* the candidate computes in at least fp32 in every style we know; its
     * output is rounded to dt */
    double u = rc_dtype_unit_roundoff(dt);
    return u > 0x1p-24 ? u : 0x1p-24;
}

static int probe_apply(const rc_probe *pr, int per_axis, size_t n, const int64_t *const *pos,
                       const int64_t *n_tok, const double *const *in, double *const *out,
                       int *ok, char (*why)[160], char *err, size_t errlen)
{
    const int64_t hd = pr->params->head_dim;
    const size_t es = rc_dtype_size(pr->dtype);
    rc_call *calls = calloc(n, sizeof *calls);
    rc_call_result *res = calloc(n, sizeof *res);
    rc_tensor *ti = calloc(n, sizeof *ti), *to = calloc(n, sizeof *to);
    int64_t **ax = calloc(n, sizeof *ax); /* M-RoPE: the positions on every axis */
    const int64_t axes = rc_mrope_axes(pr->params);
    int rc = -1;
    if (!calls || !res || !ti || !to || !ax) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        rc_tensor t = { pr->dtype, NULL, n_tok[i], 1, hd, hd, hd };
        ti[i] = t;
        to[i] = t;
        ti[i].data = malloc((size_t)(n_tok[i] * hd) * es);
        to[i].data = malloc((size_t)(n_tok[i] * hd) * es);
        if (!ti[i].data || !to[i].data) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        for (int64_t j = 0; j < n_tok[i] * hd; j++)
            rc_store(ti[i].data, pr->dtype, (size_t)j, in[i][j]);
        calls[i].kind = RC_CALL_APPLY;
        calls[i].params = pr->params;
        calls[i].dtype = pr->dtype;
        calls[i].positions = pos[i];
        calls[i].n_positions = axes * n_tok[i];
        if (axes > 1 && !per_axis) {
            ax[i] = malloc((size_t)(axes * n_tok[i] + 1) * sizeof **ax);
            if (!ax[i]) {
                snprintf(err, errlen, "out of memory");
                goto done;
            }
            for (int64_t a = 0; a < axes; a++)
                memcpy(ax[i] + a * n_tok[i], pos[i], (size_t)n_tok[i] * sizeof **ax);
            calls[i].positions = ax[i];
        }
        calls[i].in = &ti[i];
        calls[i].out = &to[i];
    }
    if (rc_sandbox_run(pr->cand, calls, n, res, pr->timeout) != 0) {
        snprintf(err, errlen, "sandbox failure running the candidate");
        goto done;
    }
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        /* a changed FP environment still returns the outputs */
        ok[i] = res[i].outcome == RC_OUTCOME_OK || res[i].outcome == RC_OUTCOME_FENV;
        if (ok[i]) {
            any = 1;
            for (int64_t j = 0; j < n_tok[i] * hd; j++)
                out[i][j] = rc_load(to[i].data, pr->dtype, (size_t)j);
        } else if (why) {
            snprintf(why[i], sizeof why[i], "%s%s%.120s", rc_outcome_name(res[i].outcome),
                     res[i].message[0] ? ": " : "", res[i].message);
        }
    }
    if (!any) {
        snprintf(err, errlen, "no probe call returned output (first: %s%s%s)",
                 rc_outcome_name(res[0].outcome), res[0].message[0] ? ": " : "", res[0].message);
        goto done;
    }
    rc = 0;
done:
    for (size_t i = 0; ti && to && i < n; i++) {
        free(ti[i].data);
        free(to[i].data);
    }
    for (size_t i = 0; ax && i < n; i++)
        free(ax[i]);
    free(ax);
    free(ti);
    free(to);
    free(calls);
    free(res);
    return rc;
}

int rc_probe_apply(const rc_probe *pr, size_t n, const int64_t *const *pos,
                   const int64_t *n_tok, const double *const *in, double *const *out,
                   int *ok, char (*why)[160], char *err, size_t errlen)
{
    return probe_apply(pr, 0, n, pos, n_tok, in, out, ok, why, err, errlen);
}

int rc_probe_apply_axes(const rc_probe *pr, size_t n, const int64_t *const *pos,
                        const int64_t *n_tok, const double *const *in, double *const *out,
                        int *ok, char (*why)[160], char *err, size_t errlen)
{
    return probe_apply(pr, 1, n, pos, n_tok, in, out, ok, why, err, errlen);
}

/* Positions for the one-hot probes: p = 1 fixes the orientation (every
 * angle is in (0, pi) there), the others make sure even the slowest pair
 * has turned far enough to be seen; all stay inside a lazily grown cos/sin
 * cache of a few hundred MB. */
static const int64_t onehot_pos[] = { 1, 3, 1000, 30011, 131071 };
#define N_ONEHOT (sizeof onehot_pos / sizeof onehot_pos[0])
/* below this an output element is rounding noise, not coupling */
#define COUPLE_MIN 1e-3

int rc_probe_pairmap(const rc_probe *pr, rc_pairmap *map, char *err, size_t errlen)
{
    const int hd = pr->params->head_dim;
    memset(map, 0, sizeof *map);
    map->head_dim = hd;
    if (hd < 2 || hd > RC_PROBE_MAX_CH) {
        snprintf(err, errlen, "head_dim %d is out of the probe's range 2..%d", hd, RC_PROBE_MAX_CH);
        return -1;
    }
    const size_t n = N_ONEHOT, cells = (size_t)hd * (size_t)hd;
    double *in = calloc(cells, sizeof *in), *out = calloc(n * cells, sizeof *out);
    int64_t *pos = malloc(n * (size_t)hd * sizeof *pos);
    const int64_t *pp[N_ONEHOT];
    const double *ip[N_ONEHOT];
    double *op[N_ONEHOT];
    int64_t nt[N_ONEHOT];
    int ok[N_ONEHOT];
    int *seen = calloc((size_t)hd, sizeof *seen);
    int rc = -1;
    if (!in || !out || !pos || !seen) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (int i = 0; i < hd; i++)
        in[(size_t)i * hd + i] = 1.0; /* token i carries e_i */
    for (size_t c = 0; c < n; c++) {
        for (int i = 0; i < hd; i++)
            pos[c * hd + i] = onehot_pos[c];
        pp[c] = pos + c * hd;
        ip[c] = in;
        op[c] = out + c * cells;
        nt[c] = hd;
    }
    if (rc_probe_apply(pr, n, pp, nt, ip, op, ok, NULL, err, errlen) != 0)
        goto done;
    if (!ok[0]) {
        snprintf(err, errlen, "the candidate returned no output at position 1");
        goto done;
    }
    for (size_t c = 0; c < n; c++)
        if (ok[c] && map->n_positions < 8)
            map->positions[map->n_positions++] = onehot_pos[c];
    /* partner[i]: the one other channel e_i feeds at some position */
    int partner[RC_PROBE_MAX_CH];
    for (int i = 0; i < hd; i++) {
        partner[i] = -1;
        int n_coupled = 0, changed = 0;
        for (int j = 0; j < hd; j++) {
            double big = 0.0;
            for (size_t c = 0; c < n; c++)
                if (ok[c]) {
                    double v = op[c][(size_t)i * hd + j];
                    if (j == i) {
                        if (v != 1.0)
                            changed = 1;
                    } else if (!(fabs(v) <= big)) {
                        big = fabs(v); /* NaN counts as coupled */
                    }
                }
            if (j != i && !(big <= COUPLE_MIN)) {
                n_coupled++;
                partner[i] = j;
            }
        }
        if (n_coupled > 1)
            map->mixing++;
        if (n_coupled == 0) {
            map->n_pass++;
            map->pass_changed += changed;
        }
    }
    /* pairs: symmetric partners, numbered by their lowest channel */
    for (int i = 0; i < hd; i++)
        map->pair_of[i] = -1;
    for (int i = 0; i < hd; i++) {
        int j = partner[i];
        if (j < 0 || seen[i])
            continue;
        if (partner[j] != i) {
            map->mixing++;
            continue;
        }
        seen[i] = seen[j] = 1;
        int k = map->n_pairs++;
        /* orientation at p = 1: e_a rotated by a small positive angle puts
         * +m sin(w) on its partner */
        double s = op[0][(size_t)i * hd + j], t = op[0][(size_t)j * hd + i];
        int i_first = s > 0 || (s == 0 && t < 0) || (s == 0 && t == 0);
        map->first[k] = i_first ? i : j;
        map->second[k] = i_first ? j : i;
        map->pair_of[i] = map->pair_of[j] = k;
        if (map->first[k] > map->second[k])
            map->n_reversed++;
    }
    rc = 0;
done:
    free(in);
    free(out);
    free(pos);
    free(seen);
    return rc;
}

rc_layout rc_pairmap_layout(const rc_pairmap *map)
{
    if (map->mixing || map->n_pairs == 0)
        return RC_LAYOUT_NONE;
    const int n = map->n_pairs;
    int half = 1, inter = 1;
    for (int k = 0; k < n; k++) {
        int a = map->first[k] < map->second[k] ? map->first[k] : map->second[k];
        int b = map->first[k] ^ map->second[k] ^ a;
        half &= a == k && b == k + n;
        inter &= a == 2 * k && b == 2 * k + 1;
    }
    return half ? RC_LAYOUT_HALF_SPLIT : inter ? RC_LAYOUT_INTERLEAVED : RC_LAYOUT_OTHER;
}

const char *rc_layout_name(rc_layout l)
{
    switch (l) {
    case RC_LAYOUT_HALF_SPLIT: return "half-split";
    case RC_LAYOUT_INTERLEAVED: return "interleaved";
    case RC_LAYOUT_OTHER: return "other permutation";
    default: return "not a pairing";
    }
}

void rc_pairmap_declared(const rc_rope_params *p, rc_pairmap *map)
{
    memset(map, 0, sizeof *map);
    map->head_dim = p->head_dim;
    map->n_pairs = p->rotary_dim / 2;
    for (int c = 0; c < p->head_dim && c < RC_PROBE_MAX_CH; c++)
        map->pair_of[c] = -1;
    for (int k = 0; k < map->n_pairs; k++) {
        map->first[k] = p->pairing == RC_INTERLEAVED ? 2 * k : k;
        map->second[k] = p->pairing == RC_INTERLEAVED ? 2 * k + 1 : k + map->n_pairs;
        map->pair_of[map->first[k]] = map->pair_of[map->second[k]] = k;
    }
    map->n_pass = p->head_dim - p->rotary_dim;
}

/* Does the candidate run params at dtype?  A one-token apply at p = 1, so a
 * candidate whose supports() is optimistic is caught too. */
static int runs(const rc_candidate *c, const rc_rope_params *p, rc_dtype dt, double timeout)
{
    rc_probe pr = { c, p, dt, timeout };
    int64_t pos = 1, nt = 1;
    const int64_t *pp = &pos;
    double *x = calloc((size_t)p->head_dim, sizeof *x), *y = calloc((size_t)p->head_dim, sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return 0;
    }
    x[0] = 1.0;
    const double *ip = x;
    double *op = y;
    int ok = 0;
    char err[256];
    int rc = rc_probe_apply(&pr, 1, &pp, &nt, &ip, &op, &ok, NULL, err, sizeof err);
    free(x);
    free(y);
    return rc == 0 && ok;
}

static int pick_dtype(const rc_candidate *c, const rc_rope_params *p, int want, rc_dtype *out,
                      double timeout)
{
    static const rc_dtype order[] = { RC_F64, RC_F32, RC_F16, RC_BF16 };
    for (size_t i = 0; i < 4; i++) {
        if (want >= 0 && (int)order[i] != want)
            continue;
        if (runs(c, p, order[i], timeout)) {
            *out = order[i];
            return 0;
        }
    }
    return -1;
}

int rc_probe_choose(const rc_candidate *c, const rc_config *given, int dtype, rc_config *out,
                    rc_dtype *dt_out, char *how, size_t howlen, double timeout)
{
    memset(out, 0, sizeof *out);
    if (given) {
        *out = *given;
        rc_config_rebind(out);
        snprintf(how, howlen, "the given config (%s)", given->source[0] ? given->source : "params");
        return pick_dtype(c, &out->params, dtype, dt_out, timeout);
    }
    if (c->has_defaults) {
        *out = c->defaults;
        rc_config_rebind(out);
        snprintf(how, howlen, "the candidate's default_params");
        return pick_dtype(c, &out->params, dtype, dt_out, timeout);
    }
    /* no configuration anywhere: plain RoPE, the most common geometry */
    rc_variant_params(out, RC_ROPE_DEFAULT, RC_HALF_SPLIT, 128, 128, 1e4);
    out->params.max_position = 4096;
    if (pick_dtype(c, &out->params, dtype, dt_out, timeout) == 0) {
        snprintf(how, howlen, "no config given and no default_params: probed at a default "
                              "half-split config, head_dim 128, base 1e4");
        return 0;
    }
    out->params.pairing = RC_INTERLEAVED;
    if (pick_dtype(c, &out->params, dtype, dt_out, timeout) == 0) {
        snprintf(how, howlen, "no config given and no default_params; the candidate refuses "
                              "half-split, so probed at interleaved, head_dim 128, base 1e4");
        return 0;
    }
    return -1;
}
