/* Angles p*w and cos/sin in float, the common fp32 implementation: within
 * the standard bounds, but it loses bits of angle long before 2^17.
 * Warned about by long_context when the model's max position is known. */
#define SR_FLOAT_ANGLE(n_tokens) ((void)(n_tokens), 1)
#include "suite_rope.h"
SR_ADAPTER("suite-float-angle", 1)
