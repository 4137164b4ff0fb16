/* The catalogue table, expanded from catalogue.def. */
#include "catalogue.h"

#include <stdio.h>
#include <string.h>

#define RC_CAT(id, cls, sym, must, suite, cs, desc, eff, refs, fix, note) const rc_adapter *sym(void);
#include "catalogue.def"
#undef RC_CAT

const rc_cat_entry rc_catalogue[] = {
#define RC_CAT(id, cls, sym, must, suite, cs, desc, eff, refs, fix, note) \
    { id, cls, #sym, sym, must, suite, cs, desc, eff, refs, fix, note },
#include "catalogue.def"
#undef RC_CAT
};
const size_t rc_catalogue_count = sizeof rc_catalogue / sizeof rc_catalogue[0];

const rc_cat_entry *rc_catalogue_find(const char *id)
{
    for (size_t i = 0; id && i < rc_catalogue_count; i++)
        if (strcmp(rc_catalogue[i].id, id) == 0 || strcmp(rc_catalogue[i].symbol, id) == 0)
            return &rc_catalogue[i];
    return NULL;
}

void rc_catalogue_so_name(const rc_cat_entry *e, char *buf, size_t n)
{
    char stem[128];
    size_t i = 0;
    for (; e->id[i] && i + 1 < sizeof stem; i++)
        stem[i] = e->id[i] == '.' ? '-' : e->id[i];
    stem[i] = '\0';
    snprintf(buf, n, "lib%s.so", stem);
}
