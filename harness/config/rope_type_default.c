/* Rope type "default": w_k = base^(-2k/r), m = 1 (RoFormer; every
 * library).  Its frozen vectors add a partial-rotary case. */
#include "rope_type.h"
#include "rope_formula.h"
#include "rope_mrope.h"

static const int64_t partial_pos[] = { 1, 2048, 65535 };

/* Partial rotary, then M-RoPE's two layouts (its frequencies are these). */
static int vector_extra(rc_config *v, int i, rc_vec_extra *out)
{
    if (i > 0) {
        v->params.rotary_dim = RC_VEC_HEAD_DIM;
        v->params.base = 10000.0;
        return rc_mrope_vector_extra(v, i - 1, out);
    }
    v->params.rotary_dim = 48;
    v->params.base = 500000.0;
    *out = (rc_vec_extra){ "partial-rotary", partial_pos, 3,
                           "rotary_dim 48 of head_dim 64, base 500000: channels 48..63 pass through" };
    return 1;
}

static const rc_rope_golden_ops golden = { NULL, NULL };

const rc_rope_type_info rc_rope_type_default = {
    .type = RC_ROPE_DEFAULT,
    .name = "default",
    .vector_extra = vector_extra,
    .golden = &golden,
};
