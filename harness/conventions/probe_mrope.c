/* identify for M-RoPE: which position axis each pair follows, and the
 * sections and layout that map is (rc_probe_mrope in probe.h).  One call
 * per axis moves that axis to position 1 with the others at 0 and every
 * pair's input at (1, 0): a pair whose second channel leaves 0 follows the
 * moved axis. */
#include "probe.h"
#include "rope_mrope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char axis_letter[RC_MROPE_MAX_AXES] = { 'T', 'H', 'W' };

/* Which axis moved pair k: the only call whose output turned it; -1 when
 * none or several did. */
static void read_axes(const rc_pairmap *map, double *const *out, signed char *axis)
{
    for (int k = 0; k < map->n_pairs; k++) {
        int a = -1, moved = 0;
        for (int c = 0; c < RC_MROPE_MAX_AXES; c++)
            if (out[c][map->second[k]] != 0.0) {
                a = c;
                moved++;
            }
        axis[k] = (signed char)(moved == 1 ? a : -1);
    }
}

/* The layout whose map, with the counted sections, is the measured one,
 * into a copy of ip (the identified params so far). */
static int match_layout(int np, const signed char *axis, rc_rope_params *ip)
{
    ip->n_axes = RC_MROPE_MAX_AXES;
    memset(ip->mrope_section, 0, sizeof ip->mrope_section);
    for (int k = 0; k < np; k++) {
        if (axis[k] < 0)
            return -1;
        ip->mrope_section[axis[k]]++;
    }
    for (int lay = 0; lay < 2; lay++) {
        ip->mrope_layout = (rc_mrope_layout)lay;
        int same = 1;
        for (int k = 0; k < np && same; k++)
            same = rc_mrope_axis(ip, k) == axis[k];
        if (same)
            return 0;
    }
    return -1;
}

static void describe(const rc_identify_result *res, int found, rc_finding *f)
{
    const rc_rope_params *ip = &res->ident.params;
    char map[120];
    int np = res->map.n_pairs, n = np < (int)sizeof map - 4 ? np : (int)sizeof map - 4;
    for (int k = 0; k < n; k++)
        map[k] = res->mrope_axis[k] < 0 ? '?' : axis_letter[(int)res->mrope_axis[k]];
    snprintf(map + n, sizeof map - (size_t)n, "%s", n < np ? "..." : "");
    f->confidence = found ? 1.0 : 0.0;
    if (found)
        snprintf(f->text, sizeof f->text, "M-RoPE %s, sections %d/%d/%d (T/H/W pairs)",
                 rc_mrope_layout_name(ip->mrope_layout), (int)ip->mrope_section[0],
                 (int)ip->mrope_section[1], (int)ip->mrope_section[2]);
    else
        snprintf(f->text, sizeof f->text, "M-RoPE: the pairs follow the axes in neither the "
                 "sectioned nor the interleaved layout ('?': no axis or several)");
    snprintf(f->evidence, sizeof f->evidence, "axis of each pair (T, H or W moved to position 1, "
             "the others at 0): %s", map);
}

static void compare(rc_identify_result *res, int found)
{
    const rc_rope_params *dp = &res->declared.params, *ip = &res->ident.params;
    if (res->n_mismatch >= RC_IDENT_MAX_MISMATCH)
        return;
    char *m = res->mismatch[res->n_mismatch];
    if (!found)
        snprintf(m, sizeof res->mismatch[0], "M-RoPE: declares %s %d/%d/%d, the pairs follow no "
                 "layout (%.120s)", rc_mrope_layout_name(dp->mrope_layout), (int)dp->mrope_section[0],
                 (int)dp->mrope_section[1], (int)dp->mrope_section[2],
                 strchr(res->f_mrope.evidence, ':') + 2);
    else if (ip->mrope_layout != dp->mrope_layout ||
             memcmp(ip->mrope_section, dp->mrope_section, sizeof dp->mrope_section) != 0)
        snprintf(m, sizeof res->mismatch[0], "M-RoPE: declares %s %d/%d/%d, behaves %s %d/%d/%d",
                 rc_mrope_layout_name(dp->mrope_layout), (int)dp->mrope_section[0],
                 (int)dp->mrope_section[1], (int)dp->mrope_section[2],
                 rc_mrope_layout_name(ip->mrope_layout), (int)ip->mrope_section[0],
                 (int)ip->mrope_section[1], (int)ip->mrope_section[2]);
    else
        return;
    res->n_mismatch++;
}

int rc_probe_mrope(const rc_probe *pr, rc_identify_result *res, char *err, size_t errlen)
{
    const rc_pairmap *map = &res->map;
    const int hd = pr->params->head_dim;
    double *buf = calloc((size_t)hd * (1 + RC_MROPE_MAX_AXES), sizeof *buf);
    if (!buf) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int k = 0; k < map->n_pairs; k++)
        buf[map->first[k]] = 1.0;
    int64_t pos[RC_MROPE_MAX_AXES][RC_MROPE_MAX_AXES] = { { 0 } };
    const int64_t *pp[RC_MROPE_MAX_AXES], ntok[RC_MROPE_MAX_AXES] = { 1, 1, 1 };
    const double *in[RC_MROPE_MAX_AXES];
    double *out[RC_MROPE_MAX_AXES];
    int ok[RC_MROPE_MAX_AXES];
    for (int a = 0; a < RC_MROPE_MAX_AXES; a++) {
        pos[a][a] = 1; /* [axis][token], one token */
        pp[a] = pos[a];
        in[a] = buf;
        out[a] = buf + (size_t)hd * (1 + a);
    }
    int rc = rc_probe_apply_axes(pr, RC_MROPE_MAX_AXES, pp, ntok, in, out, ok, NULL, err, errlen);
    if (rc == 0 && (!ok[0] || !ok[1] || !ok[2])) {
        snprintf(err, errlen, "an M-RoPE probe call returned no output");
        rc = -1;
    }
    if (rc == 0) {
        read_axes(map, out, res->mrope_axis);
        rc_rope_params ip = res->ident.params;
        int found = match_layout(map->n_pairs, res->mrope_axis, &ip) == 0;
        if (found)
            res->ident.params = ip;
        describe(res, found, &res->f_mrope);
        compare(res, found);
    }
    free(buf);
    return rc;
}
