/* The variant formulas (docs/variants.md), evaluated in MPFR: inverse
 * frequencies w'_k and the magnitude m.  Each type's formulas live in its
 * rope_type_<name>.c (rope_type.h); this file holds what they share and
 * the checked evaluation.  Discrete choices (YaRN bounds, Llama 3 bands,
 * LongRoPE short/long) are made on exact-arithmetic values at high
 * precision, never on float32/float64 intermediates. */
#include <math.h>

#include "rope_formula.h"
#include "rope_type.h"

/* Extra bits each evaluation carries internally: the formulas are short
 * chains of correctly rounded operations whose condition numbers stay
 * far below 2^32 for validated parameters (the check below confirms it). */
#define GUARD 32

/* base^(-2k/r) */
void rc_golden_base_pow(mpfr_ptr out, double base, int k, int r, mpfr_prec_t q)
{
    mpfr_t b, e;
    mpfr_inits2(q, b, e, (mpfr_ptr)0);
    mpfr_set_d(b, base, MPFR_RNDN);
    mpfr_set_si(e, -2 * k, MPFR_RNDN);
    mpfr_div_ui(e, e, (unsigned long)r, MPFR_RNDN); /* exact when r is 2^j */
    mpfr_pow(out, b, e, MPFR_RNDN);
    mpfr_clears(b, e, (mpfr_ptr)0);
}

/* out = (w/s)*ramp + w*(1-ramp): the blend HF, vLLM and the Llama 3
 * medium band share (ramp = 1 - E in YaRN's notation, 1 - sigma in
 * Llama 3). */
void rc_golden_blend(mpfr_ptr out, mpfr_srcptr w, double s, mpfr_srcptr ramp, mpfr_prec_t q)
{
    mpfr_t a, b;
    mpfr_inits2(q, a, b, (mpfr_ptr)0);
    mpfr_div_d(a, w, s, MPFR_RNDN);
    mpfr_mul(a, a, ramp, MPFR_RNDN);
    mpfr_ui_sub(b, 1, ramp, MPFR_RNDN);
    mpfr_mul(b, b, w, MPFR_RNDN);
    mpfr_add(out, a, b, MPFR_RNDN);
    mpfr_clears(a, b, (mpfr_ptr)0);
}

/* get_mscale(s, mu) = 1 if s <= 1 else 0.1 mu ln s + 1 (HF era B+, vLLM);
 * 0.1 is taken as the exact decimal 1/10. */
void rc_golden_get_mscale(mpfr_ptr out, double s, double mu)
{
    if (s <= 1.0) {
        mpfr_set_ui(out, 1, MPFR_RNDN);
        return;
    }
    mpfr_set_d(out, s, MPFR_RNDN);
    mpfr_log(out, out, MPFR_RNDN);
    mpfr_mul_d(out, out, mu, MPFR_RNDN);
    mpfr_div_ui(out, out, 10, MPFR_RNDN);
    mpfr_add_ui(out, out, 1, MPFR_RNDN);
}

static const rc_rope_golden_ops *ops(const rc_rope_params *p)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    return ti ? ti->golden : NULL;
}

void rc_freq_eval(const rc_rope_params *p, int k, mpfr_prec_t prec, mpfr_ptr out)
{
    const mpfr_prec_t q = prec + GUARD;
    const rc_rope_golden_ops *o = ops(p);
    mpfr_t w, a, b;
    mpfr_inits2(q, w, a, b, (mpfr_ptr)0);
    mpfr_set_prec(out, prec);
    rc_golden_base_pow(w, p->base, k, p->rotary_dim, q);
    if (o && o->freq)
        o->freq(p, k, w, a, b, q);
    mpfr_set(out, w, MPFR_RNDN);
    mpfr_clears(w, a, b, (mpfr_ptr)0);
}

static void magnitude_eval(const rc_rope_params *p, mpfr_prec_t prec, mpfr_ptr out, int *exact)
{
    const rc_rope_golden_ops *o = ops(p);
    mpfr_set_prec(out, prec);
    if (o && o->magnitude) {
        *exact = o->magnitude(p, out, prec + GUARD);
        return;
    }
    *exact = 1;
    mpfr_set_ui(out, 1, MPFR_RNDN);
}

/* Evaluate twice, 32 bits apart; agreement to target+1 bits is the
 * evidence that the wider value holds target correct bits.  The loop
 * widens both when a formula turns out worse conditioned. */
static int agree(mpfr_srcptr v1, mpfr_srcptr v2, mpfr_prec_t target)
{
    if (mpfr_equal_p(v1, v2))
        return 1;
    if (!mpfr_regular_p(v2))
        return 0;
    mpfr_t d;
    mpfr_init2(d, 64);
    mpfr_sub(d, v1, v2, MPFR_RNDA);
    int ok = mpfr_zero_p(d) ||
             mpfr_get_exp(d) <= mpfr_get_exp(v2) - (mpfr_exp_t)target - 2;
    mpfr_clear(d);
    return ok;
}

void rc_freq_checked(const rc_rope_params *p, int k, mpfr_prec_t target, mpfr_ptr out)
{
    mpfr_t v1;
    mpfr_init2(v1, 64);
    for (mpfr_prec_t extra = 0; extra <= 1024; extra += 128) {
        rc_freq_eval(p, k, target + extra + 32, v1);
        rc_freq_eval(p, k, target + extra + 64, out);
        if (agree(v1, out, target))
            break;
    }
    mpfr_clear(v1);
}

void rc_magnitude_checked(const rc_rope_params *p, mpfr_prec_t target, mpfr_ptr out, int *exact)
{
    mpfr_t v1;
    mpfr_init2(v1, 64);
    for (mpfr_prec_t extra = 0; extra <= 1024; extra += 128) {
        magnitude_eval(p, target + extra + 32, v1, exact);
        magnitude_eval(p, target + extra + 64, out, exact);
        if (*exact || agree(v1, out, target))
            break;
    }
    mpfr_clear(v1);
}

double rc_magnitude_double(const rc_rope_params *p)
{
    mpfr_t m;
    int exact;
    mpfr_init2(m, 64);
    magnitude_eval(p, 64, m, &exact);
    double d = mpfr_get_d(m, MPFR_RNDN);
    mpfr_clear(m);
    return d;
}
