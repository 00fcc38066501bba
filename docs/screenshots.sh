#!/usr/bin/env bash
# Writes a PNG per view of the desktop app to docs/screenshots/, running the app on the sample dumps under Xvfb.
# Needs Xvfb (apt-get install -y xvfb). Run from anywhere: ./docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt \
  2>/dev/null || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
mkdir -p docs/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -cp "$CP" -Dprism.order=sw -Dprism.lcdtext=false dev.dumplens.ui.ScreenshotTour docs/screenshots
