/* A case's outputs against the golden through the error model (verify.c):
 * the one comparator every golden suite uses. */
#ifndef RC_VERIFY_H
#define RC_VERIFY_H

#include <stdint.h>
#include "errmodel.h"
#include "run.h"

/* Channel indices of pair k under the params' pairing. */
void rc_pair_channels(const rc_rope_params *p, int k, int *i0, int *i1);

/* Compare the outputs of call `ci` of case c with the golden (sign +1 apply,
 * -1 backward) under the run's profile; fills res (status, metrics, message).
 * Returns the number of failing pairs. */
int64_t rc_verify_against_golden(rc_ctx *ctx, rc_case *c, int ci, int sign, rc_case_result *res);
/* If the call did not return OK, turn its outcome into a FAIL or SKIP in
 * res and return 1; else return 0. */
int rc_verify_outcome(const rc_case *c, int ci, rc_case_result *res);

#endif
