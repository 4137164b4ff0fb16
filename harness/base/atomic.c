/* Output files (atomic.h): a regular file is replaced atomically, so
 * readers (CI uploaders, a concurrent --baseline) never see a half-written
 * report and a failed write leaves no litter; anything else is written in
 * place. */
#include "atomic.h"
#include "escape.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* How long a FIFO target may go without a reader before the write fails. */
#define RC_FIFO_WAIT_MS 10000

int rc_report_std_fd(const char *path)
{
    static const char *const prefixes[] = { "/dev/fd/", "/proc/self/fd/" };
    if (strcmp(path, "/dev/stdout") == 0)
        return STDOUT_FILENO;
    if (strcmp(path, "/dev/stderr") == 0)
        return STDERR_FILENO;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t k = strlen(prefixes[i]);
        if (strncmp(path, prefixes[i], k) != 0 || path[k] == '\0')
            continue;
        char *end;
        errno = 0;
        long fd = strtol(path + k, &end, 10);
        if (*end == '\0' && errno == 0 && path[k] >= '0' && path[k] <= '9' && fd <= INT_MAX)
            return (int)fd;
    }
    return -1;
}

static int fail(char *err, size_t errlen, const char *path, const char *what, int e)
{
    if (err && errlen) {
        snprintf(err, errlen, "cannot %s report '%s': %s", what, path, strerror(e));
        rc_escape_inplace(err, errlen);
    }
    return -1;
}

/* Open a device or FIFO in place.  O_NONBLOCK so that a FIFO without a
 * reader fails (ENXIO) instead of blocking: wait for one a bounded time. */
static int open_in_place(const char *path)
{
    for (int waited = 0;; waited += 10) {
        int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd >= 0) {
            int fl = fcntl(fd, F_GETFL);
            if (fl >= 0)
                fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
            return fd;
        }
        if (errno != ENXIO || waited >= RC_FIFO_WAIT_MS)
            return -1;
        struct timespec ts = { 0, 10 * 1000 * 1000 };
        nanosleep(&ts, NULL);
    }
}

static int open_direct(rc_atomic_file *a, int fd, char *err, size_t errlen)
{
    a->direct = 1;
    a->f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!a->f) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        if (e == ENXIO && err && errlen) {   /* a FIFO nobody opened */
            snprintf(err, errlen, "cannot write report '%s': no reader opened the FIFO within %d s",
                     a->path, RC_FIFO_WAIT_MS / 1000);
            rc_escape_inplace(err, errlen);
            return -1;
        }
        return fail(err, errlen, a->path, "write", e);
    }
    return 0;
}

int rc_atomic_open(rc_atomic_file *a, const char *path, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    if (!path || !*path)
        return fail(err, errlen, "", "write", EINVAL);
    if (strlen(path) >= sizeof a->path)
        return fail(err, errlen, path, "write", ENAMETOOLONG);
    strcpy(a->path, path);
    int std = rc_report_std_fd(path);
    if (std >= 0) {
        fflush(NULL);   /* what this process already wrote comes first */
        return open_direct(a, fcntl(std, F_DUPFD_CLOEXEC, 3), err, errlen);
    }
    struct stat st, lst;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return fail(err, errlen, path, "write", EISDIR);
        return open_direct(a, open_in_place(path), err, errlen);
    }
    /* Through symbolic links, replace the file they name, not the link. */
    char real[PATH_MAX];
    const char *target = path;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && realpath(path, real))
        target = real;
    if (strlen(target) >= sizeof a->target)
        return fail(err, errlen, path, "write", ENAMETOOLONG);
    strcpy(a->target, target);
    /* Same directory as the target, so rename() never crosses file systems. */
    snprintf(a->tmp, sizeof a->tmp, "%s.tmp.%ld", target, (long)getpid());
    int fd = open(a->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        a->tmp[0] = '\0';
        return fail(err, errlen, path, "write", errno);
    }
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

/* Persist a rename; failure here loses nothing already visible. */
static void sync_dir_of(const char *file)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", file);
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
}

int rc_atomic_commit(rc_atomic_file *a, char *err, size_t errlen)
{
    int e = 0;
    errno = 0;
    if (fflush(a->f) != 0 || ferror(a->f))
        e = errno ? errno : EIO;
    else if (!a->direct && fsync(fileno(a->f)) != 0 && errno != EINVAL && errno != EROFS)
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
    if (a->direct)
        return 0;
    if (rename(a->tmp, a->target) != 0) {
        e = errno;
        rc_atomic_abort(a);
        return fail(err, errlen, a->path, "replace", e);
    }
    a->tmp[0] = '\0';
    sync_dir_of(a->target);
    return 0;
}

int rc_atomic_write(const char *path, rc_stream_fn write, const void *ctx, char *err,
                    size_t errlen)
{
    rc_atomic_file a;
    if (rc_atomic_open(&a, path, err, errlen) != 0)
        return -1;
    errno = 0;
    if (write(a.f, ctx) != 0 || ferror(a.f)) {
        int e = errno ? errno : EIO;
        rc_atomic_abort(&a);
        return fail(err, errlen, path, "write", e);
    }
    return rc_atomic_commit(&a, err, errlen);
}

static int text_cb(FILE *f, const void *ctx)
{
    const char *const *t = ctx;
    return fwrite(t[0], 1, (size_t)(t[1] - t[0]), f) == (size_t)(t[1] - t[0]) ? 0 : -1;
}

int rc_write_text_file(const char *path, const char *text, size_t len, char *err, size_t errlen)
{
    const char *span[2] = { text, text + len };
    return rc_atomic_write(path, text_cb, span, err, errlen);
}
