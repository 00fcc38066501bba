package dev.dumplens.formats.hotspot;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Reads the thread entries of one HotSpot dump: headers (also names spanning several lines), the
 * {@code java.lang.Thread.State} line, frames, lock lines, "Locked ownable synchronizers" and the JDK 21+
 * carrier blocks "Carrying virtual thread #N" / "Mounted virtual thread #N". It stops before the first line that
 * is not part of a thread entry and leaves that line to the caller.
 *
 * <p>On a carrier the frames of the mounted virtual thread come first (they are the top of the physical stack),
 * followed by the carrier's own frames; {@link DumpThread#mountedVirtualId()} names the virtual thread.
 */
final class ThreadListParser {

    /** Why {@link #run} returned. */
    enum Stop {
        /** At a line that is not part of a thread entry ({@link #pos()} is its start). */
        OTHER_LINE,
        /** At a thread header at or after the bound given to {@link #run}. */
        BOUND,
        /** At the end of the text. */
        END
    }

    private static final byte[] AT = lit("at ");
    /** "\tat " as a little-endian int. */
    private static final int TAB_AT = '\t' | 'a' << 8 | 't' << 16 | ' ' << 24;
    /** "\t- " as a little-endian 3-byte int. */
    private static final int TAB_DASH = '\t' | '-' << 8 | ' ' << 16;
    private static final byte[] STATE = lit("java.lang.Thread.State:");
    private static final byte[] OWNABLE = lit("Locked ownable synchronizers:");
    private static final byte[] CARRYING = lit("Carrying virtual thread #");
    private static final byte[] MOUNTED = lit("Mounted virtual thread #");
    private static final int MAX_NAME_LINES = 8;
    private static final int PROGRESS_STEP = 1 << 22;

    private final ByteText t;
    private final ProgressMonitor progress;
    private final boolean reportProgress;
    private final HeaderParser headers;
    private final LockLineParser lockLines;
    private final ByteInterner<StackFrame> frames;
    private final ByteInterner<String> texts;
    private final List<DumpThread> threads = new ArrayList<>();
    private final Map<String, ThreadState> states = new HashMap<>();

    private DumpThread.Builder cur;
    private boolean inOwnable;
    private int mountedStart = -1;
    private int headerLines;
    private int nameEnd;

    private long threadsStarted;
    private int pos;
    private long line;
    private Stop stop;
    private int nextProgress;

    /**
     * @param reportProgress whether to report positions to {@code progress} (only the thread reading the file
     *                       in order does); cancellation is checked either way
     */
    ThreadListParser(ByteText t, ProgressMonitor progress, boolean reportProgress) {
        this.t = t;
        this.progress = progress;
        this.reportProgress = reportProgress;
        this.texts = new ByteInterner<>(t, 64, t::decode);
        this.headers = new HeaderParser(t, texts);
        this.lockLines = new LockLineParser(t);
        this.frames = new ByteInterner<>(t, 4096, this::createFrame);
    }

    /** Position where the last {@link #run} stopped: the start of the line it did not consume. */
    int pos() { return pos; }

    /** 1-based number of the line at {@link #pos()}. */
    long line() { return line; }

    Stop stop() { return stop; }

    /** Threads completed so far; {@link #takeThreads()} hands them over. */
    List<DumpThread> takeThreads() {
        List<DumpThread> out = new ArrayList<>(threads);
        threads.clear();
        return out;
    }

    /** How many thread headers were read so far. */
    long threadsStarted() { return threadsStarted; }

    /** Whether a thread entry is open (its lines may continue after the line where {@link #run} stopped). */
    boolean inThread() { return cur != null; }

