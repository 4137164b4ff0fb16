/* What a candidate is, asked of a contained worker child: it loads the
 * shared object, reads the table and sends back a bounded copy.  The
 * candidate is never loaded into this process, so its constructors,
 * destructors, atexit handlers and bad pointers can only break the child;
 * each way of breaking becomes a one-line error naming the file. */
#include "loader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "default_params.h"
#include "sandbox_impl.h"

#define RC_ADAPTER_V1_SIZE (offsetof(rc_adapter, last_error) + sizeof(void (*)(void)))
#define RC_LOAD_TIMEOUT_S 30.0

static void one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = ' ';
}

/* The table's facts, checked; "" when usable. */
static void check_info(const rc_cand_info *in, const char *path, char *msg, size_t n)
{
    msg[0] = '\0';
    if (in->abi_version != RC_ABI_VERSION)
        snprintf(msg, n, "%s: built for ABI %u, this harness speaks %d; rebuild the adapter "
                 "against this harness's include/rope_conform/adapter.h", path,
                 (unsigned)in->abi_version, RC_ABI_VERSION);
    else if (in->struct_size < RC_ADAPTER_V1_SIZE)
        snprintf(msg, n, "%s: struct_size %u is smaller than the ABI %d table (%zu bytes); "
                 "set struct_size = sizeof(rc_adapter)", path, (unsigned)in->struct_size,
                 RC_ABI_VERSION, (size_t)RC_ADAPTER_V1_SIZE);
    else if (in->abi_minor < 0 || in->abi_minor > RC_ABI_MINOR)
        snprintf(msg, n, "%s: wrote something that is not the harness's reply while being "
                 "loaded (ABI minor %d)", path, (int)in->abi_minor);
    else if (in->has_defaults == -2)
        snprintf(msg, n, "%s: default_params are invalid: rotary_dim %d is out of range", path,
                 (int)in->defaults.params.rotary_dim);
    else if (in->missing[0])
        snprintf(msg, n, "%s: required function %.15s is NULL; init, fini, supports, apply and "
                 "last_error must all be set (see docs/abi.md)", path, in->missing);
    else if (in->has_defaults < 0)
        snprintf(msg, n, "%s: name is NULL; set name to a short identifier", path);
}

/* default_params through the same validation as --config. */
static int take_defaults(rc_candidate *c, const rc_cand_info *in, char *err, size_t errlen)
{
    if (in->has_defaults != 1)
        return 0;
    rc_config *d = &c->defaults;
    *d = in->defaults;
    d->params.struct_size = sizeof d->params;
    rc_config_rebind(d);
    char why[400];
    if (rc_params_validate(&d->params, why, sizeof why) != 0) {
        one_line(why);
        snprintf(err, errlen, "%s: default_params are invalid: %s", c->path, why);
        return -1;
    }
    c->has_defaults = 1;
    return 0;
}

static const char *stage_where(int phase)
{
    return phase == RC_PH_LOAD_OPEN ? "while being loaded (in a constructor)"
         : phase == RC_PH_LOAD_ENTRY ? "in " RC_ADAPTER_SYMBOL "()"
         : "while its table was read (a bad name, version or default_params pointer?)";
}

/* A worker that did not send READY: say why in one line. */
static void explain_how(const char *path, const char *dlpath, rc_await a, const rc_rep *rep,
                        int status, char *err, size_t errlen);

/* Why it failed, and the start of what it printed (often the reason). */
static void explain(const char *path, const char *dlpath, rc_await a, const rc_rep *rep,
                    int status, const rc_capture *cap, char *err, size_t errlen)
{
    explain_how(path, dlpath, a, rep, status, err, errlen);
    size_t len = strlen(err);
    if (cap->kept && len + 32 < errlen) {
        snprintf(err + len, errlen - len, "; it printed: %.300s", cap->text);
        one_line(err + len);
    }
}

