/* The options of the level-1 runs the tests make: one candidate, an
 * optional config and suite, standard profile, seed 1, quiet, a JSON
 * report.  One place, so a new option's default reaches every test. */
#ifndef RC_TEST_TESTRUN_H
#define RC_TEST_TESTRUN_H

#include <string.h>

#include "runner.h"

static inline rc_run_opts level1_opts(const char *adapter, const char *config, const char *suite,
                                      const char *json)
{
    rc_run_opts o;
    memset(&o, 0, sizeof o);
    o.candidate = adapter;
    o.config_path = config;
    o.profile = "standard";
    o.only_suite = suite;
    o.level = 1;
    o.seed = 1;
    o.timeout = 20.0;
    o.quiet = 1;
    o.json = json;
    return o;
}

#endif
