package dev.dumplens.cli;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.compare.CompareOptions;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.Formats;
import dev.dumplens.formats.InputKind;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThreadGroups;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import dev.dumplens.report.HeapJsonWriter;
import dev.dumplens.report.HeapReport;
import dev.dumplens.report.HeapTextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code dumplens heap [--json] [--top N] [--threads-from DUMP...] FILE.hprof}: retained heap per thread, stack
 * frame and local, thread groups, class histogram and top dominators of an HPROF heap dump; with
 * {@code --threads-from}, the retained heap of each group of those thread dumps and, for two or more, of each leak
 * suspect of their comparison. An unreadable heap dump gives a
 * one-line error naming file and offset on stderr and exit code 2; an unreadable thread dump too, after the heap
 * analysis has been written.
 */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Analyse an HPROF heap dump: retained heap per thread, frame and local; histogram; dominators.")
public final class HeapCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Write one JSON document to stdout instead of the text summary.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "Rows of the histogram, dominators and summary lists "
            + "(default ${DEFAULT-VALUE}; JSON always lists every thread).")
    int top = 20;

    @Option(names = "--threads-from", arity = "1..*", paramLabel = "DUMP",
            description = "Thread dumps of the same process: show the retained heap of each of their stack groups "
                    + "and, given two or more, of each leak suspect of their comparison.")
    List<String> threadsFrom = new ArrayList<>();

    @Option(names = "--similarity", paramLabel = "LEVEL", converter = AnalyzeCommand.SimilarityConverter.class,
            description = "How alike stacks must be to share a group: exact, normalized (default), method or top:N.")
    Similarity similarity = Similarity.DEFAULT;

    @Option(names = "--progress", description = "Report phases and timings on stderr.")
    boolean progress;

    @Parameters(arity = "0..1", paramLabel = "FILE.hprof", description = "The heap dump (.hprof, or gzip-compressed).")
    String file;

    @Override public Integer call() throws IOException {
        if (top < 0) return usage("--top must not be negative");
        List<String> dumps = new ArrayList<>(threadsFrom);
        String hprof = file;
        if (hprof == null && !dumps.isEmpty() && kind(dumps.get(dumps.size() - 1)) == InputKind.HEAP_DUMP) {
            hprof = dumps.remove(dumps.size() - 1);
        }
        if (hprof == null) return usage("missing FILE.hprof");
        HeapSnapshot heap;
        try {
            heap = HeapSnapshot.open(Path.of(hprof), hprof, progress ? new StderrProgress() : ProgressMonitor.NONE);
        } catch (DumpParseException e) {
            System.err.println(e.userMessage());
            return Cli.EXIT_INPUT;
        } catch (InvalidPathException e) {
            System.err.println(hprof + ": not a valid file name");
            return Cli.EXIT_INPUT;
        }
        try (heap) {
            int exit = Cli.EXIT_OK;
            Map<DumpAnalysis, List<HeapThreadGroups.Joined>> joins = new LinkedHashMap<>();
            List<ThreadDump> threadDumps = new ArrayList<>();
            for (String d : dumps) {
                try {
                    ParseResult r = Formats.parse(Path.of(d), d, ProgressMonitor.NONE);
                    threadDumps.addAll(r.dumps());
                    for (DumpAnalysis a : DumpAnalysis.ofAll(r, similarity)) {
                        joins.put(a, HeapThreadGroups.join(heap, a));
                    }
                } catch (DumpParseException e) {
                    System.err.println(e.userMessage());
                    exit = Cli.EXIT_INPUT;
                } catch (InvalidPathException e) {
                    System.err.println(d + ": not a valid file name");
                    exit = Cli.EXIT_INPUT;
                }
            }
            List<HeapThreadGroups.JoinedSuspect> suspects = threadDumps.size() < 2 ? List.of()
                    : HeapThreadGroups.joinSuspects(heap, Comparison.of(threadDumps,
                            new CompareOptions(similarity, List.of())));
            HeapReport report = new HeapReport(heap, HeapThreadGroups.group(heap, similarity), joins, suspects, top);
            BufferedOutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            if (json) {
                HeapJsonWriter.write(report, out);
            } else {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
                HeapTextSummary.write(report, w);
                w.flush();
            }
            out.flush();
            return exit;
        }
    }

    private static InputKind kind(String name) {
        try {
            return InputKind.of(Path.of(name));
        } catch (InvalidPathException e) {
            return InputKind.OTHER;
        }
    }

    private static int usage(String message) {
        System.err.println("heap: " + message);
        return Cli.EXIT_INPUT;
    }

    /**
     * Prints each phase with the wall-clock time since the start, the process' CPU time so far, and the phase's
     * percentage in steps of 10.
     */
    private static final class StderrProgress implements ProgressMonitor {
        private final long start = System.nanoTime();
        private final java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private long total;
        private int lastTenth;

        @Override public synchronized void phase(String name, long totalWork) {
            total = totalWork;
            lastTenth = 0;
            System.err.printf(Locale.ROOT, "%7.2f s  (cpu %6.2f s%s)  %s%n", (System.nanoTime() - start) / 1e9, cpu(),
                    memory(), name);
        }

        @Override public synchronized void worked(long done) {
            if (total <= 0) return;
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                System.err.printf(Locale.ROOT, "%7.2f s    %d%%%n", (System.nanoTime() - start) / 1e9, tenth * 10);
            }
        }

        @Override public boolean isCancelled() { return false; }

        /** ", rss anon N MiB, file M MiB" on Linux, else "". */
        private static String memory() {
            try {
                long anon = -1;
                long file = -1;
                for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("RssAnon:")) anon = kib(line);
                    if (line.startsWith("RssFile:")) file = kib(line);
                }
                if (anon < 0) return "";
                return String.format(Locale.ROOT, ", rss anon %d MiB, file %d MiB", anon >> 10, file >> 10);
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        private static long kib(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }

        private double cpu() {
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
        }
    }
}
