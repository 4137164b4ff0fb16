/* The candidate's default_params, copied into an rc_config (grid, identify). */
#include "default_params.h"
#include "rope_type.h"

#include <stdio.h>
#include <string.h>

int rc_default_params_config(const rc_adapter *table, rc_config *out, char *err, size_t errlen)
{
    const rc_rope_params *dp = table->default_params;
    memset(out, 0, sizeof *out);
    out->params = *dp;
    out->params.struct_size = sizeof out->params;
    const rc_rope_type_info *ti = rc_rope_type_info_of(dp->type);
    if (ti && ti->factor_arrays && dp->short_factor && dp->long_factor) {
        if (dp->rotary_dim / 2 > RC_MAX_PAIRS || dp->rotary_dim < 0) {
            snprintf(err, errlen, "default_params: rotary_dim %d is out of range", dp->rotary_dim);
            return -1;
        }
        size_t nb = (size_t)(dp->rotary_dim / 2) * sizeof(double);
        memcpy(out->short_factor, dp->short_factor, nb);
        memcpy(out->long_factor, dp->long_factor, nb);
    }
    rc_config_rebind(out);
    return 0;
}
