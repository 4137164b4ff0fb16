/* The suite table, built from suites.def. */
#include "run.h"
#include "suites.h"

#define RC_SUITE(sym) extern const rc_suite_def rc_suite_##sym;
#include "suites.def"
#undef RC_SUITE

const rc_suite_def *const rc_suites[] = {
#define RC_SUITE(sym) &rc_suite_##sym,
#include "suites.def"
#undef RC_SUITE
};
const size_t rc_n_suites = sizeof rc_suites / sizeof rc_suites[0];
