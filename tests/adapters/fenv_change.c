/* Broken on purpose: apply leaves the rounding mode set upward. */
#include <fenv.h>
#include "identity_base.h"

static void fault(const rc_tensor *in, rc_tensor *out)
{
    (void)in; (void)out;
    fesetround(FE_UPWARD);
}

IDENTITY_ADAPTER("fenv_change")
