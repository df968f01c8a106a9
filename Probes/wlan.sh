# shellcheck shell=sh
# shellcheck disable=SC2154 # triage_* variables are set by common.sh, sent before this file
# WLAN probe: radios, their interfaces and stations, rfkill, and what netifd and hostapd say.
# Runs after common.sh and redact.sh; the commands are the probe contract's (DESIGN.md).
triage_probe wlan

# `iw dev` names the wireless interfaces; entries without an "Interface" line (P2P devices)
# have no netdev and are skipped.
triage_capture plain iw dev
triage_interfaces=
triage_lines "$triage_out"
while triage_next_line; do
    triage_line=${triage_line#"${triage_line%%[! 	]*}"}
    case $triage_line in
    'Interface '?*) triage_if=${triage_line#Interface } && triage_interfaces="$triage_interfaces ${triage_if%% *}" ;;
    esac
done
# Names come from the device: no globbing while they are split into words.
set -f
for triage_if in $triage_interfaces; do
    triage_run iw dev "$triage_if" info
    triage_run iw dev "$triage_if" station dump
done
set +f

triage_run iwinfo
triage_capture redact ubus call network.wireless status

# hostapd registers one ubus object per interface, "hostapd.<ifname>"; the bare "hostapd"
# object is the control interface, not an access point.
triage_capture plain ubus list
triage_hostapds=
triage_lines "$triage_out"
while triage_next_line; do
    case $triage_line in
    hostapd.?*) triage_hostapds="$triage_hostapds $triage_line" ;;
    esac
done
set -f
for triage_object in $triage_hostapds; do
    triage_run ubus call "$triage_object" get_clients
    # hostapd's own state of the interface (ENABLED, DFS, COUNTRY_UPDATE, ...) beside netifd's view.
    triage_run ubus call "$triage_object" get_status
done
set +f

# The regulatory domain the kernel applies (global and per self-managed phy).
triage_run iw reg get

triage_listing /sys/class/ieee80211
triage_attributes '/sys/class/rfkill/*' name type soft hard
triage_done
