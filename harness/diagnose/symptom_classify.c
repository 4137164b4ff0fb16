/* From symptoms to a bug class with its evidence (symptom.h).  Rules go
 * from the most specific (a hypothesis that reproduces the wrong values)
 * to the least; a case nothing explains says so instead of guessing. */
#include "symptom.h"
#include "rope_mrope.h"
#include "rope_type.h"
#include "variants.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static double frac(int64_t a, int64_t b) { return b > 0 ? (double)a / (double)b : 0.0; }

int rc_sym_set(rc_case_diag *d, const char *cls, rc_confidence conf, const char *fmt, ...)
{
    snprintf(d->cls, sizeof d->cls, "%s", cls);
    d->confidence = conf;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->evidence, sizeof d->evidence, fmt, ap);
    va_end(ap);
    return 1;
}

const char *rc_sym_type_class(rc_rope_type t)
{
    const rc_rope_type_info *ti = rc_rope_type_info_of(t);
    return ti && ti->diag_class ? ti->diag_class : "";
}

/* "2^15", "max_position", "original_max_position" or "" for a position. */
static const char *boundary(const rc_rope_params *p, int64_t pos, char *buf, size_t n)
{
    buf[0] = '\0';
    if (p->max_position > 0 && (pos == p->max_position || pos == p->max_position + 1))
        snprintf(buf, n, "max_position %lld", (long long)p->max_position);
    else if (p->original_max_position > 0 && (pos == p->original_max_position || pos == p->original_max_position + 1))
        snprintf(buf, n, "original_max_position %lld", (long long)p->original_max_position);
    else if (pos > 0 && (pos & (pos - 1)) == 0)
        snprintf(buf, n, "2^%d", (int)log2((double)pos));
    else
        snprintf(buf, n, "no power of two or configured length");
    return buf;
}

static int rule_channels(const rc_symptoms *s, rc_case_diag *d, int mixed)
{
    if (s->n_pt_bad > 0 && (s->n_bad > 0) == mixed)
        return rc_sym_set(d, "partial", s->n_bad ? RC_CONF_MEDIUM : RC_CONF_HIGH,
                   "pass-through channels %d..%d changed in %lld of %lld elements; rotary pairs: %lld of %lld wrong",
                   s->p.rotary_dim, s->p.head_dim - 1, (long long)s->n_pt_bad, (long long)s->n_pt,
                   (long long)s->n_bad, (long long)s->n_vals);
    if (s->n_bad > 0 || s->n_pt_bad > 0)
        return 0;
    for (int i = 0; i < s->c->n_calls; i++)
        if (s->c->calls[i].call.in_place)
            return rc_sym_set(d, "memory", RC_CONF_LOW,
                       "every output is within the bound of the golden, but in place differs from out of place");
    return rc_sym_set(d, "", RC_CONF_NONE, "every output is within the error model of the golden: only the case's own "
               "consistency check failed");
}

static int rule_calls(const rc_symptoms *s, rc_case_diag *d)
{
    double neg = frac(s->hyp[H_NEGATED], s->n_tested);
    if (s->bad_inplace == s->n_bad && s->vals_inplace < s->n_vals)
        return rc_sym_set(d, "memory", RC_CONF_HIGH,
                   "only the in-place call is wrong (%lld of %lld pairs); the same input out of place is right",
                   (long long)s->n_bad, (long long)s->vals_inplace);
    if (s->bad_backward == s->n_bad && s->vals_apply > 0 && s->bad_apply == 0)
        return rc_sym_set(d, "backward", RC_CONF_HIGH,
                   "only backward is wrong (%lld of %lld pairs), apply of the same case is right%s",
                   (long long)s->n_bad, (long long)s->vals_backward,
                   neg >= 0.9 ? "; backward turns by +angle" : "");
    if (s->bad_backward == s->n_bad && s->vals_apply == 0 && neg >= 0.9)
        return rc_sym_set(d, "backward", RC_CONF_HIGH, "backward rotates by +angle: %lld of %lld wrong pairs",
                   (long long)s->hyp[H_NEGATED], (long long)s->n_tested);
    return 0;
}

