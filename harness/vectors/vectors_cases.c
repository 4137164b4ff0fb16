/* The generator's case table: one file per rope type x pairing x dtype,
 * each with the edge positions, the special inputs, and the switch points
 * of its type (research-rope-math.md section 6).  Changing anything here
 * changes the committed vectors: bump RC_VEC_GENERATOR_VERSION and run
 * `rope-conform vectors generate`. */
#include "vectors.h"
#include "rope_type.h"
#include "rope_mrope.h"
#include "dtype.h"
#include "prng.h"
#include "run.h"
#include "verify.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_DIM RC_VEC_HEAD_DIM
#define MAX_ROWS 16

static const rc_dtype dtypes[] = { RC_F64, RC_F32, RC_F16, RC_BF16 };
static const char *const pairing_names[] = { "half-split", "interleaved" };
#define N_TYPES RC_ROPE_TYPE_COUNT
#define N_DTYPES (sizeof dtypes / sizeof dtypes[0])

static const int64_t edge_pos[] = { 0, 1, 2, 2048, 65535, 16777217, 2147483647 };
static const int64_t special_pos[] = { 0, 0, 1, 1, 65535, 65535 };

size_t rc_vec_n_files(void) { return N_TYPES * 2 * N_DTYPES; }

/* The model-like configuration of each type (head_dim 64, one head); the
 * type's values come from its row of the rope-type table. */
static void base_config(rc_rope_type t, rc_pairing pr, rc_config *c)
{
    memset(c, 0, sizeof *c);
    rc_rope_params *p = &c->params;
    p->struct_size = sizeof *p;
    p->head_dim = HEAD_DIM;
    p->rotary_dim = HEAD_DIM;
    p->pairing = pr;
    p->type = t;
    p->base = 10000.0;
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    if (ti->vector_params)
        ti->vector_params(c);
    rc_config_rebind(c);
}

/* Where the type's pair-wise switch points fall, for the notes. */
static void type_note(const rc_rope_params *p, char *buf, size_t n)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(p->type);
    buf[0] = '\0';
    if (ti->vector_note)
        ti->vector_note(p, buf, n);
}

static double rand_unit(rc_prng *g) { return 2.0 * rc_prng_unit(g) - 1.0; }

/* Signed zeros in eight pair patterns; the partner is a random value. */
static void zero_pair(int j, double x, double *a, double *b)
{
    static const double z[8][2] = { { 0.0, 0.0 }, { 0.0, -0.0 }, { -0.0, 0.0 }, { -0.0, -0.0 },
                                    { 0.0, 1 }, { -0.0, 1 }, { 1, 0.0 }, { 1, -0.0 } };
    *a = j >= 6 ? x : z[j][0];
    *b = (j == 4 || j == 5) ? x : z[j][1];
}

/* Subnormals of t: the smallest, the largest, random ones, against zeros,
 * normals and each other. */
static void subnormal_pair(int j, rc_dtype t, rc_prng *g, double x, double *a, double *b)
{
    int prec = rc_dtype_precision(t);
    double mn = rc_dtype_min_normal(t), ms = ldexp(mn, 1 - prec), mx = mn - ms;
    double r0 = ms * (double)(1 + rc_prng_below(g, ((uint64_t)1 << (prec - 1)) - 1));
    double r1 = ms * (double)(1 + rc_prng_below(g, ((uint64_t)1 << (prec - 1)) - 1));
    if (rc_prng_next(g) & 1)
        r0 = -r0;
    if (rc_prng_next(g) & 1)
        r1 = -r1;
    const double v[8][2] = { { ms, 0.0 }, { -ms, ms }, { mx, mx }, { mn, -mx },
                             { r0, r1 }, { r0, x }, { x, r1 }, { -mn, -ms } };
    *a = v[j][0];
    *b = v[j][1];
}

static void fill_row(const rc_rope_params *p, rc_dtype t, int kind, rc_prng *g, void *in, size_t off)
{
    for (int c = 0; c < p->head_dim; c++)
        rc_store(in, t, off + (size_t)c, rand_unit(g));
    if (kind == 0)
        return;
    for (int k = 0; k < p->rotary_dim / 2; k++) {
        int i0, i1;
        double a, b, x = rand_unit(g);
        rc_pair_channels(p, k, &i0, &i1);
        if (kind == 1)
            zero_pair(k % 8, x, &a, &b);
        else
            subnormal_pair(k % 8, t, g, x, &a, &b);
        rc_store(in, t, off + (size_t)i0, a);
        rc_store(in, t, off + (size_t)i1, b);
    }
}

typedef struct case_spec {
    const char *name;
    const int64_t *pos;
    size_t n;
    int specials;          /* rows alternate signed zeros and subnormals */
    const char *note;
} case_spec;

