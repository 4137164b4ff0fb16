/* SHA-256 (FIPS 180-4): the vector manifest's checksums and a run's
 * identity. */
#ifndef RC_SHA256_H
#define RC_SHA256_H

#include <stddef.h>

/* SHA-256 of data as 64 lowercase hex digits and a NUL. */
void rc_sha256_hex(const void *data, size_t n, char out[65]);

#endif
