/* Frozen golden vectors: the file format (docs/vectors.md), the generator
 * that writes vectors/ from the golden engine, the byte-for-byte verifier,
 * and the checker that judges a candidate on the frozen values without
 * MPFR; the value spelling the `golden` command's JSON writer shares
 * (cmd_golden.h). */
#ifndef RC_VECTORS_H
#define RC_VECTORS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "rope_conform/adapter.h"
#include "config.h"
#include "sha256.h"

#define RC_VEC_FORMAT 1             /* "rope_conform_vectors" in each file  */
#define RC_VEC_GENERATOR_VERSION 2  /* bump when the case table changes     */
#define RC_VEC_DEFAULT_SEED 1
#define RC_VEC_MANIFEST "MANIFEST.json"
#define RC_VEC_DEFAULT_DIR "vectors"

/* One case of a vector file: one params, one dtype, n_tokens x 1 head. */
typedef struct rc_vec_case {
    char name[64];
    char note[320];
    rc_config cfg;             /* params; LONGROPE arrays live inside      */
    int64_t n_tokens;
    int64_t *positions;
    void *in, *expected;       /* dtype elements, [n_tokens][head_dim]     */
    double *exact;             /* the golden to 53 bits, same shape        */
    void *cos, *sin;           /* dtype elements, [n_tokens][rotary_dim/2] */
    double *inv_freq;          /* w'_k to double, rotary_dim/2             */
    double magnitude;          /* m to double                              */
} rc_vec_case;

typedef struct rc_vec_file {
    char name[96];             /* "yarn-interleaved-bf16" (file name less .json) */
    rc_dtype dtype;
    uint64_t seed;
    rc_vec_case *cases;
    size_t n_cases;
} rc_vec_file;

void rc_vec_file_free(rc_vec_file *f);

/* ---- vectors.c: the text format ---------------------------------------- */

/* The file's text (malloc'd, caller frees); one row per line, floats as
 * bit-pattern strings.  Deterministic: the same file gives the same bytes. */
char *rc_vec_format(const rc_vec_file *f);
/* Parse a file's text; source names it in messages.  0 ok, -1 with a one-line
 * message naming the source, the case and the key. */
int rc_vec_parse(const char *text, const char *source, rc_vec_file *out, char *err, size_t errlen);
int rc_vec_load(const char *path, rc_vec_file *out, char *err, size_t errlen);
/* Whole file into a malloc'd NUL-terminated buffer; NULL with err set. */
char *rc_vec_read_text(const char *path, size_t *len, char *err, size_t errlen);

/* A value of dtype t as text: "0x3f800000" (bits) or, with human != 0,
 * "0x3f800000 0x1p+0" (bits, a space, %a of the exact value). */
const char *rc_vec_value_str(uint64_t bits, rc_dtype t, int human, char *buf, size_t n);
/* Read a value of dtype t: "0x" and exactly 2*size hex digits (bits), that
 * followed by " %a" (the %a must agree), or, unless bits_only, a number (%a
 * or decimal) that t holds exactly.  0 ok, -1 with a reason in err. */
int rc_vec_value_parse(const char *s, rc_dtype t, int bits_only, uint64_t *bits, char *err, size_t errlen);

/* ---- vectors_cases.c: the generator's case table ----------------------- */

size_t rc_vec_n_files(void);
/* Build file i (0 .. rc_vec_n_files()-1) with the golden engine. */
int rc_vec_build(size_t i, uint64_t seed, rc_vec_file *out, char *err, size_t errlen);

/* ---- vectors_gen.c: generate, verify ------------------------------------ */

/* Write every file and the manifest into dir (created if missing),
 * atomically per file.  log gets one line per file (NULL: quiet). */
int rc_vec_generate(const char *dir, uint64_t seed, FILE *log, char *err, size_t errlen);
/* Regenerate with the manifest's seed and compare bit for bit: 0 all
 * identical, 1 differences (one line per differing file on out), 2 an
 * error (malformed or unreadable file, bad manifest) with a one-line
 * message in err. */
int rc_vec_verify(const char *dir, FILE *out, char *err, size_t errlen);

/* ---- vectors_check.c: a candidate against the frozen vectors ---------- */

/* Run the candidate on every file the manifest lists and judge it with the
 * error model of profile.  One verdict line per file on out.  0 every file
 * PASS or SKIP (and one at least PASS), 1 a FAIL (or all declined), 2 an
 * error (bad dir, file, profile, candidate) with err set. */
int rc_vec_check(const char *dir, const char *candidate, const char *profile, double timeout,
                 FILE *out, char *err, size_t errlen);

#endif
