/* Rope type "dynamic" (dynamic NTK): base' = base (s l/L - (s-1))^(r/(r-2))
 * with l = max(seq_len, L), m = 1 (HF _compute_dynamic_ntk_parameters).
 * Its catalogue class is "ntk". */
#include <math.h>
#include <stdio.h>

#include "rope_type.h"
#include "config_internal.h"
#include "rope_formula.h"

static const char *const required[] = { "factor", "original_max_position", NULL };

static int validate(const rc_rope_params *p, char *err, size_t n)
{
    if (rc_check_factor_ge1(p, err, n) || rc_check_L(p, 1, err, n) || rc_check_seq_len(p, err, n))
        return -1;
    if (p->rotary_dim == 2)
        return rc_check_fail(err, n, "rotary_dim 2 is invalid for %s: the exponent "
                             "r/(r-2) divides by zero", rc_rope_type_name(p->type));
    return 0;
}

/* HF's dynamic NTK measures against max_position_embeddings, not
 * original_max_position_embeddings (research note 2.3). */
static int from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    if (rc_hf_need(ctx, b, RC_HF_FACTOR))
        return -1;
    if (!b->has_max)
        return rcj_fail(ctx, "rope type \"%s\" needs \"max_position_embeddings\"", b->type_str);
    out->params.factor = b->v[RC_HF_FACTOR];
    out->params.original_max_position = b->max_pos;
    return 0;
}

static void canonical(rc_config *cfg)
{
    rc_rope_params *p = &cfg->params;
    p->factor = 4.0;
    p->original_max_position = 2048;
    p->max_position = 2048;
    p->seq_len = 8192; /* past L, so the base really changes */
}

static void vector_params(rc_config *c)
{
    rc_rope_params *p = &c->params;
    p->factor = 4.0;
    p->original_max_position = RC_VEC_L;
    p->max_position = 4 * RC_VEC_L;
    p->seq_len = 4 * RC_VEC_L; /* vLLM's static reading, l = s L */
}

static int vector_extra(rc_config *v, int i, rc_vec_extra *out)
{
    return rc_vec_seq_len_case(v, i, out,
                               "seq_len = L = 4096: the base is unchanged (same as default)",
                               "seq_len = L+1 = 4097: the first length with a changed base");
}

static int64_t dyn_len(const rc_rope_params *p)
{
    int64_t L = p->original_max_position;
    return p->seq_len > L ? p->seq_len : L; /* seq_len 0 (not given) -> L */
}

/* The exponent error scales with ln b', not ln b (errmodel.c). */
static double ln_base(const rc_rope_params *p)
{
    double lb = log(p->base);
    if (p->original_max_position > 0) {
        double L = (double)p->original_max_position;
        double bracket = p->factor * (double)dyn_len(p) / L - (p->factor - 1.0);
        int r = p->rotary_dim;
        if (bracket > 0 && r > 2)
            lb += (double)r / (r - 2) * log(bracket);
    }
    return lb;
}

static void freq(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q)
{
    (void)q;
    const int r = p->rotary_dim;
    const int64_t l = dyn_len(p), L = p->original_max_position;
    if (l == L) /* bracket is exactly 1: base' = base */
        return;
    /* ln base' = ln base + r/(r-2) ln(s*l/L - (s-1)); w = e^(-2k ln base'/r) */
    mpfr_set_d(a, p->factor, MPFR_RNDN);
    mpfr_mul_si(a, a, (long)l, MPFR_RNDN);
    mpfr_div_si(a, a, (long)L, MPFR_RNDN);
    mpfr_sub_d(a, a, p->factor, MPFR_RNDN);
    mpfr_add_ui(a, a, 1, MPFR_RNDN);
    mpfr_log(a, a, MPFR_RNDN);
    mpfr_mul_si(a, a, r, MPFR_RNDN);
    mpfr_div_si(a, a, r - 2, MPFR_RNDN);
    mpfr_set_d(b, p->base, MPFR_RNDN);
    mpfr_log(b, b, MPFR_RNDN);
    mpfr_add(a, a, b, MPFR_RNDN);
    mpfr_mul_si(a, a, -2 * k, MPFR_RNDN);
    mpfr_div_si(a, a, r, MPFR_RNDN);
    mpfr_exp(w, a, MPFR_RNDN);
}

static const rc_rope_golden_ops golden = { freq, NULL };

static void describe(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, " factor %.9g L %lld", p->factor, (long long)p->original_max_position);
}

const rc_rope_type_info rc_rope_type_dynamic = {
    .type = RC_ROPE_DYNAMIC_NTK,
    .name = "dynamic",
    .diag_class = "ntk",
    .required = required,
    .seq_len_dependent = 1,
    .hazards = RC_HAZARD_FACTOR_ONE,
    .switch_kind = RC_SWITCH_SEQ_LEN,
    .below_L_check = 1,
    .stale_multiple = 4,
    .validate = validate,
    .from_hf = from_hf,
    .canonical = canonical,
    .vector_params = vector_params,
    .vector_extra = vector_extra,
    .ln_base = ln_base,
    .golden = &golden,
    .describe = describe,
    .fit_shape = RC_FIT_SEQ_LEN,
};
