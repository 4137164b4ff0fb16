/* A 6144-row ring cache indexed modulo its size. */
#define BUG_TABLE_POS(pos) ((pos) % 6144)
#include "style_table.h"
BUG_ADAPTER("bug-table-wraps-6144")
