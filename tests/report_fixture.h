/* The results every report test writes: one case of each status, tricky
 * strings in the FAIL and WARN, exact-looking floats everywhere, and plot
 * data whose values need every digit of a float. */
#ifndef RC_TEST_REPORT_FIXTURE_H
#define RC_TEST_REPORT_FIXTURE_H

#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "results.h"

/* Plot data of 40 pairs (32 bands, so bands of one and two pairs): the
 * worst value is `worst`, in bucket 12 of band 9; other values are floats
 * that print with 1 to 9 digits, the smallest subnormal float, FLT_MAX and
 * infinity (in a late bucket), and buckets with no data. */
static inline void fill_plot(rc_metrics *m, float worst)
{
    static const float tricky[] = { 0.1f, 1.0f / 3.0f, 0x1p-149f, 1.00000012f, 0.0f, 123456.789f, FLT_MAX,
                                    0.5f, 7e-5f };
    rc_metrics_plot_clear(m);
    m->pair_count = 40;
    m->n_bands = rc_pair_bands(40);
    m->heat = rc_plot_store_alloc((size_t)m->n_bands * RC_N_BUCKETS);
    ck_assert_ptr_nonnull(m->heat);
    for (int b = 0; b < 20; b++) {
        m->bucket_angle[b] = tricky[b % 9] * (worst < 1 ? worst : 1.0f);
        m->bucket_mag[b] = b % 4 == 3 ? -1.0f : tricky[(b + 4) % 9] / 8;
    }
    m->bucket_angle[12] = worst;
    for (int k = 0; k < m->n_bands; k++) {
        for (int b = 0; b < 20; b++)
            m->heat[k * RC_N_BUCKETS + b] = (k + b) % 5 == 4 ? -1.0f : tricky[(k * 7 + b) % 9] / 4096;
        m->band_max[k] = tricky[k % 9] / 4096;
    }
    m->heat[9 * RC_N_BUCKETS + 12] = m->band_max[9] = worst;
    m->heat[3 * RC_N_BUCKETS + 19] = INFINITY;
    m->band_max[3] = INFINITY;
}

/* Tricky strings: markup, quotes, a pipe, a newline, an escape sequence, a
 * valid non-ASCII character (U+00B5) and a byte that is not UTF-8 (0xFF). */
#define TRICKY_NAME "yarn <f16> & \"quotes\" 'single' | pipe"
#define TRICKY_MSG "max err 3.5 > bound & <1> | at 'pos' \"12\"\nsecond line \x1b[31mred \xc2\xb5 \xff end"
#define TRICKY_CAUSE "table rounded to f16 before the multiply | see <docs>"

static inline void set_info(rc_results *r)
{
    rc_run_info *in = &r->info;
    in->candidate_path = "/opt/cand dir/libcand's.so";
    in->candidate_name = "cand";
    in->candidate_version = "1.2.3";
    in->profile = "strict";
    in->level = 2;
    in->seed = UINT64_MAX;   /* not representable as a JSON number */
    in->config_path = "configs/llama3.json";
    in->tool_version = "0.1.0";
    in->mpfr_version = "4.2.0";
    in->gmp_version = "6.2.1";
    in->cjson_version = "1.7.15";
    in->cpu = "Test CPU @ 3.0GHz";
    in->started_utc = "2026-11-23T14:13:04Z";
    in->wall_seconds = 12.345;
}

static inline void fill_metrics(rc_case_result *c, double max_err)
{
    rc_metrics *m = &c->metrics;
    c->has_metrics = 1;
    m->n_pairs = 123456;
    m->max_err = max_err;
    m->max_err_raw = max_err * 0x1.0p-11;
    m->max_angle_err = 0.1;
    m->max_mag_err = 1.0 / 3.0;
    m->max_ulp = 0.5000000000000001;
    m->mean_radial = -0x1.5p-60;
    for (int i = 0; i < RC_N_BUCKETS; i++)
        m->bucket_max[i] = i < 20 ? max_err / (i + 1) : -1.0;
    m->bucket_max[3] = 4.9406564584124654e-324;   /* smallest subnormal */
    m->worst.position = 4095;
    m->worst.token = 7;
    m->worst.head = 3;
    m->worst.pair = 11;
    strcpy(m->worst.in0, "0x3c00");
    strcpy(m->worst.in1, "0xbc00");
    strcpy(m->worst.expected0, "0x3a41");
    strcpy(m->worst.expected1, "0x3b12");
    strcpy(m->worst.actual0, "0x3a45");
    strcpy(m->worst.actual1, "0x3b10");
    fill_plot(m, (float)max_err);
}

static inline rc_case_result *add_case(rc_results *r, const char *suite, const char *name,
                                rc_status st, rc_dtype dt)
{
    rc_case_result *c = rc_results_add(r);
    ck_assert_ptr_nonnull(c);
    snprintf(c->suite, sizeof c->suite, "%s", suite);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->status = st;
    c->dtype = dt;
    rc_rope_params *p = &c->params;
    p->struct_size = sizeof *p;
    p->head_dim = 128;
    p->rotary_dim = 64;
    p->pairing = RC_INTERLEAVED;
    p->type = RC_ROPE_YARN;
    p->base = 500000.0;
    p->factor = 0.1;
    p->original_max_position = 8192;
    p->max_position = INT64_C(1) << 60;   /* beyond 2^53: a string */
    p->low_freq_factor = 1.0;
    p->high_freq_factor = 4.0;
    p->beta_fast = 32;
    p->beta_slow = 1;
    p->attention_factor = 1.0 / 3.0;
    p->mscale = 0.707;
    p->mscale_all_dim = -0.0;
    p->truncate = 1;
    p->seq_len = 131072;
    c->seconds = 0.001 * (double)r->n_cases;
    return c;
}

/* One case of each status, with tricky strings in the FAIL and WARN. */
static inline void build(rc_results *r)
{
    memset(r, 0, sizeof *r);
    set_info(r);
    rc_case_result *c = add_case(r, "accuracy", "default f32", RC_STATUS_PASS, RC_F32);
    fill_metrics(c, 0.25);
    c = add_case(r, "accuracy", TRICKY_NAME, RC_STATUS_FAIL, RC_F16);
    fill_metrics(c, 3.5);
    snprintf(c->message, sizeof c->message, "%s", TRICKY_MSG);
    snprintf(c->cause, sizeof c->cause, "%s", TRICKY_CAUSE);
    snprintf(c->diag.cls, sizeof c->diag.cls, "precision");
    c->diag.confidence = RC_CONF_MEDIUM;
    snprintf(c->diag.evidence, sizeof c->diag.evidence, "angle errors up to 0.1 rad <at> 4095");
    snprintf(c->diag.entry, sizeof c->diag.entry, "precision.table-fp16");
    c->diag.entry_match = 0.96875;
    c = add_case(r, "properties", "linearity | scale", RC_STATUS_WARN, RC_BF16);
    fill_metrics(c, 0.75);
    snprintf(c->message, sizeof c->message, "precision | runs out\nbefore 2^20 & <max>");
    c = add_case(r, "properties", "bf16 backward", RC_STATUS_SKIP, RC_BF16);
    c->params.pairing = RC_HALF_SPLIT;
    c->params.type = RC_ROPE_DYNAMIC_NTK;
    snprintf(c->message, sizeof c->message, "unsupported <by> candidate");
}

#endif
