/* The table row is positions[t] + 1 (a BOS offset applied twice). */
#define BUG_POS(pos, t) ((pos)[t] + 1)
#include "style_table.h"
BUG_ADAPTER("bug-table-row-off-by-one")
