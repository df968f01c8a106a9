#ifndef TRIAGE_MALLOC_ARENAS_SHIMS_H
#define TRIAGE_MALLOC_ARENAS_SHIMS_H

/// mallopt(M_ARENA_MAX, count): glibc declares mallopt in <malloc.h>, which Swift's Glibc module
/// does not include. Returns 1 on success, 0 on failure (as mallopt does).
int triage_limit_malloc_arenas(int count);

#endif
