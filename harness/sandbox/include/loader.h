/* What the harness knows about a candidate.  The candidate shared object is
 * never loaded into the harness process: a contained child loads it, checks
 * its table and sends back a copy of the facts below, which are validated
 * here (strings bounded, default params through rc_params_validate). */
#ifndef RC_LOADER_H
#define RC_LOADER_H

#include <stddef.h>
#include "rope_conform/adapter.h"
#include "config.h"

typedef struct rc_candidate {
    char path[1024];          /* as given (for dlopen in the worker)    */
    /* A table compiled into the harness itself (catalogue mutants): the
     * worker uses it directly instead of loading path.  NULL otherwise. */
    const rc_adapter *builtin;
    char name[256];           /* copied from the table, NUL-terminated   */
    char version[256];
    unsigned abi_version, struct_size;
    int abi_minor;            /* 0 for an ABI-1.0 table (params_size 0):
                                 never offered params of a later minor  */
    int has_backward, has_cos_sin;
    int has_defaults;         /* the table's default_params, validated  */
    rc_config defaults;       /* call rc_config_rebind before use       */
} rc_candidate;

/* 0 on success; -1 with a one-line message (naming the file and the
 * problem: missing file, not a shared object, missing symbol, NULL table,
 * wrong abi_version, struct_size too small, a required function NULL, a
 * crash or hang while loading, bad strings or default params) in err. */
int rc_candidate_load(const char *path, rc_candidate *c, char *err, size_t errlen);
/* rc_candidate_load, keeping the worker that read the table (started
 * under lim) as the first worker of *sb, a sandbox whose init is already
 * under way; *sb is NULL only when out of memory (then open one). */
typedef struct rc_sandbox rc_sandbox;
typedef struct rc_limits rc_limits;
int rc_candidate_load_open(const char *path, const rc_limits *lim, rc_candidate *c,
                           rc_sandbox **sb, char *err, size_t errlen);
/* A candidate from a table compiled into the harness. */
void rc_candidate_builtin(rc_candidate *c, const char *label, const rc_adapter *table);
void rc_candidate_unload(rc_candidate *c);

#endif
