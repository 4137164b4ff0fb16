/* Cases: what a suite asks the candidate to do, planned before anything
 * runs, TestFloat style.  A planned case is a recipe, not data: its calls'
 * kinds and shapes, positions shared with every case that uses the same
 * ones, a reference to its configuration (shared by the cases of a row),
 * the seed and the ordered steps that fill its inputs.  Buffers exist only
 * while the case is executed and judged (rc_case_make ... rc_case_release),
 * so a plan of tens of thousands of cases (level 3) stays small.  Making a
 * case twice, in any process, gives bit-identical inputs. */
#ifndef RC_PLAN_H
#define RC_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include "rope_conform/adapter.h"
#include "config.h"
#include "sandbox.h"
#include "prng.h"

#define RC_CASE_MAX_CALLS 4
#define RC_CASE_MAX_FILLS 8

/* A call of a made case: its buffers, and its result once executed. */
typedef struct rc_case_call {
    rc_call call;
    rc_call_result res;
    rc_rope_params params;   /* the case's params (factors point into the
                                plan's shared configuration)               */
    rc_tensor in, out;
    const int64_t *positions;/* shared by the plan: read only               */
    void *cos, *sin;         /* COS_SIN outputs                             */
} rc_case_call;

/* A call as planned: what makes it, not its buffers. */
typedef struct rc_call_recipe {
    rc_call_kind kind;
    int in_place;            /* the candidate gets out == in                */
    int has_seq_len;         /* seq_len replaces the configuration's        */
    int flat;                /* M-RoPE params run as 1-D (rc_mrope_flat):
                                one position per token                     */
    int64_t seq_len;
    int64_t n_tokens, n_heads;          /* COS_SIN: n_tokens positions      */
    const int64_t *positions;           /* shared by the plan               */
    int64_t n_positions;
} rc_call_recipe;

struct rc_suite_def;
struct rc_case;
struct rc_plan_store;

/* A suite's own input filler, run when the case is made: writes cc's
 * input (after the steps recorded before it; it may read earlier calls'
 * inputs through c->calls). */
typedef void (*rc_fill_fn)(const struct rc_case *c, rc_case_call *cc);

/* One step that fills a call's input, replayed in the order recorded. */
typedef struct rc_fill_step {
    enum { RC_FILL_RANDOM, RC_FILL_COPY, RC_FILL_WITH } kind;
    int call, from;          /* COPY: input of call `from` into `call`      */
    rc_fill_fn fn;           /* WITH                                        */
} rc_fill_step;

typedef struct rc_case {
    const struct rc_suite_def *suite;
    char name[160];
    const rc_config *cfg;    /* the case's configuration, shared by every
                                case planned with the same one             */
    rc_dtype dtype;
    int variant;             /* suite-specific: which check                 */
    int64_t arg;             /* suite-specific argument (e.g. a shift)      */
    int n_calls, n_fills;
    rc_call_recipe recipe[RC_CASE_MAX_CALLS];
    rc_fill_step fills[RC_CASE_MAX_FILLS];
    uint64_t seed;           /* of the RANDOM steps                         */
    int64_t ordinal;         /* place in the whole plan, before sharding    */
    struct rc_plan_store *store;   /* the plan's: where its positions go  */
    /* made at execution (rc_case_make), NULL otherwise */
    rc_case_call *calls;
    int executed;            /* the sandbox ran the calls (results valid)   */
} rc_case;

typedef struct rc_plan {
    rc_case **cases;
    size_t n, cap;
    struct rc_plan_store *store;   /* shared configurations and positions */
} rc_plan;

/* ---- planning (suites) ---------------------------------------------------- */

/* A new case appended to the plan, referring to the plan's shared copy of
 * cfg (one per distinct configuration); NULL on OOM. */
rc_case *rc_plan_add(rc_plan *plan, const struct rc_suite_def *suite,
                     const rc_config *cfg, rc_dtype dtype, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The cases, their shared configurations and positions. */
void rc_plan_free(rc_plan *plan);
/* One case taken out of its plan (sharding): the case and what it made. */
void rc_case_free(rc_case *c);

/* Add an APPLY/BACKWARD call on a contiguous [n_tokens][n_heads][head_dim]
 * tensor at the given positions (the plan keeps one copy of each distinct
 * set); the input is zero unless a fill step writes it.  With M-RoPE params
 * every axis gets these positions (n_positions = axes * n_tokens); _axes
 * takes them per axis, [axis][token]. */
rc_call_recipe *rc_case_add_call(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                 int64_t n_tokens, int64_t n_heads);
rc_call_recipe *rc_case_add_call_axes(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                      int64_t n_tokens, int64_t n_heads);
/* The same call with the configuration's M-RoPE fields cleared: the 1-D
 * RoPE of these positions (the mrope suite's equal-axes reference). */
rc_call_recipe *rc_case_add_call_flat(rc_case *c, rc_call_kind kind, const int64_t *positions,
                                      int64_t n_tokens, int64_t n_heads);
/* Add a COS_SIN call for n positions. */
rc_call_recipe *rc_case_add_cos_sin(rc_case *c, const int64_t *positions, int64_t n);
/* This call runs with seq_len in place of the configuration's. */
void rc_call_set_seq_len(rc_call_recipe *cc, int64_t seq_len);

/* Fill steps (replayed in this order when the case is made; -1 when the
 * case has no room left, which is a planning bug).  Random values are
 * exactly representable in the dtype, from the stream keyed by (seed,
 * case name, call index). */
int rc_case_fill_random(rc_case *c, const rc_call_recipe *cc, uint64_t seed);
/* The input of call `from` into call `to` (same shape). */
int rc_case_copy_input(rc_case *c, const rc_call_recipe *to, const rc_call_recipe *from);
/* The suite's own filler. */
int rc_case_fill_with(rc_case *c, const rc_call_recipe *cc, rc_fill_fn fn);

/* ---- execution (plan_make.c) ---------------------------------------------- */

/* The params call k runs with: the configuration's, with its seq_len. */
rc_rope_params rc_case_call_params(const rc_case *c, int k);

/* Make c's calls: buffers, inputs and call descriptions, from its recipe
 * (anything made before is dropped first).  0, or -1 out of memory. */
int rc_case_make(rc_case *c);
/* The inputs of a case whose calls were kept after judging (a FAIL, see
 * rc_case_keep_failed), made again bit for bit.  0, or -1 when the case
 * has no calls or memory ran out. */
int rc_case_remake_inputs(rc_case *c);
/* After judging a FAIL: free the inputs (rc_case_remake_inputs gives them
 * back) and keep the calls' results and the candidate's outputs while
 * *budget bytes last (it is decreased); past it the outputs are freed too
 * (out.data, cos and sin NULL).  Returns the bytes kept. */
size_t rc_case_keep_failed(rc_case *c, size_t *budget);
/* Free everything made for c (its recipe stays). */
void rc_case_release(rc_case *c);
/* Power-of-two position bucket of p (0 for p = 0, 1 + floor(log2 p) else). */
int rc_position_bucket(int64_t p);

#endif
