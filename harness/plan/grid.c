/* Which configurations a run covers.  With --config or a candidate's own
 * default_params: that configuration in the model's torch_dtype and f32
 * when it has one, else in every supported dtype.  Otherwise
 * a pairwise covering design over rope type x pairing x head_dim x rotary
 * fraction x base x dtype, drawn only from combinations the candidate
 * supports (asked once, in one isolated batch; without a candidate, as in
 * gen and verify, every combination), so every pair of supported
 * parameter values meets in at least one row.  Level 3 takes the whole
 * supported product. */
#include "grid.h"
#include "default_params.h"
#include "dtype.h"
#include "sandbox.h"
#include "variants.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_TYPE, F_PAIR, F_HD, F_FRAC, F_BASE, F_DTYPE, N_FACTORS };
static const int head_dims[] = { 64, 80, 96, 128, 256 };
static const int fracs[] = { 1, 2, 4 };            /* rotary_dim = head_dim / frac */
static const double bases[] = { 1e4, 5e5, 1e6 };
static const int n_levels[N_FACTORS] = { RC_ROPE_TYPE_COUNT, 2, 5, 3, 3, RC_DTYPE_COUNT };

typedef struct combo { int v[N_FACTORS]; int supported; } combo;

static void combo_config(const combo *c, rc_config *cfg)
{
    int hd = head_dims[c->v[F_HD]];
    rc_variant_params(cfg, (rc_rope_type)c->v[F_TYPE], (rc_pairing)c->v[F_PAIR], hd,
                      hd / fracs[c->v[F_FRAC]], bases[c->v[F_BASE]]);
}

static int add_row(rc_ctx *ctx, size_t *cap, const rc_config *cfg, rc_dtype dt, int primary)
{
    if (ctx->n_rows == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        rc_row *r = realloc(ctx->rows, nc * sizeof *r);
        if (!r)
            return -1;
        ctx->rows = r;
        *cap = nc;
    }
    rc_row *row = &ctx->rows[ctx->n_rows++];
    memset(row, 0, sizeof *row);
    row->cfg = *cfg;
    rc_config_rebind(&row->cfg);
    row->dtype = dt;
    row->primary = primary;
    char lab[80];
    rc_params_label(&row->cfg.params, lab, sizeof lab);
    snprintf(row->label, sizeof row->label, "%s/%s", lab, rc_dtype_name(dt));
    return 0;
}

/* The configuration and dtype of candidate combination i. */
typedef struct probe_src {
    const combo *cs;        /* NULL: `single` in dtype i, then (i ==
                               RC_DTYPE_COUNT) with the other pairing    */
    const rc_config *single;
} probe_src;

static rc_dtype probe_item(const probe_src *src, size_t i, rc_config *cfg)
{
    if (!src->cs && i < RC_DTYPE_COUNT) {
        *cfg = *src->single;
        return (rc_dtype)i;
    }
    if (!src->cs) { /* the same config with the other pairing, in f32 */
        *cfg = *src->single;
        cfg->params.pairing = cfg->params.pairing == RC_HALF_SPLIT ? RC_INTERLEAVED : RC_HALF_SPLIT;
        return RC_F32;
    }
    combo_config(&src->cs[i], cfg);
    return (rc_dtype)src->cs[i].v[F_DTYPE];
}

#define PROBE_CHUNK 64 /* configurations made at a time (each is ~17 KB) */

/* Calls [at, at + m) of the probe in one batch; ok[] set for them. */
static int probe_chunk(rc_sandbox *sb, const probe_src *src, size_t at, size_t m, int *ok,
                       rc_config *cfgs, char *err, size_t errlen)
{
    rc_call calls[PROBE_CHUNK];
    rc_call_result res[PROBE_CHUNK];
    memset(calls, 0, sizeof calls);
    for (size_t i = 0; i < m; i++) {
        calls[i].dtype = probe_item(src, at + i, &cfgs[i]);
        rc_config_rebind(&cfgs[i]);
        calls[i].kind = RC_CALL_SUPPORTS;
        calls[i].params = &cfgs[i].params;
    }
    if (rc_sandbox_exec(sb, calls, m, res) != 0)
        return -1;
    for (size_t i = 0; i < m; i++) {
        ok[at + i] = res[i].outcome == RC_OUTCOME_OK;
        if (res[i].outcome != RC_OUTCOME_OK && res[i].outcome != RC_OUTCOME_UNSUPPORTED && !err[0])
            snprintf(err, errlen, "supports() did not answer (%s, not a decline): %s",
                     rc_outcome_name(res[i].outcome), res[i].message);
    }
    return 0;
}

/* Ask the candidate, in its run's sandbox, which (params, dtype) it
 * supports, a chunk of configurations at a time.  A crash here is not a
 * verdict yet: the rows stay unsupported and the caller reports the
 * reason. */
