/* Mutant for the identify/compare tests: rotates the other pairing than it is asked for. */
#define CONV_SWAP_PAIRING 1
#include "conv_common.h"

CONV_DEFINE_ADAPTER("conv-pairing_swap")