/* M-RoPE: the wrong pairs follow the other layout's axes. */
static int layout_swapped(const rc_symptoms *s, rc_case_diag *d)
{
    const int sec = s->p.mrope_layout == RC_MROPE_SECTIONED;
    return rc_sym_set(d, RC_MROPE_NAME, RC_CONF_HIGH,
               "M-RoPE layouts swapped: %lld of %lld wrong pairs turn by the %s layout's axes (%s); the "
               "config is %s (%s)",
               (long long)s->hyp[H_MROPE_LAYOUT], (long long)s->n_tested,
               rc_mrope_layout_name(sec ? RC_MROPE_INTERLEAVED : RC_MROPE_SECTIONED),
               sec ? "Qwen3-VL, k mod 3" : "Qwen2-VL, [T.. H.. W..]", rc_mrope_layout_name(s->p.mrope_layout),
               sec ? "Qwen2-VL, [T.. H.. W..]" : "Qwen3-VL, k mod 3");
}

static int rule_hypotheses(const rc_symptoms *s, rc_case_diag *d)
{
    static const struct { int h; const char *cls, *what; } hyps[] = {
        { H_MROPE_LAYOUT, RC_MROPE_NAME, "" },
        { H_MROPE_1D, RC_MROPE_NAME, "turn by the T axis's position: 1-D positions where M-RoPE needs one per axis" },
        { H_OTHER_PAIRING, "pairing", "are the other pairing's rotation" },
        { H_NEGATED, "direction", "are the rotation by -angle" },
        { H_POS_PLUS1, "position", "are rotated by positions[t] + 1" },
        { H_POS_MINUS1, "position", "are rotated by positions[t] - 1" },
        { H_POS_INDEX, "position", "are rotated by the token index t, not positions[t]" },
        { H_POS_FIRST, "position", "are rotated by positions[0] + t (positions assumed contiguous)" },
        { H_OTHER_HEAD, "indexing", "are another head's input, rotated" },
    };
    for (size_t i = 0; i < sizeof hyps / sizeof hyps[0]; i++) {
        int h = hyps[i].h;
        if (s->n_tested < 2 || frac(s->hyp[h], s->n_tested) < 0.9)
            continue;
        if (h == H_MROPE_LAYOUT)
            return layout_swapped(s, d);
        if (h == H_OTHER_PAIRING)
            return rc_sym_set(d, "pairing", RC_CONF_HIGH,
                       "%lld of %lld wrong pairs are the %s rotation: the config is %s (%s pairs)",
                       (long long)s->hyp[h], (long long)s->n_tested,
                       s->p.pairing == RC_HALF_SPLIT ? "interleaved (2k, 2k+1)" : "half-split (k, k+r/2)",
                       rc_pairing_name(s->p.pairing), s->p.pairing == RC_HALF_SPLIT ? "(k, k+r/2)" : "(2k, 2k+1)");
        return rc_sym_set(d, hyps[i].cls, RC_CONF_HIGH, "%lld of %lld wrong pairs %s", (long long)s->hyp[h],
                   (long long)s->n_tested, hyps[i].what);
    }
    return 0;
}

/* Wrong pairs equal to their input (or never written): a loop stops early. */
static int rule_untouched(const rc_symptoms *s, rc_case_diag *d)
{
    int unrot = frac(s->n_unrot, s->n_bad) >= 0.9, zero = frac(s->n_zero, s->n_bad) >= 0.9;
    if (!unrot && !zero)
        return 0;
    int K = -1, tail = 1;
    for (int k = 0; k < s->r2; k++) {
        if (s->bad_pair[k] && K < 0)
            K = k;
        if (K >= 0 && !s->bad_pair[k])
            tail = 0;
    }
    if (K > 0 && tail && unrot)
        return rc_sym_set(d, "partial", RC_CONF_HIGH,
                   "pairs %d..%d are not rotated (output = input): the loop covers %d of the %d rotary channels",
                   K, s->r2 - 1, 2 * K, s->p.rotary_dim);
    return rc_sym_set(d, "indexing", RC_CONF_MEDIUM, "%lld of %lld wrong pairs %s: some tokens or heads are skipped",
               (long long)(unrot ? s->n_unrot : s->n_zero), (long long)s->n_bad,
               unrot ? "equal their input" : "are zero (never written)");
}

