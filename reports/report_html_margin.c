/* The margin of a passing run: how close each part of the pair range came
 * to the bound, per dtype, so a regression shows before it fails. */
#include "report_html.h"

#include <math.h>

void rc_html_margin_of(const rc_results *r, rc_dtype dt, rc_html_margin *out)
{
    for (int i = 0; i < RC_PAIR_BANDS; i++)
        out->bin[i] = -1.0f;
    out->n_cases = 0;
    for (size_t i = 0; i < r->n_cases; i++) {
        const rc_case_result *c = &r->cases[i];
        const rc_metrics *m = &c->metrics;
        if (!c->has_metrics || m->pair_count <= 0 || c->dtype != dt || c->status == RC_STATUS_SKIP)
            continue;
        out->n_cases++;
        for (int j = 0; j < m->n_bands; j++) {
            /* band j holds pairs k0 .. k1-1: bins k/pc*RC_PAIR_BANDS over them */
            int64_t k0 = rc_band_first_pair(j, m->pair_count), k1 = rc_band_first_pair(j + 1, m->pair_count);
            int lo = (int)(k0 * RC_PAIR_BANDS / m->pair_count);
            int hi = (int)((k1 * RC_PAIR_BANDS + m->pair_count - 1) / m->pair_count);
            for (int b = lo; b < hi && b < RC_PAIR_BANDS; b++)
                if (m->band_max[j] > out->bin[b] || isnan(m->band_max[j]))
                    out->bin[b] = m->band_max[j];
        }
    }
}

void rc_html_plot_margin(FILE *f, rc_dtype dt, const rc_html_margin *mg)
{
    rc_html_axes a = { 64, 14, RC_PAIR_BANDS * 14, 150, 0, 0 };
    rc_html_y_range(mg->bin, RC_PAIR_BANDS, &a.ylo, &a.yhi);
    char label[64];
    snprintf(label, sizeof label, "%s: worst error per pair", rc_report_dtype_name(dt));
    rc_html_svg_open(f, "margin", 540, 214, label);
    rc_html_y_axis(f, &a, "error / bound");
    double yb = a.y0 + a.h;
    for (int i = 0; i <= 4; i++) {
        double x = a.x0 + a.w * i / 4;
        static const char *const frac[] = { "0", "1/4", "1/2", "3/4", "1" };
        fprintf(f, "<line class=\"tick\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>"
                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                x, x, yb, yb + 4, x, yb + 16, frac[i]);
    }
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">pair k / (rotary_dim / 2)"
               " (0: highest frequency)</text>\n", a.x0 + a.w / 2, yb + 32);
    for (int i = 0; i < RC_PAIR_BANDS; i++) {
        float v = mg->bin[i];
        if (!(v >= 0) && !isnan(v))
            continue;
        char buf[RC_FMT_LEN];
        rc_fmt_float(v, buf, sizeof buf);
        double y = rc_html_y(&a, v);
        if (y > yb - 3)
            y = yb - 3;   /* a zero error still shows */
        fprintf(f, "<rect class=\"bar l%d%s\" x=\"%.0f\" y=\"%.0f\" width=\"10\" height=\"%.0f\" data-i=\"%d\" "
                   "data-v=\"%s\"><title>pairs k with k / (rotary_dim / 2) in [%d/32, %d/32): worst %s of "
                   "the bound</title></rect>\n",
                rc_html_level_of(v), v > 1 || isnan(v) ? " o" : "", a.x0 + 14 * i + 2, y, yb - y, i, buf, i,
                i + 1, buf);
    }
    rc_html_frame(f, &a);
    fputs("</svg>\n", f);
}

void rc_html_margin_section(FILE *f, const rc_results *r)
{
    if (rc_results_verdict(r) == RC_STATUS_FAIL)
        return;   /* a failing run shows its failures instead */
    int any = 0;
    for (int d = 0; d < RC_DTYPE_COUNT; d++) {
        rc_html_margin mg;
        rc_html_margin_of(r, (rc_dtype)d, &mg);
        float worst = -1.0f;
        for (int i = 0; i < RC_PAIR_BANDS; i++)
            if (mg.bin[i] > worst || isnan(mg.bin[i]))
                worst = mg.bin[i];
        if (!(worst >= 0))
            continue;
        if (!any)
            fputs("<section id=\"margin\"><h2>Margin</h2>\n<p>How close the candidate came to the bound, per "
                  "pair: the worst error over the bound in every case of a dtype, in 32 bins of the pair "
                  "index k / (rotary_dim / 2); the first bin holds the highest-frequency pairs. A bar near "
                  "the bound line is a regression waiting to happen.</p>\n<div class=\"plots\">\n", f);
        any = 1;
        char w[RC_FMT_LEN], x[RC_FMT_LEN];
        fprintf(f, "<figure><figcaption><b>%s</b>: %zu cases, worst %s of the bound", rc_report_dtype_name((rc_dtype)d),
                mg.n_cases, rc_fmt_sig(worst, 3, w, sizeof w));
        if (worst > 0)
            fprintf(f, " (margin %s&#215;)", rc_fmt_sig(1.0 / worst, 3, x, sizeof x));
        fputs("</figcaption>\n", f);
        rc_html_plot_margin(f, (rc_dtype)d, &mg);
        fputs("</figure>\n", f);
    }
    if (any)
        fputs("</div></section>\n", f);
}
