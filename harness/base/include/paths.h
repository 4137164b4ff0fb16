/* Where rope-conform's own files are: found from the executable's location
 * (/proc/self/exe), never from compiled-in source or build paths, so an
 * installed tree can be moved and every subcommand works from any working
 * directory.
 *
 *   kind          environment override        installed (bin/..)      build tree
 *   RC_PATH_LIB   ROPE_CONFORM_LIB_DIR        lib/rope-conform        adapters
 *   RC_PATH_DATA  ROPE_CONFORM_DATA_DIR       share/rope-conform      share/rope-conform
 *
 * LIB holds librope_reference.so and catalogue/ (the mutants); DATA holds
 * docs/ and vectors/ (in a build tree, links to the source's).  The
 * installed subdirectories, relative to the executable's directory, come
 * from RC_REL_LIBDIR and RC_REL_DATADIR (set by CMake from the install
 * layout); a build tree is recognised by their absence. */
#ifndef RC_PATHS_H
#define RC_PATHS_H

#include <stddef.h>

typedef enum { RC_PATH_LIB, RC_PATH_DATA, RC_PATH_KINDS } rc_path_kind;

/* The kind's environment variable, and what its directory holds. */
const char *rc_path_env(rc_path_kind kind);
const char *rc_path_holds(rc_path_kind kind);

/* dir-of-kind "/" rel (rel NULL or "": the directory itself) into buf;
 * returns buf. */
const char *rc_path(rc_path_kind kind, const char *rel, char *buf, size_t n);

#endif
