/* Rounding helper the precision mutants share: what a value looks like
 * after a trip through a narrower buffer. */
#include "mutant.h"
#include "rope_conform/half.h"

rc_real rc_cat_round(rc_dtype t, rc_real v)
{
    switch (t) {
    case RC_F16: return rc_f16_to_double(rc_ref_to_f16(v));
    case RC_BF16: return rc_bf16_to_double(rc_ref_to_bf16(v));
    case RC_F32: return (float)v;
    default: return (double)v;
    }
}
