/* Locating rope-conform's own files (paths.h). */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RC_REL_LIBDIR
#define RC_REL_LIBDIR "../lib/rope-conform"
#endif
#ifndef RC_REL_DATADIR
#define RC_REL_DATADIR "../share/rope-conform"
#endif

static const struct {
    const char *env, *installed, *build, *holds;
} where[RC_PATH_KINDS] = {
    [RC_PATH_LIB] = { "ROPE_CONFORM_LIB_DIR", RC_REL_LIBDIR, "adapters",
                      "the reference adapter (librope_reference.so) and the catalogue mutants (catalogue/)" },
    [RC_PATH_DATA] = { "ROPE_CONFORM_DATA_DIR", RC_REL_DATADIR, "share/rope-conform",
                       "the documentation (docs/) and the frozen golden vectors (vectors/)" },
};

const char *rc_path_env(rc_path_kind kind)
{
    return where[kind].env;
}

const char *rc_path_holds(rc_path_kind kind)
{
    return where[kind].holds;
}

/* The directory holding the running executable ("." if unknown). */
static void exe_dir(char *buf, size_t n)
{
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) {
        snprintf(buf, n, ".");
        return;
    }
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == exe)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    snprintf(buf, n, "%s", slash ? exe : ".");
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *rc_path(rc_path_kind kind, const char *rel, char *buf, size_t n)
{
    char dir[PATH_MAX + 64];
    const char *env = getenv(where[kind].env);
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
    } else {
        char base[PATH_MAX];
        exe_dir(base, sizeof base);
        snprintf(dir, sizeof dir, "%s/%s", base, where[kind].installed);
        if (!is_dir(dir))
            snprintf(dir, sizeof dir, "%s/%s", base, where[kind].build);
        char canon[PATH_MAX];
        if (realpath(dir, canon)) /* bin/../lib -> lib, for messages */
            snprintf(dir, sizeof dir, "%s", canon);
    }
    if (rel && *rel)
        snprintf(buf, n, "%s/%s", dir, rel);
    else
        snprintf(buf, n, "%s", dir);
    return buf;
}
