/* Every head reads head 0's input (head stride left out of the input offset). */
#define BUG_IN_HEAD(h) ((void)(h), 0)
#include "style_table.h"
BUG_ADAPTER("bug-table-heads-read-head0")
