/* Check a screenshot of a rope-conform HTML report: the picture is not
 * blank, it shows every plot of the page, and each plot has data points.
 *
 *   png_check REPORT.html SHOT.png
 *
 * The page names its plot colours in <meta name="rope-conform-plot-colors"
 * content="frame #RRGGBB; data #RRGGBB ...">.  Every plot is framed by a
 * one-pixel rectangle of the frame colour; a data point is a pixel of a
 * data colour inside a frame (markers, heat map cells and bars are drawn
 * with those exact colours; lines, text and grid use others).  Exit 0 when
 * every check holds, 1 when one fails (one line says which), 2 on bad
 * input.  Built by scripts/check-html-render.sh with libpng. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLORS 32
#define MAX_FRAMES 4096
#define MIN_EDGE 30        /* frames are at least this wide and tall */
#define MIN_DATA_PIXELS 6

typedef struct img {
    int w, h;
    unsigned char *px;     /* RGB */
} img;

static unsigned rgb_at(const img *im, int x, int y)
{
    const unsigned char *p = im->px + 3 * ((size_t)y * (size_t)im->w + (size_t)x);
    return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *s = malloc(cap);
    while (s) {
        n += fread(s + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *t = realloc(s, cap * 2);
        if (!t)
            free(s);
        s = t;
        cap *= 2;
    }
    fclose(f);
    if (s)
        s[n] = '\0';
    return s;
}

/* frame and data colours from the page's meta element */
static int read_colors(const char *html, unsigned *frame, unsigned *data, int *n_data)
{
    static const char key[] = "name=\"rope-conform-plot-colors\" content=\"";
    const char *m = strstr(html, key);
    if (!m)
        return -1;
    m += sizeof key - 1;
    const char *end = strchr(m, '"');
    const char *f = strstr(m, "frame #"), *d = strstr(m, "data ");
    if (!end || !f || !d || f > end || d > end || sscanf(f, "frame #%6x", frame) != 1)
        return -1;
    *n_data = 0;
    for (const char *p = strchr(d, '#'); p && p < end && *n_data < MAX_COLORS; p = strchr(p + 1, '#'))
        if (sscanf(p, "#%6x", &data[*n_data]) == 1)
            (*n_data)++;
    return *n_data > 0 ? 0 : -1;
}

static size_t count_plots(const char *html)
{
    size_t n = 0;
    for (const char *p = strstr(html, "<svg class=\"plot "); p; p = strstr(p + 1, "<svg class=\"plot "))
        n++;
    return n;
}

typedef struct run {
    int y, x0, x1, used;
} run;

typedef struct frame_box {
    int x0, y0, x1, y1;
} frame_box;

/* Horizontal runs of the frame colour at least MIN_EDGE long. */
static size_t find_runs(const img *im, unsigned frame, run *runs, size_t cap)
{
    size_t n = 0;
    for (int y = 0; y < im->h; y++)
        for (int x = 0; x < im->w;) {
            if (rgb_at(im, x, y) != frame) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < im->w && rgb_at(im, x, y) == frame)
                x++;
            if (x - x0 >= MIN_EDGE && n < cap)
                runs[n++] = (run){ y, x0, x - 1, 0 };
        }
    return n;
}

/* A frame: a top run and the next run below it with the same ends, joined
 * by left and right columns of the frame colour. */
static size_t find_frames(const img *im, unsigned frame, run *runs, size_t nr, frame_box *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < nr && n < cap; i++) {
        if (runs[i].used)
            continue;
        for (size_t j = i + 1; j < nr; j++) {
            if (runs[j].used || runs[j].x0 != runs[i].x0 || runs[j].x1 != runs[i].x1 || runs[j].y - runs[i].y < MIN_EDGE)
                continue;
            int ok = 1;
            for (int y = runs[i].y; y <= runs[j].y && ok; y++)
                ok = rgb_at(im, runs[i].x0, y) == frame && rgb_at(im, runs[i].x1, y) == frame;
            if (!ok)
                continue;
            runs[i].used = runs[j].used = 1;
            out[n++] = (frame_box){ runs[i].x0, runs[i].y, runs[i].x1, runs[j].y };
            break;
        }
    }
    return n;
}

