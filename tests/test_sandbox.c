/* Sandbox: the good adapter's results come back intact; every kind of
 * misbehaviour becomes the documented outcome with a one-line message,
 * later calls in a batch still run, and the harness survives all of it. */
#include <check.h>
#include <fenv.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sandbox.h"

enum { T = 3, H = 2, D = 8 };
static const double BASE = 10000.0;

static char g_err[1024];
static rc_candidate g_c;

static void load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.so", RC_TEST_ADAPTER_DIR, name);
    ck_assert_msg(rc_candidate_load(path, &g_c, g_err, sizeof g_err) == 0, "%s", g_err);
}

static rc_rope_params params(void)
{
    rc_rope_params p;
    memset(&p, 0, sizeof p);
    p.struct_size = sizeof p;
    p.head_dim = D;
    p.rotary_dim = D;
    p.pairing = RC_HALF_SPLIT;
    p.type = RC_ROPE_DEFAULT;
    p.base = BASE;
    return p;
}

static rc_tensor tensor(rc_dtype dt, void *data)
{
    rc_tensor t = {dt, data, T, H, D, H * D, D};
    return t;
}

static const int64_t POS[T] = {0, 1, 5};

/* Input value (token, head, channel): distinct, not symmetric. */
static double xin(int t, int h, int c) { return 0.25 + 0.5 * c - 0.125 * h + 0.0625 * t; }

/* Hand formula for default half-split RoPE. */
static double expect(int t, int h, int c, double sign)
{
    int k = c % (D / 2);
    double a = sign * (double)POS[t] * pow(BASE, -2.0 * k / D);
    double x0 = xin(t, h, k), x1 = xin(t, h, k + D / 2);
    return c < D / 2 ? x0 * cos(a) - x1 * sin(a) : x0 * sin(a) + x1 * cos(a);
}

typedef struct fx {
    float in[T * H * D], out[T * H * D];
    rc_rope_params p;
    rc_tensor tin, tout;
    rc_call call;
} fx;

static void fx_init(fx *f, rc_call_kind kind)
{
    memset(f, 0, sizeof *f);
    for (int t = 0; t < T; t++)
        for (int h = 0; h < H; h++)
            for (int c = 0; c < D; c++)
                f->in[(t * H + h) * D + c] = (float)xin(t, h, c);
    f->p = params();
    f->tin = tensor(RC_F32, f->in);
    f->tout = tensor(RC_F32, f->out);
    f->call.kind = kind;
    f->call.params = &f->p;
    f->call.dtype = RC_F32;
    f->call.positions = POS;
    f->call.n_positions = T;
    f->call.in = &f->tin;
    f->call.out = &f->tout;
}

static rc_call_result run1(fx *f, double timeout)
{
    rc_call_result r;
    ck_assert_int_eq(rc_sandbox_run(&g_c, &f->call, 1, &r, timeout), 0);
    ck_assert_msg(strchr(r.message, '\n') == NULL, "message not one line: %s", r.message);
    return r;
}

static void expect_outcome(const rc_call_result *r, rc_outcome o, const char *phase,
                           const char *msg_part)
{
    ck_assert_msg(r->outcome == o, "outcome %s, want %s (%s)", rc_outcome_name(r->outcome),
                  rc_outcome_name(o), r->message);
    ck_assert_str_eq(r->phase, phase);
    if (msg_part)
        ck_assert_msg(strstr(r->message, msg_part) != NULL, "message '%s' lacks '%s'",
                      r->message, msg_part);
}

START_TEST(outcome_names)
{
    ck_assert_str_eq(rc_outcome_name(RC_OUTCOME_OK), "ok");
    ck_assert_str_eq(rc_outcome_name(RC_OUTCOME_OOB_WRITE), "out-of-bounds write");
    ck_assert_str_eq(rc_outcome_name(RC_OUTCOME_INPUT_WRITE), "write into input");
    ck_assert_str_eq(rc_outcome_name(RC_OUTCOME_UNTOUCHED), "untouched output");
    ck_assert_str_eq(rc_outcome_name(RC_OUTCOME_FENV), "fp environment changed");
    ck_assert_str_eq(rc_outcome_name(RC_OUTCOME_NOT_PROVIDED), "not provided");
}
END_TEST

