#!/usr/bin/env bash
# Builds the scenario programs, runs each one, waits for its READY line, captures thread dumps with the
# real JDK tools and kills the process. Writes the dumps next to this script.
#
#   sample-dumps/capture.sh                 # every capture
#   sample-dumps/capture.sh leak17 busy17   # only some (names: see CAPTURES below)
#
# JDK17_HOME defaults to the JDK of `java` on the PATH (must be 17); JDK21_HOME to Temurin 25 (any JDK 21+
# works for the virtual-thread scenarios; the README documents JDK 25 output).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JDK17_HOME=${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK21_HOME=${JDK21_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CAPTURES=(contention17 contention25 deadlocks17 deadlocks25 vdeadlock25 leak17 busy17 virtual25 tricky17)
WORK=$(mktemp -d)
PID=""
# Fixed GC and JIT thread counts keep the number of VM threads the same from one dump to the next.
STABLE_JVM_OPTS=(-Xmx256m -XX:-UseDynamicNumberOfGCThreads -XX:-UseDynamicNumberOfCompilerThreads)

cleanup() {
    [[ -n "$PID" ]] && stop_scenario
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "capture: $*" >&2; }

# Virtual*.java need JDK 21+; everything else is compiled for (and mostly run on) JDK 17.
build() {
    local src="$HERE/scenarios"
    "$JDK17_HOME/bin/javac" --release 17 -d "$WORK/classes17" $(ls "$src"/*.java | grep -v '/Virtual')
    "$JDK21_HOME/bin/javac" --release 21 -d "$WORK/classes21" "$src/Await.java" "$src"/Virtual*.java
}

# start_scenario JDK_HOME CLASSES MAIN_CLASS [JVM options...] [-- program arguments...]:
# runs it with stdin from a FIFO (file descriptor 9 writes to it) and stdout+stderr to $OUT.
start_scenario() {
    local jdk=$1 classes=$2 main=$3 jvm_opts=() args=()
    shift 3
    while [[ $# -gt 0 && $1 != "--" ]]; do jvm_opts+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    args=("$@")
    OUT="$WORK/$main.out"
    rm -f "$WORK/stdin"
    mkfifo "$WORK/stdin"
    "$jdk/bin/java" "${STABLE_JVM_OPTS[@]}" "${jvm_opts[@]}" -cp "$WORK/$classes" "scenario.$main" "${args[@]}" \
        <"$WORK/stdin" >"$OUT" 2>&1 &
    PID=$!
    exec 9>"$WORK/stdin"
    log "started $main (pid $PID) on $("$jdk/bin/java" -version 2>&1 | head -1)"
}

# wait_for TEXT [COUNT]: waits until $OUT holds COUNT lines containing TEXT.
wait_for() {
    local text=$1 count=${2:-1} i
    for ((i = 0; i < 1200; i++)); do
        if [[ $(grep -cF -- "$text" "$OUT" || true) -ge $count ]]; then
            return 0
        fi
        if ! kill -0 "$PID" 2>/dev/null; then
            cat "$OUT" >&2
            log "process died before '$text'"
            exit 1
        fi
        sleep 0.1
    done
    cat "$OUT" >&2
    log "timed out waiting for '$text'"
    exit 1
}

stop_scenario() {
    exec 9>&-
    kill "$PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.5
    done
    kill -9 "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
}

# Capture helpers: DEST is a file name inside sample-dumps/.
with_jstack() { local jdk=$1 dest=$2; shift 2; "$jdk/bin/jstack" "$@" "$PID" >"$HERE/$dest"; log "wrote $dest"; }
with_jcmd_print() { local jdk=$1 dest=$2; shift 2; "$jdk/bin/jcmd" "$PID" Thread.print "$@" >"$HERE/$dest"; log "wrote $dest"; }
with_dump_to_file() {
    local jdk=$1 dest=$2 tmp="$WORK/dump-to-file.$RANDOM"
    shift 2
    "$jdk/bin/jcmd" "$PID" Thread.dump_to_file "$@" "$tmp" >/dev/null
    mv "$tmp" "$HERE/$dest"
    log "wrote $dest"
}

capture_contention17() {
    start_scenario "$JDK17_HOME" classes17 Contention
    wait_for "READY contention"
    with_jstack "$JDK17_HOME" contention-jdk17-jstack.txt
    with_jstack "$JDK17_HOME" contention-jdk17-jstack-l.txt -l
    with_jcmd_print "$JDK17_HOME" contention-jdk17-jcmd-l-e.txt -l -e
    stop_scenario
}

capture_contention25() {
    start_scenario "$JDK21_HOME" classes17 Contention
    wait_for "READY contention"
    with_jcmd_print "$JDK21_HOME" contention-jdk25-jcmd-l.txt -l
    with_dump_to_file "$JDK21_HOME" contention-jdk25-dump-to-file.txt
    with_dump_to_file "$JDK21_HOME" contention-jdk25-dump-to-file.json -format=json
    stop_scenario
}

capture_deadlocks17() {
    start_scenario "$JDK17_HOME" classes17 Deadlocks
    wait_for "READY deadlocks"
    with_jstack "$JDK17_HOME" deadlocks-jdk17-jstack-l.txt -l
    stop_scenario
}

capture_deadlocks25() {
    start_scenario "$JDK21_HOME" classes17 Deadlocks
    wait_for "READY deadlocks"
    with_jstack "$JDK21_HOME" deadlocks-jdk25-jstack-l.txt -l
    with_dump_to_file "$JDK21_HOME" deadlocks-jdk25-dump-to-file.txt
    with_dump_to_file "$JDK21_HOME" deadlocks-jdk25-dump-to-file.json -format=json
    stop_scenario
}

capture_vdeadlock25() {
    start_scenario "$JDK21_HOME" classes21 VirtualDeadlock
    wait_for "READY virtual-deadlock"
    with_jstack "$JDK21_HOME" virtual-deadlock-jdk25-jstack-l.txt -l
    with_dump_to_file "$JDK21_HOME" virtual-deadlock-jdk25-dump-to-file.txt
    with_dump_to_file "$JDK21_HOME" virtual-deadlock-jdk25-dump-to-file.json -format=json
    stop_scenario
}

LEAK_STEPS=4
LEAK_STEP_PAUSE=${LEAK_STEP_PAUSE:-3}

# Leak series, twice: one jstack file per step, then one application log with a kill -3 dump per step.
capture_leak17() {
    local step
    start_scenario "$JDK17_HOME" classes17 Leak
    wait_for "READY step=0"
    for ((step = 1; step <= LEAK_STEPS; step++)); do
        sleep "$LEAK_STEP_PAUSE"
        echo "step" >&9
        wait_for "READY step=$step"
        with_jstack "$JDK17_HOME" "leak-jdk17-jstack-$step.txt"
    done
    stop_scenario

    start_scenario "$JDK17_HOME" classes17 Leak
    wait_for "READY step=0"
    for ((step = 1; step <= LEAK_STEPS; step++)); do
        sleep "$LEAK_STEP_PAUSE"
        echo "step" >&9
        wait_for "READY step=$step"
        kill -3 "$PID"
        wait_for "JNI global refs" "$step"
    done
    sleep 0.5
    stop_scenario
    cp "$OUT" "$HERE/leak-jdk17-kill3.log"
    log "wrote leak-jdk17-kill3.log"
}

# cpu_per_wall FILE1 FILE2 THREAD: cpu time the thread used between two dumps divided by the wall time between them.
cpu_per_wall() {
    local first second
    first=$(grep -m1 "^\"$3\" " "$1" | sed -E 's/.*cpu=([0-9.]+)ms elapsed=([0-9.]+)s.*/\1 \2/')
    second=$(grep -m1 "^\"$3\" " "$2" | sed -E 's/.*cpu=([0-9.]+)ms elapsed=([0-9.]+)s.*/\1 \2/')
    echo "$first $second" | awk '{ printf "%.2f", ($3 - $1) / 1000 / ($4 - $2) }'
}

# Three captures ~5 s apart. A busy machine starves the spinner, so retry (up to 3 times) until spinner-1 got
# at least half a core between the first and the last capture.
capture_busy17() {
    local attempt i ratio
    for attempt in 1 2 3; do
        start_scenario "$JDK17_HOME" classes17 Busy
        wait_for "READY busy"
        for i in 1 2 3; do
            [[ $i -gt 1 ]] && sleep 5
            with_jstack "$JDK17_HOME" "busy-jdk17-jstack-l-e-$i.txt" -l -e
        done
        stop_scenario
        ratio=$(cpu_per_wall "$HERE/busy-jdk17-jstack-l-e-1.txt" "$HERE/busy-jdk17-jstack-l-e-3.txt" spinner-1)
        log "spinner-1 used $ratio s of cpu per s of wall time (attempt $attempt)"
        awk -v r="$ratio" 'BEGIN { exit !(r >= 0.5) }' && return 0
        sleep 20
    done
    log "WARNING: machine too busy, spinner-1 got only $ratio of a core"
}

# 200 virtual threads keep each file under 300 KB; VT_TOTAL=2000 gives the 2,000-thread variant (~2 MB per file).
# Before JDK 24 a virtual thread blocked on or parked inside a monitor pins its carrier, so JDK 21-23 need a
# carrier for each of the 13 special threads (untested here: only JDK 25 is on the capture machine).
capture_virtual25() {
    local major parallelism=6
    major=$("$JDK21_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
        sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p')
    [[ $major -lt 24 ]] && parallelism=16
    start_scenario "$JDK21_HOME" classes21 VirtualThreads \
        -Djdk.virtualThreadScheduler.parallelism=$parallelism -- "${VT_TOTAL:-200}"
    wait_for "READY virtual-threads"
    with_jstack "$JDK21_HOME" virtual-threads-jdk25-jstack-l.txt -l
    with_jcmd_print "$JDK21_HOME" virtual-threads-jdk25-jcmd.txt
    with_dump_to_file "$JDK21_HOME" virtual-threads-jdk25-dump-to-file.txt
    with_dump_to_file "$JDK21_HOME" virtual-threads-jdk25-dump-to-file.json -format=json
    stop_scenario
}

# kill -3 first (the VM writes names as modified UTF-8 bytes, which jstack's client re-decodes), then jstack.
capture_tricky17() {
    start_scenario "$JDK17_HOME" classes17 TrickyNames
    wait_for "READY tricky-names"
    kill -3 "$PID"
    wait_for "JNI global refs"
    sleep 0.5
    cp "$OUT" "$HERE/tricky-names-jdk17-kill3.log"
    log "wrote tricky-names-jdk17-kill3.log"
    with_jstack "$JDK17_HOME" tricky-names-jdk17-jstack-l.txt -l
    stop_scenario
}

main() {
    local wanted=("$@") name
    [[ ${#wanted[@]} -eq 0 ]] && wanted=("${CAPTURES[@]}")
    build
    for name in "${wanted[@]}"; do
        if [[ " ${CAPTURES[*]} " != *" $name "* ]]; then
            log "unknown capture '$name' (known: ${CAPTURES[*]})"
            exit 2
        fi
        "capture_$name"
    done
}

main "$@"
