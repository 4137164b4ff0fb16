/* The sandbox's parent side: keeps one worker per sandbox (a fresh one
 * after any call that killed or hung it), sends each call with its inputs,
 * and decides each outcome from what it observed: the reply checked
 * against the command, the worker's death, the limits it kept.  The worker
 * side is sandbox_worker.c and sandbox_serve.c. */
#include "sandbox_impl.h"
#include "default_params.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

struct rc_sandbox {
    const rc_candidate *c;
    rc_limits lim;
    rc_link link;            /* pid 0: no worker                           */
    int inited, group;       /* init done in this worker; its group        */
    int await_ready;         /* the worker's READY is not read yet         */
    int await_init;          /* INIT was posted at start, its reply unread  */
    unsigned init_fp;        /* FP environment init left changed           */
    int init_round;
    int hangs;
    uint32_t seq;
    rc_call_result *last;    /* the last call served in this batch         */
};

void rc_limits_default(rc_limits *l)
{
    memset(l, 0, sizeof *l);
    l->cpu_s = 5.0;
    l->init_s = 60.0;
    l->data_bytes = (uint64_t)8 << 30;
    l->nproc = 16384;
    l->fsize = (uint64_t)1 << 30;
    l->max_hangs = 3;
}

double rc_limits_wall(const rc_limits *l)
{
    return l->wall_s > 0 ? l->wall_s : 10.0 * l->cpu_s;
}

const char *rc_outcome_name(rc_outcome o)
{
    static const char *names[] = {"ok", "unsupported", "error", "crash", "timeout", "exit",
                                  "out-of-bounds write", "write into input",
                                  "untouched output", "fp environment changed",
                                  "not provided", "protocol violation"};
    return (unsigned)o < sizeof names / sizeof names[0] ? names[o] : "unknown";
}

/* ---- messages ---- */

