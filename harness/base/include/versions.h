/* Library versions for reports (versions.c). */
#ifndef RC_VERSIONS_H
#define RC_VERSIONS_H

const char *rc_version_mpfr(void);
const char *rc_version_gmp(void);
const char *rc_version_cjson(void);

#endif
