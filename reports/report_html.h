/* Internals of the HTML report (rc_report_html): the palette, the SVG
 * plots and the text escaping its files share.  The page is inline SVG and
 * CSS only: no script, no external reference. */
#ifndef RC_REPORT_HTML_H
#define RC_REPORT_HTML_H

#include <stdio.h>
#include "report.h"

/* Colour levels of error / bound, for heat map cells and margin bars: the
 * first level whose `upto` is >= the value (a value above 1 fails). */
typedef struct rc_html_level {
    double upto;
    const char *color;
    const char *label;
} rc_html_level;
extern const rc_html_level rc_html_levels[];
extern const int rc_html_n_levels;
int rc_html_level_of(float v);

/* Plot series colours, and the colour of every plot's frame, all distinct
 * from text and grid colours so a picture of the page can be checked for
 * data inside each frame (scripts/check-html-render.sh reads them from the
 * page's <meta name="rope-conform-plot-colors">). */
#define RC_HTML_ANGLE "#1f77b4"
#define RC_HTML_MAG "#e6550d"
#define RC_HTML_OTHER "#756bb1"
#define RC_HTML_FRAME "#203040"
void rc_html_colors_meta(FILE *f);

/* Untrusted text, escaped for HTML (RC_TEXT_HTML); the _n form cuts it
 * after at most max bytes, at a character boundary, with an ellipsis. */
void rc_html_text(FILE *f, const char *s);
void rc_html_text_n(FILE *f, const char *s, size_t max);
/* "2<tspan>k</tspan>" style label of a power of two, for SVG text. */
void rc_html_pow(FILE *f, int base, int exp);

/* A plot's frame: an <svg class="plot"> of width x height with its plot
 * area (x0, y0, w, h) framed, and the log-scale y axis of error / bound
 * from 10^ylo to 10^yhi, gridlines, labels and the bound line at 1. */
typedef struct rc_html_axes {
    double x0, y0, w, h;
    int ylo, yhi;
} rc_html_axes;
void rc_html_svg_open(FILE *f, const char *kind, int width, int height, const char *label);
void rc_html_frame(FILE *f, const rc_html_axes *a);
void rc_html_y_axis(FILE *f, const rc_html_axes *a, const char *title);
double rc_html_y(const rc_html_axes *a, double v);   /* clamped to the area */
/* The decades spanning the positive finite values among v[0..n) (and 1). */
void rc_html_y_range(const float *v, size_t n, int *ylo, int *yhi);

/* Position buckets shown on a case's x axis: first .. last holding data. */
typedef struct rc_html_xrange {
    int first, last;
} rc_html_xrange;
rc_html_xrange rc_html_case_buckets(const rc_metrics *m);
double rc_html_bucket_x(const rc_html_axes *a, rc_html_xrange xr, int b);  /* centre */
void rc_html_x_axis(FILE *f, const rc_html_axes *a, rc_html_xrange xr);
/* "positions [2^9, 2^10)" for a title. */
void rc_html_bucket_text(FILE *f, int b);

/* The plots of one case (each emitted only when it has data points):
 * error against position, and the pair band x position bucket heat map. */
int rc_html_case_has_points(const rc_metrics *m);
void rc_html_plot_position(FILE *f, const rc_metrics *m);
int rc_html_heat_has_cells(const rc_metrics *m);
void rc_html_plot_heat(FILE *f, const rc_metrics *m);

/* The margin of a passing run: per dtype, the worst error / bound over
 * RC_PAIR_BANDS bins of the pair index k / pair_count (0 = highest
 * frequency), from every case's band_max. */
typedef struct rc_html_margin {
    float bin[RC_PAIR_BANDS];
    size_t n_cases;
} rc_html_margin;
void rc_html_margin_of(const rc_results *r, rc_dtype dt, rc_html_margin *out);
void rc_html_plot_margin(FILE *f, rc_dtype dt, const rc_html_margin *mg);

/* "suite/name", escaped. */
void rc_html_case_name(FILE *f, const rc_case_result *c);

/* What the page does with each case: FAIL and WARN cases of a suite, FAIL
 * first, in run order: the first ones are shown with their plots, the next
 * ones in a table, the rest only counted.  malloc'd, one per case (caller
 * frees); NULL when out of memory. */
enum { RC_HTML_ROLE_NONE = 0, RC_HTML_ROLE_PLOTTED, RC_HTML_ROLE_LISTED };
#define RC_HTML_PLOTTED_PER_SUITE 8
#define RC_HTML_LISTED_PER_SUITE 50
unsigned char *rc_html_case_roles(const rc_results *r);

/* The run's sections: the failing and warning cases of each suite (anchors
 * "suite-NAME", "case-INDEX"; -1 when out of memory), and the margin of a
 * passing run. */
int rc_html_suite_sections(FILE *f, const rc_results *r, const unsigned char *role);
void rc_html_margin_section(FILE *f, const rc_results *r);

#endif
