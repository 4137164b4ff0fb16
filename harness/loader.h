/* Loading a candidate shared object and checking its adapter table. */
#ifndef RC_LOADER_H
#define RC_LOADER_H

#include <stddef.h>
#include "rope_conform/adapter.h"

typedef struct rc_candidate {
    void *dl;                 /* dlopen handle                          */
    const rc_adapter *ad;     /* the table (in the candidate's memory)  */
    rc_adapter table;         /* a copy, trailing fields zeroed when the
                                 candidate's struct_size is smaller     */
    char path[1024];          /* as given                               */
} rc_candidate;

/* 0 on success; -1 with a one-line message (naming the file and the
 * problem: missing file, not a shared object, missing symbol, NULL table,
 * wrong abi_version, struct_size too small, a required function NULL) in err. */
int rc_candidate_load(const char *path, rc_candidate *c, char *err, size_t errlen);
void rc_candidate_unload(rc_candidate *c);

#endif
