/* The second output re-reads x0 after the first output was stored: wrong only in place. */
#define BUG_REREAD 1
#include "style_table.h"
BUG_ADAPTER("bug-table-in-place-reread")
