/* A multi-token path with float angles and cosf/sinf, a double path for one
 * token: both are accurate, but a token's output depends on the batch it
 * came in.  Caught by properties/batch-independence. */
#define SR_FLOAT_ANGLE(n_tokens) ((n_tokens) > 1)
#include "suite_rope.h"
SR_ADAPTER("suite-batch-dependent", 1)