START_TEST(good_apply_values)
{
    load("good");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_OK, "apply", NULL);
    ck_assert(r.seconds >= 0 && r.seconds < 10);
    for (int h = 0; h < H; h++)
        for (int c = 0; c < D; c++) /* position 0: identity */
            ck_assert_float_eq(f.out[h * D + c], f.in[h * D + c]);
    /* position 1, pair 0: rotation by exactly 1 rad */
    double x0 = xin(1, 0, 0), x1 = xin(1, 0, D / 2);
    ck_assert_double_eq_tol(f.out[H * D + 0], x0 * cos(1.0) - x1 * sin(1.0), 1e-6);
    ck_assert_double_eq_tol(f.out[H * D + D / 2], x0 * sin(1.0) + x1 * cos(1.0), 1e-6);
    for (int t = 0; t < T; t++)
        for (int h = 0; h < H; h++)
            for (int c = 0; c < D; c++)
                ck_assert_double_eq_tol(f.out[(t * H + h) * D + c], expect(t, h, c, 1), 1e-5);
    /* the parent's input is untouched */
    ck_assert_float_eq(f.in[H * D], (float)xin(1, 0, 0));
}
END_TEST

START_TEST(good_f64_in_place_and_backward)
{
    load("good");
    double buf[T * H * D], back[T * H * D];
    for (int i = 0; i < T * H * D; i++)
        buf[i] = xin(i / (H * D), (i / D) % H, i % D);
    rc_rope_params p = params();
    rc_tensor tb = tensor(RC_F64, buf), tback = tensor(RC_F64, back);
    rc_call calls[2];
    memset(calls, 0, sizeof calls);
    calls[0] = (rc_call){.kind = RC_CALL_APPLY, .params = &p, .dtype = RC_F64,
                         .positions = POS, .n_positions = T, .in = &tb, .out = &tb, .in_place = 1};
    calls[1] = (rc_call){.kind = RC_CALL_BACKWARD, .params = &p, .dtype = RC_F64,
                         .positions = POS, .n_positions = T, .in = &tb, .out = &tback};
    rc_call_result r[2];
    /* Two batches: the in-place result, then its backward (the inverse). */
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls, 1, r, 10), 0);
    expect_outcome(&r[0], RC_OUTCOME_OK, "apply", NULL);
    for (int t = 0; t < T; t++)
        for (int h = 0; h < H; h++)
            for (int c = 0; c < D; c++)
                ck_assert_double_eq_tol(buf[(t * H + h) * D + c], expect(t, h, c, 1), 1e-12);
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls + 1, 1, r + 1, 10), 0);
    expect_outcome(&r[1], RC_OUTCOME_OK, "backward", NULL);
    for (int t = 0; t < T; t++)
        for (int h = 0; h < H; h++)
            for (int c = 0; c < D; c++)
                ck_assert_double_eq_tol(back[(t * H + h) * D + c], xin(t, h, c), 1e-12);
}
END_TEST

