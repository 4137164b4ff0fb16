/* rc_params_validate: reject configurations whose RoPE is undefined or
 * ill-posed before any engine is built, with one line naming the field. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "golden_internal.h"

#define MAX_HEAD_DIM 2048

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static const char *type_name(rc_rope_type t)
{
    static const char *names[RC_ROPE_TYPE_COUNT] = {"default", "linear", "dynamic_ntk",
                                                    "yarn", "longrope", "llama3"};
    return ((unsigned)t < RC_ROPE_TYPE_COUNT) ? names[t] : "?";
}

/* factor s: finite and >= 1 where a factor below 1 would compress the
 * context (LINEAR, DYNAMIC_NTK, YARN, LLAMA3 all assume extension). */
static int check_factor_ge1(const rc_rope_params *p, char *err, size_t n)
{
    if (!isfinite(p->factor) || p->factor < 1.0)
        return fail(err, n, "factor %g is invalid for %s: it must be finite and >= 1",
                    p->factor, type_name(p->type));
    return 0;
}

static int check_L(const rc_rope_params *p, int64_t min, char *err, size_t n)
{
    if (p->original_max_position < min)
        return fail(err, n, "original_max_position %lld is invalid for %s: it must be >= %lld",
                    (long long)p->original_max_position, type_name(p->type), (long long)min);
    return 0;
}

static int check_seq_len(const rc_rope_params *p, char *err, size_t n)
{
    if (p->seq_len < 0)
        return fail(err, n, "seq_len %lld is negative (0 means not given)", (long long)p->seq_len);
    return 0;
}

static int check_attention_factor(const rc_rope_params *p, char *err, size_t n)
{
    if (!isfinite(p->attention_factor) || p->attention_factor < 0.0)
        return fail(err, n, "attention_factor %g is invalid: it must be finite and >= 0 "
                    "(0 selects the default rule)", p->attention_factor);
    return 0;
}

static int check_yarn(const rc_rope_params *p, char *err, size_t n)
{
    if (check_factor_ge1(p, err, n) || check_L(p, 1, err, n) || check_attention_factor(p, err, n))
        return -1;
    if (!isfinite(p->beta_fast) || !isfinite(p->beta_slow))
        return fail(err, n, "beta_fast %g / beta_slow %g must be finite", p->beta_fast, p->beta_slow);
    if (p->beta_slow <= 0.0)
        return fail(err, n, "beta_slow %g must be > 0: corr_dim takes ln(L/(2 pi beta))",
                    p->beta_slow);
    if (p->beta_fast <= p->beta_slow)
        return fail(err, n, "beta_fast %g must be greater than beta_slow %g", p->beta_fast,
                    p->beta_slow);
    if (!isfinite(p->mscale) || !isfinite(p->mscale_all_dim))
        return fail(err, n, "mscale %g / mscale_all_dim %g must be finite", p->mscale,
                    p->mscale_all_dim);
    if (p->truncate != 0 && p->truncate != 1)
        return fail(err, n, "truncate %d must be 0 or 1", (int)p->truncate);
    return 0;
}

static int check_llama3(const rc_rope_params *p, char *err, size_t n)
{
    if (check_factor_ge1(p, err, n) || check_L(p, 1, err, n))
        return -1;
    if (!isfinite(p->low_freq_factor) || !isfinite(p->high_freq_factor))
        return fail(err, n, "low_freq_factor %g / high_freq_factor %g must be finite",
                    p->low_freq_factor, p->high_freq_factor);
    if (p->low_freq_factor <= 0.0)
        return fail(err, n, "low_freq_factor %g must be > 0: the low band edge is L/alpha",
                    p->low_freq_factor);
    if (p->low_freq_factor >= p->high_freq_factor)
        return fail(err, n, "low_freq_factor %g must be less than high_freq_factor %g "
                    "(equal values divide by zero in the medium band)",
                    p->low_freq_factor, p->high_freq_factor);
    return 0;
}

static int check_factors(const double *f, const char *name, int npairs, char *err, size_t n)
{
    if (!f)
        return fail(err, n, "%s is NULL: longrope needs rotary_dim/2 = %d factors", name, npairs);
    for (int k = 0; k < npairs; k++)
        if (!isfinite(f[k]) || f[k] <= 0.0)
            return fail(err, n, "%s[%d] = %g must be finite and > 0", name, k, f[k]);
    return 0;
}

