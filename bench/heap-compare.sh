#!/usr/bin/env bash
# Heap comparison (not a test): DumpLens, haha 1.3 (HahaBenchmark) and the NetBeans profiler library, VisualVM's
# engine (NetBeansBenchmark), on the same HPROF one after the other in one session, each as a whole process: wall and
# CPU time, peak RSS and its anonymous / file-backed peaks, the peak size of the index or cache files it writes, and
# the ratios to DumpLens. Each engine answers the per-thread question: every thread's retained size.
#
# Usage (other engineers measure on the same machine: take the shared lock):
#   flock /tmp/dumplens-bench.lock bench/heap-compare.sh FILE.hprof [NETBEANS_XMX=16g] [HAHA_XMX=10g]
# Needs: target/dumplens.jar and the test classes (`mvn -B -q -DskipTests package`, which also fetches the two
# test-scope libraries), /usr/bin/time. The engines' outputs are kept in a temp directory, printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
HPROF=${1:?usage: bench/heap-compare.sh FILE.hprof [NETBEANS_XMX] [HAHA_XMX]}
NB_XMX=${2:-16g}
HAHA_XMX=${3:-10g}
OUT=$(mktemp -d /tmp/heap-compare.XXXXXX)

[ -f target/dumplens.jar ] && [ -f target/test-classes/dev/dumplens/heap/NetBeansBenchmark.class ] \
  || mvn -B -q -DskipTests package
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" > /dev/null
jar_of() { tr ':' '\n' < "$OUT/classpath.txt" | grep "/$1-[^/]*\.jar$"; }
BENCH_CP=target/test-classes:$(jar_of haha):$(jar_of org-netbeans-lib-profiler)

# What the two libraries leave next to the dump: MAT's indexes (reused by a later run if newer than the dump) and
# NetBeans' cache directory (its saved results likewise). Removed before and after each run, so every run starts cold.
HAHA_FILES="${HPROF%.*}.*index ${HPROF%.*}.threads"
NB_CACHE="$HPROF.nbcache"
clean() { rm -rf "$NB_CACHE"; for f in $HAHA_FILES; do rm -f "$f"; done; }
trap clean EXIT
clean

echo "file: $HPROF ($(stat -L -c %s "$HPROF") bytes)"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"

ROWS=()
run() {   # run NAME WATCH COMMAND...
  local name=$1 watch=$2 load
  shift 2
  cat "$HPROF" > /dev/null   # page cache warm for every engine
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$name: $* (load before: $load)"
  measure "$OUT/$name.txt" "$watch" "$@" || echo "$name: exit status $?"
  clean
  echo "$name: wall ${M_WALL}s, CPU ${M_CPU}s, peak RSS $M_RSS MiB (anon $M_ANON, file $M_FILE), files $M_DISK MiB"
  ROWS+=("$name $M_WALL $M_CPU $M_RSS $M_ANON $M_FILE $M_DISK $load")
}

run dumplens "" java -jar target/dumplens.jar heap --json "$HPROF"
run haha "$HAHA_FILES" java -Xmx"$HAHA_XMX" -cp "$BENCH_CP" dev.dumplens.heap.HahaBenchmark "$HPROF"
run netbeans "$NB_CACHE" java -Xmx"$NB_XMX" -cp "$BENCH_CP" dev.dumplens.heap.NetBeansBenchmark "$HPROF" 5

echo
echo "| engine | wall | CPU (user + sys) | peak RSS | peak anon / file-backed | index/cache files" \
     "| wall ÷ DumpLens | CPU ÷ DumpLens | load before |"
echo "|---|---|---|---|---|---|---|---|---|"
read -r _ BASE_WALL BASE_CPU _ <<< "${ROWS[0]}"
for row in "${ROWS[@]}"; do
  read -r name wall cpu rss anon file disk l1 l2 l3 <<< "$row"
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v r="$rss" -v a="$anon" -v f="$file" -v d="$disk" -v bw="$BASE_WALL" \
      -v bc="$BASE_CPU" -v l="$l1 $l2 $l3" 'BEGIN {
    printf "| %s | %.1f s | %.1f s | %d MiB | %d / %d MiB | %d MiB | %.1f× | %.1f× | %s |\n",
      n, w, c, r, a, f, d, w / bw, c / bc, l }'
done
echo
grep -o '"objects":[0-9]*' "$OUT/dumplens.txt" | sed 's/^/dumplens: /'
echo "haha: $(cat "$OUT/haha.txt")"
sed 's/^/netbeans: /' "$OUT/netbeans.txt"
echo "(outputs in $OUT)"