static int make_case(rc_vec_file *f, const rc_config *cfg, const case_spec *cs, char *err, size_t errlen)
{
    rc_vec_case *c = &f->cases[f->n_cases];
    memset(c, 0, sizeof *c);
    const rc_rope_params *p = &cfg->params;
    rc_golden *g = rc_golden_new(p, err, errlen);
    if (!g)
        return -1;
    f->n_cases++;
    c->cfg = *cfg;
    rc_config_rebind(&c->cfg);
    snprintf(c->name, sizeof c->name, "%s", cs->name);
    char tn[256];
    type_note(p, tn, sizeof tn);
    snprintf(c->note, sizeof c->note, "%s%s", cs->note, tn);
    size_t n = cs->n, hd = (size_t)p->head_dim, half = (size_t)(p->rotary_dim / 2);
    size_t es = rc_dtype_size(f->dtype);
    const size_t axes = (size_t)rc_mrope_axes(p); /* M-RoPE: cs->pos is [axis][token] */
    c->n_tokens = (int64_t)n;
    c->positions = malloc(axes * n * sizeof(int64_t));
    c->in = calloc(n * hd, es);
    c->expected = calloc(n * hd, es);
    c->exact = calloc(n * hd, sizeof(double));
    c->cos = calloc(n * half, es);
    c->sin = calloc(n * half, es);
    c->inv_freq = calloc(half, sizeof(double));
    int rc = -1;
    if (!c->positions || !c->in || !c->expected || !c->exact || !c->cos || !c->sin || !c->inv_freq) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    memcpy(c->positions, cs->pos, axes * n * sizeof(int64_t));
    for (size_t r = 0; r < n; r++) {
        char key[160];
        snprintf(key, sizeof key, "%s/%s/%zu", f->name, cs->name, r);
        rc_prng pg = rc_prng_keyed(f->seed, key);
        fill_row(p, f->dtype, cs->specials ? 1 + (int)(r % 2) : 0, &pg, c->in, r * hd);
    }
    rc_tensor in = { f->dtype, c->in, (int64_t)n, 1, (int64_t)hd, (int64_t)hd, (int64_t)hd };
    rc_tensor out = in, ex = in;
    out.data = c->expected;
    ex.dtype = RC_F64;
    ex.data = c->exact;
    if (rc_golden_apply(g, c->positions, &in, &out, 1) != 0 ||
        rc_golden_apply(g, c->positions, &in, &ex, 1) != 0 ||
        rc_golden_cos_sin(g, c->positions, (int64_t)n, f->dtype, c->cos, c->sin) != 0) {
        snprintf(err, errlen, "%s/%s: golden engine: %s", f->name, cs->name, rc_golden_last_error(g));
        goto done;
    }
    for (size_t k = 0; k < half; k++)
        c->inv_freq[k] = rc_golden_inv_freq(g, (int)k);
    c->magnitude = rc_golden_magnitude(g);
    rc = 0;
done:
    rc_golden_free(g);
    return rc;
}

#define SPEC(nm, arr, sp, nt) { nm, arr, sizeof arr / sizeof arr[0], sp, nt }

static const char edges_note[] =
    "positions 0, 1, 2, 2^11, 2^16-1, 2^24+1, 2^31-1; inputs uniform in [-1, 1) rounded to the dtype";
static const char specials_note[] =
    "rows alternate signed zeros (pairs (+0,+0) (+0,-0) (-0,+0) (-0,-0) (+-0,x) (x,+-0)) and "
    "subnormals (smallest, largest, random, against zeros and normals) at p = 0, 1, 2^16-1";

int rc_vec_build(size_t i, uint64_t seed, rc_vec_file *f, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    if (i >= rc_vec_n_files()) {
        snprintf(err, errlen, "no vector file %zu", i);
        return -1;
    }
    rc_rope_type t = (rc_rope_type)(i / (2 * N_DTYPES));
    rc_pairing pr = (rc_pairing)((i / N_DTYPES) % 2);
    f->dtype = dtypes[i % N_DTYPES];
    f->seed = seed;
    snprintf(f->name, sizeof f->name, "%s-%s-%s", rc_rope_type_name(t),
             pairing_names[pr], rc_dtype_name(f->dtype));
    f->cases = calloc(8, sizeof *f->cases);
    if (!f->cases) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rc_config *base = malloc(sizeof *base), *v = malloc(sizeof *v);
    int rc = -1;
    if (!base || !v) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    base_config(t, pr, base);
    const case_spec edges = SPEC("edges", edge_pos, 0, edges_note);
    const case_spec specials = SPEC("specials", special_pos, 1, specials_note);
    if (make_case(f, base, &edges, err, errlen) != 0 || make_case(f, base, &specials, err, errlen) != 0)
        goto done;

    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    rc_vec_extra x;
    *v = *base;
    rc_config_rebind(v);
    rc = 0;
    for (int k = 0; rc == 0 && ti->vector_extra && ti->vector_extra(v, k, &x); k++) {
        const case_spec cs = { x.name, x.pos, x.n_pos, 0, x.note };
        rc = make_case(f, v, &cs, err, errlen);
    }
done:
    free(base);
    free(v);
    if (rc != 0)
        rc_vec_file_free(f);
    return rc;
}
