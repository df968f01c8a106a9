#ifndef TRIAGE_CLIBSSH_SHIM_H
#define TRIAGE_CLIBSSH_SHIM_H

#include <libssh/libssh.h>
#include <libssh/callbacks.h>
#include <sys/eventfd.h>

/* ssh_options_set takes `const void *`; these keep the casts for integer options in one place. */
static inline int triage_ssh_set_int_option(ssh_session session, enum ssh_options_e option, int value) {
    return ssh_options_set(session, option, &value);
}

static inline int triage_ssh_set_long_option(ssh_session session, enum ssh_options_e option, long value) {
    return ssh_options_set(session, option, &value);
}

/* A session's wake-up descriptor, readable once its caller cancels: an eventfd, close-on-exec and
   non-blocking (Swift's Glibc module does not declare eventfd). -1 if none could be made. */
static inline int triage_wake_fd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

#endif
