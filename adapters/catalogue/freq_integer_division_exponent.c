/* freq.integer-division-exponent: the exponent 2k/r evaluated in integer
 * arithmetic is 0 for every pair, so every w_k = 1 (LeetCUDA issue #289). */
#include <math.h>
#include "mutant.h"

static rc_real int_exponent(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k)
{
    (void)o;
    int e = (2 * k) / p->rotary_dim;   /* the bug: integer division */
    return powl(base, -(rc_real)e);
}

RC_REF_DERIVED_OPS(ops, o->default_freq = int_exponent)
RC_CAT_MUTANT(rc_cat_freq_integer_division_exponent, "freq.integer-division-exponent", ops)
