package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.TextLines;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.progress.ProgressMonitor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Go goroutine tracebacks (see {@link GoTracebackFormat} for the forms). One instance per file.
 * <p>
 * A goroutine is its header line, then pairs of a call line ({@code pkg.func(args)}) and a position line
 * ({@code \t/path/file.go:12 +0x1f}, SIGQUIT output adds {@code fp= sp= pc=}), then an optional
 * {@code created by} pair, closed by a blank line. Lines outside goroutines are the fatal error that precedes
 * them, register dumps after them, or application log lines around them: only the first kind is kept. A new dump
 * starts at a fatal error that follows goroutines, and where a goroutine id comes again (several {@code debug=2}
 * captures appended to one file: Go never prints one goroutine twice): at the last {@code [running]} goroutine
 * before it, with which each capture starts.
 */
final class TracebackReader {
    /** {@code goroutine 18 [chan receive, 3 minutes, locked to thread]:}; Go 1.23+ adds {@code gp= m= mp=}. */
    static final Pattern HEADER = Pattern.compile("goroutine (\\d{1,18})(?: [^\\[]*)? \\[([^\\]]*)\\]:\\s*");
    /** The first line of what ended the process. */
    private static final Pattern FATAL = Pattern.compile(
            "(?:panic: |fatal error: |runtime: |unexpected fault address|SIG[A-Z0-9]+: ).*");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,9}) minutes?");
    private static final Pattern ELIDED = Pattern.compile("\\.\\.\\.(?:additional|\\d+) frames elided\\.\\.\\.");
    private static final String CREATED_BY = "created by ";
    private static final String IN_GOROUTINE = " in goroutine ";

    private final DumpText text;
    private final ProgressMonitor progress;
    private final TextLines lines;
    private final GoDumps dumps;
    private final GoStacks stacks = new GoStacks();
    /** Goroutine ids of the open dump: an id seen again starts the next dump (captures appended to one file). */
    private final Set<Long> ids = new HashSet<>();
    /** Header texts (wait reasons, brackets), one instance each per file. */
    private final Map<String, String> texts = new HashMap<>();

    private DumpThread.Builder current;
    /** The call line waiting for its position line: function and arguments, or the created-by function. */
    private String pendingFunction;
    private String pendingArgs;
    private boolean pendingCreatedBy;
    /** After an ancestor marker ({@code [originating from goroutine N]:}) frames belong to another goroutine. */
    private boolean ancestors;
    /** The fatal error read since the last goroutine, and whether its lines are still being read. */
    private StringBuilder fatal;
    private boolean fatalOpen;
    private long fatalLine;

    TracebackReader(DumpText text, ProgressMonitor progress) {
        this.text = text;
        this.progress = progress;
        this.lines = new TextLines(text);
        this.dumps = new GoDumps(text.source(), GoTracebackFormat.ID);
    }

    ParseResult read() throws DumpParseException {
        progress.phase("Reading " + text.source(), text.length());
        while (lines.next(progress)) {
            readLine(lines.text());
        }
        if (current != null) {
            if (!lines.terminated() || pendingFunction != null) {
                dumps.warnFile(ParseWarning.atLine(text.source(), lines.number(), "the file ends inside goroutine "
                        + current.javaId + ": truncated? its stack may be incomplete"));
            }
            finishGoroutine();
        }
        dumps.finish();
        if (dumps.isEmpty()) {
            throw new DumpParseException(text.source(), 1, -1, "no goroutine found (expected lines such as "
                    + "\"goroutine 1 [running]:\")");
        }
        return dumps.result();
    }

    private void readLine(String line) {
        if (current != null) {
            if (readGoroutineLine(line)) return;
            finishGoroutine();
        }
        Matcher header = HEADER.matcher(line);
        if (header.matches()) {
            startGoroutine(header);
        } else if (line.isBlank()) {
            fatalOpen = false;
        } else if (FATAL.matcher(line).matches() && !fatalOpen) {
            fatal = new StringBuilder(line);
            fatalOpen = true;
            fatalLine = lines.number();
        } else if (fatalOpen) {
            fatal.append('\n').append(line);
        }
    }

    /** Reads a line inside a goroutine; false when the line ends it. */
    private boolean readGoroutineLine(String line) {
        if (line.isBlank()) return false;
        if (line.charAt(0) == '\t') {
            position(line);
            return true;
        }
        flushPending();
        if (line.startsWith("goroutine ") && HEADER.matcher(line).matches()) return false;
        if (ancestors) return true;
        if (line.startsWith("[originating from goroutine ")) {
            ancestors = true;
        } else if (line.startsWith(CREATED_BY)) {
            int in = line.indexOf(IN_GOROUTINE);
            pendingFunction = line.substring(0, in < 0 ? line.length() : in).strip();
            pendingArgs = "";
            pendingCreatedBy = true;
        } else if (line.startsWith("...") && ELIDED.matcher(line).matches()) {
            addFrame(stacks.marker(line.strip()), "");
        } else if (line.endsWith(")")) {
            call(line);
        } else {
            dumps.warn(lines.number(), "unrecognized line in goroutine " + current.javaId + ": " + GoDumps.abbreviate(line));
            return false;
        }
        return true;
    }

    /** {@code pkg.(*T).method(0xc000012028, {0x75e860, 0x0?}, ...)}: function and arguments. */
    private void call(String line) {
        int open = argumentsStart(line);
        pendingFunction = open < 0 ? line.substring(0, line.length() - 1) : line.substring(0, open);
        pendingArgs = open < 0 ? "" : stacks.args(line.substring(open + 1, line.length() - 1));
        pendingCreatedBy = false;
    }

    /**
     * The {@code (} that matches the line's final {@code )} (receivers such as {@code (*T)} come before it), or
     * -1 when there is none.
     */
    private static int argumentsStart(String line) {
        int depth = 0;
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) return i;
        }
        return line.indexOf('(');
    }

    /** {@code \t/usr/lib/go/src/net/net.go:183 +0x44}: the position of the pending call. */
    private void position(String line) {
        if (pendingFunction == null) return; // "goroutine running on other thread; stack unavailable"
        String location = location(line);
        String function = pendingCreatedBy ? CREATED_BY + pendingFunction.substring(CREATED_BY.length())
                : pendingFunction;
        addFrame(stacks.frame(function, location), pendingArgs);
        pendingFunction = null;
    }

    /**
     * The source position of a position line: {@code \t/src/app/main.go:12 +0x1f fp=0x… sp=0x… pc=0x…} gives
     * {@code /src/app/main.go:12} (the path may contain blanks, so the tail is cut from the end).
     */
    static String location(String line) {
        int end = line.length();
        while (end > 1 && Character.isWhitespace(line.charAt(end - 1))) end--;
        int fp = line.lastIndexOf(" fp=0x", end);
        if (fp > 0) end = fp;
        int offset = line.lastIndexOf(" +0x", end);
        if (offset > 0 && isHex(line, offset + 4, end)) end = offset;
        return line.substring(1, end);
    }

    private static boolean isHex(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) if (Character.digit(s.charAt(i), 16) < 0) return false;
        return true;
    }

    /** A call line without position line (a cut file): kept without position. */
    private void flushPending() {
        if (pendingFunction == null) return;
        addFrame(stacks.frame(pendingFunction, ""), pendingArgs);
        pendingFunction = null;
    }

    private void addFrame(StackFrame frame, String args) {
        if (ancestors) return;
        int index = current.frames.size();
        current.frames.add(frame);
        current.callArgs.add(args);
        if (!frame.isCreatedBy() && current.locks.isEmpty()) {
            LockAction blocking = stacks.blockingCall(index, frame.qualifiedMethod(), args);
            if (blocking != null) current.locks.add(blocking);
        }
    }

    private void startGoroutine(Matcher header) {
        long id = Long.parseLong(header.group(1));
        if (!dumps.open() || (fatal != null && dumps.hasThreads())) {
            dumps.start(fatal != null ? fatalLine : lines.number());
            ids.clear();
        } else if (ids.contains(id)) {
            ids.clear();
            for (DumpThread moved : dumps.startAtLastRunning(lines.number())) ids.add(moved.javaId());
        }
        ids.add(id);
        if (fatal != null) {
            dumps.fatalError(fatal.toString());
            fatal = null;
            fatalOpen = false;
        }
        current = DumpThread.builder("goroutine " + id);
        current.javaId = id;
        current.line = lines.number();
        String bracket = header.group(2);
        current.headerStatus = texts.computeIfAbsent(bracket, b -> b);
        int comma = bracket.indexOf(", ");
        String reason = (comma < 0 ? bracket : bracket.substring(0, comma)).strip();
        current.stateDetail = texts.computeIfAbsent(reason, r -> r);
        while (comma >= 0) {
            int next = bracket.indexOf(", ", comma + 2);
            String item = bracket.substring(comma + 2, next < 0 ? bracket.length() : next).strip();
            if (item.endsWith("minutes") || item.endsWith("minute")) {
                Matcher m = MINUTES.matcher(item);
                if (m.matches()) current.waitMinutes = Integer.parseInt(m.group(1));
            }
            comma = next;
        }
    }

    private void finishGoroutine() {
        flushPending();
        current.state = GoWaitCategory.of(current.stateDetail, current.frames).threadState();
        dumps.add(current.build());
        current = null;
        ancestors = false;
    }
}
