/* Report targets, checked before a run: a report that cannot be written
 * must stop the run at once (exit 2), not after it (exit 3).  The same
 * classification decides how rc_atomic_open writes: atomically for a
 * regular file, directly for anything else. */
#include "report.h"
#include "escape.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failf(char *err, size_t errlen, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int failf(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rc_err_vformat(err, errlen, "cannot write report '", path, "': ", fmt, ap);
    va_end(ap);
    return -1;
}

/* What a target is, for telling two targets apart: the file itself when it
 * exists, else its directory and its name. */
typedef struct target_id {
    int exists;
    dev_t dev;
    ino_t ino;
    const char *name;
} target_id;

static void dir_of(const char *path, char *dir, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, n, ".");
    else if (slash == path)
        snprintf(dir, n, "/");
    else
        snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

static int check_std_fd(const char *path, int fd, target_id *id, char *err, size_t errlen)
{
    int fl = fcntl(fd, F_GETFL);
    struct stat st;
    if (fl < 0 || fstat(fd, &st) != 0)
        return failf(err, errlen, path, "descriptor %d is not open", fd);
    if ((fl & O_ACCMODE) == O_RDONLY)
        return failf(err, errlen, path, "descriptor %d is not open for writing", fd);
    id->exists = 1;
    id->dev = st.st_dev;
    id->ino = st.st_ino;
    return 0;
}

/* A directory the atomic writer can create its temp file in. */
static int check_dir(const char *path, const char *dir, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return failf(err, errlen, path, "directory '%s': %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return failf(err, errlen, path, "'%s' is not a directory", dir);
    if (access(dir, W_OK | X_OK) != 0)
        return failf(err, errlen, path, "directory '%s' is not writable: %s", dir, strerror(errno));
    return 0;
}

static int check_one(const char *path, target_id *id, char *err, size_t errlen)
{
    memset(id, 0, sizeof *id);
    if (!*path)
        return failf(err, errlen, path, "empty file name");
    int fd = rc_report_std_fd(path);
    if (fd >= 0)
        return check_std_fd(path, fd, id, err, errlen);
    if (path[strlen(path) - 1] == '/')
        return failf(err, errlen, path, "names a directory");
    char dir[4096];
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno != ENOENT)
            return failf(err, errlen, path, "%s", strerror(errno));
        if (lstat(path, &st) == 0)
            return failf(err, errlen, path, "a symbolic link to nothing");
        dir_of(path, dir, sizeof dir);
        if (check_dir(path, dir, err, errlen) != 0 || stat(dir, &st) != 0)
            return -1;
        const char *slash = strrchr(path, '/');
        id->name = slash ? slash + 1 : path;
        id->dev = st.st_dev;
        id->ino = st.st_ino;
        return 0;
    }
    id->exists = 1;
    id->dev = st.st_dev;
    id->ino = st.st_ino;
    if (S_ISDIR(st.st_mode))
        return failf(err, errlen, path, "it is a directory");
    if (S_ISSOCK(st.st_mode))
        return failf(err, errlen, path, "it is a socket");
    if (!S_ISREG(st.st_mode))   /* a device or FIFO: written in place */
        return access(path, W_OK) == 0 ? 0 : failf(err, errlen, path, "%s", strerror(errno));
    /* a regular file (perhaps through links): replaced in its directory */
    char real[PATH_MAX];
    if (!realpath(path, real))
        return failf(err, errlen, path, "%s", strerror(errno));
    dir_of(real, dir, sizeof dir);
    return check_dir(path, dir, err, errlen);
}

static int same_target(const target_id *a, const target_id *b)
{
    if (a->exists != b->exists || a->dev != b->dev || a->ino != b->ino)
        return 0;
    return a->exists || strcmp(a->name, b->name) == 0;
}

int rc_report_targets_check(const char *const paths[], size_t n, char *err, size_t errlen)
{
    target_id *ids = calloc(n ? n : 1, sizeof *ids);
    if (!ids)
        return failf(err, errlen, "", "out of memory");
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (!paths[i])
            continue;
        rc = check_one(paths[i], &ids[i], err, errlen);
        for (size_t j = 0; j < i && rc == 0; j++)
            if (paths[j] && same_target(&ids[i], &ids[j]))
                rc = failf(err, errlen, paths[i], "'%s' names the same file: one report per file",
                           paths[j]);
    }
    free(ids);
    return rc;
}

int rc_report_targets_exclude(const char *const paths[], size_t n, const char *input,
                              char *err, size_t errlen)
{
    struct stat in, st;
    if (!input || stat(input, &in) != 0)
        return 0;   /* the reader reports a missing input */
    for (size_t i = 0; i < n; i++)
        if (paths[i] && stat(paths[i], &st) == 0 && st.st_dev == in.st_dev && st.st_ino == in.st_ino)
            return failf(err, errlen, paths[i], "it is also the input '%s', which it would replace",
                         input);
    return 0;
}