START_TEST(good_cos_sin_and_supports)
{
    load("good");
    rc_rope_params p = params();
    double cs[T * D / 2], sn[T * D / 2];
    rc_call calls[3];
    memset(calls, 0, sizeof calls);
    calls[0] = (rc_call){.kind = RC_CALL_COS_SIN, .params = &p, .dtype = RC_F64,
                         .positions = POS, .n_positions = T, .cos_out = cs, .sin_out = sn};
    calls[1] = (rc_call){.kind = RC_CALL_SUPPORTS, .params = &p, .dtype = RC_F32};
    calls[2] = (rc_call){.kind = RC_CALL_SUPPORTS, .params = &p, .dtype = RC_F16};
    rc_call_result r[3];
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls, 3, r, 10), 0);
    expect_outcome(&r[0], RC_OUTCOME_OK, "cos_sin", NULL);
    expect_outcome(&r[1], RC_OUTCOME_OK, "supports", NULL);
    expect_outcome(&r[2], RC_OUTCOME_UNSUPPORTED, "supports", "supports: unsupported");
    for (int t = 0; t < T; t++)
        for (int k = 0; k < D / 2; k++) {
            double a = (double)POS[t] * pow(BASE, -2.0 * k / D);
            ck_assert_double_eq_tol(cs[t * D / 2 + k], cos(a), 1e-15);
            ck_assert_double_eq_tol(sn[t * D / 2 + k], sin(a), 1e-15);
        }
}
END_TEST

/* Strided layout: gaps between heads are the candidate's to ignore and the
 * harness's to leave alone in the caller's buffer. */
START_TEST(good_strided)
{
    load("good");
    enum { HS = D + 3 };
    float in[T * H * HS], out[T * H * HS];
    for (int i = 0; i < T * H * HS; i++) {
        in[i] = (float)i;
        out[i] = -7.0f;
    }
    for (int t = 0; t < T; t++)
        for (int h = 0; h < H; h++)
            for (int c = 0; c < D; c++)
                in[(t * H + h) * HS + c] = (float)xin(t, h, c);
    rc_rope_params p = params();
    rc_tensor ti = {RC_F32, in, T, H, D, H * HS, HS}, to = ti;
    to.data = out;
    rc_call call = {.kind = RC_CALL_APPLY, .params = &p, .dtype = RC_F32, .positions = POS,
                    .n_positions = T, .in = &ti, .out = &to};
    rc_call_result r;
    ck_assert_int_eq(rc_sandbox_run(&g_c, &call, 1, &r, 10), 0);
    expect_outcome(&r, RC_OUTCOME_OK, "apply", NULL);
    for (int t = 0; t < T; t++)
        for (int h = 0; h < H; h++) {
            for (int c = 0; c < D; c++)
                ck_assert_double_eq_tol(out[(t * H + h) * HS + c], expect(t, h, c, 1), 1e-5);
            for (int c = D; c < HS && (t * H + h) * HS + c < T * H * HS; c++)
                ck_assert_float_eq(out[(t * H + h) * HS + c], -7.0f);
        }
}
END_TEST

START_TEST(segv)
{
    load("segv_apply");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_CRASH, "apply", "apply: SIGSEGV");
    ck_assert_int_eq(r.signo, SIGSEGV);
}
END_TEST

START_TEST(hang)
{
    load("hang_apply");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    rc_call_result r = run1(&f, 1.0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double took = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    /* killed by the CPU limit, or by the wall limit on a machine so busy
     * that the candidate got less than a tenth of a core */
    expect_outcome(&r, RC_OUTCOME_TIMEOUT, "apply", "apply: ");
    ck_assert_msg(strstr(r.message, "killed"), "%s", r.message);
    /* 1 s of CPU time cannot pass in less wall time; the wall cap (10 x the
     * CPU limit) bounds it from above, however busy the machine */
    ck_assert_msg(took >= 0.9 && took < 10.0 + 5.0, "took %.2f s", took);
}
END_TEST

START_TEST(oob_write)
{
    load("oob_write");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_OOB_WRITE, "apply", "past the end of the output buffer");
    ck_assert_int_eq(r.fault_offset, (int64_t)sizeof f.out);
    ck_assert_int_eq(r.signo, SIGSEGV);
#if defined(__x86_64__)
    ck_assert_msg(strstr(r.message, "apply: SIGSEGV (write just past the end") != NULL, "%s",
                  r.message);
#endif
}
END_TEST

