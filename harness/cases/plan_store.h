/* What the cases of a plan share (plan_store.c): one copy of each distinct
 * configuration and of each distinct position set, found by content, so a
 * level-3 plan holds a few thousand configurations and a few dozen position
 * sets instead of one of each per case.  Private to plan*.c. */
#ifndef RC_PLAN_STORE_H
#define RC_PLAN_STORE_H

#include "plan.h"

typedef struct rc_plan_store rc_plan_store;

rc_plan_store *rc_plan_store_new(void);
/* The store's copy of cfg (factor pointers into the copy); NULL on OOM. */
const rc_config *rc_plan_store_config(rc_plan_store *s, const rc_config *cfg);
/* The store's copy of positions[0 .. n); NULL on OOM. */
const int64_t *rc_plan_store_positions(rc_plan_store *s, const int64_t *positions, int64_t n);
void rc_plan_store_free(rc_plan_store *s);

#endif
