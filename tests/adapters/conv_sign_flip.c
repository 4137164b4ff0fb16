/* Mutant for the identify/compare tests: rotates by the negative angle. */
#define CONV_SIGN (-1.0)
#include "conv_common.h"

CONV_DEFINE_ADAPTER("conv-sign_flip")
