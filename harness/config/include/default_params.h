/* What an adapter can be given: its own default_params as an rc_config,
 * and whether a configuration needs a newer ABI minor than it was built
 * for (an ABI-1.0 adapter is never offered M-RoPE or proportional). */
#ifndef RC_DEFAULT_PARAMS_H
#define RC_DEFAULT_PARAMS_H

#include <stddef.h>
#include "config.h"

/* Copy *table->default_params (factor arrays included; from an ABI-1.0
 * adapter only the 1.0 fields) into out, with the harness's struct_size.
 * 0 ok; -1 with a message (rotary_dim too large for the factor arrays). */
int rc_default_params_config(const rc_adapter *table, rc_config *out, char *err, size_t errlen);

/* The ABI minor the adapter was built for: 0 when its struct_size ends
 * before params_size, or params_size is 0 or smaller than this harness's
 * rc_rope_params.  Read in the worker; it reaches the harness as
 * rc_candidate.abi_minor. */
int rc_adapter_abi_minor(const rc_adapter *table);
/* The ABI minor params need: 1 for M-RoPE or a type of the table that
 * says so, else 0. */
int rc_params_abi_minor(const rc_rope_params *p);

#endif
