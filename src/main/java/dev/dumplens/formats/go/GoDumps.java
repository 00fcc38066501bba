package dev.dumplens.formats.go;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.List;

/**
 * The dumps of one Go file as they are read: each starts at a line, collects goroutines, an optional fatal error
 * and its own warnings; file-level warnings (truncation) are kept apart. Go dumps name no runtime version, time
 * or process.
 */
final class GoDumps {
    private static final int MAX_LINE_WARNINGS = 20;

    private final String source;
    private final String format;
    private final List<ThreadDump> dumps = new ArrayList<>();
    private final List<ParseWarning> fileWarnings = new ArrayList<>();
    private List<DumpThread> threads;
    private List<ParseWarning> warnings;
    private long line;
    private String fatalError;
    private int lineWarnings;

    GoDumps(String source, String format) {
        this.source = source;
        this.format = format;
    }

    String source() { return source; }

    /** Whether a dump is open. */
    boolean open() { return threads != null; }

    /** Whether the open dump has goroutines yet. */
    boolean hasThreads() { return threads != null && !threads.isEmpty(); }

    /** Closes the open dump (if any) and opens a new one starting at {@code startLine}. */
    void start(long startLine) {
        finish();
        threads = new ArrayList<>();
        warnings = new ArrayList<>();
        line = startLine;
        fatalError = null;
    }

    void fatalError(String text) { fatalError = text; }

    /**
     * Closes the open dump and opens the next one, which takes over the open dump's goroutines from its last
     * {@code [running]} one on (a traceback of all goroutines starts with the goroutine that asked for it, which
     * is running); without such a goroutine after the first, the next dump starts at {@code line}. Returns the
     * goroutines taken over.
     */
    List<DumpThread> startAtLastRunning(long line) {
        int from = -1;
        for (int i = threads.size() - 1; i > 0 && from < 0; i--) {
            if (threads.get(i).stateDetail().equals("running")) from = i;
        }
        List<DumpThread> moved = from < 0 ? List.of() : new ArrayList<>(threads.subList(from, threads.size()));
        if (from >= 0) threads.subList(from, threads.size()).clear();
        start(moved.isEmpty() ? line : moved.get(0).line());
        threads.addAll(moved);
        return moved;
    }

    void add(DumpThread thread) { threads.add(thread); }

    int size() { return threads == null ? 0 : threads.size(); }

    /** A problem with one line; after {@value #MAX_LINE_WARNINGS} per dump only counted. */
    void warn(long at, String message) {
        if (++lineWarnings <= MAX_LINE_WARNINGS) warnings.add(ParseWarning.atLine(source, at, message));
    }

    /** A problem of the file as a whole, such as truncation. */
    void warnFile(ParseWarning warning) { fileWarnings.add(warning); }

    /** Closes the open dump, dropping it when it holds no goroutine. */
    void finish() {
        if (threads == null) return;
        if (lineWarnings > MAX_LINE_WARNINGS) {
            warnings.add(ParseWarning.atLine(source, line, (lineWarnings - MAX_LINE_WARNINGS)
                    + " more unrecognized lines not listed"));
        }
        if (!threads.isEmpty()) {
            dumps.add(new ThreadDump(source, dumps.size(), line, format, null, "", null, threads, List.of(),
                    warnings, fatalError));
        }
        threads = null;
        lineWarnings = 0;
    }

    boolean isEmpty() { return dumps.isEmpty(); }

    /** A line for a warning: at most 120 characters. */
    static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /** The file's dumps; its warnings are the file-level ones (each dump lists its own). */
    ParseResult result() {
        finish();
        return new ParseResult(source, format, dumps, fileWarnings);
    }
}
