#ifndef TRIAGE_CLIBSSH_SHIM_H
#define TRIAGE_CLIBSSH_SHIM_H

#include <libssh/libssh.h>
#include <libssh/callbacks.h>

/* ssh_options_set takes `const void *`; these keep the casts for integer options in one place. */
static inline int triage_ssh_set_int_option(ssh_session session, enum ssh_options_e option, int value) {
    return ssh_options_set(session, option, &value);
}

static inline int triage_ssh_set_long_option(ssh_session session, enum ssh_options_e option, long value) {
    return ssh_options_set(session, option, &value);
}

#endif
