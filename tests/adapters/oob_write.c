/* Broken on purpose: apply writes one element past the end of the output. */
#include "identity_base.h"

static void fault(const rc_tensor *in, rc_tensor *out)
{
    (void)in;
    size_t es = elem_size(out->dtype);
    int64_t span = (out->n_tokens - 1) * out->token_stride + (out->n_heads - 1) * out->head_stride +
                   out->head_dim;
    memset((char *)out->data + (size_t)span * es, 0, es);
}

IDENTITY_ADAPTER("oob_write")