static int probe(rc_ctx *ctx, const probe_src *src, size_t n, int *ok, char *err, size_t errlen)
{
    if (!ctx->cand.path[0]) {
        /* no candidate (gen, verify): every combination is a row */
        for (size_t i = 0; i < n; i++)
            ok[i] = 1;
        return 0;
    }
    rc_config *cfgs = malloc(PROBE_CHUNK * sizeof *cfgs);
    rc_sandbox *sb = ctx->sb;
    if (!sb && cfgs) {
        rc_limits lim = ctx->opts->limits;
        if (!(lim.init_s > 0))
            rc_limits_default(&lim);
        if (ctx->opts->timeout > 0)
            lim.cpu_s = ctx->opts->timeout;
        sb = rc_sandbox_open(&ctx->cand, &lim);
    }
    if (!cfgs || !sb) {
        free(cfgs);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* one hang in supports() is enough to know the answer */
    int cap = rc_sandbox_set_max_hangs(sb, rc_sandbox_hangs(sb) + 1), rc = 0;
    for (size_t at = 0; at < n && rc == 0; at += PROBE_CHUNK)
        rc = probe_chunk(sb, src, at, n - at < PROBE_CHUNK ? n - at : PROBE_CHUNK, ok, cfgs,
                         err, errlen);
    rc_sandbox_set_max_hangs(sb, cap);
    if (sb != ctx->sb)
        rc_sandbox_close(sb);
    free(cfgs);
    if (rc != 0) {
        for (size_t i = 0; i < n; i++)
            ok[i] = 0;
        snprintf(err, errlen, "could not run the candidate in the sandbox");
    }
    return rc;
}

static int dtype_allowed(const rc_ctx *ctx, rc_dtype dt)
{
    rc_dtype want;
    if (!ctx->opts->dtype_filter)
        return 1;
    return rc_dtype_parse(ctx->opts->dtype_filter, &want) == 0 && want == dt;
}

/* The dtypes a configuration is run in: with the model's torch_dtype
 * known (--config), that dtype and f32; otherwise every dtype. */
static int model_dtype(const rc_config *cfg, rc_dtype d)
{
    return !cfg->has_dtype || d == cfg->dtype || d == RC_F32;
}

/* Append sep and what (what alone to an empty buffer). */
static void append(char *buf, size_t n, const char *sep, const char *what)
{
    size_t len = strlen(buf), ls = strlen(sep);
    if (len && len + ls < n) {
        memcpy(buf + len, sep, ls + 1);
        len += ls;
    }
    size_t lw = strlen(what);
    if (len + 1 < n) { /* what, cut to fit (no strncat: -O3 -Werror flags it) */
        lw = lw < n - len - 1 ? lw : n - len - 1;
        memcpy(buf + len, what, lw);
        buf[len + lw] = '\0';
    }
}

/* Say which of the model's dtypes the candidate declined and, when it took
 * none, whether it takes the same config with the other pairing (the
 * other convention: the q/k weights need the compare permutation). */
static void declined_note(const rc_config *cfg, const int *ok, int other_ok, char *err, size_t errlen)
{
    char list[96] = "", msg[512], lab[96];
    int any = 0;
    for (int d = 0; d < RC_DTYPE_COUNT; d++) {
        if (!model_dtype(cfg, (rc_dtype)d))
            continue;
        any |= ok[d];
        if (!ok[d] && cfg->has_dtype) {
            snprintf(msg, sizeof msg, "%s%s", rc_dtype_name((rc_dtype)d),
                     cfg->dtype == (rc_dtype)d ? " (its torch_dtype)" : "");
            append(list, sizeof list, ", ", msg);
        }
    }
    if (list[0]) {
        snprintf(msg, sizeof msg, "the candidate declined the model's %s", list);
        append(err, errlen, "; ", msg);
    }
    if (any || !other_ok)
        return;
    const int half = cfg->params.pairing == RC_HALF_SPLIT, r2 = cfg->params.rotary_dim / 2;
    rc_params_label(&cfg->params, lab, sizeof lab);
    snprintf(msg, sizeof msg,
             "offered %s, it accepts it only with %s pairs: it implements the other convention; permute the "
             "q/k projection rows of each head (%s channel %s takes %s channel %s, %s takes %s, for "
             "k < %d), as `rope-conform compare` shows",
             lab, half ? "interleaved" : "half-split", half ? "interleaved" : "half-split", half ? "2k" : "k",
             half ? "half-split" : "interleaved", half ? "k" : "2k", half ? "2k+1" : "k+r/2",
             half ? "k+r/2" : "2k+1", r2);
    append(err, errlen, "; ", msg);
}

/* One configuration in the model's dtypes (or every dtype) the candidate
 * supports; the same config with the other pairing is asked too. */
static int grid_single(rc_ctx *ctx, const rc_config *cfg, char *err, size_t errlen)
{
    int ok[RC_DTYPE_COUNT + 1];
    probe_src src = {NULL, cfg};
    if (probe(ctx, &src, RC_DTYPE_COUNT + 1, ok, err, errlen) != 0)
        return -1;
    if (rc_candidate_offers(&ctx->cand, &cfg->params))
        declined_note(cfg, ok, ok[RC_DTYPE_COUNT], err, errlen);
    else if (!err[0])
        snprintf(err, errlen, "the candidate was built for ABI 1.%d and is never given params "
                 "that need ABI 1.%d (M-RoPE, proportional)", rc_candidate_abi_minor(&ctx->cand),
                 rc_params_abi_minor(&cfg->params));
    size_t cap = 0;
    int first = 1;
    for (int d = 0; d < RC_DTYPE_COUNT; d++) {
        if (!model_dtype(cfg, (rc_dtype)d))
            continue;
        if (!ok[d] || !dtype_allowed(ctx, (rc_dtype)d)) {
            ctx->n_unsupported += !ok[d];
            continue;
        }
        if (add_row(ctx, &cap, cfg, (rc_dtype)d, first) != 0)
            return -1;
        first = 0;
    }
    return 0;
}

static size_t pair_slot(int fa, int va, int fb, int vb)
{
    return (((size_t)fa * N_FACTORS + fb) * 8 + va) * 8 + vb;
}

/* The row tested densely: the combination closest to the most common
 * production RoPE (default, head_dim 128, full rotary, base 1e4, f32). */
static int primary_score(const combo *c)
{
    return (c->v[F_TYPE] == RC_ROPE_DEFAULT) * 16 + (c->v[F_DTYPE] == RC_F32) * 8 +
           (c->v[F_HD] == 3) * 4 + (c->v[F_FRAC] == 0) * 2 + (c->v[F_BASE] == 0);
}

static int grid_cover(rc_ctx *ctx, char *err, size_t errlen)
{
    size_t n = 1;
    for (int f = 0; f < N_FACTORS; f++)
        n *= (size_t)n_levels[f];
    combo *cs = calloc(n, sizeof *cs);
    int *ok = malloc(n * sizeof *ok);
    unsigned char *covered = calloc(pair_slot(N_FACTORS, 0, 0, 0), 1);
    int rc = -1;
    if (!cs || !ok || !covered) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        size_t r = i;
        for (int f = N_FACTORS - 1; f >= 0; f--) {
            cs[i].v[f] = (int)(r % (size_t)n_levels[f]);
            r /= (size_t)n_levels[f];
        }
    }
    probe_src src = {cs, NULL};
    if (probe(ctx, &src, n, ok, err, errlen) != 0)
        goto out;
    size_t n_ok = 0, best_primary = 0;
    for (size_t i = 0; i < n; i++) {
        cs[i].supported = ok[i] && dtype_allowed(ctx, (rc_dtype)cs[i].v[F_DTYPE]);
        n_ok += cs[i].supported;
        if (cs[i].supported && (!cs[best_primary].supported ||
                                primary_score(&cs[i]) > primary_score(&cs[best_primary])))
            best_primary = i;
    }
    ctx->n_unsupported = n - n_ok;
    if (n_ok == 0) {
        rc = 0;
        goto out;
    }
    size_t cap = 0;
    int exhaustive = ctx->opts->level >= 3;
    /* greedy: the primary first, then whichever supported combination
     * covers the most value pairs not yet covered, until none is left */
    size_t pick = best_primary;
    for (;;) {
        combo *c = &cs[pick];
        rc_config cfg;
        combo_config(c, &cfg);
        if (add_row(ctx, &cap, &cfg, (rc_dtype)c->v[F_DTYPE], pick == best_primary) != 0)
            goto out;
        c->supported = 0;
        for (int a = 0; a < N_FACTORS; a++)
            for (int b = a + 1; b < N_FACTORS; b++)
                covered[pair_slot(a, c->v[a], b, c->v[b])] = 1;
        size_t best = n;
        int best_gain = 0;
        for (size_t i = 0; i < n; i++) {
            if (!cs[i].supported)
                continue;
            int gain = 0;
            for (int a = 0; a < N_FACTORS; a++)
                for (int b = a + 1; b < N_FACTORS; b++)
                    gain += !covered[pair_slot(a, cs[i].v[a], b, cs[i].v[b])];
            if (exhaustive && gain == 0)
                gain = 1;
            if (gain > best_gain) {
                best_gain = gain;
                best = i;
            }
        }
        if (best == n)
            break;
        pick = best;
    }
    rc = 0;
out:
    free(cs);
    free(ok);
    free(covered);
    return rc;
}

int rc_grid_build(rc_ctx *ctx, const rc_config *fixed, char *err, size_t errlen)
{
    err[0] = '\0';
    if (fixed)
        return grid_single(ctx, fixed, err, errlen);
    if (ctx->cand.has_defaults) {
        /* copied out of the candidate's process and validated on load */
        rc_config cfg = ctx->cand.defaults;
        rc_config_rebind(&cfg);
        return grid_single(ctx, &cfg, err, errlen);
    }
    return grid_cover(ctx, err, errlen);
}
