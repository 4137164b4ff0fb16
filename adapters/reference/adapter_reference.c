/* The bundled default candidate: the reference pipeline with its default
 * steps, exported as rope_conform_adapter. */
#include "rope_ref.h"

RC_REF_DEFINE_ADAPTER(rc_reference_adapter, "reference", "1.0", rc_ref_default_ops)
RC_REF_EXPORT(rc_reference_adapter)
