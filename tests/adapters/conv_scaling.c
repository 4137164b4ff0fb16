/* Mutant for the identify/compare tests: linear scaling applied twice (the
 * positions and the frequencies both divided by the factor). */
#define CONV_SCALE_TWICE 1
#include "conv_common.h"

CONV_DEFINE_ADAPTER("conv-scaling")
