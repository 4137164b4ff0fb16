/* The one bounded reader of input files (fileio.h). */
#include "fileio.h"
#include "escape.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rc_err_vformat(err, errlen, "", path, ": ", fmt, ap);
    va_end(ap);
    return -1;
}

static const char *kind_name(mode_t m)
{
    if (S_ISDIR(m)) return "a directory";
    if (S_ISFIFO(m)) return "a FIFO";
    if (S_ISCHR(m)) return "a character device";
    if (S_ISBLK(m)) return "a block device";
    if (S_ISSOCK(m)) return "a socket";
    return "not a regular file";
}

/* "64 MiB", or "1000 bytes" for a bound that is not whole MiB. */
static const char *limit_text(size_t max_bytes, char *buf, size_t n)
{
    if (max_bytes % ((size_t)1 << 20) == 0)
        snprintf(buf, n, "%zu MiB", max_bytes >> 20);
    else
        snprintf(buf, n, "%zu bytes", max_bytes);
    return buf;
}

/* Open path for reading without blocking (a FIFO with no writer would
 * block in open) and check what it is.  The descriptor, or -1. */
static int open_regular(const char *path, size_t max_bytes, struct stat *st, char *err, size_t errlen)
{
    if (!path || !*path)
        return fail(err, errlen, "", "no file name given");
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return fail(err, errlen, path, "cannot open: %s", strerror(errno));
    if (fstat(fd, st) != 0) {
        int e = errno;
        close(fd);
        return fail(err, errlen, path, "cannot read: %s", strerror(e));
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        return fail(err, errlen, path, "%s, not a regular file: refused as input",
                    kind_name(st->st_mode));
    }
    if ((unsigned long long)st->st_size > (unsigned long long)max_bytes) {
        char lim[48];
        close(fd);
        return fail(err, errlen, path, "%lld bytes, more than the limit of %s for this input",
                    (long long)st->st_size, limit_text(max_bytes, lim, sizeof lim));
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

int rc_input_check(const char *path, size_t max_bytes, char *err, size_t errlen)
{
    struct stat st;
    int fd = open_regular(path, max_bytes, &st, err, errlen);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

char *rc_read_file(const char *path, size_t max_bytes, size_t *len, char *err, size_t errlen)
{
    struct stat st;
    int fd = open_regular(path, max_bytes, &st, err, errlen);
    if (fd < 0)
        return NULL;
    /* The size may change under us: read at most max_bytes + 1. */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            size_t ncap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
            char *nb = ncap > cap ? realloc(buf, ncap + 1) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            close(fd);
            free(buf);
            fail(err, errlen, path, "read error: %s", strerror(e));
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    if (!buf) {
        fail(err, errlen, path, "%s", n >= max_bytes ? "grew past its size limit while being read"
                                                     : "out of memory");
        return NULL;
    }
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) {
        free(buf);
        fail(err, errlen, path, "contains a NUL byte: not a text file");
        return NULL;
    }
    if (len)
        *len = n;
    return buf;
}
