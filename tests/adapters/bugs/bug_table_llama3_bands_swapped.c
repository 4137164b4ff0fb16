/* Llama 3 band edges with low and high factors swapped (L/low for the high band). */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LLAMA3))
#define BUG_LLAMA3_HIGH_EDGE(a, b) (a)
#define BUG_LLAMA3_LOW_EDGE(a, b) (b)
#include "style_table.h"
BUG_ADAPTER("bug-table-llama3-bands-swapped")
