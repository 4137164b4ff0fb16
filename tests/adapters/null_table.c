/* Broken on purpose: the entry function returns NULL. */
#include "rope_conform/adapter.h"

const rc_adapter *rope_conform_adapter(void) { return 0; }
