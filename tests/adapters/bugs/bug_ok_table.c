/* no bug: the table style as written. */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LINEAR) | (1u << RC_ROPE_YARN) | (1u << RC_ROPE_LLAMA3))
#include "style_table.h"
BUG_ADAPTER("bug-ok-table")
