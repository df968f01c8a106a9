#ifndef TRIAGE_CHILD_PROCESS_SHIMS_H
#define TRIAGE_CHILD_PROCESS_SHIMS_H

#include <spawn.h>

/// pipe2(fds, O_CLOEXEC): both ends close-on-exec from the start (glibc declares pipe2 only
/// under _GNU_SOURCE, which Swift's Glibc module does not define).
int triage_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addchdir_np (glibc 2.29+), for the same reason.
int triage_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// posix_spawn_file_actions_addclosefrom_np (glibc 2.34+): the child closes every descriptor
/// from `from` up, so it inherits nothing but its standard streams, whatever other threads of
/// this process have open without close-on-exec at that moment (Foundation's file writes, for
/// one: a script being written must not stay open in a child, or running it fails with ETXTBSY).
int triage_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int from);

#endif