static size_t data_pixels(const img *im, const frame_box *b, const unsigned *data, int n_data)
{
    size_t n = 0;
    for (int y = b->y0 + 1; y < b->y1; y++)
        for (int x = b->x0 + 1; x < b->x1; x++) {
            unsigned c = rgb_at(im, x, y);
            for (int k = 0; k < n_data; k++)
                if (c == data[k]) {
                    n++;
                    break;
                }
        }
    return n;
}

/* Blank: (nearly) one colour.  Returns the share of non-white pixels and
 * the number of distinct colours among a sample. */
static double ink(const img *im, int *distinct)
{
    size_t non_white = 0, total = (size_t)im->w * (size_t)im->h;
    unsigned seen[64];
    int ns = 0;
    for (size_t i = 0; i < total; i++) {
        const unsigned char *p = im->px + 3 * i;
        unsigned c = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
        non_white += c != 0xffffff;
        if (i % 97 == 0 && ns < 64) {
            int k = 0;
            while (k < ns && seen[k] != c)
                k++;
            if (k == ns)
                seen[ns++] = c;
        }
    }
    *distinct = ns;
    return total ? (double)non_white / (double)total : 0.0;
}

static int load_png(const char *path, img *im)
{
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&pi, path))
        return -1;
    pi.format = PNG_FORMAT_RGB;
    im->w = (int)pi.width;
    im->h = (int)pi.height;
    im->px = malloc(PNG_IMAGE_SIZE(pi));
    if (!im->px || !png_image_finish_read(&pi, NULL, im->px, 0, NULL)) {
        png_image_free(&pi);
        free(im->px);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: png_check REPORT.html SHOT.png\n");
        return 2;
    }
    char *html = slurp(argv[1]);
    unsigned frame, data[MAX_COLORS];
    int n_data;
    img im;
    if (!html || read_colors(html, &frame, data, &n_data) != 0) {
        fprintf(stderr, "png_check: %s: not a rope-conform HTML report with plot colours\n", argv[1]);
        return 2;
    }
    if (load_png(argv[2], &im) != 0) {
        fprintf(stderr, "png_check: %s: cannot read the PNG\n", argv[2]);
        return 2;
    }
    size_t want = count_plots(html);
    free(html);
    int distinct;
    double share = ink(&im, &distinct);
    int rc = 0;
    if (share < 0.005 || distinct < 8) {
        printf("%s: blank (%.2f%% of pixels not white, %d colours sampled)\n", argv[2], 100 * share, distinct);
        rc = 1;
    }
    run *runs = malloc(sizeof *runs * 65536);
    frame_box *boxes = malloc(sizeof *boxes * MAX_FRAMES);
    size_t nr = runs ? find_runs(&im, frame, runs, 65536) : 0;
    size_t nf = boxes ? find_frames(&im, frame, runs, nr, boxes, MAX_FRAMES) : 0;
    size_t least = (size_t)-1;
    for (size_t i = 0; i < nf; i++) {
        size_t d = data_pixels(&im, &boxes[i], data, n_data);
        if (d < least)
            least = d;
        if (d < MIN_DATA_PIXELS) {
            printf("%s: the plot framed at (%d, %d)-(%d, %d) has no data points (%zu data pixels)\n", argv[2],
                   boxes[i].x0, boxes[i].y0, boxes[i].x1, boxes[i].y1, d);
            rc = 1;
        }
    }
    if (nf != want) {
        printf("%s: %zu plot frames in the picture, the page has %zu plots\n", argv[2], nf, want);
        rc = 1;
    }
    if (rc == 0)
        printf("%s: %dx%d, %.1f%% ink, %zu plots, each with data points (at least %zu data pixels)\n", argv[2],
               im.w, im.h, 100 * share, nf, nf ? least : 0);
    free(runs);
    free(boxes);
    free(im.px);
    return rc;
}
