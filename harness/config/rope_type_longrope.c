/* Rope type "longrope" (Phi-3; legacy name "su"): w'_k = w_k / f_k with
 * the long factors iff seq_len > L, else the short ones;
 * m = sqrt(1 + ln s / ln L) unless attention_factor is given. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rope_type.h"
#include "config_internal.h"
#include "rope_formula.h"

static const char *const aliases[] = { "su", NULL };
static const char *const required[] = { "factor", "original_max_position", NULL };

static int check_factors(const double *f, const char *name, int npairs, char *err, size_t n)
{
    if (!f)
        return rc_check_fail(err, n, "%s is NULL: longrope needs rotary_dim/2 = %d factors",
                             name, npairs);
    for (int k = 0; k < npairs; k++)
        if (!isfinite(f[k]) || f[k] <= 0.0)
            return rc_check_fail(err, n, "%s[%d] = %g must be finite and > 0", name, k, f[k]);
    return 0;
}

static int validate(const rc_rope_params *p, char *err, size_t n)
{
    const int np = p->rotary_dim / 2;
    if (rc_check_L(p, 1, err, n) || rc_check_attention_factor(p, err, n) ||
        check_factors(p->short_factor, "short_factor", np, err, n) ||
        check_factors(p->long_factor, "long_factor", np, err, n))
        return -1;
    if (!isfinite(p->factor) || p->factor < 0.0)
        return rc_check_fail(err, n, "factor %g is invalid for longrope: it must be finite and "
                             "> 0 (0 derives it as max_position/original_max_position)",
                             p->factor);
    if (p->max_position < 0)
        return rc_check_fail(err, n, "max_position %lld is negative", (long long)p->max_position);
    if (p->attention_factor == 0.0) { /* the default magnitude needs s and ln L */
        if (p->factor == 0.0 && p->max_position == 0)
            return rc_check_fail(err, n, "factor 0 for longrope needs max_position > 0 to "
                                 "derive s = max_position/original_max_position");
        if (p->original_max_position < 2)
            return rc_check_fail(err, n, "original_max_position %lld must be >= 2 for "
                                 "longrope's default magnitude (it divides by ln L)",
                                 (long long)p->original_max_position);
    }
    return rc_check_seq_len(p, err, n);
}

static int check_len(const rcj_ctx *ctx, const char *src, const char *key, int n, int64_t rot)
{
    if (n < 0)
        return rcj_fail(ctx, "rope type \"longrope\" needs \"%s\"", key);
    if ((int64_t)n != rot / 2)
        return rcj_fail(ctx, "\"%s.%s\" has %d entries, expected rotary_dim/2 = %lld", src, key,
                        n, (long long)(rot / 2));
    return 0;
}

static int from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    rc_rope_params *p = &out->params;
    if (check_len(ctx, b->short_src, "short_factor", b->n_short, p->rotary_dim) ||
        check_len(ctx, b->long_src, "long_factor", b->n_long, p->rotary_dim))
        return -1;
    int64_t orig = 0;
    int has_orig = rc_hf_orig(b, &orig);
    if (!has_orig && !b->has_max)
        return rcj_fail(ctx, "rope type \"longrope\" needs \"original_max_position_embeddings\" "
                        "or \"max_position_embeddings\"");
    p->original_max_position = has_orig ? orig : b->max_pos;
    if (b->has[RC_HF_FACTOR])
        p->factor = b->v[RC_HF_FACTOR];
    else if (b->has_max)
        p->factor = (double)b->max_pos / (double)p->original_max_position;
    else
        return rcj_fail(ctx, "rope type \"longrope\" needs \"factor\" or "
                        "\"max_position_embeddings\"");
    p->attention_factor = b->has[RC_HF_ATTN] ? b->v[RC_HF_ATTN] : 0.0;
    memcpy(out->short_factor, b->short_f, (size_t)b->n_short * sizeof(double));
    memcpy(out->long_factor, b->long_f, (size_t)b->n_long * sizeof(double));
    return 0;
}

/* Phi-3 style 4096 -> 131072; the factor tables are smooth synthetic
 * ramps with the shape of Phi-3's (short near 1, long growing with k). */
