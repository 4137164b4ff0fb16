/* YaRN magnitude 0.07 ln s + 1 (a DeepSeek mscale constant on a plain YaRN model). */
#define BUG_YARN_MSCALE(s) ((s) <= 1.0 ? 1.0 : 0.07 * log(s) + 1.0)
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_YARN))
#include "style_table.h"
BUG_ADAPTER("bug-table-yarn-mscale-07")
