#!/usr/bin/env bash
# End-to-end check of the Linux package, as a user would meet it. Run as root on Debian or Ubuntu:
#   1. builds the .deb from this checkout (installer/build.sh deb), timed;
#   2. server pass, on the machine as it is (here: no desktop menus): installs the .deb with apt-get (which brings
#      its dependencies, libgtk-3-0 among them), runs the installed command line `dumplens` on a bundled sample
#      dump with no display, starts the installed app under Xvfb with that dump as argument, checks the window and
#      its icon, saves a screenshot as docs/screenshots/installed-app.png (and installed-start.png: the start page
#      with the bundled samples), removes the package, checks nothing is left;
#   3. desktop pass: with the menu folders a desktop has (made for the pass when missing, removed after), installs
#      again, checks the menu entry and file types, opens a .tdump file with xdg-open and checks that DumpLens
#      opens it, removes the package and checks the menu entry, file types and icons are gone.
# Prints the .deb size and the build, install and start-up times; exits non-zero when any check fails.
#
#   installer/verify.sh [--skip-build]     --skip-build tests the .deb of an earlier build
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

[ "$(id -u)" = 0 ] || { echo "verify.sh: run as root: it installs and removes the package" >&2; exit 1; }
skip_build=
[ "${1:-}" = --skip-build ] && skip_build=1

SAMPLE=deadlocks-jdk17-jstack-l.txt
INSTALLED_SAMPLES=/opt/dumplens/lib/app/sample-dumps
DESKTOP_FILE=/usr/share/applications/dumplens-DumpLens.desktop
SCREENSHOT=docs/screenshots/installed-app.png
START_SCREENSHOT=docs/screenshots/installed-start.png
LOG=target/installer/verify
rm -rf "$LOG" && mkdir -p "$LOG" "$(dirname "$SCREENSHOT")"

export DEBIAN_FRONTEND=noninteractive
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v xprop >/dev/null || missing+=(x11-utils)
command -v fakeroot >/dev/null || missing+=(fakeroot)
[ -x /usr/bin/import ] || missing+=(imagemagick)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    apt-get update -qq -o DPkg::Lock::Timeout=600 && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >"$LOG/tools.log"
fi

failures=0
ok() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

app_pid='' xvfb_pid='' home='' made_dirs=()
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    if [ -n "$home" ]; then rm -rf "$home"; fi
    for dir in ${made_dirs[@]+"${made_dirs[@]}"}; do rmdir "$dir" 2>/dev/null || true; done
}
trap cleanup EXIT

# Installs the .deb; sets install_time.
install_deb() {
    if dpkg -s dumplens >/dev/null 2>&1; then apt-get remove -y -qq -o DPkg::Lock::Timeout=600 --purge dumplens >/dev/null; fi
    local t; t=$(now_ms)
    if apt-get install -y -o DPkg::Lock::Timeout=600 "$ROOT/$deb" >"$LOG/install-$1.log" 2>&1; then
        install_time=$(secs_since "$t"); ok "apt-get install ($install_time s)"
    else
        tail -20 "$LOG/install-$1.log"; fail "apt-get install"; exit 1
    fi
    grep -E '^(dumplens|xdg-[a-z-]*):' "$LOG/install-$1.log" | sed 's/^/      postinst said: /' || true
    check "launcher /opt/dumplens/bin/DumpLens" test -x /opt/dumplens/bin/DumpLens
    check "command /usr/bin/dumplens" test "$(readlink /usr/bin/dumplens)" = /opt/dumplens/bin/DumpLens
}

remove_deb() {
    if apt-get remove -y -o DPkg::Lock::Timeout=600 --purge dumplens >"$LOG/remove-$1.log" 2>&1; then
        ok "apt-get remove --purge"
    else
        tail "$LOG/remove-$1.log"; fail "apt-get remove --purge"
    fi
    check "package gone" bash -c '! dpkg -s dumplens >/dev/null 2>&1'
    check "/opt/dumplens and /usr/bin/dumplens gone" test ! -e /opt/dumplens -a ! -e /usr/bin/dumplens
    check "menu entry gone" test ! -e "$DESKTOP_FILE"
    check "file types and their icons gone" \
        test -z "$(find /usr/share/mime/packages /usr/share/icons/hicolor -name '*java-hprof*' -o -name '*java-thread-dump*' -o -name 'dumplens*' 2>/dev/null)"
}

# Waits for a visible DumpLens window of a new process; prints its id.
wait_window() { timeout 60 xdotool search --sync --onlyvisible --name '^DumpLens' | head -1; }

stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; }

# 1. build
if [ -z "$skip_build" ]; then
    echo "== build (log: $LOG/build.log)"
    t=$(now_ms)
    installer/build.sh deb >"$LOG/build.log" 2>&1 || { tail -20 "$LOG/build.log"; echo "FAIL  build"; exit 1; }
    build_time=$(secs_since "$t")
    grep -E '^\[[0-9]+s\]' "$LOG/build.log" | sed 's/^/      /'
else
    build_time="(skipped)"
fi
deb=$(ls target/installer/dist/dumplens_*.deb)
deb_bytes=$(stat -c %s "$deb")

display=90
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$LOG/xvfb.log" 2>&1 &
xvfb_pid=$!
home=$(mktemp -d)

# 2. server pass
echo "== server pass: install $deb"
install_deb server
check "sample dumps installed" test -f "$INSTALLED_SAMPLES/$SAMPLE"
if [ -e "$DESKTOP_FILE" ]; then echo "note  this machine has desktop menus: the menu entry is registered"
else echo "note  no desktop menus here: no menu entry (xdg-desktop-menu failed), and the install still succeeded"; fi
installed_size=$(du -sh /opt/dumplens | cut -f1)
first_install_time=$install_time

