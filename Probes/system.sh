# shellcheck shell=sh
# shellcheck disable=SC2154 # triage_* variables are set by common.sh, sent before this file
# System probe: board, firmware, uptime, load, memory, storage, temperatures and the log.
# Runs after common.sh and redact.sh.
triage_probe system

triage_run ubus call system board
triage_run ubus call system info
triage_file /proc/uptime
triage_file /proc/loadavg
triage_file /proc/meminfo
triage_file /etc/openwrt_release
triage_run df -k
for triage_zone in "$triage_root"/sys/class/thermal/thermal_zone*; do
    [ -d "$triage_zone" ] || continue
    triage_file "${triage_zone#"$triage_root"}/temp"
done

# The system log; devices without logd have only the kernel's ring buffer (the controller
# keeps the last 300 lines of dmesg).
triage_run logread -l 300
if [ "$triage_status" = 127 ]; then
    triage_run dmesg
fi
triage_done
