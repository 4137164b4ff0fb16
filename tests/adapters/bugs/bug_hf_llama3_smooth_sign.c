/* Llama 3 smoothing with (L/wavelen - low)/(high + low): a sign slip in the denominator. */
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LLAMA3))
#define BUG_LLAMA3_SMOOTH_DEN(a, b) ((b) + (a))
#include "style_hf.h"
BUG_ADAPTER("bug-hf-llama3-smooth-sign")
