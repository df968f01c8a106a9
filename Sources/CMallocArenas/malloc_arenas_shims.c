#include <malloc.h>
#include "malloc_arenas_shims.h"

int triage_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
