package dev.dumplens.bench;

import dev.dumplens.formats.Formats;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses one file in a fresh JVM, as a command-line run would, and prints one line of figures for
 * {@link ParseBench}: {@code parse-ms=… dumps=… threads=… warnings=… peak-rss-kb=…}.
 */
public final class ParseOnce {
    private ParseOnce() { }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        ParseResult result = Formats.parse(file, args[0], ProgressMonitor.NONE);
        long t1 = System.nanoTime();
        long threads = result.dumps().stream().mapToLong(d -> d.threads().size()).sum();
        System.out.printf("parse-ms=%.1f dumps=%d threads=%d warnings=%d peak-rss-kb=%d%n", (t1 - t0) / 1e6,
                result.dumps().size(), threads, result.warnings().size(), peakRssKb());
        for (ThreadDump d : result.dumps()) {
            if (d.threads().isEmpty()) throw new IllegalStateException("empty dump " + d.index());
        }
    }

    /** VmHWM of this process (Linux), or -1. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
