/* Mutant for the identify/compare tests: takes b^(-k/r) instead of b^(-2k/r). */
#define CONV_EXPONENT 1.0
#include "conv_common.h"

CONV_DEFINE_ADAPTER("conv-exponent")
