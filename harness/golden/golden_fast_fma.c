/* The double-double stage's kernels built for CPUs with a fused
 * multiply-add: each exact product is one instruction instead of Dekker's
 * seventeen.  golden_fast_cs.c chooses this build at run time
 * (rc_fast_fma_available); the values are the same as the generic
 * build's (golden_fast_kernel.h says why).  Where the compiler cannot
 * target fma, the same names hold a second generic build, so this file
 * never calls back into its caller. */
#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#pragma GCC target("fma")
#define RC_DD_FMA 1
#define RC_FAST_FMA_BUILD 1
#endif

#include "golden_internal.h"

#define KN(name) name##_fma
#include "golden_fast_kernel.h"

#ifdef RC_FAST_FMA_BUILD
int rc_fast_fma_available(void) { return __builtin_cpu_supports("fma"); }
#else
int rc_fast_fma_available(void) { return 0; }
#endif
