/* The worker's command loop: INIT, CALL and FINI from the parent, each
 * answered with one reply.  A CALL's inputs arrive on the pipe straight into
 * a private arena whose buffers end at guard pages; the outputs go back on
 * the reply pipe.  A process the candidate forked never answers: it leaves
 * as soon as it is back in this code. */
#define _GNU_SOURCE
#include "sandbox_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

rc_wstate rc_w;

void rc_worker_reply_init(rc_rep *r, int type)
{
    memset(r, 0, sizeof *r);
    r->magic = RC_PROTO_MAGIC;
    r->type = (uint32_t)type;
    r->seq = rc_w.seq;
    r->phase = rc_w.phase;
}

/* Back from candidate code: a forked copy must not speak for the worker. */
static void back_in_worker(void)
{
    if (getpid() != rc_w.self)
        _exit(0);
}

static void send_reply(const rc_rep *r, const void *a, size_t na, const void *b, size_t nb)
{
    if (rc_write_all(RC_REP_FD, r, sizeof *r) != 0 || (na && rc_write_all(RC_REP_FD, a, na) != 0) ||
        (nb && rc_write_all(RC_REP_FD, b, nb) != 0))
        _exit(0); /* the parent is gone or gave up on us */
}

static void check_fp(rc_rep *r, const rc_fpstate *base)
{
    int round;
    unsigned bits = rc_fp_diff(base, &round);
    if (bits) {
        r->fp_bits |= bits;
        r->fp_round = round;
    }
    rc_fp_restore(base);
}

static void copy_error(rc_rep *r, void *state)
{
    const char *e = rc_w.ad.last_error(state);
    back_in_worker();
    snprintf(r->text, sizeof r->text, "%s", e ? e : "(last_error returned NULL)");
}

static void *grow_arena(size_t bytes)
{
    if (bytes > rc_w.arena_bytes) {
        if (rc_w.arena)
            munmap(rc_w.arena, rc_w.arena_bytes);
        rc_w.arena = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (rc_w.arena == MAP_FAILED) {
            rc_w.arena = NULL;
            rc_w.arena_bytes = 0;
            return NULL;
        }
        rc_w.arena_bytes = bytes;
    }
    return rc_guard_open(rc_w.arena, rc_w.arena_bytes) == 0 ? rc_w.arena : NULL;
}

/* Reads the payload of `cmd` into freshly fenced buffers. */
typedef struct call_bufs {
    rc_layout lay;
    unsigned char *buf[RC_BUF_KINDS];
    size_t out_bytes;        /* what goes back: output span, or cos + sin */
    size_t nelem;            /* COS_SIN: elements per table              */
} call_bufs;

static int receive(const rc_cmd *cmd, rc_rope_params *p, call_bufs *cb)
{
    static double sf[RC_PROTO_MAX_PAIRS], lf[RC_PROTO_MAX_PAIRS];
    if (cmd->n_factors > RC_PROTO_MAX_PAIRS || cmd->n_positions < 0 ||
        rc_read_all(RC_CMD_FD, sf, cmd->n_factors * sizeof(double)) != 0 ||
        rc_read_all(RC_CMD_FD, lf, cmd->n_factors * sizeof(double)) != 0)
        return -1;
    *p = cmd->params;
    p->short_factor = cmd->n_factors ? sf : NULL;
    p->long_factor = cmd->n_factors ? lf : NULL;

    memset(cb, 0, sizeof *cb);
    rc_layout_init(&cb->lay);
    size_t npos = (size_t)cmd->n_positions;
    if (cmd->kind == RC_CALL_COS_SIN) {
        cb->nelem = npos * (size_t)(p->rotary_dim > 0 ? p->rotary_dim / 2 : 0);
        size_t b = cb->nelem * rc_elem_size((rc_dtype)cmd->dtype);
        rc_layout_add(&cb->lay, RC_BUF_COS, b, 0);
        rc_layout_add(&cb->lay, RC_BUF_SIN, b, 0);
        cb->out_bytes = 2 * b;
    } else {
        if (cmd->in_bytes != rc_span_bytes(&cmd->in))
            return -1;
        rc_layout_add(&cb->lay, RC_BUF_OUT, cmd->in_bytes, 0);
        if (!cmd->in_place)
            rc_layout_add(&cb->lay, RC_BUF_IN, cmd->in_bytes, 1);
        cb->out_bytes = cmd->in_bytes;
    }
    rc_layout_add(&cb->lay, RC_BUF_POS, npos * sizeof(int64_t), 1);
    unsigned char *a = grow_arena(cb->lay.total);
    if (!a)
        return -1;
    for (int k = 0; k < cb->lay.nb; k++)
        cb->buf[cb->lay.b[k].id] = a + cb->lay.b[k].start_off;
    if (rc_read_all(RC_CMD_FD, cb->buf[RC_BUF_POS], npos * sizeof(int64_t)) != 0)
        return -1;
    if (cmd->kind == RC_CALL_COS_SIN) {
        rc_canary_fill(cb->buf[RC_BUF_COS], (rc_dtype)cmd->dtype, cb->nelem);
        rc_canary_fill(cb->buf[RC_BUF_SIN], (rc_dtype)cmd->dtype, cb->nelem);
    } else if (cmd->kind != RC_CALL_SUPPORTS) {
        unsigned char *in = cb->buf[cmd->in_place ? RC_BUF_OUT : RC_BUF_IN];
        if (rc_read_all(RC_CMD_FD, in, cmd->in_bytes) != 0)
            return -1;
        if (!cmd->in_place)
            rc_canary_fill(cb->buf[RC_BUF_OUT], cmd->in.dtype,
                           cmd->in_bytes / rc_elem_size(cmd->in.dtype));
    }
    return 0;
}

