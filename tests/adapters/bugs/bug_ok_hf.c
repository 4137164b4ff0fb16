/* No bug: the hf style as written, default and linear types (the
 * passing twin bench/diagnosis times the hf-style bugs against). */
#include "style_hf.h"
BUG_ADAPTER("bug-ok-hf")
