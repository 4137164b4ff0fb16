/* Shared by the golden's fast-stage tests (test_golden_fast.c,
 * test_golden_identity.c): a fixed-seed generator, five configurations
 * (m = 1 and m != 1, both pairings, partial rotary), positions of every
 * size, and values of a dtype near a magnitude. */
#ifndef RC_TEST_GOLDEN_TESTUTIL_H
#define RC_TEST_GOLDEN_TESTUTIL_H

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dtype.h"
#include "golden.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static inline uint64_t rng(void) /* xorshift64* */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}
static inline double urand(void) { return (double)(rng() >> 11) * 0x1p-53; } /* [0, 1) */

enum { NCFG = 5 };

static inline rc_rope_params config(int i)
{
    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = p.rotary_dim = 128;
    p.base = 1e4;
    p.pairing = RC_HALF_SPLIT;
    switch (i) {
    case 0: p.type = RC_ROPE_DEFAULT; break;
    case 1: p.type = RC_ROPE_DEFAULT; p.base = 5e5; p.pairing = RC_INTERLEAVED; break;
    case 2: /* m != 1 */
        p.type = RC_ROPE_YARN; p.head_dim = p.rotary_dim = 64; p.factor = 4;
        p.original_max_position = 4096; p.beta_fast = 32; p.beta_slow = 1; p.truncate = 1;
        break;
    case 3:
        p.type = RC_ROPE_LLAMA3; p.base = 5e5; p.factor = 8; p.original_max_position = 8192;
        p.low_freq_factor = 1; p.high_freq_factor = 4;
        break;
    default: /* partial rotary, pass-through channels */
        p.type = RC_ROPE_LINEAR; p.factor = 4; p.head_dim = 96; p.rotary_dim = 64;
        break;
    }
    return p;
}

static inline rc_golden *mkg(const rc_rope_params *p)
{
    char err[256] = "";
    rc_golden *g = rc_golden_new(p, err, sizeof err);
    ck_assert_msg(g != NULL, "rc_golden_new: %s", err);
    return g;
}

static inline int64_t position(int row)
{
    switch (row % 8) {
    case 0: return (int64_t)(rng() % 4096);
    case 1: return (int64_t)(rng() % (1u << 20));
    case 2: return (int64_t)(rng() % 0x7fffffffu) + 1;
    case 3: return 0x7fffffff - (int64_t)(rng() % 64);           /* 2^31 - 1 and below */
    case 4: return -(int64_t)(rng() % 0x7fffffffu) - 1;
    case 5: return (int64_t)(rng() >> 1) - (int64_t)(rng() >> 1); /* any int64 */
    case 6: return (row & 8) ? INT64_MAX : INT64_MIN + 1;
    default: return 1 + (int64_t)(rng() % 16);
    }
}

/* A value of t near a magnitude 2^e (random sign and significand). */
static inline double value_near(rc_dtype t, int e)
{
    unsigned char b[8];
    double v = ldexp(1.0 + urand(), e) * ((rng() & 1) ? -1.0 : 1.0);
    rc_store(b, t, 0, v);
    return rc_load(b, t, 0);
}

static inline double to_dtype(rc_dtype t, double v)
{
    unsigned char b[8];
    rc_store(b, t, 0, v);
    return rc_load(b, t, 0);
}

/* Run one suite; the exit status of the test program. */
static inline int golden_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
