#!/usr/bin/env bash
# Builds the Go scenario programs (Go 1.19 or later on the PATH) and captures their goroutine dumps into this
# folder. Takes about 80 seconds: the last capture waits until the leaked goroutines are over a minute old.
#
#   leak-debug1-N.txt, leak-debug2-N.txt  N = 1..4: /debug/pprof/goroutine?debug=1 and ?debug=2 after N GET /leak
#                                          (4 is taken 65 s after 3, so goroutines show "1 minutes")
#   leak-sigquit.txt                      what the server prints on kill -QUIT (GOTRACEBACK=all) right after that
#   crash-deadlock.txt                    crashers deadlock: "fatal error: all goroutines are asleep - deadlock!"
#   crash-panic.txt                       crashers panic: "panic: assignment to entry in nil map"
set -euo pipefail
cd "$(dirname "$0")"
OUT=$(pwd)
WORK=$(mktemp -d)
SERVER=
cleanup() {
    if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then kill "$SERVER"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

go version
# -trimpath: file paths read "leakserver/main.go" and "runtime/proc.go", not the build machine's directories
(cd leakserver && go build -trimpath -o "$WORK/leakserver" .)
(cd crashers && go build -trimpath -o "$WORK/crashers" .)

GOTRACEBACK=all "$WORK/leakserver" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER=$!
for _ in $(seq 1 100); do grep -q '^READY' "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(awk '/^READY/ {print $2}' "$WORK/server.out")
[ -n "$PORT" ] || { echo "leakserver did not start" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

capture() {
    curl -sf "$BASE/leak" >/dev/null
    curl -sf "$BASE/debug/pprof/goroutine?debug=1" >"$OUT/leak-debug1-$1.txt"
    curl -sf "$BASE/debug/pprof/goroutine?debug=2" >"$OUT/leak-debug2-$1.txt"
    echo "captured leak-debug1-$1.txt leak-debug2-$1.txt"
}
capture 1; sleep 2
capture 2; sleep 2
capture 3
echo "waiting 65 s so that the leaked goroutines are a minute old"
sleep 65
capture 4
kill -QUIT "$SERVER"
wait "$SERVER" || true
SERVER=
cp "$WORK/server.err" "$OUT/leak-sigquit.txt"
echo "captured leak-sigquit.txt"

GOTRACEBACK=all "$WORK/crashers" deadlock >/dev/null 2>"$OUT/crash-deadlock.txt" || true
GOTRACEBACK=all "$WORK/crashers" panic >/dev/null 2>"$OUT/crash-panic.txt" || true
echo "captured crash-deadlock.txt crash-panic.txt"
