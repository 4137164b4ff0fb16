/* Llama 3 wavelength taken as 1/w (2 pi missing): the bands sit at the wrong pairs. */
#include <math.h>
#include <stdint.h>
#include "rope_conform/adapter.h"
#define BUG_LLAMA3(p, w) bug_llama3_no_pi(p, w)
#define BUG_TYPES ((1u << RC_ROPE_DEFAULT) | (1u << RC_ROPE_LLAMA3))
static double bug_llama3_no_pi(const rc_rope_params *p, double w)
{
    const double L = (double)p->original_max_position, a = p->low_freq_factor, b = p->high_freq_factor;
    const double lambda = 1.0 / w;
    if (lambda < L / b)
        return w;
    if (lambda > L / a)
        return w / p->factor;
    const double smooth = (L / lambda - a) / (b - a);
    return (1.0 - smooth) * w / p->factor + smooth * w;
}
#include "style_fused.h"
BUG_ADAPTER("bug-llama3-no-two-pi")
