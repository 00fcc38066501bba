# Sourced by the heap benchmark scripts (not run on its own).
#
# measure OUT WATCH COMMAND...: runs COMMAND under /usr/bin/time -v with its stdout in OUT and measures the whole
# process: wall and CPU time, peak RSS, and the peaks of the anonymous and file-backed resident memory of the java
# process and the JVM it may start (a plain `java -jar` heap or thread-dump command re-launches itself in a tuned
# child JVM; the two are summed), sampled from /proc every 50 ms. WATCH is a shell pattern of the files the command writes besides OUT (its cache or
# index files; "" for none): their summed size is sampled every 250 ms. Sets M_WALL and M_CPU (seconds), M_RSS,
# M_ANON, M_FILE and M_DISK (MiB).
measure() {
  local out=$1 watch=$2 timing
  shift 2
  timing=$(mktemp)
  /usr/bin/time -v -o "$timing" "$@" > "$out" &
  local time_pid=$! java_pid="" anon file disk tick=0 p a f sampled=0
  M_ANON=0; M_FILE=0; M_DISK=0
  while kill -0 "$time_pid" 2>/dev/null; do
    [ -n "$java_pid" ] || java_pid=$(pgrep -P "$time_pid" java | head -1 || true)
    if [ -n "$java_pid" ]; then
      anon=0; file=0
      for p in "$java_pid" $(pgrep -P "$java_pid" java || true); do
        a=$(awk '/RssAnon/ {print int($2 / 1024)}' "/proc/$p/status" 2>/dev/null || true)
        f=$(awk '/RssFile/ {print int($2 / 1024)}' "/proc/$p/status" 2>/dev/null || true)
        anon=$((anon + ${a:-0}))
        file=$((file + ${f:-0}))
      done
      [ "$anon" -gt "$M_ANON" ] && M_ANON=$anon
      [ "$file" -gt "$M_FILE" ] && M_FILE=$file
      [ $((anon + file)) -gt "$sampled" ] && sampled=$((anon + file))
    fi
    if [ -n "$watch" ] && [ $((tick++ % 5)) -eq 0 ]; then
      # shellcheck disable=SC2086 # the pattern is meant to expand
      disk=$(du -cbs $watch 2>/dev/null | awk 'END {print int($1 / 1048576)}') || true
      [ "${disk:-0}" -gt "$M_DISK" ] && M_DISK=$disk
    fi
    sleep 0.05
  done
  local status=0
  wait "$time_pid" || status=$?
  M_WALL=$(awk -F': ' '/Elapsed/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' \
    "$timing")
  M_CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$timing")
  # time -v reports the largest single process; with a re-launch the sampled sum of both is the figure
  M_RSS=$(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' "$timing")
  [ "$sampled" -gt "$M_RSS" ] && M_RSS=$sampled
  rm -f "$timing"
  return "$status"
}
