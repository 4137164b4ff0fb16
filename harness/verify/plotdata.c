/* Plot data of a golden comparison: per position bucket the worst angle and
 * magnitude error, per pair band and bucket the worst error, each over its
 * bound. */
#include "plotdata.h"

#include <math.h>

void rc_plot_begin(rc_metrics *m, int pair_count)
{
    rc_metrics_plot_clear(m);
    if (pair_count <= 0)
        return;
    m->pair_count = pair_count;
    m->n_bands = rc_pair_bands(pair_count);
    m->heat = rc_plot_store_alloc((size_t)m->n_bands * RC_N_BUCKETS);
}

/* d as a float no smaller than d (NaN stays NaN). */
static float up(double d)
{
    float f = (float)d;
    return (double)f < d ? nextafterf(f, INFINITY) : f;
}

static void raise_to(float *slot, double v)
{
    /* up() is monotone and *slot is a float: v <= *slot gives up(v) <=
     * *slot, so most pairs leave here without rounding */
    if (v <= (double)*slot)
        return;
    float f = up(v);
    if (f > *slot || isnan(f))
        *slot = f;
}

int rc_plot_band(const rc_metrics *m, int k)
{
    if (m->pair_count <= 0 || k < 0 || k >= m->pair_count)
        return -1;
    /* rc_pair_band, with the band count rc_plot_begin stored */
    return (int)((unsigned)k * (unsigned)m->n_bands / (unsigned)m->pair_count);
}

void rc_plot_add_band(rc_metrics *m, int bucket, int band, const rc_pair_error *pe)
{
    if (band < 0 || band >= m->n_bands || bucket < 0 || bucket >= RC_N_BUCKETS)
        return;
    raise_to(&m->band_max[band], pe->ratio);
    if (m->heat)
        raise_to(&m->heat[band * RC_N_BUCKETS + bucket], pe->ratio);
    if (pe->nonfinite)
        return;   /* judged by class: no angle or magnitude to show */
    /* the quotients rc_pair_error_eval took (a zero pair has neither
     * error: 0, as the quotients would be) */
    if (!pe->exhausted && pe->angle_bound > 0)
        raise_to(&m->bucket_angle[bucket], pe->angle_ratio);
    if (pe->mag_bound > 0)
        raise_to(&m->bucket_mag[bucket], pe->mag_ratio);
}

void rc_plot_add(rc_metrics *m, int bucket, int k, const rc_pair_error *pe)
{
    rc_plot_add_band(m, bucket, rc_plot_band(m, k), pe);
}