static void explain_how(const char *path, const char *dlpath, rc_await a, const rc_rep *rep,
                        int status, char *err, size_t errlen)
{
    char text[sizeof rep->text + 1];
    memcpy(text, rep->text, sizeof rep->text);
    text[sizeof rep->text] = '\0';
    one_line(text);
    int phase = rep->magic == RC_PROTO_MAGIC ? rep->phase : RC_PH_LOAD_OPEN;
    const char *advice = phase == RC_PH_LOAD_OPEN
        ? "check the library's constructors and static initialisers"
        : "the entry function must only return a pointer to a static table";
    if (a == RC_AWAIT_REPLY && rep->type == RC_REP_LOADFAIL) {
        if (strncmp(text, "dlopen: ", 8) == 0 && (strchr(path, '/') || access(dlpath, F_OK) == 0))
            snprintf(err, errlen, "%s: not a loadable shared object (%s); build the candidate "
                     "with -shared -fPIC for this machine", path, text + 8);
        else if (strncmp(text, "dlopen: ", 8) == 0)
            snprintf(err, errlen, "%s: no such file, and the dynamic linker found no library of "
                     "that name (%s); give the path to the candidate", path, text + 8);
        else if (strncmp(text, "no symbol", 9) == 0)
            snprintf(err, errlen, "%s: symbol " RC_ADAPTER_SYMBOL " not found; is this an "
                     "adapter? see docs/abi.md", path);
        else if (strstr(text, "returned NULL"))
            snprintf(err, errlen, "%s: " RC_ADAPTER_SYMBOL "() returned NULL; it must return a "
                     "pointer to a static rc_adapter table (see docs/abi.md)", path);
        else
            snprintf(err, errlen, "%s: %s", path, text);
    } else if (a == RC_AWAIT_TIMEOUT) {
        snprintf(err, errlen, "%s: hung %s, killed after %.0f s; %s", path, stage_where(phase),
                 RC_LOAD_TIMEOUT_S, advice);
    } else if (rep->magic == RC_PROTO_MAGIC && rep->type == RC_REP_FAULT) {
        snprintf(err, errlen, "%s: crashed %s with %s; %s", path, stage_where(phase),
                 rc_signal_name(rep->signo), advice);
    } else if (a == RC_AWAIT_DIED && WIFSIGNALED(status)) {
        snprintf(err, errlen, "%s: crashed %s with %s; %s", path, stage_where(phase),
                 rc_signal_name(WTERMSIG(status)), advice);
    } else if (a == RC_AWAIT_DIED) {
        snprintf(err, errlen, "%s: exited with status %d %s; %s", path,
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1, stage_where(phase), advice);
    } else {
        snprintf(err, errlen, "%s: wrote something that is not the harness's reply while being "
                 "loaded", path);
    }
}

/* Ask a worker what the table says; with keep, a worker that answered is
 * left running there (under lim) instead of being ended. */
static int ask(rc_candidate *c, const char *dlpath, const rc_limits *lim, rc_link *keep,
               char *err, size_t errlen)
{
    rc_link l;
    if (rc_link_spawn(&l, c, lim) != 0) {
        snprintf(err, errlen, "%s: cannot start a process to load it: %s", c->path, strerror(errno));
        return -1;
    }
    static _Thread_local rc_cand_info info;
    rc_rep rep;
    rc_capture cap = {{0}, 0, 0};
    rc_await a = rc_link_transact(&l, NULL, NULL, 0, &rep, &info, sizeof info, RC_LOAD_TIMEOUT_S,
                                  RC_LOAD_TIMEOUT_S, &cap, NULL);
    int status = l.status, ready = a == RC_AWAIT_REPLY && rep.type == RC_REP_READY;
    if (ready)
        check_info(&info, c->path, err, errlen);
    if (ready && keep && !(errlen && err[0]))
        *keep = l;
    else if (ready)
        rc_link_close(&l, 0.0);
    else if (l.pid && !l.reaped)
        rc_link_kill(&l);
    if (!ready) {
        explain(c->path, dlpath, a, &rep, status, &cap, err, errlen);
        return -1;
    }
    if (errlen && err[0])
        return -1;
    c->abi_version = info.abi_version;
    c->struct_size = info.struct_size;
    c->abi_minor = info.abi_minor;
    c->has_backward = info.has_backward;
    c->has_cos_sin = info.has_cos_sin;
    memcpy(c->name, info.name, sizeof c->name);
    memcpy(c->version, info.version, sizeof c->version);
    c->name[sizeof c->name - 1] = c->version[sizeof c->version - 1] = '\0';
    if (take_defaults(c, &info, err, errlen) == 0)
        return 0;
    if (keep) {
        rc_link_kill(keep);
        keep->pid = 0;
    }
    return -1;
}

