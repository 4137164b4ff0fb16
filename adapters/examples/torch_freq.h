/*
 * Inverse frequencies and magnitude the way Hugging Face transformers builds
 * them: float32 torch tensors for everything per pair, Python float64 for
 * scalars (dynamic base, YaRN bounds, magnitudes).  vLLM builds the same
 * values, so the HF, vLLM and 16-bit-I/O examples share this table.
 */
#ifndef RC_TORCH_FREQ_H
#define RC_TORCH_FREQ_H

#include "rope_conform/adapter.h"

/* inv[k] for k < rotary_dim/2 and the magnitude m (a Python float), for any
 * rope type.  The params must already be valid. */
void torch_inv_freq(const rc_rope_params *p, float *inv, double *m);

/* The same with the type's scaling left out (vLLM's LINEAR divides the
 * positions instead). */
void torch_default_inv_freq(const rc_rope_params *p, float base, float *inv);

/* One row of m*cos, m*sin for position pos, the style's own way. */
typedef void (*torch_row_fn)(const float *inv, int half, float m, int64_t pos, rc_dtype dtype,
                             float *c, float *s);

/* The cos_sin entry of a torch-style example: torch_inv_freq, then one row
 * per position from `row`, stored in dtype.  RC_OK, or RC_ERROR when out
 * of memory (the caller reports it). */
int torch_cos_sin_table(const rc_rope_params *p, const int64_t *positions, int64_t n, rc_dtype dtype,
                        void *cos, void *sin, torch_row_fn row);

#endif