static void canonical(rc_config *cfg)
{
    rc_rope_params *p = &cfg->params;
    int n = p->rotary_dim / 2;
    p->original_max_position = 4096;
    p->max_position = 131072;
    p->factor = 32.0;
    p->seq_len = 8192; /* long factors */
    for (int k = 0; k < n; k++) {
        double f = n > 1 ? (double)k / (n - 1) : 0.0;
        cfg->short_factor[k] = 1.0 + 0.25 * f;
        cfg->long_factor[k] = 1.0 + 31.0 * f * f;
    }
}

/* Phi-3-like: s = 131072/4096 = 32 from max_position, dyadic factors */
static void vector_params(rc_config *c)
{
    rc_rope_params *p = &c->params;
    p->original_max_position = RC_VEC_L;
    p->max_position = 131072;
    p->seq_len = 131072;
    for (int k = 0; k < RC_VEC_HEAD_DIM / 2; k++) {
        c->short_factor[k] = 1.0 + k / 64.0;
        c->long_factor[k] = 1.0 + k / 4.0;
    }
}

static int vector_extra(rc_config *v, int i, rc_vec_extra *out)
{
    return rc_vec_seq_len_case(v, i, out, "seq_len = L = 4096: short_factor (the switch is strict)",
                               "seq_len = L+1 = 4097: long_factor");
}

static void freq(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q)
{
    (void)a, (void)b, (void)q;
    /* long factors iff seq_len > L; seq_len 0 (not given) -> short */
    const double *f = (p->seq_len > p->original_max_position) ? p->long_factor : p->short_factor;
    mpfr_div_d(w, w, f[k], MPFR_RNDN);
}

static int magnitude(const rc_rope_params *p, mpfr_ptr out, mpfr_prec_t q)
{
    if (p->attention_factor != 0.0) { /* given: used verbatim */
        mpfr_set_d(out, p->attention_factor, MPFR_RNDN);
        return 1;
    }
    mpfr_t s, l;
    mpfr_inits2(q, s, l, (mpfr_ptr)0);
    if (p->factor > 0) /* s: factor when given, else max_position / L (HF era C2) */
        mpfr_set_d(s, p->factor, MPFR_RNDN);
    else {
        mpfr_set_si(s, (long)p->max_position, MPFR_RNDN);
        mpfr_div_si(s, s, (long)p->original_max_position, MPFR_RNDN);
    }
    int exact = 1;
    if (mpfr_cmp_ui(s, 1) <= 0) {
        mpfr_set_ui(out, 1, MPFR_RNDN);
    } else { /* sqrt(1 + ln s / ln L) */
        mpfr_log(s, s, MPFR_RNDN);
        mpfr_set_si(l, (long)p->original_max_position, MPFR_RNDN);
        mpfr_log(l, l, MPFR_RNDN);
        mpfr_div(s, s, l, MPFR_RNDN);
        mpfr_add_ui(s, s, 1, MPFR_RNDN);
        mpfr_sqrt(out, s, MPFR_RNDN);
        exact = 0;
    }
    mpfr_clears(s, l, (mpfr_ptr)0);
    return exact;
}

static const rc_rope_golden_ops golden = { freq, magnitude };

static void describe(const rc_rope_params *p, char *buf, size_t n)
{
    if (p->short_factor && p->long_factor && p->rotary_dim >= 4)
        snprintf(buf, n, " short_factor[0..] %.6g %.6g ... long_factor[0..] %.6g %.6g",
                 p->short_factor[0], p->short_factor[1], p->long_factor[0], p->long_factor[1]);
    else
        buf[0] = '\0';
}

const rc_rope_type_info rc_rope_type_longrope = {
    .type = RC_ROPE_LONGROPE,
    .name = "longrope",
    .aliases = aliases,
    .diag_class = "longrope",
    .required = required,
    .factor_arrays = 1,
    .seq_len_dependent = 1,
    .hazards = RC_HAZARD_EXTENDS_L,
    .switch_kind = RC_SWITCH_SEQ_LEN,
    .stale_multiple = 2,
    .validate = validate,
    .from_hf = from_hf,
    .canonical = canonical,
    .vector_params = vector_params,
    .vector_extra = vector_extra,
    .golden = &golden,
    .describe = describe,
    .fit_shape = RC_FIT_PER_PAIR,
    .magnitude_param = 1,
};
