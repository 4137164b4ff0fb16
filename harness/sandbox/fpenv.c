/* The FP environment a candidate leaves behind.  A call that switches the
 * rounding mode or turns on flush-to-zero silently changes every later
 * computation in the host process, so the sandbox reports it and restores
 * the environment before the next call. */
#include "sandbox_impl.h"

#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#define MX_DAZ 0x0040u
#define MX_TRAPS 0x1f80u   /* exception masks */
#define MX_ROUND 0x6000u
#define MX_FTZ 0x8000u
static uint64_t read_ctl(void) { return _mm_getcsr(); }
static void write_ctl(uint64_t v) { _mm_setcsr((unsigned)v); }
#elif defined(__aarch64__)
#define FPCR_FZ (1u << 24)
#define FPCR_FZ16 (1u << 19)
#define FPCR_ROUND (3u << 22)
#define FPCR_TRAPS 0x9f00u
static uint64_t read_ctl(void) { uint64_t v; __asm__ volatile("mrs %0, fpcr" : "=r"(v)); return v; }
static void write_ctl(uint64_t v) { __asm__ volatile("msr fpcr, %0" : : "r"(v)); }
#else
static uint64_t read_ctl(void) { return 0; }
static void write_ctl(uint64_t v) { (void)v; }
#endif

void rc_fp_save(rc_fpstate *s)
{
    fegetenv(&s->env);
    s->round = fegetround();
    s->ctl = read_ctl();
}

unsigned rc_fp_diff(const rc_fpstate *s, int *round)
{
    unsigned bits = 0;
    *round = fegetround();
    if (*round != s->round || *round != FE_TONEAREST)
        bits |= RC_FP_ROUND;
    uint64_t now = read_ctl(), x = now ^ s->ctl;
    (void)x;
#if defined(__x86_64__) || defined(__i386__)
    if (x & MX_FTZ) bits |= RC_FP_FTZ;
    if (x & MX_DAZ) bits |= RC_FP_DAZ;
    if (x & MX_ROUND) bits |= RC_FP_SSE_ROUND;
    if (x & MX_TRAPS) bits |= RC_FP_TRAPS;
#elif defined(__aarch64__)
    if (x & (FPCR_FZ | FPCR_FZ16)) bits |= RC_FP_FTZ;
    if (x & FPCR_ROUND) bits |= RC_FP_SSE_ROUND;
    if (x & FPCR_TRAPS) bits |= RC_FP_TRAPS;
#endif
    return bits;
}

void rc_fp_restore(const rc_fpstate *s)
{
    fesetenv(&s->env);
    write_ctl(s->ctl);
}

static const char *round_name(int r)
{
    switch (r) {
    case FE_TONEAREST: return "to nearest";
#ifdef FE_UPWARD
    case FE_UPWARD: return "upward";
#endif
#ifdef FE_DOWNWARD
    case FE_DOWNWARD: return "downward";
#endif
#ifdef FE_TOWARDZERO
    case FE_TOWARDZERO: return "toward zero";
#endif
    default: return "unknown";
    }
}

void rc_fp_describe(unsigned bits, int round, char *buf, size_t n)
{
    buf[0] = '\0';
    size_t len = 0;
#define ADD(...) do { if (len < n) len += (size_t)snprintf(buf + len, n - len, __VA_ARGS__); } while (0)
    if (bits & RC_FP_ROUND) ADD("%srounding mode %s", len ? ", " : "", round_name(round));
    if ((bits & RC_FP_SSE_ROUND) && !(bits & RC_FP_ROUND))
        ADD("%svector unit rounding mode changed", len ? ", " : "");
    if (bits & RC_FP_FTZ) ADD("%sflush-to-zero (FTZ) changed", len ? ", " : "");
    if (bits & RC_FP_DAZ) ADD("%sdenormals-are-zero (DAZ) changed", len ? ", " : "");
    if (bits & RC_FP_TRAPS) ADD("%sFP exception traps changed", len ? ", " : "");
#undef ADD
}
