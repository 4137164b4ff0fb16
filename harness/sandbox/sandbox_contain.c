/* Least privilege for a child that runs candidate code, by construction:
 * its own process group (so the parent can kill everything it forks), death
 * with its parent, resource limits, no_new_privs, no capabilities (libcap-ng)
 * and a seccomp filter (libseccomp) that refuses ptrace, reading or writing
 * other processes' memory, leaving its process group, and signals to any
 * process but its own group and its own threads. */
#define _GNU_SOURCE
#include "sandbox_impl.h"

#include <cap-ng.h>
#include <errno.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

static int set_limit(int res, uint64_t v)
{
    if (!v)
        return 0;
    struct rlimit r;
    if (getrlimit(res, &r) != 0)
        return -1;
    rlim_t want = (rlim_t)v;
    if (r.rlim_max != RLIM_INFINITY && r.rlim_max < want)
        want = r.rlim_max; /* never above what we were given */
    r.rlim_cur = r.rlim_max = want;
    return setrlimit(res, &r);
}

static int limits(const rc_limits *lim)
{
    struct rlimit nocore = {0, 0};
    int bad = setrlimit(RLIMIT_CORE, &nocore);
#if !defined(__SANITIZE_ADDRESS__)
    /* AddressSanitizer reserves terabytes of shadow memory up front, which
     * RLIMIT_DATA would count; a sanitizer build runs without it. */
    bad |= set_limit(RLIMIT_DATA, lim->data_bytes);
#endif
    bad |= set_limit(RLIMIT_NPROC, lim->nproc);
    bad |= set_limit(RLIMIT_FSIZE, lim->fsize);
    return bad;
}

/* libseccomp's SCMP_A0_32 leaves a field of its struct to the default
 * initializer, which clang's -Wmissing-field-initializers flags. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

/* Refuse with EPERM, so careless code sees an error rather than a kill. */
#define DENY SCMP_ACT_ERRNO(EPERM)

static int filter(pid_t self)
{
    scmp_filter_ctx f = seccomp_init(SCMP_ACT_ALLOW);
    if (!f)
        return -1;
    int rc = 0;
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(ptrace), 0);
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(process_vm_writev), 0);
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(process_vm_readv), 0);
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(setsid), 0);
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(setpgid), 0);
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(tkill), 0);
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(pidfd_send_signal), 0);
    /* kill() only to the own process group (pid 0); thread signals only
     * inside this process (abort, pthread_kill). */
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(kill), 1, SCMP_A0_32(SCMP_CMP_NE, 0));
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(tgkill), 1, SCMP_A0_32(SCMP_CMP_NE, (uint32_t)self));
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(rt_sigqueueinfo), 1,
                           SCMP_A0_32(SCMP_CMP_NE, (uint32_t)self));
    rc |= seccomp_rule_add(f, DENY, SCMP_SYS(rt_tgsigqueueinfo), 1,
                           SCMP_A0_32(SCMP_CMP_NE, (uint32_t)self));
    if (rc == 0)
        rc = seccomp_load(f);
    seccomp_release(f);
    return rc;
}

int rc_contain(const rc_limits *lim, pid_t parent, char *why, size_t n)
{
    const char *step = NULL;
    if (setpgid(0, 0) != 0)
        step = "setpgid";
    else if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        step = "PR_SET_PDEATHSIG";
    else if (getppid() != parent)
        step = "parent gone";
    else if (limits(lim) != 0)
        step = "setrlimit";
    else if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        step = "PR_SET_NO_NEW_PRIVS";
    else if (geteuid() == 0) {
        /* root keeps its uid but loses every capability */
        capng_clear(CAPNG_SELECT_BOTH);
        if (capng_apply(CAPNG_SELECT_BOTH) != 0)
            step = "dropping capabilities";
    }
    if (!step && filter(getpid()) != 0)
        step = "seccomp";
    if (step) {
        snprintf(why, n, "cannot contain the candidate's process: %s: %s", step, strerror(errno));
        return -1;
    }
    return 0;
}
