/* What an adapter can be given (default_params.h). */
#include "default_params.h"
#include "rope_type.h"

#include <stdio.h>
#include <string.h>

int rc_adapter_abi_minor(const rc_adapter *table)
{
    /* a 1.0 table ends before params_size: never read past struct_size */
    size_t end = offsetof(rc_adapter, params_size) + sizeof table->params_size;
    return table->struct_size >= end && table->params_size >= sizeof(rc_rope_params)
               ? RC_ABI_MINOR : 0;
}

int rc_params_abi_minor(const rc_rope_params *p)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    int m = ti ? ti->abi_minor : 0;
    return p->n_axes > 1 && m < 1 ? 1 : m;
}

int rc_default_params_config(const rc_adapter *table, rc_config *out, char *err, size_t errlen)
{
    const rc_rope_params *dp = table->default_params;
    memset(out, 0, sizeof *out);
    /* an ABI-1.0 adapter's struct ends where the 1.1 fields begin */
    memcpy(&out->params, dp, rc_adapter_abi_minor(table) ? sizeof *dp : RC_ROPE_PARAMS_V1_0_SIZE);
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
