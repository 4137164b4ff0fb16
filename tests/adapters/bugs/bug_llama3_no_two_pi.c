/* Llama 3 wavelength taken as 1/w (2 pi missing): the bands sit at the wrong pairs. */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LLAMA3))
#define BUG_LLAMA3_WAVELEN(w) (1.0 / (w))
#include "style_fused.h"
BUG_ADAPTER("bug-llama3-no-two-pi")
