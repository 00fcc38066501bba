#!/bin/sh
# Captures the thread dumps in src/test/resources/dumps/ from the throwaway programs in this folder.
# Run from this folder: sh capture.sh   (JDK 17 in J17, JDK 25 in J25; Linux, procps for kill)
set -eu
J17=${J17:-/usr/lib/jvm/java-17-openjdk-amd64}
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=..
tmp=$(mktemp -d)
"$J17/bin/javac" -d "$tmp/17" Scenarios.java
"$J25/bin/javac" -d "$tmp/25" Scenarios.java VirtualThreads.java

ready() { until grep -q READY "$1"; do sleep 0.2; done; }

"$J17/bin/java" -cp "$tmp/17" Scenarios locks > "$tmp/a.out" 2>&1 & pid=$!
ready "$tmp/a.out"
"$J17/bin/jstack" -l $pid > "$OUT/jdk17-locks-jstack-l.txt"
"$J17/bin/jcmd" $pid Thread.print -l -e > "$OUT/jdk17-locks-jcmd-thread-print-l-e.txt"
kill $pid

# The same scenario dumped by SIGQUIT: the VM writes names in modified UTF-8 (an emoji becomes CESU-8 bytes).
"$J17/bin/java" -cp "$tmp/17" Scenarios locks > "$OUT/jdk17-locks-sigquit.log" 2>&1 & pid=$!
ready "$OUT/jdk17-locks-sigquit.log"
kill -3 $pid; sleep 1
kill $pid

"$J25/bin/java" -cp "$tmp/25" Scenarios locks > "$tmp/b.out" 2>&1 & pid=$!
ready "$tmp/b.out"
"$J25/bin/jstack" -e $pid > "$OUT/jdk25-locks-jstack-e.txt"
kill $pid

"$J25/bin/java" -cp "$tmp/25" VirtualThreads > "$tmp/c.out" 2>&1 & pid=$!
ready "$tmp/c.out"
"$J25/bin/jstack" -l $pid > "$OUT/jdk25-vthreads-jstack-l.txt"
"$J25/bin/jcmd" $pid Thread.print > "$OUT/jdk25-vthreads-jcmd-thread-print.txt"
kill $pid

# SIGQUIT dumps inside an application log: the program logs 3 rounds 1.5 s apart; kill -3 between rounds.
"$J17/bin/java" -Xshare:auto -cp "$tmp/17" Scenarios log > "$OUT/jdk17-sigquit.log" 2>&1 & pid=$!
sleep 1; kill -3 $pid; sleep 1.5; kill -3 $pid
wait $pid
rm -rf "$tmp"
