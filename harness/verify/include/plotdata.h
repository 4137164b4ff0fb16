/* The plot data of a golden comparison (error against position, angle
 * against magnitude, the pair x position heat map: rc_metrics), filled
 * pair by pair by the comparators (harness/verify/verify.c, suites/cos_sin.c). */
#ifndef RC_PLOTDATA_H
#define RC_PLOTDATA_H

#include "errmodel.h"
#include "results.h"

/* Start with nothing measured, for pair_count pairs per position.  The heat
 * map gets its slot in the plot store; when out of memory it stays NULL (the
 * report then lacks that map, the verdict is unaffected). */
void rc_plot_begin(rc_metrics *m, int pair_count);
/* Pair k at a position in the given bucket, judged as pe.  Values are
 * rounded up to single precision, so a ratio above 1 stays above 1. */
void rc_plot_add(rc_metrics *m, int bucket, int k, const rc_pair_error *pe);
/* The same in two steps, for a caller that adds pair k at many positions:
 * k's band (-1: k out of range, nothing is added), then the pair. */
int rc_plot_band(const rc_metrics *m, int k);
void rc_plot_add_band(rc_metrics *m, int bucket, int band, const rc_pair_error *pe);

#endif
