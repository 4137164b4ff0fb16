/* No bug: the fused style as written, default and linear types (the
 * passing twin bench/diagnosis times the fused-style bugs against). */
#include "style_fused.h"
BUG_ADAPTER("bug-ok-fused")
