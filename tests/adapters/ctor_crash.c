/* Broken on purpose: a constructor aborts while the library is loaded. */
#include <stdlib.h>
#include "rope_conform/adapter.h"

__attribute__((constructor)) static void boom(void) { abort(); }

const rc_adapter *rope_conform_adapter(void) { return 0; }
