/* The tables behind `rope-conform --help` and the manual page (cli.h). */
#include "cli.h"

const rc_subcommand rc_commands[] = {
#define RC_COMMAND(name, fn, summary) { #name, fn, summary },
#include "commands.def"
#undef RC_COMMAND
};
const size_t rc_n_commands = sizeof rc_commands / sizeof rc_commands[0];

const char *const rc_synopsis[] = {
    "[run] [OPTIONS] CANDIDATE.so",
    "COMMAND [ARGS]",
};
const size_t rc_n_synopsis = sizeof rc_synopsis / sizeof rc_synopsis[0];

const rc_exit_code rc_exit_codes[] = {
    { 0, "conformant", "conformant (PASS, or PASS with warnings)" },
    { 1, "not conformant", "not conformant: a FAIL, a crash, a hang, or a regression against --baseline" },
    { 2, "usage/config/load error", "usage, configuration or load error (one line on stderr says what)" },
    { 3, "internal error", "internal error" },
};
const size_t rc_n_exit_codes = sizeof rc_exit_codes / sizeof rc_exit_codes[0];