START_TEST(underflow)
{
    load("underflow");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_OOB_WRITE, "apply",
                   "apply: wrote 4 bytes before the start of the output buffer");
    ck_assert_int_eq(r.fault_offset, -4);
}
END_TEST

/* fini dies after every call returned: the sandbox's close reports it,
 * and the calls before it keep their results. */
START_TEST(fini_crash)
{
    load("fini_crash");
    fx f[2];
    fx_init(&f[0], RC_CALL_APPLY);
    fx_init(&f[1], RC_CALL_APPLY);
    rc_call calls[2] = {f[0].call, f[1].call};
    rc_call_result r[2], fini;
    rc_sandbox *sb = rc_sandbox_open(&g_c, NULL);
    ck_assert_ptr_nonnull(sb);
    ck_assert_int_eq(rc_sandbox_exec(sb, calls, 2, r), 0);
    ck_assert_int_eq(rc_sandbox_close_ex(sb, &fini), 1);
    expect_outcome(&r[0], RC_OUTCOME_OK, "apply", NULL);
    expect_outcome(&r[1], RC_OUTCOME_OK, "apply", NULL);
    expect_outcome(&fini, RC_OUTCOME_CRASH, "fini", "fini: SIGSEGV");
    ck_assert(memcmp(f[1].out, f[1].in, sizeof f[1].in) == 0);
}
END_TEST

START_TEST(input_write)
{
    load("input_write");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_INPUT_WRITE, "apply", "write into the input buffer");
    ck_assert_int_eq(r.fault_offset, 0);
    /* In place, the same write is the candidate's own output: fine. */
    f.call.in_place = 1;
    f.call.out = &f.tin;
    r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_OK, "apply", NULL);
}
END_TEST

START_TEST(fenv)
{
    load("fenv_change");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_FENV, "apply", "rounding mode upward");
    ck_assert_float_eq(f.out[5], f.in[5]); /* outputs still come back */
    ck_assert_int_eq(fegetround(), FE_TONEAREST);
}
END_TEST

START_TEST(untouched)
{
    load("untouched");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_UNTOUCHED, "apply", "left 24 of 48 output elements unwritten");
    ck_assert_uint_eq(r.untouched, T * H * D / 2);
}
END_TEST

START_TEST(exit_call)
{
    load("exit_apply");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_EXIT, "apply", "apply: called exit(0)");
}
END_TEST

START_TEST(error_call)
{
    load("error_apply");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_ERROR, "apply",
                   "apply: error: kernel launch failed: out of cheese second line");
}
END_TEST

START_TEST(abort_call)
{
    load("abort_apply");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_CRASH, "apply", "apply: SIGABRT");
    ck_assert_int_eq(r.signo, SIGABRT);
}
END_TEST

START_TEST(fpe_call)
{
    load("fpe_apply");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_CRASH, "apply", "apply: SIGFPE");
    ck_assert_int_eq(r.signo, SIGFPE);
}
END_TEST

START_TEST(unsupported)
{
    load("unsupported");
    fx f;
    fx_init(&f, RC_CALL_APPLY);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_UNSUPPORTED, "supports", NULL);
    ck_assert_float_eq(f.out[0], 0.0f); /* nothing copied back */
}
END_TEST

START_TEST(not_provided)
{
    load("segv_apply"); /* no backward, no cos_sin */
    fx f;
    fx_init(&f, RC_CALL_BACKWARD);
    rc_call_result r = run1(&f, 10);
    expect_outcome(&r, RC_OUTCOME_NOT_PROVIDED, "backward", "backward: not provided");
}
END_TEST

START_TEST(init_failure)
{
    load("init_error");
    fx f[2];
    fx_init(&f[0], RC_CALL_APPLY);
    fx_init(&f[1], RC_CALL_SUPPORTS);
    rc_call calls[2] = {f[0].call, f[1].call};
    rc_call_result r[2];
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls, 2, r, 10), 0);
    for (int i = 0; i < 2; i++)
        expect_outcome(&r[i], RC_OUTCOME_ERROR, "init", "init: error: no device found");
}
END_TEST

