/* no bug: the ggml style as written. */
#include "style_ggml.h"
BUG_ADAPTER("bug-ok-ggml")
