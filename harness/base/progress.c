/* Progress lines (progress.h). */
#include "progress.h"

#include <time.h>
#include <unistd.h>

double rc_progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void rc_progress_start(rc_progress *p, FILE *f, const char *what, size_t total)
{
    p->f = f;
    p->tty = f && isatty(fileno(f));
    p->what = what;
    p->total = total;
    p->done = p->failed = 0;
    p->start = p->last = rc_progress_now();
}

void rc_progress_update(rc_progress *p, size_t done, size_t failed, const char *label)
{
    p->done = done;
    p->failed = failed;
    if (!p->f)
        return;
    double now = rc_progress_now();
    if (p->tty) {
        if (now - p->last < 0.1 && done < p->total)
            return;
        int width = 30, fill = p->total ? (int)(done * (size_t)width / p->total) : width;
        fprintf(p->f, "\r[%.*s%*s] %zu/%zu %s, %zu failing  %-14.14s", fill,
                "##############################", width - fill, "", done, p->total, p->what,
                failed, label ? label : "");
    } else {
        if (now - p->last < RC_PROGRESS_PERIOD)
            return;
        fprintf(p->f, "rope-conform: %zu/%zu %s done, %zu failing so far (%.0f s)\n", done,
                p->total, p->what, failed, now - p->start);
    }
    p->last = now;
    fflush(p->f);
}

void rc_progress_end(rc_progress *p)
{
    if (!p->f)
        return;
    if (p->tty)
        fputs("\r\033[K", p->f);
    else if (rc_progress_now() - p->start >= RC_PROGRESS_PERIOD)
        fprintf(p->f, "rope-conform: %zu/%zu %s done, %zu failing (%.0f s)\n", p->done, p->total,
                p->what, p->failed, rc_progress_now() - p->start);
    fflush(p->f);
}