/* A crash at call _i of three: the others still run, in a fresh child. */
START_TEST(batch_continues)
{
    load("crash_on_pos");
    static const int64_t crash[T] = {13, 0, 0};
    fx f[3];
    rc_call calls[3];
    for (int i = 0; i < 3; i++) {
        fx_init(&f[i], RC_CALL_APPLY);
        if (i == _i)
            f[i].call.positions = crash;
        calls[i] = f[i].call;
    }
    rc_call_result r[3];
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls, 3, r, 10), 0);
    for (int i = 0; i < 3; i++) {
        if (i == _i) {
            expect_outcome(&r[i], RC_OUTCOME_CRASH, "apply", "apply: SIGSEGV");
        } else {
            expect_outcome(&r[i], RC_OUTCOME_OK, "apply", NULL);
            ck_assert(memcmp(f[i].out, f[i].in, sizeof f[i].in) == 0);
        }
    }
}
END_TEST

START_TEST(hang_then_more)
{
    load("hang_apply");
    fx f[2];
    fx_init(&f[0], RC_CALL_APPLY);
    fx_init(&f[1], RC_CALL_SUPPORTS);
    rc_call calls[2] = {f[0].call, f[1].call};
    rc_call_result r[2];
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls, 2, r, 0.5), 0);
    expect_outcome(&r[0], RC_OUTCOME_TIMEOUT, "apply", "killed");
    expect_outcome(&r[1], RC_OUTCOME_OK, "supports", NULL);
}
END_TEST

/* Every broken candidate in turn, in one process: the harness survives. */
START_TEST(survives_all)
{
    static const struct { const char *name; rc_outcome o; } cases[] = {
        {"segv_apply", RC_OUTCOME_CRASH}, {"hang_apply", RC_OUTCOME_TIMEOUT},
        {"oob_write", RC_OUTCOME_OOB_WRITE}, {"input_write", RC_OUTCOME_INPUT_WRITE},
        {"fenv_change", RC_OUTCOME_FENV}, {"untouched", RC_OUTCOME_UNTOUCHED},
        {"exit_apply", RC_OUTCOME_EXIT}, {"error_apply", RC_OUTCOME_ERROR},
        {"abort_apply", RC_OUTCOME_CRASH}, {"fpe_apply", RC_OUTCOME_CRASH},
        {"unsupported", RC_OUTCOME_UNSUPPORTED}, {"good", RC_OUTCOME_OK},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load(cases[i].name);
        fx f;
        fx_init(&f, RC_CALL_APPLY);
        rc_call_result r = run1(&f, 0.5);
        ck_assert_msg(r.outcome == cases[i].o, "%s: %s (%s)", cases[i].name,
                      rc_outcome_name(r.outcome), r.message);
        rc_candidate_unload(&g_c);
    }
}
END_TEST

