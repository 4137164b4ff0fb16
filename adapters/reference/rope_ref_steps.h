/* The reference's default steps by name, for rope_ref.c's table and for
 * overrides that wrap one default step and want to call it directly. */
#ifndef RC_ROPE_REF_STEPS_H
#define RC_ROPE_REF_STEPS_H

#include "rope_ref.h"

const rc_rope_params *rc_ref_step_call_params(const rc_ref_ops *o, const rc_rope_params *p,
                                             rc_rope_params *scratch);
int rc_ref_step_validate(const rc_ref_ops *o, const rc_rope_params *p, char *err, size_t n);
rc_real rc_ref_step_base(const rc_ref_ops *o, const rc_rope_params *p);
rc_real rc_ref_step_default_freq(const rc_ref_ops *o, const rc_rope_params *p, rc_real base, int k);
rc_real rc_ref_step_inv_freq(const rc_ref_ops *o, const rc_rope_params *p, int k);
rc_real rc_ref_step_linear_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
rc_real rc_ref_step_yarn_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
void rc_ref_step_yarn_bounds(const rc_ref_ops *o, const rc_rope_params *p, rc_real *low, rc_real *high);
rc_real rc_ref_step_llama3_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
rc_real rc_ref_step_longrope_freq(const rc_ref_ops *o, const rc_rope_params *p, int k, rc_real w);
const double *rc_ref_step_longrope_factors(const rc_ref_ops *o, const rc_rope_params *p);
rc_real rc_ref_step_magnitude(const rc_ref_ops *o, const rc_rope_params *p);
rc_real rc_ref_step_yarn_magnitude(const rc_ref_ops *o, const rc_rope_params *p);
rc_real rc_ref_step_longrope_magnitude(const rc_ref_ops *o, const rc_rope_params *p);

rc_real rc_ref_step_position(const rc_ref_ops *o, const rc_rope_params *p, int64_t pos);
rc_real rc_ref_step_angle(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real pos, int k);
void rc_ref_step_cos_sin(const rc_ref_ops *o, const rc_ref_plan *pl, rc_real angle, rc_real *c, rc_real *s);
void rc_ref_step_table_row(const rc_ref_ops *o, const rc_ref_plan *pl, int64_t pos, rc_real *c, rc_real *s);
int rc_ref_step_pair_axis(const rc_ref_ops *o, const rc_rope_params *p, int k);
void rc_ref_step_token_row(const rc_ref_ops *o, const rc_ref_plan *pl, const int64_t *positions,
                           int64_t n, int64_t t, rc_real *c, rc_real *s);

void rc_ref_step_pair_index(const rc_ref_ops *o, const rc_rope_params *p, int k, int *i0, int *i1);
void rc_ref_step_rotate(const rc_ref_ops *o, rc_real x0, rc_real x1, rc_real c, rc_real s,
                        rc_real *y0, rc_real *y1);
void rc_ref_step_head(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in, int64_t in_off,
                      rc_tensor *out, int64_t out_off, const rc_real *c, const rc_real *s);
void rc_ref_step_pass_through(const rc_ref_ops *o, const rc_ref_plan *pl, const rc_tensor *in,
                              int64_t in_off, rc_tensor *out, int64_t out_off);
int64_t rc_ref_step_offset(const rc_ref_ops *o, const rc_tensor *x, int64_t token, int64_t head);
rc_real rc_ref_step_load(const rc_ref_ops *o, rc_dtype t, const void *data, int64_t i);
void rc_ref_step_store(const rc_ref_ops *o, rc_dtype t, void *data, int64_t i, rc_real v);

#endif
