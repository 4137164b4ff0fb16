/* rope-conform command line: parse options, dispatch to a subcommand. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const rc_subcommand commands[] = {
#define RC_COMMAND(name, fn, summary) { #name, fn, summary },
#include "commands.def"
#undef RC_COMMAND
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f,
            "usage: rope-conform [run] [OPTIONS] CANDIDATE.so\n"
            "       rope-conform COMMAND [ARGS]\n\n"
            "commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'rope-conform COMMAND --help' describes each.  Exit codes: 0 conformant,\n"
               "1 not conformant, 2 usage/config/load error, 3 internal error.\n");
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
    if (argc >= 2)
        for (size_t i = 0; i < N_COMMANDS; i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].fn(argc - 1, argv + 1);
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    /* no command word: `rope-conform [OPTIONS] CANDIDATE.so` means run */
    return rc_cmd_run(argc, argv);
}
