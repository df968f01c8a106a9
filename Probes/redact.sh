# shellcheck shell=sh
# shellcheck disable=SC2154 # triage_* variables are set by common.sh, sent before this file
# Secret masking, done on the device so that Wi-Fi keys, PPPoE and other passwords and RADIUS
# secrets never leave it (the controller masks again, as a second line of defence).
# Prepended by the controller after common.sh; see Docs/probe-protocol.md, "Redaction".

# Option and member names whose values are secrets, in OpenWrt's uci and ubus vocabulary.
triage_secret_names='key key1 key2 key3 key4 password passwd sae_password psk wpa_psk
passphrase wpa_passphrase secret auth_secret acct_secret dae_secret priv_key_pwd
priv_key2_pwd private_key_passwd pincode'

# Prints text $1 with secret values replaced by ***. Two forms are recognised:
#   ubus JSON   "key": "s3cret",                ->  "key": "***",
#   uci show    wireless.wifinet0.key='s3cret'  ->  wireless.wifinet0.key='***'
# Every secret member of a JSON line is masked, also in compact one-line JSON.
triage_print_redacted() {
    triage_lines "$1"
    while triage_next_line; do
        case $triage_line in
        *[Kk][Ee][Yy]* | *[Pp][Aa][Ss][Ss]* | *[Ss][Ee][Cc][Rr][Ee][Tt]* | *[Pp][Ss][Kk]* | *[Pp][Ii][Nn]*)
            triage_redact_uci "$triage_line" || triage_redact_json "$triage_line" ;;
        *)
            printf '%s\n' "$triage_line" ;;
        esac
    done
}

# uci show form: config.section.option='value'; fails (prints nothing) for other lines.
triage_redact_uci() {
    case $1 in *=*) ;; *) return 1 ;; esac
    triage_option=${1%%=*}
    case $triage_option in '' | *[!A-Za-z0-9_.@[\]-]*) return 1 ;; esac
    triage_option=${triage_option##*.}
    for triage_name in $triage_secret_names; do
        if [ "$triage_option" = "$triage_name" ]; then
            printf "%s='***'\n" "${1%%=*}"
            return 0
        fi
    done
    return 1
}

# JSON: masks the value of each "<secret>": member; the rest of the line stays as it was.
triage_redact_json() {
    triage_todo=$1
    triage_masked=
    while :; do
        # The secret member that comes first in what is left of the line.
        triage_found=
        triage_before=$triage_todo
        for triage_name in $triage_secret_names; do
            case $triage_todo in
            *"\"$triage_name\":"*)
                triage_prefix=${triage_todo%%"\"$triage_name\":"*}
                if [ "${#triage_prefix}" -lt "${#triage_before}" ] || [ -z "$triage_found" ]; then
                    triage_found=$triage_name
                    triage_before=$triage_prefix
                fi ;;
            esac
        done
        [ -n "$triage_found" ] || break
        triage_masked=$triage_masked$triage_before"\"$triage_found\": \"***\""
        triage_value=${triage_todo#*"\"$triage_found\":"}
        triage_value=${triage_value#"${triage_value%%[! 	]*}"}
        case $triage_value in
        \"*)
            # A string: it ends at the next quote, unless that quote is escaped; then the
            # rest of the line is dropped rather than risk printing part of the secret.
            triage_value=${triage_value#\"}
            case ${triage_value%%\"*} in
            *\\ | "$triage_value") triage_todo= ;;
            *) triage_todo=${triage_value#*\"} ;;
            esac ;;
        *)
            # A number, boolean or other: it ends at the next , or }.
            triage_todo=${triage_value#"${triage_value%%[,\}]*}"} ;;
        esac
    done
    printf '%s\n' "$triage_masked$triage_todo"
}
