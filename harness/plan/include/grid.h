#ifndef RC_GRID_H
#define RC_GRID_H
#include "run.h"
/* Fill ctx->rows: the (params, dtype) rows the run covers, each supported
 * by the candidate.  fixed: a configuration from --config, or NULL.
 * 0 ok (possibly no rows); -1 with a message. */
int rc_grid_build(rc_ctx *ctx, const rc_config *fixed, char *err, size_t errlen);
#endif
