/* A candidate's own default_params as an rc_config the harness owns. */
#ifndef RC_DEFAULT_PARAMS_H
#define RC_DEFAULT_PARAMS_H

#include <stddef.h>
#include "config.h"

/* Copy *table->default_params (factor arrays included) into out, with the
 * harness's struct_size.  0 ok; -1 with a message (rotary_dim too large
 * for the factor arrays). */
int rc_default_params_config(const rc_adapter *table, rc_config *out, char *err, size_t errlen);

#endif
