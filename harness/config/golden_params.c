/* rc_params_validate: reject configurations whose RoPE is undefined or
 * ill-posed before any engine is built, with one line naming the field. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "rope_formula.h"
#include "rope_type.h"
#include "rope_mrope.h"

#define MAX_HEAD_DIM 2048

int rc_check_fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}
#define fail rc_check_fail

/* factor s: finite and >= 1 where a factor below 1 would compress the
 * context (LINEAR, DYNAMIC_NTK, YARN, LLAMA3 all assume extension). */
int rc_check_factor_ge1(const rc_rope_params *p, char *err, size_t n)
{
    if (!isfinite(p->factor) || p->factor < 1.0)
        return fail(err, n, "factor %g is invalid for %s: it must be finite and >= 1",
                    p->factor, rc_rope_type_name(p->type));
    return 0;
}

int rc_check_L(const rc_rope_params *p, int64_t min, char *err, size_t n)
{
    if (p->original_max_position < min)
        return fail(err, n, "original_max_position %lld is invalid for %s: it must be >= %lld",
                    (long long)p->original_max_position, rc_rope_type_name(p->type),
                    (long long)min);
    return 0;
}

int rc_check_seq_len(const rc_rope_params *p, char *err, size_t n)
{
    if (p->seq_len < 0)
        return fail(err, n, "seq_len %lld is negative (0 means not given)", (long long)p->seq_len);
    return 0;
}

int rc_check_attention_factor(const rc_rope_params *p, char *err, size_t n)
{
    if (!isfinite(p->attention_factor) || p->attention_factor < 0.0)
        return fail(err, n, "attention_factor %g is invalid: it must be finite and >= 0 "
                    "(0 selects the default rule)", p->attention_factor);
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
    if (!rc_rope_type_info_of(p->type))
        return fail(e, n, "type %d is not a known rc_rope_type", (int)p->type);
    if (!isfinite(p->base) || p->base <= 1.0)
        return fail(e, n, "base %g is invalid: rope_theta must be finite and > 1", p->base);
    if (p->reserved0 != 0)
        return fail(e, n, "reserved0 %d must be 0", (int)p->reserved0);

    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    if (p->freq_pairs != 0 && !ti->uses_freq_pairs)
        return fail(e, n, "freq_pairs %d is only used by rope_type %s", (int)p->freq_pairs,
                    rc_rope_type_name(RC_ROPE_PROPORTIONAL));
    if ((ti->validate && ti->validate(p, e, n)) || rc_mrope_validate(p, e, n))
        return -1;
    double m = rc_magnitude_double(p);
    if (!isfinite(m) || m <= 0.0)
        return fail(e, n, "magnitude %g from attention_factor/mscale/mscale_all_dim must be "
                    "finite and > 0", m);
    if (e && n)
        e[0] = '\0';
    return 0;
}
