/* compare: two candidates on the same inputs and positions, in the error
 * model's metric, with the channel permutation between their conventions
 * when they differ by one.  docs/conventions.md describes the method. */
#ifndef RC_PROBE_COMPARE_H
#define RC_PROBE_COMPARE_H

#include "probe.h"

#define RC_CMP_BUCKETS 12 /* [0, 1024) dense, then 2^10 .. 2^20 */

typedef struct rc_cmp_side {
    const rc_candidate *cand;
    rc_config cfg;                /* params it is called with              */
    char how[512];
    rc_pairmap map;
    rc_sweep *sweep;
    double golden_ratio;          /* max error / bound against its golden  */
    int64_t golden_fails;
} rc_cmp_side;

typedef struct rc_cmp_bucket {
    int64_t lo, hi;               /* positions covered                     */
    int ran;                      /* both returned output                  */
    double max_raw, max_aligned;  /* normalised pair difference            */
    double ratio_raw, ratio_aligned; /* difference / (sum of both bounds)  */
} rc_cmp_bucket;

typedef struct rc_compare_result {
    rc_cmp_side a, b;
    rc_dtype dtype;
    int convention;               /* the pair maps differ                  */
    int permutable;               /* same head_dim and pair count          */
    int perm[RC_PROBE_MAX_CH];    /* B channel c takes A channel perm[c]   */
    int verified;                 /* aligned run within the error model    */
    int n_freq_diff, worst_freq_pair;
    double worst_freq_ratio;      /* w_B / w_A at the worst pair           */
    double m_a, m_b;
    int mag_diff;
    rc_cmp_bucket bucket[RC_CMP_BUCKETS];
    double max_raw, max_aligned, ratio_raw, ratio_aligned;
    int agree;                    /* same convention, within the model     */
} rc_compare_result;

/* cfg NULL: each at its own params (rc_probe_choose).  dtype < 0: the first
 * of f32, f64, f16, bf16 both run.  0 ok; -1 with a message (a candidate
 * refuses the params, crashed, ...). */
int rc_compare(const rc_candidate *a, const rc_candidate *b, const rc_config *cfg, int dtype,
               uint64_t seed, double timeout, rc_compare_result *res, char *err, size_t errlen);
void rc_compare_free(rc_compare_result *res);

/* Text of the permutation: an index formula and a q/k weight conversion
 * one-liner (torch), for W_B from W_A. */
void rc_compare_perm_text(const rc_compare_result *res, char *formula, size_t flen, char *weights,
                          size_t wlen);

#endif
