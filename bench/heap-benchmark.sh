#!/usr/bin/env bash
# Heap benchmark (not a test): generates a large HPROF with HeapBenchmarkScenario and measures the whole process
# `java -jar target/dumplens.jar heap --json FILE` — wall time, CPU time, peak RSS (from /usr/bin/time -v) and the
# peak of its anonymous and file-backed parts (sampled from /proc every 50 ms).
#
# Usage: bench/heap-benchmark.sh [MILLION_OBJECTS=27] [THREADS=128] [DIR=/tmp/dumplens-bench] [RUNS=3]
# Needs: JDK 17 (java, jar built by `mvn -B -q -DskipTests package`), /usr/bin/time, free disk of ~95 bytes/object.
set -euo pipefail
cd "$(dirname "$0")/.."
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
  /usr/bin/time -v -o "$DIR/time.txt" java -jar target/dumplens.jar heap --json "$HPROF" > "$DIR/heap.json" &
  TIME_PID=$!
  sleep 0.2
  JAVA_PID=$(pgrep -P "$TIME_PID" java | head -1 || true)
  MAX_ANON=0; MAX_FILE=0
  while kill -0 "$TIME_PID" 2>/dev/null; do
    if [ -n "$JAVA_PID" ] && [ -r "/proc/$JAVA_PID/status" ]; then
      ANON=$(awk '/RssAnon/ {print $2}' "/proc/$JAVA_PID/status" 2>/dev/null || echo 0)
      FILE=$(awk '/RssFile/ {print $2}' "/proc/$JAVA_PID/status" 2>/dev/null || echo 0)
      [ "${ANON:-0}" -gt "$MAX_ANON" ] && MAX_ANON=$ANON
      [ "${FILE:-0}" -gt "$MAX_FILE" ] && MAX_FILE=$FILE
    fi
    sleep 0.05
  done
  wait "$TIME_PID"
  WALL=$(awk -F': ' '/Elapsed/ {print $2}' "$DIR/time.txt")
  USER=$(awk -F': ' '/User time/ {print $2}' "$DIR/time.txt")
  SYS=$(awk -F': ' '/System time/ {print $2}' "$DIR/time.txt")
  RSS=$(awk -F': ' '/Maximum resident/ {print $2}' "$DIR/time.txt")
  OBJECTS=$(grep -o '"objects":[0-9]*' "$DIR/heap.json" | cut -d: -f2)
  echo "run $run: wall $WALL, user ${USER}s, sys ${SYS}s, peak RSS $((RSS / 1024)) MiB" \
       "(sampled peaks: anon $((MAX_ANON / 1024)) MiB = $(( MAX_ANON * 1024 / OBJECTS )) B/object," \
       "file-backed $((MAX_FILE / 1024)) MiB), objects $OBJECTS, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
