/* Cases: what a suite asks the candidate to do (the calls, with their
 * inputs), generated before anything runs, TestFloat style.  A case owns its
 * buffers; verification reads the outputs the sandbox copied back. */
#ifndef RC_PLAN_H
#define RC_PLAN_H

#include <stdint.h>
#include "rope_conform/adapter.h"
#include "config.h"
#include "sandbox.h"
#include "prng.h"

#define RC_CASE_MAX_CALLS 4

typedef struct rc_case_call {
    rc_call call;
    rc_call_result res;
    rc_rope_params params;   /* factor pointers into the case's config     */
    rc_tensor in, out;
    int64_t *positions;
    void *cos, *sin;         /* COS_SIN outputs                             */
} rc_case_call;

struct rc_suite_def;

typedef struct rc_case {
    const struct rc_suite_def *suite;
    char name[160];
    rc_config cfg;           /* the case's params (owns LONGROPE factors)  */
    rc_dtype dtype;
    int variant;             /* suite-specific: which check                 */
    int64_t arg;             /* suite-specific argument (e.g. a shift)      */
    int n_calls;
    rc_case_call calls[RC_CASE_MAX_CALLS];
    int executed;            /* the sandbox ran the calls (results valid)   */
    int64_t ordinal;         /* place in the whole plan, before sharding    */
} rc_case;

typedef struct rc_plan {
    rc_case **cases;
    size_t n, cap;
} rc_plan;

/* A new case appended to the plan, with a copy of cfg; NULL on OOM. */
rc_case *rc_plan_add(rc_plan *plan, const struct rc_suite_def *suite,
                     const rc_config *cfg, rc_dtype dtype, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void rc_plan_free(rc_plan *plan);
/* Free a case's buffers once it is judged (its result keeps what reports
 * need), so a run's memory does not grow with every suite it has done. */
void rc_case_release(rc_case *c);

/* Add an APPLY/BACKWARD call on a contiguous [n_tokens][n_heads][head_dim]
 * tensor at the given positions (copied); the input is zero until filled. */
rc_case_call *rc_case_add_call(rc_case *c, rc_call_kind kind, const int64_t *positions,
                               int64_t n_tokens, int64_t n_heads);
/* Add a COS_SIN call for n positions. */
rc_case_call *rc_case_add_cos_sin(rc_case *c, const int64_t *positions, int64_t n);

/* Fill a call's input with random values exactly representable in the
 * dtype, from the stream keyed by (seed, case name, call index). */
void rc_case_fill_random(const rc_case *c, rc_case_call *cc, uint64_t seed);
/* Copy the input of call `from` into call `to` (same shape). */
void rc_case_copy_input(rc_case_call *to, const rc_case_call *from);

/* Power-of-two position bucket of p (0 for p = 0, 1 + floor(log2 p) else). */
int rc_position_bucket(int64_t p);

#endif
