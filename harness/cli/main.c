/* rope-conform command line: parse options, dispatch to a subcommand. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    for (size_t i = 0; i < rc_n_synopsis; i++)
        fprintf(f, "%s rope-conform %s\n", i ? "      " : "usage:", rc_synopsis[i]);
    fprintf(f, "\ncommands:\n");
    for (size_t i = 0; i < rc_n_commands; i++)
        fprintf(f, "  %-10s %s\n", rc_commands[i].name, rc_commands[i].summary);
    fprintf(f, "\n'rope-conform COMMAND --help' describes each.  Exit codes:");
    for (size_t i = 0; i < rc_n_exit_codes; i++)
        fprintf(f, "%s%d %s", i == 0 ? " " : i == 1 ? ",\n" : ", ", rc_exit_codes[i].code, rc_exit_codes[i].brief);
    fprintf(f, ".\n");
}

/* `rope-conform --man [FILE]` (not in --help: the build writes the manual
 * page with it). */
static int write_man(const char *path)
{
    FILE *f = path ? fopen(path, "w") : stdout;
    if (!f) {
        fprintf(stderr, "rope-conform: cannot write %s\n", path);
        return 2;
    }
    int bad = rc_man_page(f) != 0;
    bad |= f != stdout ? fclose(f) != 0 : fflush(f) != 0;
    if (bad)
        fprintf(stderr, "rope-conform: --man: could not write the manual page\n");
    return bad ? 3 : 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        rc_cmd_run_help(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("rope-conform %s (adapter ABI %d)\n", RC_VERSION_STRING, 1);
        return 0;
    }
    if (argc >= 2 && argc <= 3 && strcmp(argv[1], "--man") == 0)
        return write_man(argc == 3 ? argv[2] : NULL);
    if (argc >= 2)
        for (size_t i = 0; i < rc_n_commands; i++)
            if (strcmp(argv[1], rc_commands[i].name) == 0)
                return rc_commands[i].fn(argc - 1, argv + 1);
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    /* no command word: `rope-conform [OPTIONS] CANDIDATE.so` means run */
    return rc_cmd_run(argc, argv);
}
