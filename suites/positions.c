/* Position sets shared by suites. */
#include "run.h"
#include "suite_util.h"

/* 0, 1, 2, 3, then 2^k - 1, 2^k, 2^k + 1 up to max (inclusive), then max:
 * where integer-to-float conversions, index arithmetic and caches break. */
size_t rc_positions_powers(int64_t max, int64_t *out, size_t cap)
{
    size_t n = 0;
#define PUSH(v) do { int64_t v_ = (v); if (v_ <= max && n < cap && (n == 0 || out[n - 1] < v_)) out[n++] = v_; } while (0)
    for (int64_t v = 0; v < 4; v++)
        PUSH(v);
    for (int e = 2; e <= 62; e++) {
        int64_t p = (int64_t)1 << e;
        if (p - 1 > max)
            break;
        PUSH(p - 1);
        PUSH(p);
        PUSH(p + 1);
    }
    PUSH(max);
#undef PUSH
    return n;
}
