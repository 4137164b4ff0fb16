/* The symptoms of one FAIL case, measured against its golden (symptom.c),
 * the per-pair frequency the candidate turns at (symptom_fit.c), and the
 * bug class they point to (symptom_classify.c). */
#ifndef RC_SYMPTOM_H
#define RC_SYMPTOM_H

#include "diagnose_internal.h"

/* Bad values tested against the hypotheses below, per case: the work
 * budget of the symptom analysis (deterministic, never a time). */
#define RC_SYM_HYP_BUDGET 4096
#define RC_SYM_MAX_HEADS 16

/* What a wrong value might be instead of the golden. */
enum {
    H_OTHER_PAIRING,  /* the other pairing's rotation                     */
    H_NEGATED,        /* rotation by -angle                               */
    H_POS_PLUS1,      /* rotated by positions[t] + 1                      */
    H_POS_MINUS1,     /* rotated by positions[t] - 1                      */
    H_POS_INDEX,      /* rotated by the token index t                     */
    H_POS_FIRST,      /* rotated by positions[0] + t                      */
    H_OTHER_HEAD,     /* the input of another head, rotated               */
    H_MROPE_LAYOUT,   /* M-RoPE: the axes of the other layout             */
    H_MROPE_1D,       /* M-RoPE: every pair by the T axis (1-D positions) */
    H_COUNT
};

typedef struct rc_sym_fit {
    int have;                /* a frequency was fitted                     */
    double omega;            /* fitted rad per position                    */
    double golden;           /* the golden's w'_k                          */
    int64_t last_pos;        /* largest position the fit is consistent to  */
    int64_t break_pos;       /* first position it broke at, -1 none        */
    int wrong;               /* |omega - golden| * last_pos is past the bound */
} rc_sym_fit;

typedef struct rc_symptoms {
    const rc_case *c;
    rc_rope_params p;                /* of the first call with values       */
    double m;                        /* its golden magnitude                */
    int r2;
    int64_t n_vals, n_bad;           /* rotary pairs and cos/sin entries    */
    int64_t n_pt, n_pt_bad;          /* pass-through elements; changed      */
    int64_t n_unrot, n_zero;         /* wrong pairs equal to input; zero    */
    int64_t n_tested, hyp[H_COUNT];  /* wrong pairs tested; each explains   */
    int64_t hyp_applicable[H_COUNT];
    int64_t bad_inplace, vals_inplace, bad_backward, vals_backward, bad_apply, vals_apply;
    int64_t bad_head[RC_SYM_MAX_HEADS], vals_head[RC_SYM_MAX_HEADS];
    int n_heads;
    int64_t *bad_pair, *unrot_pair;  /* per pair k (r2 each)                */
    int64_t n_angle_ok;              /* wrong pairs with the angle in bound */
    int64_t n_mag;                   /* of which log |y|/|y*| is summed     */
    double sum_lmag, sum_lmag2;
    double max_rel_angle;            /* max |angle err| / |angle| (wrong)   */
    double worst_angle;              /* largest |angle err|, its position   */
    int64_t worst_pos;
    int64_t first_bad_pos;           /* smallest position of a wrong value  */
    /* a position threshold: good below thr_pos, wrong at and above it */
    int64_t thr_pos, thr_good;       /* -1: none; largest good position     */
    double thr_jump;                 /* error ratio at thr_pos              */
    rc_sym_fit *fit;                 /* per pair k, or NULL                 */
} rc_symptoms;

/* The position pair k of token t is rotated by (M-RoPE: of the pair's axis,
 * positions laid out [axis][token]; cos/sin calls have one axis), and the
 * largest position of token t over the axes. */
int64_t rc_sym_pos(const rc_case_call *cc, int64_t t, int k);
int64_t rc_sym_token_pos(const rc_case_call *cc, int64_t t);

/* Measure everything above (fit included); -1 out of memory. */
int rc_sym_measure(const rc_case *c, const call_ref *cr, rc_symptoms *s);
void rc_sym_free(rc_symptoms *s);

/* Fit the per-pair frequency of the first call that has a rising run of
 * positions (symptom_fit.c). */
void rc_sym_fit_frequencies(const rc_case *c, const call_ref *cr, rc_symptoms *s);

/* Set d's class, confidence and evidence (printf-style); returns 1. */
int rc_sym_set(rc_case_diag *d, const char *cls, rc_confidence conf, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The class of a rope type's scaling bugs ("" for default). */
const char *rc_sym_type_class(rc_rope_type t);

/* The per-pair frequency rule (symptom_freq.c): 1 when it decided d. */
int rc_sym_rule_frequency(const rc_symptoms *s, rc_case_diag *d);

/* Class, confidence and evidence from the measured symptoms. */
void rc_sym_classify(const rc_symptoms *s, rc_case_diag *d);

/* The candidate's and the golden's pair k of value (t, h) of call cc, the
 * input, and the position: apply/backward pairs, or a cos/sin entry as the
 * rotation of (1, 0).  Returns 0 when the value is not a finite pair. */
int rc_sym_value(const rc_case_call *cc, const call_ref *cr, int64_t t, int64_t h, int k, double x[2],
                 double g[2], double y[2], int64_t *pos);

#endif
