#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for FUZZ_SECONDS (default
# 60), starting from the real inputs we have: the hostile-scan corpus, the nvidia-smi fixtures
# and the shipped label templates. Any crash, leak-free timeout or sanitizer report fails the run;
# the reproducer is kept in build-fuzz/artifacts/. The three fuzzers run side by side (CI gives
# them 180 s on two cores: each gets the CPU time it had when they ran one after another for 120 s).
# Built as OSS-Fuzz builds: -O1 with line tables, enough for symbolised sanitizer stacks.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
./packaging/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    -DREWORK_FUZZ=ON -DREWORK_WERROR=OFF >/dev/null
cmake --build build-fuzz --target fuzz_scan fuzz_nvidia_smi fuzz_label_template

work=build-fuzz/run
rm -rf "$work"
mkdir -p "$work"/seeds/{scan,smi,template} "$work"/corpus/{scan,smi,template} build-fuzz/artifacts
# One seed file per line of the hostile-scan corpus (comments skipped).
n=0
while IFS= read -r line; do
    case "$line" in '#'*|'') continue ;; esac
    n=$((n + 1))
    printf '%s' "$line" >"$work/seeds/scan/$n"
done <tests/corpus/hostile-scans.txt
cp ../shared/fixtures/nvidia-smi/*.xml ../shared/fixtures/nvidia-smi/*.txt "$work/seeds/smi/" 2>/dev/null || true
cp resources/labels/*.json "$work/seeds/template/"

report=build-fuzz/fuzz-report.txt
: >"$report"
targets=(scan:fuzz_scan smi:fuzz_nvidia_smi template:fuzz_label_template)
pids=()
for target in "${targets[@]}"; do
    kind="${target%%:*}" exe="${target##*:}"
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "build-fuzz/tests/fuzz/$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$exe-" \
        "$work/corpus/$kind" "$work/seeds/$kind" >"$work/$exe.log" 2>&1 &
    pids+=($!)
done
status=0
for i in "${!targets[@]}"; do
    kind="${targets[$i]%%:*}" exe="${targets[$i]##*:}"
    log="$work/$exe.log"
    if wait "${pids[$i]}"; then
        result=ok
    else
        result=FAILED
        status=1
        tail -40 "$log"
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    seeds=$(ls "$work/seeds/$kind" | wc -l)
    echo "$exe: $result, ${seconds} s, $runs inputs run, $seeds seeds" | tee -a "$report"
done
exit "$status"
