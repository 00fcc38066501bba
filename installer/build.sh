#!/usr/bin/env bash
# Builds DumpLens as a self-contained application with jpackage (JDK 17 or newer, plus Maven).
#
#   installer/build.sh [--skip-maven] [TYPE...]
#
# TYPE is one of
#   app-image   the application folder with its own trimmed Java runtime (every platform; no extra tools)
#   deb, rpm    Linux packages (deb needs dpkg-deb and fakeroot, rpm needs rpmbuild)
#   msi, exe    Windows installers (run from Git Bash; needs WiX Toolset 3 - candle.exe, light.exe - on PATH)
#   dmg, pkg    macOS disk image / installer package (unsigned)
# Without TYPE: app-image plus the platform's usual package (deb, msi or dmg).
# --skip-maven reuses target/ from an earlier run of this script instead of running Maven again.
#
# Output: target/installer/dist/ (DumpLens/ or DumpLens.app, dumplens_<version>-1_amd64.deb, DumpLens-<version>.msi,
# DumpLens-<version>.dmg). The launcher opens the window, or runs the command line when given a subcommand:
#   target/installer/dist/DumpLens/bin/DumpLens analyze dump.txt
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=DumpLens
DESCRIPTION="Offline analyzer for JVM thread dumps and heap dumps"
MAIN_CLASS=dev.dumplens.Launcher
STAGE=target/installer
DIST=$STAGE/dist

skip_maven=
types=()
for arg in "$@"; do
    case "$arg" in
        --skip-maven) skip_maven=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        app-image|deb|rpm|msi|exe|dmg|pkg) types+=("$arg") ;;
        *) echo "build.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

case "$(uname -s)" in
    Linux*) os=linux; native=deb ;;
    Darwin*) os=mac; native=dmg ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; native=msi ;;
    *) echo "build.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
[ ${#types[@]} -gt 0 ] || types=(app-image "$native")

jdk_tool() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1"; fi; }
JPACKAGE=$(jdk_tool jpackage) || { echo "build.sh: jpackage not found: needs a JDK 17 or newer (set JAVA_HOME)" >&2; exit 1; }
JDEPS=$(jdk_tool jdeps)

started=$(date +%s)
step() { echo "[$(( $(date +%s) - started ))s] $*"; }

# 1. The app jar and its libraries: JavaFX's platform jars apart, for the module path.
if [ -z "$skip_maven" ]; then
    step "maven: package with -Pinstaller"
    mvn -B -q -Pinstaller -DskipTests package
fi
version=$(sed -n 's|^  <version>\([^<]*\)</version>.*|\1|p' pom.xml | head -1)
app_version=${version%%-*}
thin_jar=target/dumplens-$version.jar
if [ ! -f "$thin_jar" ] || [ ! -d "$STAGE/lib" ] || [ ! -d "$STAGE/javafx" ]; then
    echo "build.sh: $thin_jar or $STAGE/{lib,javafx} missing: run without --skip-maven" >&2; exit 1
fi

step "staging $STAGE/input and $STAGE/modules"
rm -rf "$STAGE/input" "$STAGE/modules" "$STAGE/associations"
mkdir -p "$STAGE/input" "$STAGE/modules" "$STAGE/associations" "$DIST"
cp "$STAGE"/lib/*.jar "$STAGE/input/"
cp "$thin_jar" "$STAGE/input/dumplens.jar"
if [ -d sample-dumps ]; then
    cp -R sample-dumps "$STAGE/input/sample-dumps"
else
    echo "build.sh: warning: no sample-dumps/ folder: the app is built without samples" >&2
fi
# Only the classifier jars (javafx-controls-21-linux.jar) hold modules; the plain ones are empty placeholders.
for jar in "$STAGE"/javafx/javafx-*.jar; do
    base=$(basename "$jar" .jar)
    case "$base" in *-[0-9]*-*) cp "$jar" "$STAGE/modules/" ;; esac
done
fx_modules=$(cd "$STAGE/modules" && for jar in javafx-*.jar; do echo "$jar"; done \
    | sed 's/^javafx-\([a-z]*\)-.*/javafx.\1/' | sort -u | paste -sd, -)
[ -n "$fx_modules" ] || { echo "build.sh: no JavaFX platform jars in $STAGE/javafx" >&2; exit 1; }

# 2. The runtime holds only the JDK modules the code uses (jdeps over the shaded jar, which holds every class).
step "jdeps: finding the JDK modules"
jdk_modules=$("$JDEPS" --multi-release 17 --ignore-missing-deps --print-module-deps target/dumplens.jar)
modules="$jdk_modules,$fx_modules"
step "modules: $modules"

case "$os" in
    linux) icon=icons/png/dumplens-256.png; file_type_icon_size=128; file_type_icon=icons/png/dumplens-128.png ;;
    mac) icon=icons/dumplens.icns; file_type_icon=$icon ;;
    windows) icon=icons/dumplens.ico; file_type_icon=$icon ;;
