/* The bug catalogue as data: the rows of catalogue.def with the in-harness
 * adapter table of each mutant (linked into the harness for diagnosis). */
#ifndef RC_CATALOGUE_H
#define RC_CATALOGUE_H

#include <stddef.h>
#include "rope_conform/adapter.h"

typedef struct rc_cat_entry {
    const char *id;            /* "pairing.interleaved-as-half-split"       */
    const char *cls;           /* "pairing"                                 */
    const char *symbol;        /* C name of the mutant's table function      */
    const rc_adapter *(*table)(void);
    int must_catch;            /* the level-1 suites must FAIL it            */
    const char *suite, *case_substr;  /* where: suite name, case substring   */
    const char *description, *effect, *refs, *fix;
    const char *note;          /* why not must-catch, or ""                  */
} rc_cat_entry;

extern const rc_cat_entry rc_catalogue[];
extern const size_t rc_catalogue_count;

/* The entry with this id (or table symbol), or NULL. */
const rc_cat_entry *rc_catalogue_find(const char *id);
/* "libpairing-interleaved-as-half-split.so": the mutant's shared object
 * name under <adapter dir>/catalogue. */
void rc_catalogue_so_name(const rc_cat_entry *e, char *buf, size_t n);

#endif
