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

int rc_is_canary(const void *p, rc_dtype t, size_t i)
{
    const unsigned char *b = (const unsigned char *)p + i * rc_elem_size(t);
    switch (t) {
    case RC_F64: { uint64_t v; memcpy(&v, b, 8); return v == CANARY64; }
    case RC_F32: { uint32_t v; memcpy(&v, b, 4); return v == CANARY32; }
    case RC_F16: { uint16_t v; memcpy(&v, b, 2); return v == CANARY16; }
    default:     { uint16_t v; memcpy(&v, b, 2); return v == CANARYBF; }
    }
}
