/* Subcommands of the rope-conform CLI.  Each takes argv with argv[0] the
 * command word and returns the process exit code. */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdio.h>

typedef struct rc_subcommand {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} rc_subcommand;

#define RC_COMMAND(name, fn, summary) int fn(int argc, char **argv);
#include "commands.def"
#undef RC_COMMAND

/* The tables --help and the manual page (rc_man_page) are both printed
 * from (cli_tables.c): the subcommands of commands.def, the synopsis lines
 * (after "rope-conform "), the exit codes. */
typedef struct rc_exit_code {
    int code;
    const char *brief, *meaning;
} rc_exit_code;
extern const rc_subcommand rc_commands[];
extern const size_t rc_n_commands;
extern const char *const rc_synopsis[];
extern const size_t rc_n_synopsis;
extern const rc_exit_code rc_exit_codes[];
extern const size_t rc_n_exit_codes;

/* The manual page, troff -man, to out: the synopsis, every command's
 * summary and its own --help text, the exit codes, the environment and the
 * files (man.c).  0, or -1 when a help text could not be captured. */
int rc_man_page(FILE *out);

void rc_cmd_run_help(FILE *f);

/* Shared option parsing helpers: 0 ok, -1 with a message on stderr. */
int rc_cli_parse_u64(const char *opt, const char *s, unsigned long long *out);
int rc_cli_parse_double(const char *opt, const char *s, double *out);
/* A dtype name to rc_dtype (as int); -1 with a message on stderr. */
int rc_cli_parse_dtype(const char *s, int *out);
/* The message for getopt's ':' (missing value) or '?' (unknown option);
 * returns 2, the usage exit code. */
int rc_cli_bad_option(const char *cmd, int ch, char **argv);

/* Before any work (run, verify): every report target can be written, none
 * shared or replacing the --baseline, and the --baseline is readable.
 * 0, or -1 with one line on stderr. */
struct rc_run_opts;
int rc_cli_check_files(const struct rc_run_opts *o);

/* --color auto|always|never -> 0/1 (auto: stdout is a terminal). */
int rc_cli_parse_color(const char *s, int *out);

/* The catalogue's self-test (cmd_catalogue.c): the reference must
 * pass the level's suites, and every must-catch mutant must FAIL in the
 * suite and case its row names, with a diagnosis naming its class.  only:
 * one entry id, or NULL for all.  Prints one line per mutant and the wall
 * time to out; returns 0 iff all of that holds. */
int rc_catalogue_selftest(int level, const char *only, FILE *out);

/* docs/catalogue.md from the table, to f. */
void rc_catalogue_markdown(FILE *f);

#endif
