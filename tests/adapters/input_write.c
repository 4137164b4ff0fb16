/* Broken on purpose: apply scribbles on its input in an out-of-place call. */
#include "identity_base.h"

static void fault(const rc_tensor *in, rc_tensor *out)
{
    (void)out;
    memset(in->data, 0, 4);
}

IDENTITY_ADAPTER("input_write")
