/* Helpers shared by the property-style suites. */
#include "suite_util.h"
#include "dtype.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

size_t rc_su_dense_powers(int64_t n_dense, int64_t far, int64_t *out, size_t cap)
{
    size_t n = 0;
    for (int64_t p = 0; p < n_dense && n < cap; p++)
        out[n++] = p;
    int64_t pw[256];
    size_t npw = rc_positions_powers(far, pw, 256);
    for (size_t i = 0; i < npw && n < cap; i++)
        if (pw[i] >= n_dense)
            out[n++] = pw[i];
    return n;
}

/* The values a row contributes to the level-1 cover. */
static void row_values(const rc_row *r, int v[4])
{
    v[0] = (int)r->cfg.params.type;
    v[1] = RC_ROPE_TYPE_COUNT + (int)r->cfg.params.pairing;
    v[2] = RC_ROPE_TYPE_COUNT + 2 + (int)r->dtype;
    v[3] = RC_ROPE_TYPE_COUNT + 2 + RC_DTYPE_COUNT + (r->cfg.params.rotary_dim < r->cfg.params.head_dim);
}

size_t rc_su_pick_rows(const rc_ctx *ctx, unsigned char *keep)
{
    size_t n = 0;
    for (size_t i = 0; i < ctx->n_rows; i++)
        keep[i] = ctx->opts->level >= 2 || ctx->rows[i].primary;
    if (ctx->opts->level >= 2)
        return ctx->n_rows;
    unsigned char covered[RC_ROPE_TYPE_COUNT + 2 + RC_DTYPE_COUNT + 2] = { 0 };
    int v[4];
    for (size_t i = 0; i < ctx->n_rows; i++)
        if (keep[i]) {
            row_values(&ctx->rows[i], v);
            for (int j = 0; j < 4; j++)
                covered[v[j]] = 1;
        }
    /* greedy: the row covering the most missing values, until none gains */
    for (;;) {
        size_t best = ctx->n_rows;
        int best_gain = 0;
        for (size_t i = 0; i < ctx->n_rows; i++) {
            if (keep[i])
                continue;
            row_values(&ctx->rows[i], v);
            int gain = 0;
            for (int j = 0; j < 4; j++)
                gain += !covered[v[j]];
            if (gain > best_gain) {
                best_gain = gain;
                best = i;
            }
        }
        if (best == ctx->n_rows)
            break;
        keep[best] = 1;
        row_values(&ctx->rows[best], v);
        for (int j = 0; j < 4; j++)
            covered[v[j]] = 1;
    }
    for (size_t i = 0; i < ctx->n_rows; i++)
        n += keep[i];
    return n;
}

int rc_su_model_init(rc_ctx *ctx, const rc_rope_params *p, rc_dtype dt, rc_su_model *sm,
                rc_case_result *res)
{
    char err[256];
    memset(sm, 0, sizeof *sm);
    sm->g = rc_ctx_golden(ctx, p, err, sizeof err);
    const rc_profile_row *row = rc_profile_find(ctx->opts->profile, dt);
    if (!sm->g || !row) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "golden: %s",
                 sm->g ? "no error-model profile for this dtype" : err);
        return -1;
    }
    sm->m = rc_golden_magnitude(sm->g);
    rc_errmodel_init(&sm->em, row, p, sm->m, dt);
    return 0;
}

double rc_su_pair_bound(const rc_su_model *sm, int k, double phi, double xnorm, int *exhausted)
{
    double ab = rc_errmodel_angle_bound(&sm->em, k, phi, xnorm);
    double mb = rc_errmodel_mag_bound(&sm->em, xnorm);
    if (exhausted)
        *exhausted = ab >= RC_ANGLE_EXHAUSTED;
    return ab + mb + ab * mb;
}

void rc_su_load_pair(const rc_rope_params *p, const rc_tensor *t, int64_t tok, int64_t head,
                     int k, double v[2])
{
    int i0, i1;
    rc_pair_channels(p, k, &i0, &i1);
    v[0] = rc_load(t->data, t->dtype, rc_tensor_index(t, tok, head, i0));
    v[1] = rc_load(t->data, t->dtype, rc_tensor_index(t, tok, head, i1));
}

