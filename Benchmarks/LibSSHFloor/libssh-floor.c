/*
 * The libssh floor for scripts/bench-sweep: what the SSH part of a sweep alone costs with the
 * library Triage uses, done as plainly as C allows.
 *
 * For every host read from stdin (one per line), on one of C threads: connect, verify the host
 * key against a known_hosts file (strict), log in with one private key, then for each probe
 * script given on the command line open a channel, exec `sh -s -- TOKEN SHA256`, write the
 * script to stdin, send EOF, read stdout and stderr to the end (counted, not kept), read the exit
 * status and close the channel; then disconnect. That is the bytes and round trips of a Triage
 * sweep, without parsing, rules, store or output. One line per host on stdout:
 * `HOST STATUS START END` (STATUS 0 when every probe exited 0), the reference's format.
 *
 * It is a benchmark's yardstick, not part of Triage: bench-sweep compiles it into its own
 * temporary folder (cc -O2 ... -lssh -lpthread) and runs it under GNU time.
 *
 * usage: libssh-floor PORT USER KEY_FILE KNOWN_HOSTS CONCURRENCY SCRIPT SHA256 [SCRIPT SHA256 ...] < hosts
 */
#include <libssh/libssh.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_SCRIPTS 8

struct script {
    char *text;
    size_t length;
    const char *sha256;
};

static int port;
static const char *user, *key_file, *known_hosts;
static struct script scripts[MAX_SCRIPTS];
static int script_count;
static char **hosts;
static size_t host_count;
static atomic_size_t next_host;
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;

static double now_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        exit(2);
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, file) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    fclose(file);
    *length = (size_t)size;
    return text;
}

/* The first few failures go to stderr, so a broken setup says why. */
static void report(const char *host, const char *stage, const char *error) {
    static atomic_int reported;
    if (atomic_fetch_add(&reported, 1) < 5) fprintf(stderr, "%s: %s failed: %s\n", host, stage, error);
}

/* One probe on an open session; 0 when it ran and exited 0. */
static int run_probe(ssh_session session, const struct script *script, unsigned token) {
    ssh_channel channel = ssh_channel_new(session);
    if (!channel) return 1;
    int failed = 1;
    char command[160];
    snprintf(command, sizeof command, "sh -s -- %08x%08x%08x%08x %s", token, token ^ 0x5bd1e995u, token * 2654435761u,
             ~token, script->sha256);
    if (ssh_channel_open_session(channel) != SSH_OK) goto done;
    if (ssh_channel_request_exec(channel, command) != SSH_OK) goto close;
    size_t written = 0;
    while (written < script->length) {
        int wrote = ssh_channel_write(channel, script->text + written, (uint32_t)(script->length - written));
        if (wrote <= 0) goto close;
        written += (size_t)wrote;
    }
    if (ssh_channel_send_eof(channel) != SSH_OK) goto close;
    char buffer[16384];
    size_t received = 0;
    for (int is_stderr = 0; is_stderr <= 1; is_stderr++) {
        int got;
        while ((got = ssh_channel_read(channel, buffer, sizeof buffer, is_stderr)) > 0) received += (size_t)got;
        if (got < 0) goto close;
    }
    int status = ssh_channel_get_exit_status(channel);
    failed = status != 0 || received == 0;
    if (failed) {
        char detail[64];
        snprintf(detail, sizeof detail, "exit status %d, %zu bytes of output", status, received);
        report("-", "probe", detail);
    }
close:
    ssh_channel_close(channel);
done:
    ssh_channel_free(channel);
    return failed;
}