/* One child serves a whole batch: many calls cost about one fork. */
START_TEST(batch_is_cheap)
{
    load("good");
    enum { N = 500 };
    static fx f[N];
    static rc_call calls[N];
    static rc_call_result r[N];
    for (int i = 0; i < N; i++) {
        fx_init(&f[i], RC_CALL_APPLY);
        calls[i] = f[i].call;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    ck_assert_int_eq(rc_sandbox_run(&g_c, calls, N, r, 10), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double took = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    for (int i = 0; i < N; i++)
        ck_assert_msg(r[i].outcome == RC_OUTCOME_OK, "%d: %s", i, r[i].message);
    ck_assert_double_eq_tol(f[N - 1].out[H * D], expect(1, 0, 0, 1), 1e-5);
    fprintf(stderr, "sandbox: %d apply calls in %.3f s (%.1f us per call)\n", N, took,
            took / N * 1e6);
}
END_TEST

/* Workers started and inits asked of them during one exec. */
static void exec_counted(rc_sandbox *sb, rc_call *calls, size_t n, rc_call_result *r,
                         long *starts, long *inits)
{
    long s0, i0, s1, i1;
    rc_sandbox_counts(&s0, &i0);
    ck_assert_int_eq(rc_sandbox_exec(sb, calls, n, r), 0);
    rc_sandbox_counts(&s1, &i1);
    *starts = s1 - s0;
    *inits = i1 - i0;
}

/* One worker serves every batch and runs init once; a crash costs exactly
 * one fresh worker (with its one init); --fresh-worker starts one per
 * batch.  The counts are what the run reports in run.workers. */
START_TEST(init_once_per_worker)
{
    load("crash_on_pos");
    static const int64_t at13[T] = {13, 14, 15};
    fx f[3];
    rc_call calls[3];
    rc_call_result r[3];
    for (int i = 0; i < 3; i++) {
        fx_init(&f[i], RC_CALL_APPLY);
        calls[i] = f[i].call;
    }
    calls[1].positions = at13;
    rc_limits lim;
    rc_limits_default(&lim);
    rc_sandbox *sb = rc_sandbox_open(&g_c, &lim);
    long starts, inits;
    exec_counted(sb, calls, 3, r, &starts, &inits);
    expect_outcome(&r[1], RC_OUTCOME_CRASH, "apply", "SIGSEGV");
    ck_assert_int_eq(r[0].outcome, RC_OUTCOME_OK);
    ck_assert_int_eq(r[2].outcome, RC_OUTCOME_OK);
    ck_assert_int_eq(starts, 2);
    ck_assert_int_eq(inits, 2);
    exec_counted(sb, calls, 1, r, &starts, &inits); /* the same worker again */
    ck_assert_int_eq(starts, 0);
    ck_assert_int_eq(inits, 0);
    rc_sandbox_close(sb);

    lim.fresh = 1;
    sb = rc_sandbox_open(&g_c, &lim);
    for (int batch = 0; batch < 2; batch++) {
        exec_counted(sb, calls, 1, r, &starts, &inits);
        ck_assert_int_eq(r[0].outcome, RC_OUTCOME_OK);
        ck_assert_int_eq(starts, 1);
        ck_assert_int_eq(inits, 1);
    }
    rc_sandbox_close(sb);
}
END_TEST

static Suite *sandbox_suite(void)
{
    Suite *s = suite_create("sandbox");
    TCase *tc = tcase_create("good");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, outcome_names);
    tcase_add_test(tc, good_apply_values);
    tcase_add_test(tc, good_f64_in_place_and_backward);
    tcase_add_test(tc, good_cos_sin_and_supports);
    tcase_add_test(tc, good_strided);
    tcase_add_test(tc, batch_is_cheap);
    suite_add_tcase(s, tc);

    tc = tcase_create("broken");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, segv);
    tcase_add_test(tc, hang);
    tcase_add_test(tc, oob_write);
    tcase_add_test(tc, input_write);
    tcase_add_test(tc, underflow);
    tcase_add_test(tc, fini_crash);
    tcase_add_test(tc, fenv);
    tcase_add_test(tc, untouched);
    tcase_add_test(tc, exit_call);
    tcase_add_test(tc, error_call);
    tcase_add_test(tc, abort_call);
    tcase_add_test(tc, fpe_call);
    tcase_add_test(tc, unsupported);
    tcase_add_test(tc, not_provided);
    tcase_add_test(tc, init_failure);
    tcase_add_loop_test(tc, batch_continues, 0, 3);
    tcase_add_test(tc, hang_then_more);
    tcase_add_test(tc, survives_all);
    tcase_add_test(tc, init_once_per_worker);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sandbox_suite());
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
