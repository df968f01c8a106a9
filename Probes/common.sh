# shellcheck shell=sh
# Triage probe helpers. The controller sends this file followed by one probe (wlan.sh, link.sh,
# led.sh, system.sh) on stdin to `sh -s -- TOKEN SHA256`; nothing is copied to the device.
# What the probes print is specified in Docs/probe-protocol.md (protocol version 2).
#
# POSIX sh only: it runs on BusyBox ash, dash and bash. Read-only: the helpers write to stdout
# and nowhere else. Files are read with shell builtins and commands run through $(exec ...),
# so a probe starts one process per command (two with `timeout`) and none per file.

# $1: the controller's per-run boundary token (hex); $2: the SHA-256 the controller computed
# over exactly the text it sent on stdin, echoed in the header so stored output names its script.
triage_token=${1-}
triage_sha256=${2:--}
# TRIAGE_ROOT is unset on real devices; simulated devices mirror their files under it.
triage_root=${TRIAGE_ROOT-}
triage_nl='
'
triage_sections=0
# Seconds one command may run where the device has `timeout` (BusyBox >= 1.30 or coreutils).
triage_limit=10
triage_timeout=

case $triage_token in
'' | *[!0-9a-f]*)
    echo 'triage probe: the first argument must be the hex boundary token' >&2
    exit 64 ;;
esac
if command -v timeout >/dev/null 2>&1; then triage_timeout=timeout; fi

# fd 3 is the probe's stdout: inside $( ), a command writes stdout there while $( ) captures
# stderr (or the other way round), which keeps the two apart without temporary files.
exec 3>&1

# Prints one frame line. Every frame line but the header starts with its own newline, so a
# block that does not end in one still leaves the frame at the start of a line.
triage_frame() {
    printf '\n@@triage %s %s\n' "$triage_token" "$1"
}

triage_probe() {
    printf '@@triage %s probe version=2 name=%s sha256=%s\n' "$triage_token" "$1" "$triage_sha256"
}

triage_done() {
    triage_frame "done sections=$triage_sections"
}

triage_begin() {
    triage_sections=$((triage_sections + 1))
    triage_frame "begin $1 $2"
}

# Sets triage_now to centiseconds since boot (builtins only: no `date` process), or to nothing.
triage_clock() {
    triage_now=
    IFS=' .' read -r triage_s triage_c _ 2>/dev/null </proc/uptime || return 0
    triage_c=${triage_c#0}
    triage_now=$((triage_s * 100 + ${triage_c:-0}))
}

# Ends a command section: exit code, duration, and whether `timeout` cut the command short
# (coreutils exits 124; BusyBox's timeout kills with SIGTERM, 143).
triage_end_command() {
    triage_t0=$triage_now
    triage_clock
    triage_fields="exit=$triage_status"
    if [ -n "$triage_t0" ] && [ -n "$triage_now" ]; then
        triage_fields="$triage_fields ms=$(((triage_now - triage_t0) * 10))"
    fi
    if [ -n "$triage_timeout" ] && { [ "$triage_status" = 124 ] || [ "$triage_status" = 143 ]; }; then
        triage_fields="$triage_fields cut=timeout"
    fi
    triage_frame "end $triage_fields"
}

# Runs one contract command: stdout goes straight into the frame as it comes (logs can be
# long), stderr is captured and framed after it. stdin is /dev/null: the probe's own stdin is
# the script text that `sh -s` is still reading.
triage_run() {
    triage_begin command "$*"
    triage_frame out
    triage_clock
    if [ -n "$triage_timeout" ]; then
        triage_err=$(exec timeout "$triage_limit" "$@" </dev/null 2>&1 1>&3 3>&-)
    else
        triage_err=$(exec "$@" </dev/null 2>&1 1>&3 3>&-)
    fi
    triage_status=$?
    if [ -n "$triage_err" ]; then
        triage_frame err
        printf '%s' "$triage_err"
    fi
    triage_end_command
}

# Like triage_run, but captures stdout in triage_out (for the probe to read) and streams
# stderr instead. With "redact" as $1, secrets in stdout are masked before it is printed.
triage_capture() {
    triage_mode=$1
    shift
    triage_begin command "$*"
    triage_frame err
    triage_clock
    if [ -n "$triage_timeout" ]; then
        triage_out=$(exec timeout "$triage_limit" "$@" </dev/null 2>&3 3>&-)
    else
        triage_out=$(exec "$@" </dev/null 2>&3 3>&-)
    fi
    triage_status=$?
    triage_frame out
    if [ "$triage_mode" = redact ]; then
        triage_print_redacted "$triage_out"
    else
        printf '%s' "$triage_out"
    fi
    triage_end_command
}

# Walks text line by line without a subshell or here-document (both can cost a process):
# triage_lines TEXT, then `while triage_next_line; do ... "$triage_line" ...; done`.
triage_lines() {
    triage_rest=$1
}

triage_next_line() {
    [ -n "$triage_rest" ] || return 1
    # shellcheck disable=SC2034 # read by the probes
    triage_line=${triage_rest%%"$triage_nl"*}
    case $triage_rest in
    *"$triage_nl"*) triage_rest=${triage_rest#*"$triage_nl"} ;;
    *) triage_rest= ;;
    esac
}