    /**
     * Reads thread lines from the line start {@code from} (line number {@code fromLine}). Stops before a line
     * that is not part of a thread entry, at the end of the text, or at the first thread header at or after
     * {@code bound} (the open thread is then completed).
     */
    void run(int from, long fromLine, int bound) {
        int p = from;
        long ln = fromLine;
        int len = t.length();
        try {
            while (p < len) {
                if (p >= nextProgress) reportProgress(p);
                if (p >= bound && isHeader(p)) {
                    finishThread();
                    stop = Stop.BOUND;
                    return;
                }
                if (cur != null && p + 4 <= len) {
                    // the two lines that make most of a dump, read in one pass each
                    int head = t.intAt(p);
                    if (head == TAB_AT) {
                        int nl = t.hashedNewline(p + 4);
                        cur.frames.add(frames.intern(p + 4, nl, t.lastHash()));
                        p = nl + 1;
                        ln++;
                        continue;
                    }
                    if ((head & 0xFFFFFF) == TAB_DASH) {
                        int nl = t.hashedNewline(p + 3);
                        lockLine(p + 3, nl, t.lastHash());
                        p = nl + 1;
                        ln++;
                        continue;
                    }
                }
                int nl = t.newline(p);
                int end = t.contentEnd(p, nl);
                int c = t.skipBlanks(p, end);
                if (c == end) {
                    inOwnable = false;
                } else if (c > p) {
                    if (!indentedLine(c, end, nl) && cur == null) {
                        stop = Stop.OTHER_LINE;
                        return;
                    }
                } else if (t.at(c) == '"' && startThread(p, end, ln)) {
                    int consumed = headerLines;
                    for (int i = 1; i < consumed; i++) {
                        nl = t.newline(nl + 1);
                        ln++;
                    }
                } else {
                    stop = Stop.OTHER_LINE;
                    return;
                }
                p = nl + 1;
                ln++;
            }
            stop = Stop.END;
        } finally {
            pos = Math.min(p, len);
            line = ln;
        }
    }

    private void reportProgress(int p) {
        progress.checkCancelled();
        if (reportProgress) progress.worked(p);
        nextProgress = p + PROGRESS_STEP;
    }

    /**
     * Handles an indented line of a thread entry ({@code c}: first non-blank, {@code end}: content end,
     * {@code nl}: line end); false when it is not one or no thread is open.
     */
    private boolean indentedLine(int c, int end, int nl) {
        if (cur == null) return false;
        byte b = t.at(c);
        if (b == 'a' && t.startsWith(c, end, AT)) {
            cur.frames.add(frames.intern(c + AT.length, nl));
        } else if (b == '-' && c + 1 < end && t.at(c + 1) == ' ') {
            lockLine(c + 2, nl, t.hash(c + 2, nl));
        } else if (b == 'j' && t.startsWith(c, end, STATE)) {
            int s = t.skipBlanks(c + STATE.length, end);
            int e = t.trimEnd(s, end);
            if (e > s) {
                cur.stateDetail = texts.intern(s, e);
                cur.state = states.computeIfAbsent(cur.stateDetail, ThreadListParser::stateOf);
            }
        } else if (b == 'L' && t.startsWith(c, end, OWNABLE)) {
            inOwnable = true;
        } else if (b == 'C' && t.startsWith(c, end, CARRYING)) {
            cur.mountedVirtualId = number(c + CARRYING.length, end);
        } else if (b == 'M' && t.startsWith(c, end, MOUNTED)) {
            mountedStart = cur.frames.size();
            if (cur.mountedVirtualId == null) cur.mountedVirtualId = number(c + MOUNTED.length, end);
        }
        // Other indented lines of an entry ("No compile task", "Compiling: …") carry nothing we keep.
        return true;
    }

    /** A line after "- " ({@code [from, nl)}, hashed): a lock action or an ownable-synchronizer entry. */
    private void lockLine(int from, int nl, int hash) {
        LockLineParser.LockLine l = lockLines.line(from, nl, hash);
        if (inOwnable) {
            if (l.owned() != null) cur.ownedSynchronizers.add(l.owned());
            return;
        }
        if (l.kind() != null) cur.lock(l.kind(), l.lock());
        if (l.frameOffset() >= 0) cur.frames.add(frames.intern(from + l.frameOffset(), nl));
    }

    /** A frame from its text up to the line end. */
    private StackFrame createFrame(int from, int newline) {
        return new StackFrame(t.decode(from, t.trimEnd(from, t.contentEnd(from, newline))));
    }

    /** The state word of a state text: "WAITING (parking)" gives WAITING. */
    private static ThreadState stateOf(String detail) {
        int space = detail.indexOf(' ');
        return ThreadState.fromJava(space < 0 ? detail : detail.substring(0, space));
    }

