/* Atomic report files: readers (CI uploaders, a concurrent --baseline)
 * never see a half-written report, and a failed write leaves no litter. */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static int fail(char *err, size_t errlen, const char *path, const char *what, int e)
{
    if (err && errlen)
        snprintf(err, errlen, "cannot %s report '%s': %s", what, path, strerror(e));
    return -1;
}

int rc_atomic_open(rc_atomic_file *a, const char *path, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    if (!path || !*path)
        return fail(err, errlen, "", "write", EINVAL);
    if (strlen(path) >= sizeof a->path)
        return fail(err, errlen, path, "write", ENAMETOOLONG);
    strcpy(a->path, path);
    /* Same directory as PATH, so rename() never crosses file systems. */
    snprintf(a->tmp, sizeof a->tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(a->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return fail(err, errlen, path, "write", errno);
    a->f = fdopen(fd, "w");
    if (!a->f) {
        int e = errno;
        close(fd);
        unlink(a->tmp);
        return fail(err, errlen, path, "write", e);
    }
    return 0;
}

void rc_atomic_abort(rc_atomic_file *a)
{
    if (a->f) {
        fclose(a->f);
        a->f = NULL;
    }
    if (a->tmp[0])
        unlink(a->tmp);
    a->tmp[0] = '\0';
}

int rc_atomic_commit(rc_atomic_file *a, char *err, size_t errlen)
{
    int e = 0;
    errno = 0;
    if (fflush(a->f) != 0 || ferror(a->f))
        e = errno ? errno : EIO;
    else if (fsync(fileno(a->f)) != 0 && errno != EINVAL && errno != EROFS)
        e = errno;   /* EINVAL/EROFS: a pipe-like or special file system */
    if (e) {
        rc_atomic_abort(a);
        return fail(err, errlen, a->path, "write", e);
    }
    FILE *f = a->f;
    a->f = NULL;
    if (fclose(f) != 0) {
        e = errno;
        rc_atomic_abort(a);
        return fail(err, errlen, a->path, "write", e);
    }
    if (rename(a->tmp, a->path) != 0) {
        e = errno;
        rc_atomic_abort(a);
        return fail(err, errlen, a->path, "replace", e);
    }
    a->tmp[0] = '\0';
    /* Persist the rename too; failure here loses nothing already visible. */
    char dir[sizeof a->path];
    strcpy(dir, a->path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

int rc_report_write_file(const rc_results *r, const char *path, rc_report_stream_fn write,
                         const void *ctx, char *err, size_t errlen)
{
    rc_atomic_file a;
    if (rc_atomic_open(&a, path, err, errlen) != 0)
        return -1;
    errno = 0;
    if (write(r, a.f, ctx) != 0 || ferror(a.f)) {
        int e = errno ? errno : EIO;
        rc_atomic_abort(&a);
        return fail(err, errlen, path, "write", e);
    }
    return rc_atomic_commit(&a, err, errlen);
}