# Reads the device file $1 (a path without TRIAGE_ROOT) into a file section. Absent or
# unreadable files are "absent". sysfs attributes always hold at least a newline, so an empty
# read under /sys means the kernel refused it (e.g. speed of a link that is down): absent too.
triage_file() {
    triage_begin file "$1"
    triage_path=$triage_root$1
    triage_text=
    if [ -f "$triage_path" ] && [ -r "$triage_path" ]; then
        triage_slurp 2>/dev/null <"$triage_path"
        case $1:$triage_text in
        /sys/*:) ;;
        *)
            triage_frame out
            printf '%s' "$triage_text"
            triage_frame end
            return 0 ;;
        esac
    fi
    triage_frame 'end absent'
}

# Reads only the first line of the device file $1 into a file section marked `head=1` (a pstore
# record's header says why it was written; the rest is a whole kernel log, too long to send).
triage_file_head() {
    triage_begin file "$1"
    triage_l=
    if [ -f "$triage_root$1" ] && [ -r "$triage_root$1" ] \
        && { IFS= read -r triage_l 2>/dev/null <"$triage_root$1" || [ -n "$triage_l" ]; }; then
        triage_frame out
        printf '%s\n' "$triage_l"
        triage_frame 'end head=1'
        return 0
    fi
    triage_frame 'end absent'
}

# Reads stdin into triage_text exactly (a shell cannot hold NUL bytes; those are dropped).
triage_slurp() {
    triage_text=
    while IFS= read -r triage_l; do
        triage_text=$triage_text$triage_l$triage_nl
    done
    triage_text=$triage_text$triage_l
}

# Lists the entries of the device directory $1 (without TRIAGE_ROOT), one name a line.
triage_listing() {
    triage_begin dir "$1/"
    if [ ! -d "$triage_root$1" ]; then
        triage_frame 'end absent'
        return 0
    fi
    triage_frame out
    for triage_entry in "$triage_root$1"/*; do
        [ -e "$triage_entry" ] || [ -L "$triage_entry" ] || continue
        printf '%s\n' "${triage_entry##*/}"
    done
    triage_frame end
}

# Reads one file section for each attribute ($2...) of each device directory matching the
# glob $1 (a device path without TRIAGE_ROOT, e.g. /sys/class/leds/*).
triage_attributes() {
    triage_glob=$1
    shift
    for triage_dir in "$triage_root"$triage_glob; do
        [ -d "$triage_dir" ] || continue
        for triage_attr in "$@"; do
            triage_file "${triage_dir#"$triage_root"}/$triage_attr"
        done
    done
}
