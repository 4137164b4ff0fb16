/* The fast path's kernels built for CPUs with a fused multiply-add: each
 * exact product is one instruction instead of Dekker's seventeen.  Chosen
 * at run time (rc_fast_fma_available); the values are the same as the
 * generic build's (golden_fast_kernel.h says why). */
#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#pragma GCC target("fma")
#define RC_DD_FMA 1
#define RC_FAST_FMA_BUILD 1
#endif

#include "golden_internal.h"

#ifdef RC_FAST_FMA_BUILD
#define KN(name) name##_fma
#include "golden_fast_kernel.h"

int rc_fast_fma_available(void) { return __builtin_cpu_supports("fma"); }
#else
int rc_fast_fma_available(void) { return 0; }
void rc_fast_cs_fma(const rc_fast_freq *f, int64_t p, rc_dd *c, rc_dd *s)
{
    rc_fast_cs(f, p, c, s);
}
int rc_fast_output_fma(const rc_dd *m, double a, double b, rc_dd c, rc_dd s, rc_dtype t,
                       uint64_t *bits)
{
    return rc_fast_output(m, a, b, c, s, t, bits);
}
#endif
