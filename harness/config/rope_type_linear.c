/* Rope type "linear" (position interpolation): w'_k = w_k / s, m = 1. */
#include "rope_type.h"

#include <stdio.h>
#include "config_internal.h"
#include "rope_formula.h"

static const char *const required[] = { "factor", NULL };

static int from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    if (rc_hf_need(ctx, b, RC_HF_FACTOR))
        return -1;
    out->params.factor = b->v[RC_HF_FACTOR];
    return 0;
}

static void canonical(rc_config *cfg)
{
    cfg->params.factor = 4.0;
    cfg->params.max_position = 16384;
}

static void vector_params(rc_config *c) { c->params.factor = 4.0; }

static void freq(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q)
{
    (void)k, (void)a, (void)b, (void)q;
    mpfr_div_d(w, w, p->factor, MPFR_RNDN);
}

static const rc_rope_golden_ops golden = { freq, NULL };

static void describe(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, " factor %.9g", p->factor);
}

const rc_rope_type_info rc_rope_type_linear = {
    .type = RC_ROPE_LINEAR,
    .name = "linear",
    .diag_class = "linear",
    .required = required,
    .hazards = RC_HAZARD_FACTOR_ONE,
    .switch_kind = RC_SWITCH_FACTOR_ONE,
    .validate = rc_check_factor_ge1,
    .from_hf = from_hf,
    .canonical = canonical,
    .vector_params = vector_params,
    .golden = &golden,
    .describe = describe,
    .fit_shape = RC_FIT_UNIFORM,
};
