/* Angle recovery: every pair's angle at p = 0, 1, 2, 4, ... 2^20, unwrapped
 * into an angular frequency per token. */
#include "probe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TWO_PI 6.283185307179586
/* A doubling step whose unwrapped angle misses the prediction by more than
 * this is noise (precision exhausted), not signal: the estimate stops. */
#define UNWRAP_MAX_RESIDUAL 0.5

int rc_probe_sweep(const rc_probe *pr, const rc_pairmap *map, rc_sweep *sw, char *err,
                   size_t errlen)
{
    const int hd = map->head_dim, np = map->n_pairs;
    const size_t n = RC_PROBE_NPOS;
    double *in = calloc((size_t)hd, sizeof *in), *out = calloc(n * (size_t)hd, sizeof *out);
    const int64_t *pp[RC_PROBE_NPOS];
    const double *ip[RC_PROBE_NPOS];
    double *op[RC_PROBE_NPOS];
    int64_t nt[RC_PROBE_NPOS];
    int rc = -1;
    if (!in || !out) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    sw->n_pos = (int)n;
    for (size_t i = 0; i < n; i++) {
        sw->pos[i] = i == 0 ? 0 : (int64_t)1 << (i - 1);
        pp[i] = &sw->pos[i];
        ip[i] = in;
        op[i] = out + i * hd;
        nt[i] = 1;
    }
    /* (1, 0) in every pair: exact in every dtype, the output pair is
     * m (cos phi, sin phi) directly */
    for (int k = 0; k < np; k++)
        in[map->first[k]] = 1.0;
    if (rc_probe_apply(pr, n, pp, nt, ip, op, sw->ok, NULL, err, errlen) != 0)
        goto done;
    if (!sw->ok[0] || !sw->ok[1]) {
        snprintf(err, errlen, "the candidate returned no output at position %d", sw->ok[0] ? 1 : 0);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        if (!sw->ok[i])
            continue;
        sw->max_ok = sw->pos[i];
        for (int k = 0; k < np; k++) {
            double a = op[i][map->first[k]], b = op[i][map->second[k]];
            sw->angle[i][k] = atan2(b, a);
            sw->norm[i][k] = hypot(a, b);
        }
    }
    double mn = INFINITY, mx = -INFINITY, sum = 0.0;
    for (int k = 0; k < np; k++) {
        sum += sw->norm[0][k];
        mn = fmin(mn, sw->norm[0][k]);
        mx = fmax(mx, sw->norm[0][k]);
    }
    sw->m = np ? sum / np : 1.0;
    sw->m_spread = np ? mx - mn : 0.0;
    /* unwrap: at p = 1 every RoPE angle lies in (-pi, pi); each doubling at
     * most doubles the estimate's error, so the prediction picks the turn */
    for (int k = 0; k < np; k++) {
        double w = sw->angle[1][k];
        int64_t used = 1;
        for (size_t i = 2; i < n; i++) {
            if (!sw->ok[i] || !isfinite(sw->angle[i][k]))
                break;
            double p = (double)sw->pos[i], pred = w * p;
            double turns = nearbyint((pred - sw->angle[i][k]) / TWO_PI);
            double phi = sw->angle[i][k] + TWO_PI * turns;
            if (fabs(phi - pred) > UNWRAP_MAX_RESIDUAL)
                break;
            w = phi / p;
            used = sw->pos[i];
        }
        sw->w[k] = w;
        sw->p_used[k] = used;
    }
    rc = 0;
done:
    free(in);
    free(out);
    return rc;
}
