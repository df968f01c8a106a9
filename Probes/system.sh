# shellcheck shell=sh
# shellcheck disable=SC2154 # triage_* variables are set by common.sh, sent before this file
# System probe: board, firmware, uptime, load, memory, storage, temperatures and their limits,
# the reasons for recent resets, and the log.
# Runs after common.sh and redact.sh.
triage_probe system

triage_run ubus call system board
triage_run ubus call system info
triage_file /proc/uptime
triage_file /proc/loadavg
triage_file /proc/meminfo
triage_file /etc/openwrt_release
triage_run df -k

# Each thermal zone's type, temperature and its own trip points: the limits the kernel acts on
# (passive: throttle, hot: notify, critical: shut down), so rules need no thresholds of ours.
triage_zones=0
for triage_zone in "$triage_root"/sys/class/thermal/thermal_zone*; do
    [ -d "$triage_zone" ] || continue
    triage_zones=$((triage_zones + 1))
    triage_zone=${triage_zone#"$triage_root"}
    triage_file "$triage_zone/type"
    triage_file "$triage_zone/temp"
    for triage_trip in "$triage_root$triage_zone"/trip_point_*_temp; do
        [ -f "$triage_trip" ] || continue
        triage_trip=${triage_trip%_temp}
        triage_file "${triage_trip#"$triage_root"}_temp"
        triage_file "${triage_trip#"$triage_root"}_type"
    done
done
# Devices without thermal zones may still have hwmon sensors (a chip's own limits: crit, max).
if [ "$triage_zones" = 0 ]; then
    for triage_chip in "$triage_root"/sys/class/hwmon/hwmon*; do
        [ -d "$triage_chip" ] || continue
        triage_chip=${triage_chip#"$triage_root"}
        triage_file "$triage_chip/name"
        for triage_sensor in "$triage_root$triage_chip"/temp*_input; do
            [ -f "$triage_sensor" ] || continue
            triage_sensor=${triage_sensor%_input}
            triage_sensor=${triage_sensor#"$triage_root"}
            triage_file "${triage_sensor}_input"
            for triage_limit_file in "${triage_sensor}_crit" "${triage_sensor}_max"; do
                [ -f "$triage_root$triage_limit_file" ] && triage_file "$triage_limit_file"
            done
        done
    done
fi

# Why and how often the device restarted: the boot id (changes at every boot), each watchdog's
# bootstatus (the kernel's WDIOF_* reset reasons), and the crash records pstore kept across the
# last reset (only their header line: "Panic#1 Part1"). Boots in the log are counted by the controller.
triage_file /proc/sys/kernel/random/boot_id
for triage_watchdog in "$triage_root"/sys/class/watchdog/watchdog*; do
    [ -d "$triage_watchdog" ] || continue
    triage_watchdog=${triage_watchdog#"$triage_root"}
    triage_file "$triage_watchdog/identity"
    triage_file "$triage_watchdog/bootstatus"
done
triage_listing /sys/fs/pstore
for triage_record in "$triage_root"/sys/fs/pstore/dmesg-*; do
    [ -f "$triage_record" ] || continue
    triage_file_head "${triage_record#"$triage_root"}"
done

# The system log; devices without logd have only the kernel's ring buffer (the controller
# keeps the last 300 lines of dmesg).
triage_run logread -l 300
if [ "$triage_status" = 127 ]; then
    triage_run dmesg
fi
triage_done