esac
for assoc in installer/associations/*.properties; do
    { cat "$assoc"; echo "icon=$file_type_icon"; } > "$STAGE/associations/$(basename "$assoc")"
done
if [ "$os" = linux ]; then
    # the package scripts, with the file types' icon names (application/x-java-hprof -> application-x-java-hprof)
    file_type_icons=$(sed -n 's|^mime-type=||p' installer/associations/*.properties | tr / - | paste -sd' ' -)
    rm -rf "$STAGE/linux" && cp -R installer/linux "$STAGE/linux"
    sed -i -e "s|@FILE_TYPE_ICONS@|$file_type_icons|" -e "s|@FILE_TYPE_ICON_SIZE@|$file_type_icon_size|" "$STAGE/linux/prerm"
fi

common=(--name "$NAME" --app-version "$app_version" --vendor "$NAME" --description "$DESCRIPTION"
        --copyright "DumpLens developers" --dest "$DIST")

# shellcheck disable=SC2016 # '$APPDIR' is for the launcher to expand: the app's folder
image_options=(--input "$STAGE/input" --main-jar dumplens.jar --main-class "$MAIN_CLASS"
               --module-path "$STAGE/modules" --add-modules "$modules"
               --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands"
               --java-options '-Ddumplens.samples=$APPDIR/sample-dumps'
               --java-options "-XX:MaxRAMPercentage=75"
               --icon "$icon")
case "$os" in
    mac) image_options+=(--mac-package-identifier dev.dumplens --mac-package-name "$NAME") ;;
    # DumpLens.exe is a windowed program; dumplens-cli.exe is the same app with a console, for the command line.
    windows) image_options+=(--add-launcher "dumplens-cli=installer/windows/cli-launcher.properties") ;;
esac

package_options=(--icon "$icon")
for assoc in "$STAGE"/associations/*.properties; do package_options+=(--file-associations "$assoc"); done
case "$os" in
    linux) package_options+=(--linux-package-name dumplens --linux-app-category devel --linux-menu-group "Development"
                             --linux-shortcut --linux-package-deps libgtk-3-0 --resource-dir "$STAGE/linux") ;;
    windows) package_options+=(--win-menu --win-menu-group "$NAME" --win-shortcut --win-dir-chooser
                               --win-upgrade-uuid 3f0a9c1e-6b2d-4d7e-9a51-2c8e4b7d6f10) ;;
esac

# 3. The app image, then each package from it (the runtime is linked once).
app_image=$DIST/$NAME
[ "$os" = mac ] && app_image=$DIST/$NAME.app
step "jpackage: app-image"
rm -rf "$app_image"
"$JPACKAGE" --type app-image "${common[@]}" "${image_options[@]}"
echo "app-image: $app_image ($(du -sh "$app_image" | cut -f1))"

for type in "${types[@]}"; do
    [ "$type" = app-image ] && continue
    step "jpackage: $type"
    "$JPACKAGE" --type "$type" --app-image "$app_image" "${common[@]}" "${package_options[@]}"
done
for type in "${types[@]}"; do
    [ "$type" = app-image ] && continue
    for f in "$DIST"/*."$type"; do [ -f "$f" ] && echo "$type: $f ($(du -h "$f" | cut -f1))"; done
done
step "done"
