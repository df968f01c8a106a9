# shellcheck shell=sh
# shellcheck disable=SC2154 # triage_* variables are set by common.sh, sent before this file
# LED probe: what each LED shows and what drives it, and the LED configuration.
# Runs after common.sh and redact.sh.
triage_probe led

triage_attributes '/sys/class/leds/*' brightness max_brightness trigger
# The whole system config goes out (redacted); the controller keeps only its LED sections.
triage_capture redact uci -q show system
triage_done