static void set_msg(rc_call_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    for (char *p = r->message; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
}

static void set_phase(rc_call_result *r, int phase)
{
    snprintf(r->phase, sizeof r->phase, "%s", rc_phase_name(phase));
}

static const char *buf_name(int id)
{
    static const char *names[] = {"output buffer", "input buffer", "positions array",
                                  "cos buffer", "sin buffer"};
    return id >= 0 && id < RC_BUF_KINDS ? names[id] : "buffer";
}

static const char *access_name(int a)
{
    return a == RC_ACCESS_READ ? "read" : a == RC_ACCESS_WRITE ? "write" : "access";
}

/* "write 4 bytes past the end of the output buffer" and the like. */
static void where_text(char *w, size_t n, const char *what, int64_t off, size_t bytes, int buf)
{
    if (off == (int64_t)bytes)
        snprintf(w, n, "%s just past the end of the %s, byte offset %lld", what,
                 buf_name(buf), (long long)off);
    else if (off > (int64_t)bytes)
        snprintf(w, n, "%s %lld bytes past the end of the %s, byte offset %lld", what,
                 (long long)(off - (int64_t)bytes), buf_name(buf), (long long)off);
    else if (off < 0)
        snprintf(w, n, "%s %lld bytes before the start of the %s", what, (long long)-off,
                 buf_name(buf));
    else
        snprintf(w, n, "%s at byte offset %lld of the %zu-byte %s", what, (long long)off, bytes,
                 buf_name(buf));
}

/* The worker's last words said it faulted. */
static void describe_fault(rc_call_result *r, const rc_rep *s, const char *ph)
{
    char w[160];
    const char *sig = rc_signal_name(s->signo);
    r->signo = s->signo;
    if (s->fault_class == RC_FAULT_GUARD) {
        r->outcome = RC_OUTCOME_OOB_WRITE;
        r->fault_offset = s->fault_offset;
        where_text(w, sizeof w, access_name(s->access), s->fault_offset, s->fault_bytes,
                   s->fault_buf);
        set_msg(r, "%s: %s (%s)", ph, sig, w);
    } else if (s->fault_class == RC_FAULT_READONLY) {
        r->outcome = RC_OUTCOME_INPUT_WRITE;
        r->fault_offset = s->fault_offset;
        set_msg(r, "%s: %s (write into the %s at byte offset %lld of %llu%s)", ph, sig,
                buf_name(s->fault_buf), (long long)s->fault_offset,
                (unsigned long long)s->fault_bytes,
                s->fault_buf == RC_BUF_IN ? ", out-of-place call" : "");
    } else {
        r->outcome = RC_OUTCOME_CRASH;
        if (s->signo == SIGSEGV || s->signo == SIGBUS)
            set_msg(r, "%s: %s (%s at address %#llx, outside the harness buffers)", ph, sig,
                    access_name(s->access), (unsigned long long)s->fault_addr);
        else
            set_msg(r, "%s: %s", ph, sig);
    }
}

/* A command whose worker died, hung or broke the protocol. */
static void describe_loss(rc_call_result *r, rc_await how, const rc_rep *s, int status,
                          int phase, double limit_cpu, double limit_wall, double secs)
{
    set_phase(r, phase);
    const char *ph = r->phase;
    if (how == RC_AWAIT_TIMEOUT) {
        r->outcome = RC_OUTCOME_TIMEOUT;
        if (secs >= limit_wall)
            set_msg(r, "%s: no answer after %.1f s of wall time (limit --wall-timeout %.0f s), killed",
                    ph, secs, limit_wall);
        else
            set_msg(r, "%s: hung, killed after %.1f s of CPU time (limit --timeout %.1f s)", ph,
                    limit_cpu, limit_cpu);
    } else if (how == RC_AWAIT_PROTOCOL) {
        r->outcome = RC_OUTCOME_PROTOCOL;
        set_msg(r, "%s: the candidate's process wrote something that is not the harness's reply "
                   "(a forged reply, or output of a process it forked); killed", ph);
    } else if (s->magic == RC_PROTO_MAGIC && s->type == RC_REP_FAULT) {
        describe_fault(r, s, ph);
    } else if (s->magic == RC_PROTO_MAGIC && s->type == RC_REP_EXIT) {
        r->outcome = RC_OUTCOME_EXIT;
        set_msg(r, "%s: called exit(%d)", ph, s->exit_status);
    } else if (WIFSIGNALED(status)) {
        r->outcome = RC_OUTCOME_CRASH;
        r->signo = WTERMSIG(status);
        set_msg(r, "%s: killed by %s", ph, rc_signal_name(r->signo));
    } else {
        r->outcome = RC_OUTCOME_EXIT;
        set_msg(r, "%s: the process exited with status %d", ph,
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
}

/* A candidate function that returned.  beyond: the call reaches positions
 * at or past params->max_position, which a candidate may decline. */
static void describe_return(rc_call_result *r, const rc_rep *s, rc_call_kind kind, int beyond)
{
    int phase = s->phase;
    if (kind == RC_CALL_SUPPORTS || s->retcode != RC_OK)
        phase = s->phase >= RC_PH_SUPPORTS && s->phase <= RC_PH_COS_SIN ? s->phase : RC_PH_SUPPORTS;
    set_phase(r, phase);
    const char *ph = r->phase;
    if (s->retcode == RC_UNSUPPORTED && phase == RC_PH_SUPPORTS) {
        r->outcome = RC_OUTCOME_UNSUPPORTED;
        set_msg(r, "supports: unsupported");
    } else if (s->retcode == RC_UNSUPPORTED && (phase == RC_PH_BACKWARD || phase == RC_PH_COS_SIN)) {
        /* optional functions: a wrapper (Python, say) learns only at call
         * time whether the wrapped code has them */
        r->outcome = RC_OUTCOME_NOT_PROVIDED;
        set_msg(r, "%s: not provided (returned RC_UNSUPPORTED: %.160s)", ph, s->text);
    } else if (s->retcode == RC_UNSUPPORTED && beyond) {
        r->outcome = RC_OUTCOME_UNSUPPORTED;
        set_msg(r, "%s: declined positions beyond the model's max_position (%.160s)", ph, s->text);
    } else if (s->retcode == RC_UNSUPPORTED) {
        r->outcome = RC_OUTCOME_ERROR;
        set_msg(r, "%s: returned RC_UNSUPPORTED after supports() said RC_OK for these params (%.120s)",
                ph, s->text);
    } else if (s->retcode == RC_ERROR) {
        r->outcome = RC_OUTCOME_ERROR;
        set_msg(r, "%s: error: %.200s", ph, s->text);
    } else if (s->retcode != RC_OK) {
        r->outcome = RC_OUTCOME_ERROR;
        set_msg(r, "%s: returned unknown code %d (%.200s)", ph, s->retcode, s->text);
    } else if (s->slack_hit) {
        char w[160];
        r->outcome = RC_OUTCOME_OOB_WRITE;
        r->fault_offset = s->fault_offset;
        where_text(w, sizeof w, "wrote", s->fault_offset, s->fault_bytes, s->fault_buf);
        set_msg(r, "%s: %s", ph, w);
    } else {
        r->outcome = RC_OUTCOME_OK;
    }
}

/* ---- the worker's life ---- */

static void capture_into(rc_call_result *r, const rc_capture *cap)
{
    size_t o = 0;
    for (size_t i = 0; i < cap->kept && o + 5 < sizeof r->output; i++) {
        unsigned char ch = (unsigned char)cap->text[i];
        if (ch == '\n' || ch == '\t')
            r->output[o++] = ' ';
        else if (ch < 0x20 || ch == 0x7f)
            o += (size_t)snprintf(r->output + o, sizeof r->output - o, "\\x%02x", ch);
        else
            r->output[o++] = (char)ch;
    }
    r->output[o] = '\0';
    r->output_bytes = cap->total;
}

static void lifecycle_cmd(rc_sandbox *sb, int op, rc_cmd *cmd)
{
    memset(cmd, 0, sizeof *cmd);
    cmd->magic = RC_PROTO_MAGIC;
    cmd->op = (uint32_t)op;
    cmd->seq = ++sb->seq;
    if (op == RC_OP_INIT && !sb->c->builtin)
        rc_link_note_init();
}

/* Spawn a worker and post INIT at once, so that the candidate's init runs
 * while this process does other work; ready() reads both replies.  0, or
 * -2 when no process could be started. */
static int start_worker(rc_sandbox *sb)
{
    if (rc_link_spawn(&sb->link, sb->c, &sb->lim) != 0)
        return -2;
    sb->inited = 0;
    sb->seq = 0;
    sb->await_ready = 1;
    rc_cmd cmd;
    lifecycle_cmd(sb, RC_OP_INIT, &cmd);
    sb->await_init = rc_link_post(&sb->link, &cmd) == 0;
    return 0;
}

/* The READY of a started worker; 0, or -1 with r filled. */
static int take_ready(rc_sandbox *sb, rc_call_result *r)
{
    static _Thread_local rc_cand_info info;
    rc_rep rep;
    rc_capture cap = {{0}, 0, 0};
    double secs = 0;
    rc_await a = rc_link_await(&sb->link, 0, &rep, &info, sizeof info, sb->lim.init_s,
                               sb->lim.init_s, &cap, &secs);
    capture_into(r, &cap);
    sb->await_ready = 0;
    if (a == RC_AWAIT_REPLY && rep.type == RC_REP_READY)
        return 0;
    if (a == RC_AWAIT_REPLY) {
        set_phase(r, RC_PH_INIT);
        r->outcome = RC_OUTCOME_ERROR;
        set_msg(r, "load: %.200s", rep.text);
    } else {
        describe_loss(r, a, &rep, sb->link.status, RC_PH_INIT, sb->lim.init_s, sb->lim.init_s, secs);
        snprintf(r->phase, sizeof r->phase, "load");
    }
    rc_link_kill(&sb->link);
    sb->link.pid = 0;
    sb->await_init = 0;
    return -1;
}

/* INIT or FINI: sent now, or (INIT) posted when the worker started; 0 when
 * it returned RC_OK, else -1 with r filled. */
static int lifecycle(rc_sandbox *sb, int op, rc_call_result *r)
{
    rc_cmd cmd;
    int posted = op == RC_OP_INIT && sb->await_init;
    if (posted)
        cmd.seq = 1; /* the first command of the worker */
    else
        lifecycle_cmd(sb, op, &cmd);
    sb->await_init = 0;
    rc_rep rep;
    rc_capture cap = {{0}, 0, 0};
    int phase = op == RC_OP_INIT ? RC_PH_INIT : RC_PH_FINI;
    double cpu = op == RC_OP_INIT ? sb->lim.init_s : sb->lim.cpu_s;
    double wall = op == RC_OP_INIT ? sb->lim.init_s : rc_limits_wall(&sb->lim), secs = 0;
    rc_await a = posted ? rc_link_await(&sb->link, cmd.seq, &rep, NULL, 0, cpu, wall, &cap, &secs)
                        : rc_link_transact(&sb->link, &cmd, NULL, 0, &rep, NULL, 0, cpu, wall,
                                           &cap, &secs);
    if (a == RC_AWAIT_REPLY && rep.type == RC_REP_DONE && rep.retcode == RC_OK) {
        if (op == RC_OP_INIT) {
            sb->init_fp = rep.fp_bits;
            sb->init_round = rep.fp_round;
        }
        return 0;
    }
    memset(r, 0, sizeof *r);
    capture_into(r, &cap);
    if (a == RC_AWAIT_REPLY && rep.type == RC_REP_DONE) {
        set_phase(r, phase);
        r->outcome = rep.retcode == RC_UNSUPPORTED ? RC_OUTCOME_UNSUPPORTED : RC_OUTCOME_ERROR;
        if (rep.retcode == RC_UNSUPPORTED)
            set_msg(r, "%s: returned RC_UNSUPPORTED", r->phase);
        else
            set_msg(r, "%s: %s: %.200s", r->phase,
                    rep.retcode == RC_ERROR ? "error" : "returned an unknown code", rep.text);
        return -1;
    }
    if (a == RC_AWAIT_REPLY) {
        rc_link_kill(&sb->link);
        a = RC_AWAIT_PROTOCOL;
    }
    describe_loss(r, a, &rep, sb->link.status, phase, cpu, wall, secs);
    if (a == RC_AWAIT_TIMEOUT)
        sb->hangs++;
    sb->link.pid = 0;
    sb->inited = 0;
    return -1;
}

/* fini of the current state; a failure is charged to `to` if it passed. */
static void end_state(rc_sandbox *sb, rc_call_result *to)
{
    if (!sb->link.pid || !sb->inited)
        return;
    sb->inited = 0;
    rc_call_result r;
    if (lifecycle(sb, RC_OP_FINI, &r) != 0 && to && to->outcome == RC_OUTCOME_OK) {
        double secs = to->seconds;
        *to = r;
        to->seconds = secs;
    }
}

/* A worker with fresh state for `group`; 0, or -1 with r filled. */
static int ready(rc_sandbox *sb, int group, rc_call_result *r)
{
    if (sb->link.pid && sb->inited && sb->group != group)
        end_state(sb, sb->last);
    if (!sb->link.pid && start_worker(sb) != 0)
        return -2;
    if (sb->await_ready && take_ready(sb, r) != 0)
        return -1;
    if (!sb->inited) {
        if (lifecycle(sb, RC_OP_INIT, r) != 0) {
            if (sb->link.pid)
                rc_link_close(&sb->link, 0.5);
            sb->link.pid = 0;
            return -1;
        }
        sb->inited = 1;
        sb->group = group;
    }
    return 0;
}

/* ---- one call ---- */

/* Bytes of the outputs a call returns, or 0 for SUPPORTS. */
static size_t out_bytes(const rc_call *call)
{
    if (call->kind == RC_CALL_SUPPORTS)
        return 0;
    if (call->kind == RC_CALL_COS_SIN) {
        int64_t half = call->params->rotary_dim > 0 ? call->params->rotary_dim / 2 : 0;
        return 2 * (size_t)(call->n_positions * half) * rc_elem_size(call->dtype);
    }
    return rc_span_bytes(call->in);
}

static int call_valid(const rc_call *call)
{
    if (!call->params || call->n_positions < 0 || (call->n_positions > 0 && !call->positions))
        return 0;
    if (call->kind == RC_CALL_APPLY || call->kind == RC_CALL_BACKWARD)
        return call->in && call->out && (rc_span_bytes(call->in) == 0 || call->in->data) &&
               call->out->data;
    if (call->kind == RC_CALL_COS_SIN)
        return call->cos_out && call->sin_out;
    return call->kind == RC_CALL_SUPPORTS;
}

/* Outputs from the reply into the caller's buffers: only the tensor's own
 * elements, never the gaps between them.  Counts unwritten canaries. */
static size_t copy_back(const rc_call *call, const unsigned char *src, size_t bytes,
                        size_t *total)
{
    size_t untouched = 0;
    if (call->kind == RC_CALL_COS_SIN) {
        size_t es = rc_elem_size(call->dtype), n = bytes / 2 / es;
        *total = 2 * n;
        untouched = rc_canary_count(src, call->dtype, 2 * n);
        memcpy(call->cos_out, src, bytes / 2);
        memcpy(call->sin_out, src + bytes / 2, bytes / 2);
        return untouched;
    }
    const rc_tensor *s = call->in, *d = call->out;
    size_t es = rc_elem_size(d->dtype), row = (size_t)d->head_dim * es;
    *total = (size_t)(d->n_tokens * d->n_heads * d->head_dim);
    for (int64_t t = 0; t < d->n_tokens; t++)
        for (int64_t h = 0; h < d->n_heads; h++) {
            const unsigned char *from = src + (size_t)(t * s->token_stride + h * s->head_stride) * es;
            memcpy((unsigned char *)d->data + (size_t)(t * d->token_stride + h * d->head_stride) * es,
                   from, row);
            if (!call->in_place)
                untouched += rc_canary_count(from, d->dtype, (size_t)d->head_dim);
        }
    return untouched;
}

static void make_cmd(rc_sandbox *sb, const rc_call *call, rc_cmd *cmd, int64_t npos)
{
    memset(cmd, 0, sizeof *cmd);
    cmd->magic = RC_PROTO_MAGIC;
    cmd->op = RC_OP_CALL;
    cmd->seq = ++sb->seq;
    cmd->kind = (uint32_t)call->kind;
    cmd->dtype = (int32_t)call->dtype;
    cmd->in_place = call->in_place;
    cmd->n_positions = npos;
    cmd->params = *call->params;
    cmd->params.short_factor = cmd->params.long_factor = NULL;
    int np = call->params->rotary_dim / 2;
    if (call->params->short_factor && call->params->long_factor && np > 0 && np <= RC_PROTO_MAX_PAIRS)
        cmd->n_factors = (uint32_t)np;
    if (call->in && (call->kind == RC_CALL_APPLY || call->kind == RC_CALL_BACKWARD)) {
        cmd->in = *call->in;
        cmd->in.data = NULL;
        cmd->in_bytes = rc_span_bytes(call->in);
    }
}

/* Does the call reach max_position (a cache's end)? */
static int beyond_max(const rc_call *call)
{
    int64_t m = call->params->max_position;
    for (int64_t i = 0; m > 0 && i < call->n_positions; i++)
        if (call->positions[i] >= m)
            return 1;
    return 0;
}

static void serve(rc_sandbox *sb, rc_call *call, rc_call_result *r)
{
    int64_t npos = call->n_positions;
    if (call->in && (call->kind == RC_CALL_APPLY || call->kind == RC_CALL_BACKWARD) &&
        call->in->n_tokens > npos)
        npos = call->in->n_tokens;
    int64_t *pos = npos > call->n_positions ? calloc((size_t)npos, sizeof *pos) : NULL;
    if (pos && call->n_positions)
        memcpy(pos, call->positions, (size_t)call->n_positions * sizeof *pos);
    rc_cmd cmd;
    make_cmd(sb, call, &cmd, npos);
    rc_piece pay[4] = {
        {call->params->short_factor, cmd.n_factors * sizeof(double)},
        {call->params->long_factor, cmd.n_factors * sizeof(double)},
        {pos ? pos : call->positions, (size_t)npos * sizeof(int64_t)},
        {call->in ? call->in->data : NULL, cmd.in_bytes},
    };
    size_t ob = out_bytes(call);
    unsigned char *stage = ob ? malloc(ob) : NULL;
    rc_rep rep;
    rc_capture cap = {{0}, 0, 0};
    double wall = rc_limits_wall(&sb->lim), secs = 0;
    rc_await a = (ob && !stage) || (npos > call->n_positions && !pos)
                     ? RC_AWAIT_PROTOCOL
                     : rc_link_transact(&sb->link, &cmd, pay, 4, &rep, stage, ob, sb->lim.cpu_s,
                                        wall, &cap, &secs);
    capture_into(r, &cap);
    r->seconds = secs;
    if (a == RC_AWAIT_REPLY && rep.type == RC_REP_DONE) {
        describe_return(r, &rep, call->kind, beyond_max(call));
        if (r->outcome == RC_OUTCOME_OK && ob) {
            size_t total = 0;
            r->untouched = copy_back(call, stage, ob, &total);
            if (r->untouched) {
                r->outcome = RC_OUTCOME_UNTOUCHED;
                set_msg(r, "%s: returned RC_OK but left %zu of %zu output elements unwritten",
                        r->phase, r->untouched, total);
            }
        }
        unsigned fp = rep.fp_bits ? rep.fp_bits : sb->init_fp;
        if (r->outcome == RC_OUTCOME_OK && fp) {
            char w[160];
            rc_fp_describe(fp, rep.fp_bits ? rep.fp_round : sb->init_round, w, sizeof w);
            r->outcome = RC_OUTCOME_FENV;
            set_msg(r, "%s: left the FP environment changed (%s)", rep.fp_bits ? r->phase : "init", w);
        }
    } else {
        if (a == RC_AWAIT_REPLY) {
            rc_link_kill(&sb->link);
            a = RC_AWAIT_PROTOCOL;
        }
        int phase = rep.magic == RC_PROTO_MAGIC && rep.phase > RC_PH_INIT && rep.phase < RC_PH_FINI
                        ? rep.phase
                        : call->kind == RC_CALL_SUPPORTS ? RC_PH_SUPPORTS
                        : call->kind == RC_CALL_COS_SIN ? RC_PH_COS_SIN
                        : call->kind == RC_CALL_BACKWARD ? RC_PH_BACKWARD : RC_PH_APPLY;
        describe_loss(r, a, &rep, sb->link.status, phase, sb->lim.cpu_s, wall, secs);
        if (a == RC_AWAIT_TIMEOUT)
            sb->hangs++;
        sb->link.pid = 0;
        sb->inited = 0;
    }
    free(stage);
    free(pos);
}

/* ---- the API ---- */

rc_sandbox *rc_sandbox_open(const rc_candidate *c, const rc_limits *lim)
{
    rc_sandbox *sb = calloc(1, sizeof *sb);
    if (!sb)
        return NULL;
    sb->c = c;
    if (lim)
        sb->lim = *lim;
    else
        rc_limits_default(&sb->lim);
    if (!(sb->lim.cpu_s > 0))
        sb->lim.cpu_s = 5.0;
    if (!(sb->lim.init_s > 0))
        sb->lim.init_s = 60.0;
    return sb;
}

int rc_sandbox_warm(rc_sandbox *sb)
{
    return !sb->link.pid && !sb->lim.fresh && start_worker(sb) != 0 ? -1 : 0;
}

rc_sandbox *rc_sandbox_open_loaded(const rc_candidate *c, const rc_limits *lim, const rc_link *l)
{
    rc_sandbox *sb = rc_sandbox_open(c, lim);
    if (!sb)
        return NULL;
    sb->link = *l;
    rc_cmd cmd;
    lifecycle_cmd(sb, RC_OP_INIT, &cmd);
    sb->await_init = rc_link_post(&sb->link, &cmd) == 0;
    return sb;
}

void rc_sandbox_adopt(rc_sandbox *sb)
{
    if (sb && sb->link.pid)
        rc_link_adopt(&sb->link);
}

pid_t rc_sandbox_release(rc_sandbox *sb)
{
    pid_t pid = sb ? sb->link.pid : 0;
    if (pid)
        rc_link_release(&sb->link);
    free(sb);
    return pid;
}

void rc_sandbox_drop(rc_sandbox *sb)
{
    if (sb && sb->link.pid)
        rc_link_drop(&sb->link);
    free(sb);
}

void rc_sandbox_reap_released(pid_t pid)
{
    rc_link_reap_released(pid);
}

int rc_sandbox_hangs(const rc_sandbox *sb) { return sb->hangs; }

int rc_sandbox_set_max_hangs(rc_sandbox *sb, int max_hangs)
{
    int old = sb->lim.max_hangs;
    sb->lim.max_hangs = max_hangs;
    return old;
}

static void not_run(rc_call_result *r, int hangs)
{
    r->outcome = RC_OUTCOME_TIMEOUT;
    snprintf(r->phase, sizeof r->phase, "sandbox");
    set_msg(r, "not run: the candidate already hung in %d calls", hangs);
}

int rc_candidate_abi_minor(const rc_candidate *c)
{
    return c->abi_minor; /* read from the table by the worker */
}

int rc_candidate_offers(const rc_candidate *c, const rc_rope_params *p)
{
    return rc_params_abi_minor(p) <= rc_candidate_abi_minor(c);
}

int rc_sandbox_exec(rc_sandbox *sb, rc_call *calls, size_t n, rc_call_result *results)
{
    if (!sb || (n && (!calls || !results))) {
        errno = EINVAL;
        return -1;
    }
    sb->last = NULL;
    rc_call_result init_fail; /* init failed: the rest of the batch would too */
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        rc_call *call = &calls[i];
        rc_call_result *r = &results[i];
        memset(r, 0, sizeof *r);
        if (!call_valid(call)) {
            errno = EINVAL;
            return -1;
        }
        if (!rc_candidate_offers(sb->c, call->params)) {
            /* the one gate: never params its ABI minor predates (M-RoPE,
             * proportional); whichever step asked, it is a decline */
            r->outcome = RC_OUTCOME_UNSUPPORTED;
            set_phase(r, RC_PH_SUPPORTS);
            set_msg(r, "supports: not offered: the candidate was built for ABI 1.%d, these params need "
                    "ABI 1.%d", rc_candidate_abi_minor(sb->c), rc_params_abi_minor(call->params));
            continue;
        }
        if ((call->kind == RC_CALL_BACKWARD && !sb->c->has_backward) ||
            (call->kind == RC_CALL_COS_SIN && !sb->c->has_cos_sin)) {
            int ph = call->kind == RC_CALL_BACKWARD ? RC_PH_BACKWARD : RC_PH_COS_SIN;
            r->outcome = RC_OUTCOME_NOT_PROVIDED;
            set_phase(r, ph);
            set_msg(r, "%s: not provided", rc_phase_name(ph));
            continue;
        }
        if (sb->lim.max_hangs > 0 && sb->hangs >= sb->lim.max_hangs) {
            not_run(r, sb->hangs);
            continue;
        }
        if (failed) {
            *r = init_fail;
            continue;
        }
        int rc = ready(sb, call->group, r);
        if (rc == -2)
            return -1;
        if (rc == -1 && strcmp(r->phase, "init") == 0 && r->outcome != RC_OUTCOME_TIMEOUT) {
            init_fail = *r;
            failed = 1;
        }
        if (rc == 0) {
            serve(sb, call, r);
            sb->last = r;
        }
    }
    if (sb->lim.fresh) {
        end_state(sb, sb->last);
        if (sb->link.pid)
            rc_link_close(&sb->link, 1.0);
        sb->link.pid = 0;
    }
    return 0;
}

int rc_sandbox_close_ex(rc_sandbox *sb, rc_call_result *fini)
{
    if (!sb)
        return 0;
    int bad = 0;
    if (sb->link.pid && sb->inited) {
        rc_call_result r;
        sb->inited = 0;
        bad = lifecycle(sb, RC_OP_FINI, &r) != 0;
        if (bad && fini)
            *fini = r;
    }
    if (sb->link.pid) /* a worker never used may still be in init: no grace */
        rc_link_close(&sb->link, sb->await_ready || sb->await_init ? 0.0 : 1.0);
    free(sb);
    return bad;
}

void rc_sandbox_close(rc_sandbox *sb)
{
    if (sb)
        sb->inited = 0; /* no fini: the worker is simply ended */
    rc_sandbox_close_ex(sb, NULL);
}

int rc_sandbox_run(const rc_candidate *c, rc_call *calls, size_t n, rc_call_result *results,
                   double timeout_s)
{
    return rc_sandbox_run_ex(c, calls, n, results, timeout_s, 0);
}

int rc_sandbox_run_ex(const rc_candidate *c, rc_call *calls, size_t n, rc_call_result *results,
                      double timeout_s, int max_timeouts)
{
    rc_limits lim;
    rc_limits_default(&lim);
    lim.cpu_s = timeout_s > 0 ? timeout_s : 10.0;
    lim.max_hangs = max_timeouts;
    rc_sandbox *sb = rc_sandbox_open(c, &lim);
    if (!sb)
        return -1;
    int rc = rc_sandbox_exec(sb, calls, n, results);
    /* A one-off batch (a probe, a diagnosis) ends by killing its worker:
     * fini is the run's own workers' business, which report it once. */
    rc_sandbox_close(sb);
    return rc;
}
