/* Rope type "proportional" (HF, newest era): frequencies over the whole
 * head, w_k = base^(-2k/d) / factor for the first rope_angles =
 * int(partial_rotary_factor * d // 2) pairs and 0 for the rest, so those
 * pairs pass through (cos 1, sin 0).  Here rotary_dim = head_dim and
 * freq_pairs = rope_angles (ABI 1.1); factor defaults to 1. */
#include <math.h>
#include <stdio.h>

#include "rope_type.h"
#include "config_internal.h"
#include "rope_formula.h"

static const char *const required[] = { "freq_pairs", NULL };

static void params_defaults(rc_rope_params *p) { p->factor = 1.0; }

static int validate(const rc_rope_params *p, char *err, size_t n)
{
    if (!isfinite(p->factor) || p->factor <= 0.0)
        return rc_check_fail(err, n, "factor %g is invalid for %s: it must be finite and > 0",
                             p->factor, rc_rope_type_name(p->type));
    if (p->freq_pairs < 1 || p->freq_pairs > p->rotary_dim / 2)
        return rc_check_fail(err, n, "freq_pairs %d is out of range 1..rotary_dim/2 (%d)",
                             (int)p->freq_pairs, (int)(p->rotary_dim / 2));
    return 0;
}

/* The header's rotary fraction (partial_rotary_factor, already turned into
 * rotary_dim = int(prf d), even) names the pairs with a frequency; the
 * rotation itself spans the head. */
static int from_hf(const rc_hf_block *b, rc_config *out, const rcj_ctx *ctx)
{
    (void)ctx;
    rc_rope_params *p = &out->params;
    p->freq_pairs = p->rotary_dim / 2;
    p->rotary_dim = p->head_dim;
    p->factor = b->has[RC_HF_FACTOR] ? b->v[RC_HF_FACTOR] : 1.0;
    return 0;
}

/* A quarter of the pairs rotate (Gemma-like partial_rotary_factor 0.25). */
static void canonical(rc_config *cfg)
{
    rc_rope_params *p = &cfg->params;
    p->factor = 1.0;
    p->freq_pairs = (p->rotary_dim / 2 + 3) / 4;
}

static void vector_params(rc_config *c) { canonical(c); }

static void freq(const rc_rope_params *p, int k, mpfr_ptr w, mpfr_ptr a, mpfr_ptr b,
                 mpfr_prec_t q)
{
    (void)a, (void)b, (void)q;
    if (k >= p->freq_pairs)
        mpfr_set_zero(w, 1);
    else
        mpfr_div_d(w, w, p->factor, MPFR_RNDN);
}

static const rc_rope_golden_ops golden = { freq, NULL };

static void describe(const rc_rope_params *p, char *buf, size_t n)
{
    snprintf(buf, n, " factor %.9g freq_pairs %d", p->factor, (int)p->freq_pairs);
}

const rc_rope_type_info rc_rope_type_proportional = {
    .type = RC_ROPE_PROPORTIONAL,
    .name = "proportional",
    .required = required,
    .uses_freq_pairs = 1,
    .abi_minor = 1,
    .params_defaults = params_defaults,
    .validate = validate,
    .from_hf = from_hf,
    .canonical = canonical,
    .vector_params = vector_params,
    .golden = &golden,
    .describe = describe,
};