    private Long number(int from, int end) {
        int e = t.digitsEnd(from, end);
        return e == from ? null : t.decimal(from, e);
    }

    /** Whether a thread header (possibly spanning lines) starts at the line start {@code p}. */
    boolean isHeader(int p) {
        if (t.at(p) != '"') return false;
        return closeName(p, t.contentEnd(p, t.newline(p))) >= 0;
    }

    /**
     * Whether a thread entry starts at the line start {@code p}: a one-line header directly followed by a state
     * or frame line. Finds dumps whose banner is missing.
     */
    boolean isThreadEntry(int p) {
        if (p >= t.length() || t.at(p) != '"') return false;
        int end = t.contentEnd(p, t.newline(p));
        if (HeaderParser.closingQuote(t, p + 1, end) < 0) return false;
        int next = t.newline(p) + 1;
        if (next >= t.length()) return false;
        int nextEnd = t.contentEnd(next, t.newline(next));
        int s = t.skipBlanks(next, nextEnd);
        return s > next && (t.startsWith(s, nextEnd, STATE) || t.startsWith(s, nextEnd, AT));
    }

    /**
     * Finds the quote closing the name that opens at {@code lineStart}; sets {@link #headerLines} and
     * {@link #nameEnd} (end of the line holding the quote). Returns the quote's index or -1.
     */
    private int closeName(int lineStart, int end) {
        int q = HeaderParser.closingQuote(t, lineStart + 1, end);
        headerLines = 1;
        nameEnd = end;
        int nl = end;
        while (q < 0 && headerLines < MAX_NAME_LINES) {
            nl = t.newline(nl);
            if (nl >= t.length()) return -1;
            int s = nl + 1;
            nl = t.newline(s);
            int e = t.contentEnd(s, nl);
            if (s < e && t.at(s) == '"' && HeaderParser.closingQuote(t, s + 1, e) >= 0) return -1;
            headerLines++;
            nameEnd = e;
            q = HeaderParser.closingQuote(t, s, e);
        }
        return q;
    }

    private boolean startThread(int lineStart, int end, long ln) {
        int q = closeName(lineStart, end);
        if (q < 0) return false;
        finishThread();
        String name = headerLines == 1 ? t.decode(lineStart + 1, q) : multiLineName(lineStart, end, q);
        cur = new DumpThread.Builder(name);
        cur.line = ln;
        threadsStarted++;
        headers.parseTail(q + 1, nameEnd, cur);
        return true;
    }

    private String multiLineName(int lineStart, int end, int quote) {
        StringBuilder sb = new StringBuilder(t.decode(lineStart + 1, end));
        int nl = t.newline(end);
        for (int i = 1; i < headerLines; i++) {
            int s = nl + 1;
            nl = t.newline(s);
            sb.append('\n').append(t.decode(s, i == headerLines - 1 ? quote : t.contentEnd(s, nl)));
        }
        return sb.toString();
    }

    /** Completes the open thread entry, if any. */
    void finishThread() {
        if (cur == null) return;
        if (mountedStart > 0 && mountedStart < cur.frames.size()) putMountedFramesFirst(cur, mountedStart);
        threads.add(cur.build());
        cur = null;
        inOwnable = false;
        mountedStart = -1;
    }

    /** Reorders a carrier's frames so the mounted virtual thread's frames (the top of the stack) come first. */
    private static void putMountedFramesFirst(DumpThread.Builder b, int split) {
        int n = b.frames.size();
        List<StackFrame> reordered = new ArrayList<>(n);
        reordered.addAll(b.frames.subList(split, n));
        reordered.addAll(b.frames.subList(0, split));
        b.frames.clear();
        b.frames.addAll(reordered);
        List<LockAction> remapped = new ArrayList<>(b.locks.size());
        for (LockAction a : b.locks) {
            int i = a.frameIndex() >= split ? a.frameIndex() - split : a.frameIndex() + n - split;
            remapped.add(new LockAction(i, a.kind(), a.lock()));
        }
        remapped.sort((x, y) -> Integer.compare(x.frameIndex(), y.frameIndex()));
        b.locks.clear();
        b.locks.addAll(remapped);
    }
}
