/* The plot of a case's error against position: per position bucket, the
 * worst angle error and the worst magnitude error, each over its bound, and
 * the worst error of pairs judged otherwise (non-finite, or a zero pair). */
#include "report_html.h"

#include <math.h>
#include <string.h>

enum { S_ANGLE, S_MAG, S_OTHER, S_COUNT };

static const struct series {
    const char *cls, *color, *label, *what;
} series[S_COUNT] = {
    { "angle", RC_HTML_ANGLE, "angle", "angle error" },
    { "mag", RC_HTML_MAG, "magnitude", "magnitude error" },
    { "other", RC_HTML_OTHER, "other (non-finite or zero pair)", "error of a non-finite or zero pair" },
};

/* The worst error / bound in bucket b over all pair bands; -1 if unknown. */
static float bucket_ratio(const rc_metrics *m, int b)
{
    float v = -1.0f;
    for (int k = 0; m->heat && k < m->n_bands; k++)
        if (m->heat[k * RC_N_BUCKETS + b] > v || isnan(m->heat[k * RC_N_BUCKETS + b]))
            v = m->heat[k * RC_N_BUCKETS + b];
    return v;
}

/* The value of series s in bucket b, or -1: "other" only where the worst
 * error is neither the angle's nor the magnitude's. */
static float value(const rc_metrics *m, int s, int b)
{
    if (s == S_ANGLE)
        return m->bucket_angle[b];
    if (s == S_MAG)
        return m->bucket_mag[b];
    float r = bucket_ratio(m, b);
    return r > m->bucket_angle[b] && r > m->bucket_mag[b] ? r : -1.0f;
}

int rc_html_case_has_points(const rc_metrics *m)
{
    if (m->pair_count <= 0)
        return 0;
    for (int b = 0; b < RC_N_BUCKETS; b++)
        for (int s = 0; s < S_COUNT; s++)
            if (value(m, s, b) >= 0)
                return 1;
    return 0;
}

static void marker(FILE *f, int s, double x, double y, int b, float v)
{
    char buf[RC_FMT_LEN];
    rc_fmt_float(v, buf, sizeof buf);
    if (s == S_ANGLE)
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"", x, y);
    else if (s == S_MAG)
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\"", x - 4, y - 4);
    else
        fprintf(f, "<path d=\"M%.1f %.1fl5 5l-5 5l-5 -5z\"", x, y - 5);
    fprintf(f, " class=\"pt %s\" data-b=\"%d\" data-v=\"%s\"><title>", series[s].cls, b, buf);
    rc_html_bucket_text(f, b);
    fprintf(f, ": %s %s of its bound</title></%s>\n", series[s].what, buf,
            s == S_ANGLE ? "circle" : s == S_MAG ? "rect" : "path");
}

static void legend(FILE *f, const rc_html_axes *a)
{
    double x = a->x0;
    for (int s = 0; s < S_COUNT; s++) {
        fprintf(f, "<rect x=\"%.1f\" y=\"8\" width=\"9\" height=\"9\" fill=\"%s\"/>"
                   "<text x=\"%.1f\" y=\"16\">%s</text>\n", x, series[s].color, x + 13, series[s].label);
        x += 30 + 6.5 * (double)strlen(series[s].label);
    }
}

void rc_html_plot_position(FILE *f, const rc_metrics *m)
{
    rc_html_xrange xr = rc_html_case_buckets(m);
    float all[S_COUNT * RC_N_BUCKETS];
    for (int s = 0; s < S_COUNT; s++)
        for (int b = 0; b < RC_N_BUCKETS; b++)
            all[s * RC_N_BUCKETS + b] = value(m, s, b);
    rc_html_axes a = { 64, 28, 462, 170, 0, 0 };
    rc_html_y_range(all, sizeof all / sizeof all[0], &a.ylo, &a.yhi);
    rc_html_svg_open(f, "position", 540, 246, "error against position");
    legend(f, &a);
    rc_html_y_axis(f, &a, "error / bound");
    rc_html_x_axis(f, &a, xr);
    for (int s = 0; s < S_MAG + 1; s++) {   /* angle and magnitude: lines too */
        fprintf(f, "<polyline class=\"line\" stroke=\"%s\" points=\"", series[s].color);
        for (int b = xr.first; b <= xr.last; b++)
            if (all[s * RC_N_BUCKETS + b] >= 0)
                fprintf(f, "%.1f,%.1f ", rc_html_bucket_x(&a, xr, b), rc_html_y(&a, all[s * RC_N_BUCKETS + b]));
        fputs("\"/>\n", f);
    }
    for (int s = 0; s < S_COUNT; s++)
        for (int b = xr.first; b <= xr.last; b++)
            if (all[s * RC_N_BUCKETS + b] >= 0)
                marker(f, s, rc_html_bucket_x(&a, xr, b), rc_html_y(&a, all[s * RC_N_BUCKETS + b]), b,
                       all[s * RC_N_BUCKETS + b]);
    rc_html_frame(f, &a);
    fputs("</svg>\n", f);
}
