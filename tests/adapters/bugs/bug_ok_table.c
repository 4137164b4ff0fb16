/* No bug: the table style as written, default and linear types (the
 * passing twin bench/diagnosis times the table-style bugs against). */
#include "style_table.h"
BUG_ADAPTER("bug-ok-table")
