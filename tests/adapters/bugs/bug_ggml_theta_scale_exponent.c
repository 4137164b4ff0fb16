/* Ggml-like theta_scale = base^(-2/(n_dims - 2)): the exponent uses n_dims - 2. */
#define BUG_THETA_SCALE(p) pow((p)->base, -2.0 / ((p)->rotary_dim - 2))
#include "style_ggml.h"
BUG_ADAPTER("bug-ggml-theta-scale-exponent")
