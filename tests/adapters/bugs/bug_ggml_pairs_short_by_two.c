/* Ggml-like loop over i0 < n_dims - 4 instead of n_dims - 2... two pairs short: they are copied unrotated. */
#define BUG_PAIRS(r2) ((r2) > 2 ? (r2) - 2 : (r2))
#include "style_ggml.h"
BUG_ADAPTER("bug-ggml-pairs-short-by-two")
