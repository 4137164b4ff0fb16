/* What every catalogue mutant includes: the reference pipeline, its default
 * steps by name, and RC_CAT_MUTANT, which defines the mutant's named adapter
 * table (the symbol the catalogue row names) and, in the shared-object
 * build only (RC_CATALOGUE_SO), exports it as rope_conform_adapter.  The
 * harness links every mutant into one binary for diagnosis, where a second
 * rope_conform_adapter would clash. */
#ifndef RC_CAT_MUTANT_H
#define RC_CAT_MUTANT_H

#include "rope_ref.h"
#include "rope_ref_steps.h"

#ifdef RC_CATALOGUE_SO
#define RC_CAT_EXPORT(ident) RC_REF_EXPORT(ident)
#else
#define RC_CAT_EXPORT(ident)
#endif

#define RC_CAT_MUTANT(ident, id_str, ops_fn)                 \
    RC_REF_DEFINE_ADAPTER(ident, id_str, "1", ops_fn)         \
    RC_CAT_EXPORT(ident)

/* Round a working value as a 16-bit or 32-bit buffer would hold it. */
rc_real rc_cat_round(rc_dtype t, rc_real v);

#endif
