/* Broken on purpose: the entry function itself crashes (SIGSEGV). */
#include <stdint.h>
#include "rope_conform/adapter.h"

const rc_adapter *rope_conform_adapter(void)
{
    volatile uintptr_t bad = 8;
    return (const rc_adapter *)(uintptr_t)*(volatile int *)bad;
}
