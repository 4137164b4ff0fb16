/* The heat map of a case: pair bands (rows, highest frequency on top)
 * against position buckets (columns), each cell the worst error / bound.
 * A wrong band of pairs is a stripe across, a position threshold a wall
 * down, a precision horizon a front that moves right with frequency. */
#include "report_html.h"

#include <math.h>

int rc_html_heat_has_cells(const rc_metrics *m)
{
    for (int i = 0; m->heat && i < m->n_bands * RC_N_BUCKETS; i++)
        if (m->heat[i] >= 0)
            return 1;
    return 0;
}

static void pairs_text(FILE *f, const rc_metrics *m, int band)
{
    int k0 = rc_band_first_pair(band, m->pair_count), k1 = rc_band_first_pair(band + 1, m->pair_count) - 1;
    if (k0 == k1)
        fprintf(f, "pair %d", k0);
    else
        fprintf(f, "pairs %d-%d", k0, k1);
}

static void cell(FILE *f, const rc_metrics *m, double x, double y, double cw, double rh, int band, int b)
{
    float v = m->heat[band * RC_N_BUCKETS + b];
    char buf[RC_FMT_LEN];
    rc_fmt_float(v, buf, sizeof buf);
    fprintf(f, "<rect class=\"c l%d%s\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" data-k=\"%d\" "
               "data-b=\"%d\" data-v=\"%s\"><title>",
            rc_html_level_of(v), v > 1 || isnan(v) ? " o" : "", x, y, cw, rh, band, b, buf);
    pairs_text(f, m, band);
    fputs(", ", f);
    rc_html_bucket_text(f, b);
    fprintf(f, ": %s of the bound</title></rect>\n", buf);
}

static void heat_legend(FILE *f, double x, double y)
{
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">error / bound:</text>\n", x, y + 9);
    x += 86;
    for (int i = 0; i < rc_html_n_levels; i++) {
        fprintf(f, "<rect class=\"l%d\" x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"10\"/>"
                   "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                i, x, y, x + 15, y + 9, rc_html_levels[i].label);
        x += 64;
    }
}

void rc_html_plot_heat(FILE *f, const rc_metrics *m)
{
    rc_html_xrange xr = rc_html_case_buckets(m);
    int nb = m->n_bands, ncol = xr.last - xr.first + 1;
    int rh = 176 / nb;
    rh = rh < 5 ? 5 : rh > 16 ? 16 : rh;
    /* whole pixels per column, so cell edges are crisp */
    int cw = 462 / ncol;
    rc_html_axes a = { 64, 12, (double)(cw * ncol), (double)(rh * nb), 0, 0 };
    int height = (int)a.h + 12 + 44 + 22;
    rc_html_svg_open(f, "heat", 540, height, "worst error per pair band and position bucket");
    int step = (nb + 7) / 8;
    for (int band = 0; band < nb; band += step) {
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", a.x0 - 5, a.y0 + rh * band + rh / 2.0 + 4);
        fprintf(f, "%d</text>\n", rc_band_first_pair(band, m->pair_count));
    }
    fprintf(f, "<text x=\"12\" y=\"%.1f\" transform=\"rotate(-90 12 %.1f)\" text-anchor=\"middle\">"
               "pair (0: highest frequency)</text>\n", a.y0 + a.h / 2, a.y0 + a.h / 2);
    rc_html_x_axis(f, &a, xr);
    for (int band = 0; band < nb; band++)
        for (int b = xr.first; b <= xr.last; b++)
            if (m->heat[band * RC_N_BUCKETS + b] >= 0 || isnan(m->heat[band * RC_N_BUCKETS + b]))
                cell(f, m, a.x0 + cw * (b - xr.first), a.y0 + rh * band, cw, rh, band, b);
    rc_html_frame(f, &a);
    heat_legend(f, a.x0 - 56, a.y0 + a.h + 44);
    fputs("</svg>\n", f);
}
