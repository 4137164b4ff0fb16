/* No bug: the table style with the scaled rope types its bugs bend. */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_YARN) | (1u << RC_ROPE_LLAMA3))
#include "style_table.h"
BUG_ADAPTER("bug-ok-table-scaled")
