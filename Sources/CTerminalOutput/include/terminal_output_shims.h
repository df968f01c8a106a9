#ifndef TRIAGE_TERMINAL_OUTPUT_SHIMS_H
#define TRIAGE_TERMINAL_OUTPUT_SHIMS_H

#include <stdio.h>
#include <sys/types.h>

/// Called with what the stream has buffered; returns the number of bytes taken, or -1.
typedef ssize_t (*triage_stream_write_function)(void *cookie, const char *buffer, size_t size);

/// fopencookie(cookie, "w", { .write = write }): a stdio stream whose every write goes to
/// `write`. glibc declares fopencookie only under _GNU_SOURCE, which Swift's Glibc module does
/// not define.
FILE *triage_open_write_stream(void *cookie, triage_stream_write_function write);

/// Makes `output` and `errors` the process's `stdout` and `stderr` (C allows assigning them; to
/// Swift's strict concurrency checking they are shared mutable globals, so it happens here).
void triage_replace_standard_streams(FILE *output, FILE *errors);

/// fflush(stdout).
void triage_flush_standard_output(void);

/// fputs(text, stderr).
void triage_write_standard_error(const char *text);

#endif