static int invoke(const rc_cmd *cmd, void *state, const rc_rope_params *p, call_bufs *cb)
{
    const rc_adapter *ad = &rc_w.ad;
    const int64_t *pos = (const int64_t *)(void *)cb->buf[RC_BUF_POS];
    rc_tensor tin = cmd->in, tout = cmd->in;
    tin.data = cb->buf[cmd->in_place ? RC_BUF_OUT : RC_BUF_IN];
    tout.data = cb->buf[RC_BUF_OUT];
    rc_rope_params mine = *p; /* a scribble on it stays here */
    switch (cmd->kind) {
    case RC_CALL_APPLY:
        rc_w.phase = RC_PH_APPLY;
        return ad->apply(state, &mine, pos, &tin, &tout);
    case RC_CALL_BACKWARD:
        rc_w.phase = RC_PH_BACKWARD;
        return ad->backward ? ad->backward(state, &mine, pos, &tin, &tout) : RC_ERROR;
    default:
        rc_w.phase = RC_PH_COS_SIN;
        return ad->cos_sin ? ad->cos_sin(state, &mine, pos, cmd->n_positions, (rc_dtype)cmd->dtype,
                                         cb->buf[RC_BUF_COS], cb->buf[RC_BUF_SIN])
                           : RC_ERROR;
    }
}

static void serve_call(const rc_cmd *cmd, void *state, const rc_fpstate *base)
{
    rc_rope_params p;
    call_bufs cb;
    if (receive(cmd, &p, &cb) != 0)
        _exit(0); /* a broken command stream: nothing sensible to say */

    rc_rep r;
    rc_w.phase = RC_PH_SUPPORTS;
    rc_rope_params mine = p;
    int ret = rc_w.ad.supports(state, &mine, (rc_dtype)cmd->dtype);
    back_in_worker();
    if (cmd->kind != RC_CALL_SUPPORTS && ret == RC_OK) {
        if (rc_guard_close(rc_w.arena, &cb.lay) != 0)
            _exit(0);
        rc_w.armed = &cb.lay;
        ret = invoke(cmd, state, &p, &cb);
        rc_w.armed = NULL;
        back_in_worker();
    }
    rc_worker_reply_init(&r, RC_REP_DONE);
    check_fp(&r, base);
    r.retcode = ret;
    if (ret == RC_OK && cmd->kind != RC_CALL_SUPPORTS) {
        int64_t off = 0;
        size_t bytes = 0;
        int buf = 0;
        r.slack_hit = rc_guard_slack_hit(rc_w.arena, &cb.lay, &buf, &off, &bytes);
        r.fault_buf = buf;
        r.fault_offset = off;
        r.fault_bytes = bytes;
        r.out_bytes = cb.out_bytes;
        if (cmd->kind == RC_CALL_COS_SIN)
            send_reply(&r, cb.buf[RC_BUF_COS], cb.out_bytes / 2, cb.buf[RC_BUF_SIN], cb.out_bytes / 2);
        else
            send_reply(&r, cb.buf[RC_BUF_OUT], cb.out_bytes, NULL, 0);
        return;
    }
    if (ret != RC_OK && (ret != RC_UNSUPPORTED || r.phase != RC_PH_SUPPORTS))
        copy_error(&r, state);
    send_reply(&r, NULL, 0, NULL, 0);
}

_Noreturn void rc_worker_serve(void)
{
    rc_fpstate base;
    rc_fp_save(&base);
    void *state = NULL;
    for (;;) {
        rc_cmd cmd;
        if (rc_read_all(RC_CMD_FD, &cmd, sizeof cmd) != 0 || cmd.magic != RC_PROTO_MAGIC)
            _exit(0); /* the parent closed the channel: done */
        rc_w.seq = cmd.seq;
        rc_rep r;
        if (cmd.op == RC_OP_CALL) {
            serve_call(&cmd, state, &base);
            continue;
        }
        if (cmd.op == RC_OP_INIT) {
            rc_w.phase = RC_PH_INIT;
            state = NULL;
            int ret = rc_w.ad.init(&state);
            back_in_worker();
            rc_worker_reply_init(&r, RC_REP_DONE);
            check_fp(&r, &base);
            r.retcode = ret;
            if (ret != RC_OK && ret != RC_UNSUPPORTED)
                copy_error(&r, state);
        } else if (cmd.op == RC_OP_FINI) {
            rc_w.phase = RC_PH_FINI;
            rc_w.ad.fini(state);
            back_in_worker();
            state = NULL;
            rc_worker_reply_init(&r, RC_REP_DONE);
            check_fp(&r, &base);
        } else {
            _exit(0);
        }
        send_reply(&r, NULL, 0, NULL, 0);
    }
}
