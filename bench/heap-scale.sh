#!/usr/bin/env bash
# Heap benchmark past 100 M objects (not a test): writes a synthetic HPROF with SyntheticHprof (streaming, no big JVM
# needed; src/test/java/dev/dumplens/heap) once, then measures the whole process
# `java [JAVA_OPTS] -jar target/dumplens.jar heap --json FILE` with bench/measure.sh (wall, CPU, peak RSS, sampled
# anon/file-backed RSS) and checks every thread's retainedBytes in the JSON against the figures the generator printed.
#
# Usage: bench/heap-scale.sh [MILLION_OBJECTS=110] [THREADS=128] [DIR=/tmp/dumplens-bench]
#        JAVA_OPTS="-Xmx12g" bench/heap-scale.sh ...       # JVM options for the measured run
#        GENERATE_ONLY=1 bench/heap-scale.sh ...           # write the file (outside the benchmark lock) and stop
# Run the measurement under `flock /tmp/dumplens-bench.lock` (other engineers measure on the same machine).
# Needs: JDK 17, /usr/bin/time, jq, target/dumplens.jar and target/test-classes (`mvn -B -q -DskipTests package`),
# free disk of ~92 bytes/object (≈10 GB for 110 M).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
MILLIONS=${1:-110}
THREADS=${2:-128}
DIR=${3:-/tmp/dumplens-bench}
mkdir -p "$DIR"
HPROF="$DIR/heap-synth-${MILLIONS}m.hprof"
EXPECTED="$HPROF.expected"

[ -f target/dumplens.jar ] && [ -d target/test-classes ] || mvn -B -q -DskipTests package
if [ ! -f "$HPROF" ] || [ ! -f "$EXPECTED" ]; then
  echo "generating $HPROF ($(df -h --output=avail "$DIR" | tail -1 | xargs) free) ..."
  java -Xmx256m -cp target/test-classes:target/classes dev.dumplens.heap.SyntheticHprof "$HPROF.tmp" "$MILLIONS" \
    "$THREADS" > "$EXPECTED.tmp"
  mv "$HPROF.tmp" "$HPROF"
  mv "$EXPECTED.tmp" "$EXPECTED"
fi
[ -z "${GENERATE_ONLY:-}" ] || exit 0

echo "file: $HPROF ($(stat -L -c %s "$HPROF") bytes), expected figures in $EXPECTED"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1); JAVA_OPTS=${JAVA_OPTS:-none}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$HPROF" > /dev/null   # page cache warm, as after writing the dump (as far as it fits)

JSON="$DIR/heap-synth.json"
# the engine's spill file has no name (unlinked at creation): sample the temp file system's used space instead
TMPFS=${TMPDIR:-/tmp}
USED0=$(df --output=used -B1M "$TMPFS" | tail -1)
( peak=$USED0; while :; do u=$(df --output=used -B1M "$TMPFS" | tail -1); [ "$u" -gt "$peak" ] && peak=$u
  echo $(( peak - USED0 )) > "$DIR/heap-synth.tmpdisk"; sleep 0.5; done ) &
SAMPLER=$!
status=0
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
measure "$JSON" "" java ${JAVA_OPTS:-} -jar target/dumplens.jar heap --json "$HPROF" || status=$?
kill "$SAMPLER"
echo "temp disk: peak growth of $TMPFS used space during the run $(cat "$DIR/heap-synth.tmpdisk") MiB (whole file system)"
echo "wall ${M_WALL}s, CPU ${M_CPU}s, peak RSS $M_RSS MiB (sampled peaks: anon $M_ANON MiB, file-backed $M_FILE MiB)," \
     "exit $status, load after $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$status" -eq 0 ] || { echo "FAILED: $(tail -c 300 "$JSON")"; exit "$status"; }

OBJECTS=$(jq .objects "$JSON")
echo "objects $OBJECTS (expected $(awk '$1 == "objects" {print $2}' "$EXPECTED")), shallowBytes $(jq .shallowBytes "$JSON") \
(expected $(awk '$1 == "shallowBytes" {print $2}' "$EXPECTED")), $(( M_ANON * 1048576 / OBJECTS )) B/object anon, \
warnings $(jq '.warnings | length' "$JSON")"
# every thread: name and retainedBytes, largest first, against the expected figures in the same order
jq -r '.threads[] | "\(.name)\t\(.retainedBytes)"' "$JSON" > "$DIR/heap-synth.actual"
awk -F'\t' '$1 == "thread" {print $2 "\t" $4}' "$EXPECTED" > "$DIR/heap-synth.designed"
if diff -q "$DIR/heap-synth.designed" "$DIR/heap-synth.actual" > /dev/null; then
  echo "threads: all $(wc -l < "$DIR/heap-synth.actual") match the designed ranking and retained bytes exactly; top 3:"
  head -3 "$DIR/heap-synth.actual" | sed 's/^/  /'
else
  echo "threads: MISMATCH against the design (designed < > actual):"
  diff "$DIR/heap-synth.designed" "$DIR/heap-synth.actual" | head -20
  exit 1
fi
