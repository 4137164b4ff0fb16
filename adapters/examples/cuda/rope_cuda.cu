/*
 * Example candidate: a small CUDA RoPE kernel behind the adapter ABI
 * (docs/python.md, "A CUDA adapter").  The host side is an ordinary
 * adapter: init creates the CUDA context (in the sandbox child, never in
 * the harness process), apply copies the inputs to the device, launches
 * one thread per (token, head, pair) and copies the outputs back.
 *
 * float32 activations; default and linear rope types, both pairings.  The
 * frequencies come from the host in float64 and the kernel evaluates the
 * angle and its sine and cosine in float64, rounding only the outputs.
 */
#include <cuda_runtime.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

extern "C" {
#include "rope_conform/adapter.h"
#include "rope_ref.h"   /* rc_ref_validate_params: one definition of "valid" */
}

#define RC_MAX_PAIRS_CUDA 1024

struct cuda_state {
    cudaStream_t stream;
    void *dev;              /* in, out, positions, frequencies            */
    size_t dev_bytes;
    char error[256];
};

static int fail(cuda_state *st, int code, const char *what, cudaError_t e)
{
    snprintf(st->error, sizeof st->error, "%s: %s", what, cudaGetErrorString(e));
    return code;
}

__global__ void rope_kernel(const float *in, float *out, const long long *pos, const double *w,
                            long long n_tokens, long long n_heads, int r, int interleaved,
                            long long ts, long long hs, double sign)
{
    const int half = r / 2;
    const long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n_tokens * n_heads * half)
        return;
    const int k = (int)(i % half);
    const long long head = (i / half) % n_heads, t = i / half / n_heads;
    const long long base = t * ts + head * hs;
    const int c0 = interleaved ? 2 * k : k, c1 = interleaved ? 2 * k + 1 : k + half;
    double s, c;
    sincos((double)pos[t] * w[k], &s, &c);
    s *= sign;
    const double x0 = in[base + c0], x1 = in[base + c1];
    out[base + c0] = (float)(x0 * c - x1 * s);
    out[base + c1] = (float)(x0 * s + x1 * c);
}

static int cuda_init(void **state)
{
    cuda_state *st = (cuda_state *)calloc(1, sizeof *st);
    if (!st)
        return RC_ERROR;
    *state = st;
    cudaError_t e = cudaSetDevice(0);
    if (e == cudaSuccess)
        e = cudaStreamCreate(&st->stream);   /* creates the context */
    return e == cudaSuccess ? RC_OK : fail(st, RC_ERROR, "CUDA context", e);
}

static void cuda_fini(void *state)
{
    cuda_state *st = (cuda_state *)state;
    if (!st)
        return;
    cudaFree(st->dev);
    if (st->stream)
        cudaStreamDestroy(st->stream);
    free(st);
}

static const char *cuda_last_error(void *state)
{
    return state ? ((cuda_state *)state)->error : "no state";
}

static int cuda_supports(void *state, const rc_rope_params *p, rc_dtype dtype)
{
    (void)state;
    return dtype == RC_F32 && (p->type == RC_ROPE_DEFAULT || p->type == RC_ROPE_LINEAR) ? RC_OK
                                                                                       : RC_UNSUPPORTED;
}

/* Device memory for this call, grown on demand and kept in the state. */
static void *device_buffer(cuda_state *st, size_t bytes, cudaError_t *e)
{
    if (bytes > st->dev_bytes) {
        cudaFree(st->dev);
        st->dev = NULL;
        st->dev_bytes = 0;
        if ((*e = cudaMalloc(&st->dev, bytes)) != cudaSuccess)
            return NULL;
        st->dev_bytes = bytes;
    }
    return st->dev;
}

static int run(void *state, const rc_rope_params *p, const int64_t *positions, const rc_tensor *in,
               rc_tensor *out, double sign)
{
    cuda_state *st = (cuda_state *)state;
    if (rc_ref_validate_params(p, st->error, sizeof st->error) != 0)
        return RC_ERROR;
    if (cuda_supports(state, p, in->dtype) != RC_OK)
        return RC_UNSUPPORTED;
    const int half = p->rotary_dim / 2;
    double w[RC_MAX_PAIRS_CUDA];
    if (half > RC_MAX_PAIRS_CUDA)
        return snprintf(st->error, sizeof st->error, "rotary_dim too large"), RC_ERROR;
    for (int k = 0; k < half; k++)
        w[k] = pow(p->base, -2.0 * k / p->rotary_dim) / (p->type == RC_ROPE_LINEAR ? p->factor : 1.0);
    const size_t span = in->n_tokens > 0 ? (size_t)((in->n_tokens - 1) * in->token_stride +
                                                    (in->n_heads - 1) * in->head_stride + in->head_dim) : 0;
    const size_t xb = span * sizeof(float), pb = (size_t)in->n_tokens * 8, wb = (size_t)half * 8;
    cudaError_t e = cudaSuccess;
    char *d = (char *)device_buffer(st, 2 * xb + pb + wb + 64, &e);
    if (!d)
        return fail(st, RC_ERROR, "cudaMalloc", e);
    float *din = (float *)d, *dout = (float *)(d + xb);
    long long *dpos = (long long *)(d + 2 * xb);
    double *dw = (double *)(d + 2 * xb + pb);
    cudaMemcpyAsync(din, in->data, xb, cudaMemcpyHostToDevice, st->stream);
    cudaMemcpyAsync(dout, in->data, xb, cudaMemcpyHostToDevice, st->stream);   /* pass-through channels */
    cudaMemcpyAsync(dpos, positions, pb, cudaMemcpyHostToDevice, st->stream);
    cudaMemcpyAsync(dw, w, wb, cudaMemcpyHostToDevice, st->stream);
    const long long n = in->n_tokens * in->n_heads * half;
    if (n > 0)
        rope_kernel<<<(unsigned)((n + 255) / 256), 256, 0, st->stream>>>(
            din, dout, dpos, dw, in->n_tokens, in->n_heads, p->rotary_dim, p->pairing == RC_INTERLEAVED,
            in->token_stride, in->head_stride, sign);
    cudaMemcpyAsync(out->data, dout, xb, cudaMemcpyDeviceToHost, st->stream);
    if ((e = cudaStreamSynchronize(st->stream)) != cudaSuccess || (e = cudaGetLastError()) != cudaSuccess)
        return fail(st, RC_ERROR, "kernel", e);
    return RC_OK;
}

static int cuda_apply(void *state, const rc_rope_params *p, const int64_t *positions,
                      const rc_tensor *in, rc_tensor *out)
{
    return run(state, p, positions, in, out, 1.0);
}

static int cuda_backward(void *state, const rc_rope_params *p, const int64_t *positions,
                         const rc_tensor *grad_out, rc_tensor *grad_in)
{
    return run(state, p, positions, grad_out, grad_in, -1.0);
}

static rc_adapter make_adapter(void)
{
    rc_adapter a;
    memset(&a, 0, sizeof a);
    a.abi_version = RC_ABI_VERSION;
    a.struct_size = sizeof(rc_adapter);
    a.name = "example-cuda";
    a.version = "float64 angles on the device, float32 I/O";
    a.init = cuda_init;
    a.fini = cuda_fini;
    a.supports = cuda_supports;
    a.apply = cuda_apply;
    a.backward = cuda_backward;
    a.last_error = cuda_last_error;
    return a;
}

static const rc_adapter cuda_adapter = make_adapter();

extern "C" const rc_adapter *rope_conform_adapter(void);
extern "C" const rc_adapter *rope_conform_adapter(void) { return &cuda_adapter; }
