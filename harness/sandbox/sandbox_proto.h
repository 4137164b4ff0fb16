/* The wire format between the sandbox parent and its worker child: fixed
 * headers plus raw payloads over pipes.  Everything a worker sends is
 * untrusted: the parent checks each reply against the command it sent. */
#ifndef RC_SANDBOX_PROTO_H
#define RC_SANDBOX_PROTO_H

#include <stdint.h>
#include "rope_conform/adapter.h"
#include "config.h"

#define RC_PROTO_MAGIC 0x52435032u /* "RCP2" */
#define RC_OUTPUT_KEEP 512         /* candidate stdout/stderr kept per call */
#define RC_NAME_MAX 256            /* adapter name/version kept, with NUL  */
#define RC_PROTO_MAX_PAIRS RC_MAX_PAIRS /* LONGROPE factors a call may carry */

/* Worker phases; also the numbering of reply.phase. */
enum { RC_PH_NONE = 0, RC_PH_INIT, RC_PH_SUPPORTS, RC_PH_APPLY, RC_PH_BACKWARD,
       RC_PH_COS_SIN, RC_PH_FINI, RC_PH_LOAD_OPEN, RC_PH_LOAD_ENTRY, RC_PH_LOAD_TABLE };

enum { RC_OP_INIT = 1, RC_OP_CALL, RC_OP_FINI };
enum { RC_REP_READY = 1, RC_REP_LOADFAIL, RC_REP_DONE, RC_REP_FAULT, RC_REP_EXIT };
enum { RC_ACCESS_UNKNOWN = 0, RC_ACCESS_READ, RC_ACCESS_WRITE };

/* Parent -> worker.  CALL payload: short factors, long factors (n_factors
 * each), positions (n_positions), then in_bytes of input. */
typedef struct rc_cmd {
    uint32_t magic, op, seq, kind;   /* kind: rc_call_kind                 */
    int32_t dtype, in_place;
    int64_t n_positions;
    rc_rope_params params;           /* factor pointers cleared            */
    uint32_t n_factors, reserved;
    rc_tensor in;                    /* data NULL                          */
    uint64_t in_bytes;
} rc_cmd;

/* Worker -> parent, followed by out_bytes of outputs. */
typedef struct rc_rep {
    uint32_t magic, type, seq;
    int32_t phase, retcode, signo, fault_class, fault_buf, access;
    int32_t exit_status, slack_hit, fp_round;
    uint32_t fp_bits, reserved;
    int64_t fault_offset;
    uint64_t fault_bytes, fault_addr, out_bytes;
    char text[224];                  /* last_error() or a load failure     */
} rc_rep;

/* READY payload: what the parent may know about the adapter table. */
typedef struct rc_cand_info {
    uint32_t abi_version, struct_size;
    int32_t has_backward, has_cos_sin, has_defaults, n_factors;
    int32_t abi_minor, reserved;     /* the ABI minor its params_size says */
    char name[RC_NAME_MAX], version[RC_NAME_MAX];
    char missing[16];                /* first required function that is NULL */
    rc_config defaults;              /* its pointers are the sender's      */
} rc_cand_info;

#endif
