# shellcheck shell=sh
# shellcheck disable=SC2154 # triage_* variables are set by common.sh, sent before this file
# Link probe: interfaces as netifd sees them, routes, DSL line state, and each network
# device's state and counters from sysfs. Runs after common.sh and redact.sh.
triage_probe link

triage_capture redact ubus call network.interface dump
triage_run ip route
triage_run ip -6 route

# DSL metrics exist only where the DSL daemon registered its ubus object.
triage_capture plain ubus list
case "$triage_nl$triage_out$triage_nl" in
*"${triage_nl}dsl$triage_nl"*) triage_run ubus call dsl metrics ;;
esac

triage_attributes '/sys/class/net/*' operstate carrier speed duplex mtu address carrier_changes \
    statistics/rx_bytes statistics/tx_bytes statistics/rx_errors statistics/tx_errors \
    statistics/rx_dropped statistics/tx_dropped
triage_file /proc/net/dev
triage_done