static int rule_heads(const rc_symptoms *s, rc_case_diag *d)
{
    if (s->n_heads < 2)
        return 0;
    int good = -1, n_bad_heads = 0;
    for (int h = 0; h < s->n_heads; h++) {
        if (s->vals_head[h] && !s->bad_head[h] && good < 0)
            good = h;
        n_bad_heads += s->bad_head[h] > 0;
    }
    if (good < 0 || n_bad_heads == 0)
        return 0;
    return rc_sym_set(d, "indexing", RC_CONF_HIGH,
               "head %d is right, %d of %d heads are wrong (%lld of %lld pairs): a head offset or head loop",
               good, n_bad_heads, s->n_heads, (long long)s->n_bad, (long long)s->n_vals);
}

static int rule_threshold(const rc_symptoms *s, rc_case_diag *d)
{
    if (s->thr_pos < 0 || s->thr_pos != s->first_bad_pos)
        return 0;
    char b[64];
    return rc_sym_set(d, "position", RC_CONF_HIGH,
               "right up to position %lld, wrong at every position from %lld (%s), %.3g x the bound there",
               (long long)s->thr_good, (long long)s->thr_pos, boundary(&s->p, s->thr_pos, b, sizeof b),
               s->thr_jump);
}

static int rule_magnitude(const rc_symptoms *s, rc_case_diag *d, double m)
{
    if (frac(s->n_angle_ok, s->n_bad) < 0.9 || frac(s->n_mag, s->n_bad) < 0.9)
        return 0;
    double mean = s->sum_lmag / (double)s->n_mag;
    double sd = sqrt(fmax(0.0, s->sum_lmag2 / (double)s->n_mag - mean * mean));
    const char *tc = rc_sym_type_class(s->p.type);
    const rc_rope_type_info *ti = rc_rope_type_info_of(s->p.type);
    int scaled_m = ti && ti->magnitude_param;   /* m is the type's parameter */
    if (sd > 0.1 * fabs(mean) + 1e-6)
        return rc_sym_set(d, scaled_m ? tc : "magnitude", RC_CONF_MEDIUM,
                   "angles right but magnitudes off by %.3g%% on average, unevenly (spread %.3g%%)",
                   100 * mean, 100 * sd);
    double c = exp(mean);
    const char *note = fabs(c - m) < 1e-3 * m && m != 1.0 ? ": m applied twice?"
                       : fabs(c * m - 1.0) < 1e-3 && m != 1.0 ? ": m missing?" : "";
    return rc_sym_set(d, scaled_m ? tc : "magnitude", RC_CONF_HIGH,
               "angles right; every wrong pair's magnitude is %.7g x the golden's (m = %.7g)%s", c, m, note);
}

void rc_sym_classify(const rc_symptoms *s, rc_case_diag *d)
{
    memset(d, 0, sizeof *d);
    if (s->n_vals == 0 && s->n_pt == 0) {
        rc_sym_set(d, "", RC_CONF_NONE, "no output of the case could be compared with the golden");
        return;
    }
    /* heads before mixed channel damage: a skipped head leaves its
     * pass-through channels wrong too */
    if (rule_channels(s, d, 0) || rule_heads(s, d) || rule_channels(s, d, 1) || rule_calls(s, d) ||
        rule_hypotheses(s, d) || rule_untouched(s, d) || rule_threshold(s, d))
        return;
    if (rule_magnitude(s, d, s->m) || rc_sym_rule_frequency(s, d))
        return;
    if (s->max_rel_angle > 0 && s->max_rel_angle <= 0x1p-6)
        rc_sym_set(d, "precision", RC_CONF_MEDIUM,
            "angle errors up to %.3g rad (position %lld) are %.2g of the angle at most: about %d-bit arithmetic",
            s->worst_angle, (long long)s->worst_pos, s->max_rel_angle, (int)floor(-log2(s->max_rel_angle)));
    else
        rc_sym_set(d, "", RC_CONF_NONE,
            "%lld of %lld pairs wrong from position %lld; worst angle error %.3g rad at position %lld",
            (long long)s->n_bad, (long long)s->n_vals, (long long)s->first_bad_pos, s->worst_angle,
            (long long)s->worst_pos);
}