static int diagnose_host(const char *host, ssh_key key, unsigned *token) {
    ssh_session session = ssh_new();
    if (!session) return 1;
    int failed = 1;
    long timeout = 20;
    ssh_options_set(session, SSH_OPTIONS_HOST, host);
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(session, SSH_OPTIONS_USER, user);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, known_hosts);
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout);
    /* Triage's `modern` algorithm lists (SSHTransport/Configuration/SSHAlgorithms.swift). */
    ssh_options_set(session, SSH_OPTIONS_KEY_EXCHANGE,
                    "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
                    "ecdh-sha2-nistp521,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,"
                    "diffie-hellman-group14-sha256");
    ssh_options_set(session, SSH_OPTIONS_HOSTKEYS,
                    "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256");
    ssh_options_set(session, SSH_OPTIONS_CIPHERS_C_S,
                    "aes256-gcm@openssh.com,aes128-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr");
    ssh_options_set(session, SSH_OPTIONS_CIPHERS_S_C,
                    "aes256-gcm@openssh.com,aes128-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr");
    ssh_options_set(session, SSH_OPTIONS_HMAC_C_S,
                    "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512");
    ssh_options_set(session, SSH_OPTIONS_HMAC_S_C,
                    "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512");
    int process_config = 0;
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &process_config);
    if (ssh_connect(session) != SSH_OK) {
        report(host, "connect", ssh_get_error(session));
        goto done;
    }
    if (ssh_session_is_known_server(session) != SSH_KNOWN_HOSTS_OK) {
        report(host, "host key not known", ssh_get_error(session));
        goto disconnect;
    }
    if (ssh_userauth_publickey(session, NULL, key) != SSH_AUTH_SUCCESS) {
        report(host, "login", ssh_get_error(session));
        goto disconnect;
    }
    failed = 0;
    for (int index = 0; index < script_count; index++) {
        *token = *token * 1103515245u + 12345u;
        failed |= run_probe(session, &scripts[index], *token);
    }
disconnect:
    ssh_disconnect(session);
done:
    ssh_free(session);
    return failed;
}

static void *worker(void *argument) {
    unsigned token = (unsigned)(size_t)argument * 2654435761u ^ (unsigned)time(NULL);
    ssh_key key = NULL;
    if (ssh_pki_import_privkey_file(key_file, NULL, NULL, NULL, &key) != SSH_OK) {
        fprintf(stderr, "cannot read the private key %s\n", key_file);
        exit(2);
    }
    for (;;) {
        size_t index = atomic_fetch_add(&next_host, 1);
        if (index >= host_count) break;
        double start = now_seconds();
        int failed = diagnose_host(hosts[index], key, &token);
        double end = now_seconds();
        pthread_mutex_lock(&output_lock);
        printf("%s %d %.6f %.6f\n", hosts[index], failed, start, end);
        pthread_mutex_unlock(&output_lock);
    }
    ssh_key_free(key);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 8 || (argc - 6) % 2 != 0 || (argc - 6) / 2 > MAX_SCRIPTS) {
        fprintf(stderr, "usage: %s PORT USER KEY_FILE KNOWN_HOSTS CONCURRENCY SCRIPT SHA256 [SCRIPT SHA256 ...] < hosts\n",
                argv[0]);
        return 2;
    }
    port = atoi(argv[1]);
    user = argv[2];
    key_file = argv[3];
    known_hosts = argv[4];
    int concurrency = atoi(argv[5]);
    if (port <= 0 || concurrency <= 0) {
        fprintf(stderr, "PORT and CONCURRENCY must be positive numbers\n");
        return 2;
    }
    for (int index = 6; index + 1 < argc; index += 2) {
        scripts[script_count].text = read_file(argv[index], &scripts[script_count].length);
        scripts[script_count].sha256 = argv[index + 1];
        script_count++;
    }
    size_t capacity = 1024;
    hosts = malloc(capacity * sizeof *hosts);
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) continue;
        if (host_count == capacity) hosts = realloc(hosts, (capacity *= 2) * sizeof *hosts);
        hosts[host_count++] = strdup(line);
    }
    ssh_init();
    pthread_t *threads = calloc((size_t)concurrency, sizeof *threads);
    for (int index = 0; index < concurrency; index++) pthread_create(&threads[index], NULL, worker, (void *)(size_t)index);
    for (int index = 0; index < concurrency; index++) pthread_join(threads[index], NULL);
    ssh_finalize();
    return 0;
}
