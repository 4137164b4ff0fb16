/* Output canaries: outputs are pre-filled with a signalling NaN of their
 * dtype, a bit pattern no correct RoPE result can have (arithmetic never
 * produces a signalling NaN), so an element still holding it after RC_OK
 * was never written. */
#include "sandbox_impl.h"

#include <string.h>

static const uint64_t CANARY64 = 0x7ff4dead5afecafeull;
static const uint32_t CANARY32 = 0x7fa5a5a5u;
static const uint16_t CANARY16 = 0x7d5au; /* binary16 */
static const uint16_t CANARYBF = 0x7fa5u; /* bfloat16 */

void rc_canary_fill(void *p, rc_dtype t, size_t count)
{
    unsigned char *b = p;
    size_t es = rc_elem_size(t);
    const void *pat = t == RC_F64 ? (const void *)&CANARY64 : t == RC_F32 ? (const void *)&CANARY32
                    : t == RC_F16 ? (const void *)&CANARY16 : (const void *)&CANARYBF;
    for (size_t i = 0; i < count; i++)
        memcpy(b + i * es, pat, es);
}

/* Canaries among count contiguous elements: one dtype dispatch per run of
 * elements, not per element. */
#define COUNT_AS(type, canary)                       \
    for (size_t i = 0; i < count; i++) {             \
        type v;                                      \
        memcpy(&v, b + sizeof(type) * i, sizeof v);  \
        n += v == (canary);                          \
    }

size_t rc_canary_count(const void *p, rc_dtype t, size_t count)
{
    const unsigned char *b = p;
    size_t n = 0;
    switch (t) {
    case RC_F64: COUNT_AS(uint64_t, CANARY64); break;
    case RC_F32: COUNT_AS(uint32_t, CANARY32); break;
    case RC_F16: COUNT_AS(uint16_t, CANARY16); break;
    default:     COUNT_AS(uint16_t, CANARYBF); break;
    }
    return n;
}
