/* lint: hazards of a RoPE configuration on its own, without a candidate:
 * parameter sanity, aliasing of adjacent positions in the model's dtype,
 * wavelengths beyond the context, precision horizons, frequency underflow,
 * positions a dtype cannot hold.  docs/conventions.md gives the formulas. */
#ifndef RC_LINT_H
#define RC_LINT_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"

typedef enum rc_lint_sev { RC_LINT_INFO = 0, RC_LINT_WARNING = 1, RC_LINT_ERROR = 2 } rc_lint_sev;

#define RC_LINT_MAX_ITEMS 48

typedef struct rc_lint_item {
    rc_lint_sev sev;
    char check[24];     /* "params", "aliasing", "horizon", ...            */
    char msg[640];
} rc_lint_item;

typedef struct rc_lint_report {
    int n;
    rc_lint_item item[RC_LINT_MAX_ITEMS];
    rc_dtype dtype;          /* judged in                                   */
    int64_t max_position;    /* the context judged                          */
    char assumed[256];       /* what was assumed (dtype, context)           */
    double alias_head;       /* fraction of sampled positions at which half
                                the pairs or more repeat the cos/sin of the
                                previous position in dtype                  */
} rc_lint_report;

const char *rc_lint_sev_name(rc_lint_sev s);
rc_lint_sev rc_lint_worst(const rc_lint_report *r);

/* Lint a config file.  dtype < 0: the config's dtype, else f32; max_pos 0:
 * the config's max_position.  0 with the report filled (a config the reader
 * or the validator rejects is an error item); -1 when the file cannot be
 * read or is not JSON (message in err). */
int rc_lint_file(const char *path, int dtype, int64_t max_pos, rc_lint_report *rep, char *err,
                 size_t errlen);

/* The hazard checks proper, on valid params. */
void rc_lint_params(const rc_rope_params *p, rc_dtype dt, int64_t max_pos, rc_lint_report *rep);

#endif
