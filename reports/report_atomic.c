/* Report files through the one atomic writer (atomic.h). */
#include "report.h"

typedef struct report_stream {
    const rc_results *r;
    rc_report_stream_fn write;
    const void *ctx;
} report_stream;

static int stream_cb(FILE *f, const void *ctx)
{
    const report_stream *s = ctx;
    return s->write(s->r, f, s->ctx);
}

int rc_report_write_file(const rc_results *r, const char *path, rc_report_stream_fn write,
                         const void *ctx, char *err, size_t errlen)
{
    const report_stream s = { r, write, ctx };
    return rc_atomic_write(path, stream_cb, &s, err, errlen);
}
