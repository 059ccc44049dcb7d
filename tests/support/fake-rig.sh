#!/bin/sh
# A fake test rig tool for the tests of "Run test plan" and `reworkctl test run`: prints a captured
# output slowly (slow), stops half-way as a crashed tool does (die), or prints a little and hangs
# with a child process of its own (hang; the child's pid goes to PIDFILE).
#   fake-rig.sh slow FILE [DELAY]        (DELAY seconds a line; 0: all at once)
#   fake-rig.sh die FILE [DELAY]
#   fake-rig.sh hang FILE PIDFILE
#   fake-rig.sh until-ctrl-c FILE N      (all but the last N lines, the rest on Ctrl-C, as
#                                         memtest_vulkan tests until it is stopped)
mode=$1
file=$2
delay=${3:-0.02}
case "$mode" in
slow)
    [ "$delay" = 0 ] && exec cat "$file"
    while IFS= read -r line || [ -n "$line" ]; do
        printf '%s\n' "$line"
        sleep "$delay"
    done <"$file"
    ;;
die)
    half=$(($(wc -l <"$file") / 2))
    head -n "$half" "$file" | while IFS= read -r line; do
        printf '%s\n' "$line"
        sleep "$delay"
    done
    kill -KILL $$
    ;;
hang)
    head -n 5 "$file"
    sleep 3600 &
    echo $! >"$3"
    wait
    ;;
until-ctrl-c)
    total=$(wc -l <"$file")
    head -n $((total - $3)) "$file"
    trap 'tail -n "$3" "$file"; exit 0' INT
    while :; do sleep 0.1; done
    ;;
*)
    echo "fake-rig.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