static int load(const char *path, rc_candidate *c, const rc_limits *lim, rc_link *keep,
                char *err, size_t errlen);

int rc_candidate_load(const char *path, rc_candidate *c, char *err, size_t errlen)
{
    rc_limits lim;
    rc_limits_default(&lim);
    return load(path, c, &lim, NULL, err, errlen);
}

int rc_candidate_load_open(const char *path, const rc_limits *lim, rc_candidate *c,
                           rc_sandbox **sb, char *err, size_t errlen)
{
    rc_link l;
    memset(&l, 0, sizeof l);
    *sb = NULL;
    if (load(path, c, lim, &l, err, errlen) != 0)
        return -1;
    /* the worker holds c's path as it was while loading: the same file */
    *sb = rc_sandbox_open_loaded(c, lim, &l);
    if (!*sb)
        rc_link_kill(&l);
    return 0;
}

static int load(const char *path, rc_candidate *c, const rc_limits *lim, rc_link *keep,
                char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (errlen)
        err[0] = '\0';
    if (!path || !path[0]) {
        snprintf(err, errlen, "(empty path): no candidate given; pass the path to a candidate "
                 "shared object");
        return -1;
    }
    if (strlen(path) + 3 >= sizeof c->path) {
        snprintf(err, errlen, "%.64s...: path too long (%zu bytes, limit %zu)", path,
                 strlen(path), sizeof c->path - 3);
        return -1;
    }
    /* dlopen treats a bare name as a library to search for; an existing file
     * in the working directory is what a user means, so prefer it. */
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (strchr(path, '/') && !exists) {
        snprintf(err, errlen, "%s: file does not exist; check the path to the candidate "
                 "shared object", path);
        return -1;
    }
    char dlpath[sizeof c->path];
    snprintf(dlpath, sizeof dlpath, "%s%s", !strchr(path, '/') && exists ? "./" : "", path);
    snprintf(c->path, sizeof c->path, "%s", dlpath);
    int rc = ask(c, dlpath, lim, keep, err, errlen);
    snprintf(c->path, sizeof c->path, "%s", path);
    if (rc != 0) {
        memset(c, 0, sizeof *c);
        return -1;
    }
    /* the worker loads what dlopen finds: keep the path it was given */
    snprintf(c->path, sizeof c->path, "%s", dlpath);
    return 0;
}

void rc_candidate_builtin(rc_candidate *c, const char *label, const rc_adapter *table)
{
    memset(c, 0, sizeof *c);
    snprintf(c->path, sizeof c->path, "%s", label);
    c->builtin = table;
    snprintf(c->name, sizeof c->name, "%s", table->name ? table->name : label);
    snprintf(c->version, sizeof c->version, "%s", table->version ? table->version : "");
    c->abi_version = table->abi_version;
    c->struct_size = table->struct_size;
    c->abi_minor = rc_adapter_abi_minor(table);
    c->has_backward = table->backward != NULL;
    c->has_cos_sin = table->cos_sin != NULL;
}

void rc_candidate_unload(rc_candidate *c)
{
    if (c)
        c->has_defaults = 0;
}
