/* `rope-conform --man`: the manual page, troff -man, printed from the same
 * tables as --help (cli_tables.c) and each command's own --help text. */
#include "cli.h"
#include "paths.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Text with troff's special characters escaped: a backslash, a minus, and
 * a control character ('.' or '\'') at the start of a line. */
static void put_text(FILE *out, const char *s)
{
    int bol = 1;
    for (; *s; s++) {
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", out);
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
        bol = *s == '\n';
    }
}

/* What `rope-conform NAME --help` prints on stdout, run in a child so no
 * command's state (getopt, statics) leaks into the next; malloc'd. */
static char *help_of(const rc_subcommand *c)
{
    int fd[2];
    if (pipe(fd) != 0)
        return NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        if (dup2(fd[1], STDOUT_FILENO) < 0)
            _exit(3);
        char name[32], help[] = "--help";
        snprintf(name, sizeof name, "%s", c->name);
        char *argv[] = { name, help, NULL };
        int rc = c->fn(2, argv);
        fflush(stdout);
        _exit(rc);
    }
    close(fd[1]);
    size_t len = 0, cap = 4096;
    char *buf = pid > 0 ? malloc(cap) : NULL;
    ssize_t got = 1;
    while (buf && got > 0) {
        if (len + 1 == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                break;
            buf = b;
        }
        got = read(fd[0], buf + len, cap - 1 - len);
        len += got > 0 ? (size_t)got : 0;
    }
    close(fd[0]);
    int st = 0;
    if (pid > 0)
        waitpid(pid, &st, 0);
    if (!buf || got != 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0 || len == 0) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

static void head(FILE *out)
{
    fprintf(out, ".TH ROPE\\-CONFORM 1 \"\" \"rope\\-conform %s\" \"User Commands\"\n.SH NAME\n", RC_VERSION_STRING);
    fprintf(out, "rope\\-conform \\- conformance suite for RoPE (rotary position embedding) implementations\n"
                 ".SH SYNOPSIS\n");
    for (size_t i = 0; i < rc_n_synopsis; i++) {
        fprintf(out, "%s.B rope\\-conform\n", i ? ".br\n" : "");
        put_text(out, rc_synopsis[i]);
        fputc('\n', out);
    }
    fprintf(out, ".SH DESCRIPTION\n"
                 "Runs the conformance suites on a candidate RoPE implementation, a shared object\n"
                 "exporting \\fBrope_conform_adapter\\fR (the adapter ABI,\n"
                 "\\fIinclude/rope_conform/adapter.h\\fR), and prints a verdict a pull request can be\n"
                 "gated on; the other commands probe, compare, lint and compute golden values.\n"
                 ".SH COMMANDS\n");
    for (size_t i = 0; i < rc_n_commands; i++) {
        fprintf(out, ".TP\n.B %s\n", rc_commands[i].name);
        put_text(out, rc_commands[i].summary);
        fputc('\n', out);
    }
}

static void tail(FILE *out)
{
    fprintf(out, ".SH \"EXIT STATUS\"\n");
    for (size_t i = 0; i < rc_n_exit_codes; i++) {
        fprintf(out, ".TP\n.B %d\n", rc_exit_codes[i].code);
        put_text(out, rc_exit_codes[i].meaning);
        fputc('\n', out);
    }
    fprintf(out, ".SH ENVIRONMENT\n");
    for (int k = 0; k < RC_PATH_KINDS; k++) {
        char dir[4096];
        fprintf(out, ".TP\n.B %s\n", rc_path_env((rc_path_kind)k));
        put_text(out, "The directory of ");
        put_text(out, rc_path_holds((rc_path_kind)k));
        put_text(out, "; by default, relative to the executable: ");
        put_text(out, rc_path((rc_path_kind)k, NULL, dir, sizeof dir));
        put_text(out, ".\n");
    }
    fprintf(out, ".SH \"SEE ALSO\"\n");
    char docs[4096];
    put_text(out, rc_path(RC_PATH_DATA, "docs", docs, sizeof docs));
    fprintf(out, ": abi.md (the adapter ABI), error\\-model.md, config.md, report\\-schema.md,\n"
                 "catalogue.md, ci.md (gating CI with the CMake package and pkg\\-config).\n");
}

int rc_man_page(FILE *out)
{
    head(out);
    int bad = 0;
    fprintf(out, ".SH OPTIONS\n");
    for (size_t i = 0; i < rc_n_commands; i++) {
        char *text = help_of(&rc_commands[i]);
        if (!text) {
            bad = 1;
            continue;
        }
        fprintf(out, ".SS \"rope\\-conform %s\"\n.nf\n", rc_commands[i].name);
        put_text(out, text);
        fprintf(out, "%s.fi\n", text[strlen(text) - 1] == '\n' ? "" : "\n");
        free(text);
    }
    tail(out);
    return bad ? -1 : 0;
}
