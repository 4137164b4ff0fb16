/* The HTML report's SVG building blocks: palette, frames, log axes. */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const rc_html_level rc_html_levels[] = {
    { 1.0 / 256, "#deebf7", "&#8804; 1/256" },
    { 1.0 / 16, "#9ecae1", "&#8804; 1/16" },
    { 0.5, "#4292c6", "&#8804; 1/2" },
    { 1.0, "#08519c", "&#8804; 1" },
    { 4.0, "#fcae91", "&#8804; 4" },
    { 64.0, "#fb6a4a", "&#8804; 64" },
    { INFINITY, "#a50f15", "&gt; 64" },
};
const int rc_html_n_levels = (int)(sizeof rc_html_levels / sizeof rc_html_levels[0]);

int rc_html_level_of(float v)
{
    for (int i = 0; i < rc_html_n_levels; i++)
        if (v <= rc_html_levels[i].upto)
            return i;
    return rc_html_n_levels - 1;   /* NaN */
}

void rc_html_colors_meta(FILE *f)
{
    fputs("<meta name=\"rope-conform-plot-colors\" content=\"frame " RC_HTML_FRAME "; data " RC_HTML_ANGLE
          " " RC_HTML_MAG " " RC_HTML_OTHER, f);
    for (int i = 0; i < rc_html_n_levels; i++)
        fprintf(f, " %s", rc_html_levels[i].color);
    fputs("\">\n", f);
}

void rc_html_text(FILE *f, const char *s)
{
    rc_text_write(f, s, RC_TEXT_HTML);
}

void rc_html_text_n(FILE *f, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        rc_html_text(f, s);
        return;
    }
    char *cut = malloc(max + 1);
    if (!cut)
        return;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;   /* s[max] continues a character: cut before that one */
    memcpy(cut, s, max);
    cut[max] = '\0';
    rc_html_text(f, cut);
    fputs("&#8230;", f);
    free(cut);
}

void rc_html_pow(FILE *f, int base, int exp)
{
    fprintf(f, "%d<tspan dy=\"-5\" font-size=\"8\">%d</tspan><tspan dy=\"5\"></tspan>", base, exp);
}

void rc_html_svg_open(FILE *f, const char *kind, int width, int height, const char *label)
{
    fprintf(f, "<svg class=\"plot %s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
               "aria-label=\"", kind, width, height, width, height);
    rc_html_text(f, label);
    fputs("\">\n", f);
}

void rc_html_frame(FILE *f, const rc_html_axes *a)
{
    fprintf(f, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
               "stroke=\"" RC_HTML_FRAME "\" shape-rendering=\"crispEdges\"/>\n",
            a->x0 - 0.5, a->y0 - 0.5, a->w + 1, a->h + 1);
}

double rc_html_y(const rc_html_axes *a, double v)
{
    double t = v > 0 ? (log10(v) - a->ylo) / (a->yhi - a->ylo) : 0.0;
    if (!(t >= 0))
        t = 0;
    if (t > 1)
        t = 1;
    return a->y0 + a->h * (1 - t);
}

void rc_html_y_range(const float *v, size_t n, int *ylo, int *yhi)
{
    double lo = 1, hi = 1;
    for (size_t i = 0; i < n; i++)
        if (v[i] > 0 && isfinite(v[i])) {
            lo = fmin(lo, v[i]);
            hi = fmax(hi, v[i]);
        }
    *ylo = (int)floor(log10(lo));
    *yhi = (int)ceil(log10(hi));
    if (*ylo > -2)
        *ylo = -2;
    if (*ylo < -12)
        *ylo = -12;
    if (*yhi < 1)
        *yhi = 1;
    if (*yhi > 12)
        *yhi = 12;
}

void rc_html_y_axis(FILE *f, const rc_html_axes *a, const char *title)
{
    int step = (a->yhi - a->ylo + 5) / 6;   /* at most about 6 labels */
    for (int e = a->ylo; e <= a->yhi; e++) {
        double y = rc_html_y(a, pow(10, e));
        fprintf(f, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>\n", a->x0,
                a->x0 + a->w, y, y);
        if ((e - a->ylo) % step == 0 || e == 0) {
            fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", a->x0 - 5, y + 4);
            if (e == 0)
                fputs("1", f);
            else
                rc_html_pow(f, 10, e);
            fputs("</text>\n", f);
        }
    }
    double yb = rc_html_y(a, 1.0);
    fprintf(f, "<line class=\"bound\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>\n"
               "<text class=\"bound\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">bound</text>\n",
            a->x0, a->x0 + a->w, yb, yb, a->x0 + a->w - 3, yb - 3);
    fprintf(f, "<text x=\"12\" y=\"%.1f\" transform=\"rotate(-90 12 %.1f)\" text-anchor=\"middle\">%s</text>\n",
            a->y0 + a->h / 2, a->y0 + a->h / 2, title);
}

rc_html_xrange rc_html_case_buckets(const rc_metrics *m)
{
    rc_html_xrange xr = { RC_N_BUCKETS, -1 };
    for (int b = 0; b < RC_N_BUCKETS; b++) {
        int has = m->bucket_angle[b] >= 0 || m->bucket_mag[b] >= 0;
        for (int k = 0; m->heat && !has && k < m->n_bands; k++)
            has = m->heat[k * RC_N_BUCKETS + b] >= 0;
        if (has) {
            if (b < xr.first)
                xr.first = b;
            xr.last = b;
        }
    }
    if (xr.last < 0)
        xr.first = xr.last = 0;
    if (xr.last - xr.first < 7)   /* a readable minimum width */
        xr.last = xr.first + 7 < RC_N_BUCKETS ? xr.first + 7 : RC_N_BUCKETS - 1;
    return xr;
}

double rc_html_bucket_x(const rc_html_axes *a, rc_html_xrange xr, int b)
{
    return a->x0 + a->w * ((b - xr.first) + 0.5) / (xr.last - xr.first + 1);
}

/* Ticks at the lower edges of buckets: position 0, then 2^(b-1). */
void rc_html_x_axis(FILE *f, const rc_html_axes *a, rc_html_xrange xr)
{
    int n = xr.last - xr.first + 1, step = (n + 8) / 9;
    double cw = a->w / n, yb = a->y0 + a->h;
    for (int b = xr.first; b <= xr.last; b++) {
        if ((b - xr.first) % step != 0)
            continue;
        double x = a->x0 + cw * (b - xr.first);
        fprintf(f, "<line class=\"tick\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>"
                   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, x, yb, yb + 4, x, yb + 16);
        if (b == 0)
            fputs("0", f);
        else
            rc_html_pow(f, 2, b - 1);
        fputs("</text>\n", f);
    }
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">position (log scale; each column: "
               "[2<tspan dy=\"-5\" font-size=\"8\">k</tspan><tspan dy=\"5\">, 2</tspan>"
               "<tspan dy=\"-5\" font-size=\"8\">k+1</tspan><tspan dy=\"5\">))</tspan></text>\n",
            a->x0 + a->w / 2, yb + 32);
}

void rc_html_bucket_text(FILE *f, int b)
{
    if (b == 0)
        fputs("position 0", f);
    else if (b == RC_N_BUCKETS - 1)
        fprintf(f, "positions &#8805; 2^%d", b - 1);
    else
        fprintf(f, "positions [2^%d, 2^%d)", b - 1, b);
}