echo "== command line: dumplens analyze $SAMPLE (no DISPLAY)"
t=$(now_ms)
if (cd /tmp && env -u DISPLAY -u WAYLAND_DISPLAY dumplens analyze "$INSTALLED_SAMPLES/$SAMPLE") >"$LOG/cli.txt" 2>&1; then
    cli_time=$(secs_since "$t"); ok "dumplens analyze exits 0 ($cli_time s)"
else
    fail "dumplens analyze exits 0"
fi
sed -n '1,12p' "$LOG/cli.txt" | sed 's/^/      /'
check "the analysis names the deadlock" grep -qi deadlock "$LOG/cli.txt"
check "dumplens --version" bash -c 'env -u DISPLAY dumplens --version | grep -q DumpLens'

echo "== window: dumplens $SAMPLE under Xvfb"
export DISPLAY=":$display"
# A fresh home for the app from here on: no saved preferences or recent files, and the user's are left alone.
# Java takes user.home from the password file, not from $HOME, hence the options (the JVM reads JAVA_TOOL_OPTIONS).
export JAVA_TOOL_OPTIONS="-Duser.home=$home -Djava.util.prefs.userRoot=$home/.java"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
t=$(now_ms)
(cd /tmp && exec dumplens "$INSTALLED_SAMPLES/$SAMPLE") >"$LOG/app.log" 2>&1 &
app_pid=$!
if wid=$(wait_window) && [ -n "$wid" ]; then
    window_time=$(secs_since "$t"); ok "window shown ($window_time s after start)"
    sleep 8  # let it read the dump and lay out the view
    import -window "$wid" "$SCREENSHOT"
    ok "screenshot $SCREENSHOT ($(identify -format '%wx%h' "$SCREENSHOT"))"
    icons=$(xprop -id "$wid" _NET_WM_ICON | grep -o 'Icon ([0-9]* x [0-9]*)' | sort -u | paste -sd, - || true)
    check "window icon set: ${icons:-none}" test -n "$icons"
    wm_class=$(sed -n 's/^StartupWMClass=//p' /opt/dumplens/lib/dumplens-DumpLens.desktop)
    check "window class matches the menu entry's StartupWMClass ($wm_class)" \
        bash -c "xprop -id '$wid' WM_CLASS | grep -qF '\"$wm_class\"'"
    check "app still running" kill -0 "$app_pid"
else
    window_time="(none)"; fail "window shown within 60 s"; sed -n '1,20p' "$LOG/app.log"
fi
check "no exception in the app's output" bash -c "! grep -q 'Exception' '$LOG/app.log'"
stop_app
# with no file: the start page, whose samples list comes from the bundled sample-dumps/
(cd /tmp && exec dumplens) >"$LOG/app-start.log" 2>&1 &
app_pid=$!
if wid=$(wait_window) && [ -n "$wid" ]; then
    sleep 3
    import -window "$wid" "$START_SCREENSHOT"
    ok "start page screenshot $START_SCREENSHOT"
else
    fail "window without a file shown within 60 s"
fi
stop_app

echo "== server pass: remove"
remove_deb server

# 3. desktop pass
echo "== desktop pass: install with desktop menu folders"
for dir in /etc/xdg/menus /usr/share/desktop-directories; do
    [ -d "$dir" ] || { mkdir -p "$dir"; made_dirs+=("$dir"); }
done
install_deb desktop
check "menu entry $DESKTOP_FILE" grep -q '^Exec=/opt/dumplens/bin/DumpLens %F' "$DESKTOP_FILE"
tdump=$home/incident.tdump
cp "$ROOT/sample-dumps/$SAMPLE" "$tdump"
check ".tdump is text/x-java-thread-dump" test "$(xdg-mime query filetype "$tdump")" = text/x-java-thread-dump
check ".hprof opens with DumpLens" test "$(xdg-mime query default application/x-java-hprof)" = dumplens-DumpLens.desktop
check ".tdump opens with DumpLens" test "$(xdg-mime query default text/x-java-thread-dump)" = dumplens-DumpLens.desktop
(cd /tmp && HOME=$home exec xdg-open "$tdump") >"$LOG/xdg-open.log" 2>&1 &
if wid=$(wait_window) && [ -n "$wid" ]; then
    app_pid=$(xdotool getwindowpid "$wid")
    check "xdg-open incident.tdump starts DumpLens with it" \
        test "$(ps -o args= -p "$app_pid")" = "/opt/dumplens/bin/DumpLens $tdump"
    stop_app
else
    fail "xdg-open incident.tdump shows a DumpLens window within 60 s"; cat "$LOG/xdg-open.log"
fi
echo "== desktop pass: remove"
remove_deb desktop
check "no default handler left" bash -c "! grep -qs dumplens /usr/share/applications/defaults.list"

echo "== summary"
{
    echo "deb:            $deb ($(awk -v b="$deb_bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }'))"
    echo "installed size: $installed_size in /opt/dumplens"
    echo "build time:     ${build_time} s (installer/build.sh deb: maven package, app-image, deb)"
    echo "install time:   ${first_install_time:-?} s (apt-get install), again in the desktop pass: ${install_time:-?} s"
    echo "start-up:       window after ${window_time} s; dumplens analyze took ${cli_time:-?} s"
    echo "checks failed:  $failures"
} | tee "$LOG/summary.txt"
[ "$failures" = 0 ]
