#!/usr/bin/env bash
# Heap benchmark (not a test): generates a large HPROF with HeapBenchmarkScenario and measures the whole process
# `java -jar target/dumplens.jar heap --json FILE` — wall time, CPU time, peak RSS (from /usr/bin/time -v) and the
# peak of its anonymous and file-backed parts (sampled from /proc every 50 ms).
#
# Usage: bench/heap-benchmark.sh [MILLION_OBJECTS=27] [THREADS=128] [DIR=/tmp/dumplens-bench] [RUNS=3]
# Needs: JDK 17 (java, jar built by `mvn -B -q -DskipTests package`), /usr/bin/time, free disk of ~95 bytes/object.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
MILLIONS=${1:-27}
THREADS=${2:-128}
DIR=${3:-/tmp/dumplens-bench}
RUNS=${4:-3}
mkdir -p "$DIR"
HPROF="$DIR/heap-${MILLIONS}m-${THREADS}t.hprof"

[ -f target/dumplens.jar ] && [ -d target/test-classes ] || mvn -B -q -DskipTests package
if [ ! -f "$HPROF" ]; then
  echo "generating $HPROF ..."
  java -Xmx$(( MILLIONS / 3 + 3 ))g -cp target/test-classes dev.dumplens.heap.HeapBenchmarkScenario "$HPROF.tmp" \
    "$MILLIONS" "$THREADS"
  mv "$HPROF.tmp" "$HPROF"
fi
echo "file: $HPROF ($(stat -L -c %s "$HPROF") bytes)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
cat "$HPROF" > /dev/null   # page cache warm, as after writing the dump

for run in $(seq 1 "$RUNS"); do
  measure "$DIR/heap.json" "" java -jar target/dumplens.jar heap --json "$HPROF"
  OBJECTS=$(grep -o '"objects":[0-9]*' "$DIR/heap.json" | cut -d: -f2)
  echo "run $run: wall ${M_WALL}s, CPU ${M_CPU}s, peak RSS $M_RSS MiB (sampled peaks: anon $M_ANON MiB =" \
       "$(( M_ANON * 1048576 / OBJECTS )) B/object, file-backed $M_FILE MiB), objects $OBJECTS," \
       "load $(cut -d' ' -f1-3 /proc/loadavg)"
done