void rc_su_tally_init(rc_su_tally *t)
{
    memset(t, 0, sizeof *t);
    t->worst = -1.0;
}

void rc_su_tally_add(rc_su_tally *t, double ratio, const char *fmt, ...)
{
    t->n++;
    int bad = !(ratio <= 1.0);
    if (bad)
        t->bad++;
    /* NaN ranks above everything: it is the most informative failure */
    double key = isnan(ratio) ? INFINITY : ratio;
    if (key > t->worst) {
        t->worst = key;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(t->where, sizeof t->where, fmt, ap);
        va_end(ap);
    }
}

void rc_su_tally_finish(const rc_su_tally *t, const char *what, const char *unit,
                        rc_case_result *res)
{
    if (t->bad > 0) {
        res->status = RC_STATUS_FAIL;
        snprintf(res->message, sizeof res->message, "%s: %lld of %lld %s outside the bound; worst: %s",
                 what, (long long)t->bad, (long long)t->n, unit, t->where);
    } else if (t->n == 0) {
        res->status = RC_STATUS_WARN;
        snprintf(res->message, sizeof res->message,
                 "%s: nothing could be judged (%lld %s had exhausted bounds)", what,
                 (long long)t->skipped, unit);
    } else {
        res->status = RC_STATUS_PASS;
        snprintf(res->message, sizeof res->message, "%s: %lld %s within the bound (worst %.2f of the bound)%s",
                 what, (long long)t->n, unit, t->worst < 0 ? 0.0 : t->worst,
                 t->skipped ? "; some not judged: bound exhausted" : "");
    }
}

int64_t rc_su_first_bit_diff(const rc_tensor *a, const rc_tensor *b)
{
    size_t n = rc_tensor_span(a);
    for (size_t i = 0; i < n; i++)
        if (rc_load_bits(a->data, a->dtype, i) != rc_load_bits(b->data, b->dtype, i))
            return (int64_t)i;
    return -1;
}

void rc_su_describe_index(const rc_tensor *t, int64_t idx, char *buf, size_t n)
{
    int64_t tok = idx / t->token_stride, rem = idx % t->token_stride;
    snprintf(buf, n, "token %lld, head %lld, channel %lld", (long long)tok,
             (long long)(rem / t->head_stride), (long long)(rem % t->head_stride));
}

void rc_su_prefix(rc_case_result *res, const char *fmt, ...)
{
    char msg[sizeof res->message];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t used = n < 0 ? 0 : (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1;
    size_t room = sizeof msg - 1 - used;
    if (room >= 2) {
        memcpy(msg + used, ": ", 2);
        used += 2;
        room -= 2;
    }
    size_t len = strlen(res->message);
    if (len > room)
        len = room;
    memcpy(msg + used, res->message, len);
    msg[used + len] = '\0';
    memcpy(res->message, msg, used + len + 1);
}

static int severity(rc_status s)
{
    switch (s) {
    case RC_STATUS_FAIL: return 3;
    case RC_STATUS_SKIP: return 2;
    case RC_STATUS_WARN: return 1;
    default: return 0;
    }
}

void rc_su_verify_calls(rc_ctx *ctx, rc_case *c, const int *calls, const int *signs,
                        const char *const *labels, int n, rc_case_result *res)
{
    /* a declined or broken call decides the case before any comparison */
    for (int i = 0; i < n; i++)
        if (c->calls[calls[i]].res.outcome != RC_OUTCOME_OK) {
            rc_verify_outcome(c, calls[i], res);
            rc_su_prefix(res, "%s", labels[i]);
            return;
        }
    rc_case_result tmp;
    int have = 0;
    for (int i = 0; i < n; i++) {
        memset(&tmp, 0, sizeof tmp);
        rc_verify_against_golden(ctx, c, calls[i], signs[i], &tmp);
        if (!have || severity(tmp.status) > severity(res->status)) {
            res->status = tmp.status;
            res->has_metrics = tmp.has_metrics;
            res->metrics = tmp.metrics;
            memcpy(res->message, tmp.message, sizeof res->message);
            rc_su_prefix(res, "%s", labels[i]);
            have = 1;
        }
    }
}
