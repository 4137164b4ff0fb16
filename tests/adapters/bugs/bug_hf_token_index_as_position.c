/* The token index is the position: positions[] is ignored (an arange(seq_len) cache lookup). */
#define BUG_POS(pos, t) ((void)(pos), (t))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-token-index-as-position")
