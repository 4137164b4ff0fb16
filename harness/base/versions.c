/* Library versions for reports.  Kept apart because gmp.h and mpfr.h define
 * macros (gmp_version, mpfr_version) that clash with report field names. */
#include "versions.h"

#include <cjson/cJSON.h>
#include <gmp.h>
#include <mpfr.h>

const char *rc_version_mpfr(void) { return mpfr_get_version(); }
const char *rc_version_gmp(void) { return gmp_version; }
const char *rc_version_cjson(void) { return cJSON_Version(); }
