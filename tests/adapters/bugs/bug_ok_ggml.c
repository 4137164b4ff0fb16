/* No bug: the ggml style as written, default and linear types (the
 * passing twin bench/diagnosis times the ggml-style bugs against). */
#include "style_ggml.h"
BUG_ADAPTER("bug-ok-ggml")
