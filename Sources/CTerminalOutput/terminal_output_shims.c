#define _GNU_SOURCE
#include <stdio.h>
#include "terminal_output_shims.h"

FILE *triage_open_write_stream(void *cookie, triage_stream_write_function write) {
    cookie_io_functions_t functions = { .read = NULL, .write = write, .seek = NULL, .close = NULL };
    return fopencookie(cookie, "w", functions);
}

void triage_replace_standard_streams(FILE *output, FILE *errors) {
    if (output != NULL) stdout = output;
    if (errors != NULL) stderr = errors;
}

void triage_flush_standard_output(void) {
    fflush(stdout);
}

void triage_write_standard_error(const char *text) {
    fputs(text, stderr);
}
