/* Dynamic NTK that keeps the base of the longest sequence seen ('not
 * restored'): a short call after a long one uses the enlarged base.
 * Caught by scaling/dynamic-short-after-long. */
#include <stdint.h>
#define SR_DYN_LEN(st, p) ((st)->max_seq_len = (p)->seq_len > (st)->max_seq_len ? (p)->seq_len : (st)->max_seq_len)
#include "suite_rope.h"
SR_ADAPTER("suite-stale-ntk", 1)