static int check_longrope(const rc_rope_params *p, char *err, size_t n)
{
    const int np = p->rotary_dim / 2;
    if (check_L(p, 1, err, n) || check_attention_factor(p, err, n) ||
        check_factors(p->short_factor, "short_factor", np, err, n) ||
        check_factors(p->long_factor, "long_factor", np, err, n))
        return -1;
    if (!isfinite(p->factor) || p->factor < 0.0)
        return fail(err, n, "factor %g is invalid for longrope: it must be finite and > 0 "
                    "(0 derives it as max_position/original_max_position)", p->factor);
    if (p->max_position < 0)
        return fail(err, n, "max_position %lld is negative", (long long)p->max_position);
    if (p->attention_factor == 0.0) { /* the default magnitude needs s and ln L */
        if (p->factor == 0.0 && p->max_position == 0)
            return fail(err, n, "factor 0 for longrope needs max_position > 0 to derive "
                        "s = max_position/original_max_position");
        if (p->original_max_position < 2)
            return fail(err, n, "original_max_position %lld must be >= 2 for longrope's "
                        "default magnitude (it divides by ln L)",
                        (long long)p->original_max_position);
    }
    return 0;
}

int rc_params_validate(const rc_rope_params *p, char *err, size_t errlen)
{
    char *e = err;
    size_t n = errlen;
    if (!p)
        return fail(e, n, "params is NULL");
    if (p->struct_size != sizeof(rc_rope_params))
        return fail(e, n, "struct_size %u is not sizeof(rc_rope_params) = %zu",
                    (unsigned)p->struct_size, sizeof(rc_rope_params));
    if (p->head_dim <= 0 || p->head_dim > MAX_HEAD_DIM)
        return fail(e, n, "head_dim %d is out of range 1..%d", (int)p->head_dim, MAX_HEAD_DIM);
    if (p->rotary_dim < 2 || p->rotary_dim > p->head_dim)
        return fail(e, n, "rotary_dim %d is out of range 2..head_dim (%d)", (int)p->rotary_dim,
                    (int)p->head_dim);
    if (p->rotary_dim % 2)
        return fail(e, n, "rotary_dim %d is odd: RoPE rotates channel pairs", (int)p->rotary_dim);
    if (p->pairing != RC_HALF_SPLIT && p->pairing != RC_INTERLEAVED)
        return fail(e, n, "pairing %d is not a known rc_pairing", (int)p->pairing);
    if ((unsigned)p->type >= RC_ROPE_TYPE_COUNT)
        return fail(e, n, "type %d is not a known rc_rope_type", (int)p->type);
    if (!isfinite(p->base) || p->base <= 1.0)
        return fail(e, n, "base %g is invalid: rope_theta must be finite and > 1", p->base);
    if (p->reserved0 != 0)
        return fail(e, n, "reserved0 %d must be 0", (int)p->reserved0);

    switch (p->type) {
    case RC_ROPE_DEFAULT:
        break;
    case RC_ROPE_LINEAR:
        if (check_factor_ge1(p, e, n))
            return -1;
        break;
    case RC_ROPE_DYNAMIC_NTK:
        if (check_factor_ge1(p, e, n) || check_L(p, 1, e, n) || check_seq_len(p, e, n))
            return -1;
        if (p->rotary_dim == 2)
            return fail(e, n, "rotary_dim 2 is invalid for dynamic_ntk: the exponent "
                        "r/(r-2) divides by zero");
        break;
    case RC_ROPE_YARN:
        if (check_yarn(p, e, n))
            return -1;
        break;
    case RC_ROPE_LONGROPE:
        if (check_longrope(p, e, n) || check_seq_len(p, e, n))
            return -1;
        break;
    case RC_ROPE_LLAMA3:
        if (check_llama3(p, e, n))
            return -1;
        break;
    }
    double m = rc_magnitude_double(p);
    if (!isfinite(m) || m <= 0.0)
        return fail(e, n, "magnitude %g from attention_factor/mscale/mscale_all_dim must be "
                    "finite and > 0", m);
    if (e && n)
        e[0] = '\0';
    return 0;
}
