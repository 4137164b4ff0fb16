/* A 3000-row cos/sin cache; later positions read its last row. */
#define BUG_TABLE_POS(pos) ((pos) < 3000 ? (pos) : 2999)
#include "style_table.h"
BUG_ADAPTER("bug-table-clamped-3000")
