/* A linear-scaled model multiplied by sqrt(1 + ln s / ln 4096) (a LongRoPE attention factor in the wrong branch). */
#define BUG_SCALE(p) ((p)->type == RC_ROPE_LINEAR ? sqrt(1.0 + log((p)->factor) / log(4096.0)) : 1.0)
#include "style_ggml.h"
BUG_ADAPTER("bug-ggml-attn-factor-linear")
