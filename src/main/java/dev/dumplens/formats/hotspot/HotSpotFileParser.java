package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Reads every HotSpot thread dump in one file: jstack/jcmd output (one dump) or an application log with SIGQUIT
 * dumps between log lines (several). A dump starts at its "Full thread dump" banner (the timestamp line and
 * jcmd's "pid:" line before it are read too) and ends after its "JNI global refs" line and the optional deadlock
 * and Heap sections; everything else in the file is log text.
 */
final class HotSpotFileParser {
    static final String FORMAT_JSTACK = "hotspot-jstack";
    static final String FORMAT_JCMD = "hotspot-jcmd-thread-print";
    static final String FORMAT_SIGQUIT_LOG = "hotspot-sigquit-log";

    static final byte[] BANNER = lit("Full thread dump");
    private static final byte[] SMR_INFO = lit("Threads class SMR info:");
    private static final byte[] JNI_REFS = lit("JNI global ref");
    private static final byte[] FOUND = lit("Found ");
    private static final byte[] DEADLOCK = lit("deadlock");
    private static final byte[] HEAP = lit("Heap");

    private enum Mode {
        /** Outside any dump: log text. */
        OUTSIDE,
        /** In the thread list of a dump. */
        THREADS,
        /** After the thread list: deadlock and heap sections. */
        TAIL
    }

    private final ByteText t;
    private final String source;
    private final ProgressMonitor progress;
    private final LineCursor c;
    private final ThreadListParser threadList;
    private final DeadlockSectionParser deadlocks;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<ParseWarning> fileWarnings = new ArrayList<>();

    private Mode mode = Mode.OUTSIDE;
    private Draft dump;
    private boolean logText;
    private long skippedFrom = -1;
    private long skippedCount;

    HotSpotFileParser(ByteText t, ProgressMonitor progress) {
        this.t = t;
        this.source = t.text().source();
        this.progress = progress;
        this.c = new LineCursor(t);
        this.threadList = new ThreadListParser(t, progress, true);
        this.deadlocks = new DeadlockSectionParser(t);
    }

    ParseResult parse() throws DumpParseException {
        progress.phase("Reading " + source, t.length());
        while (!c.atEnd()) {
            if (mode == Mode.THREADS && !readThreads()) break;
            switch (mode) {
                case OUTSIDE: outsideLine(); break;
                case THREADS: otherLineInThreads(); break;
                default: tailLine(); break;
            }
        }
        if (mode == Mode.THREADS) {
            flushSkipped();
            warn(lastLine(), "the file ends inside the thread list: the dump is truncated; "
                    + "threads up to this line were read");
        }
        if (dump != null) endDump();
        if (drafts.isEmpty()) {
            throw new DumpParseException(source, "not a thread dump: no \"Full thread dump\" banner "
                    + "or thread entry found");
        }
        progress.worked(t.length());
        return result();
    }

    /** Reads thread entries from the cursor; false at the end of the text. */
    private boolean readThreads() {
        long started = threadList.threadsStarted();
        threadList.run(c.pos(), c.line(), Integer.MAX_VALUE);
        if (threadList.threadsStarted() > started) flushSkipped();
        if (threadList.stop() == ThreadListParser.Stop.END) {
            c.moveTo(t.length(), threadList.line());
            return false;
        }
        c.moveTo(threadList.pos(), threadList.line());
        return true;
    }

    private void outsideLine() {
        if (c.startsWith(BANNER)) {
            startDump(true);
            c.next();
        } else if (threadList.isThreadEntry(c.pos())) {
            startDump(false);
            warn(c.line(), "thread entries without a \"Full thread dump\" banner");
        } else {
            if (!c.blank() && timestamp(c.pos(), c.end()) == null && pid(c.pos(), c.end()) == null) logText = true;
            c.next();
        }
    }

    /** The line where the thread list stopped: a section after it, the next dump, or text to skip. */
    private void otherLineInThreads() {
        if (c.startsWith(SMR_INFO)) {
            flushSkipped();
            c.next();
            while (!c.atEnd() && !c.blank() && t.at(c.pos()) != '"') c.next();
        } else if (c.startsWith(JNI_REFS) || isDeadlockLine() || isHeapLine()) {
            flushSkipped();
            threadList.finishThread();
            mode = Mode.TAIL;
        } else if (c.startsWith(BANNER) || bannerFollows()) {
            flushSkipped();
            warn(c.line(), "a new dump starts before the end of the previous one (no \"JNI global refs\" line): "
                    + "the previous dump may be incomplete");
            endDump();
        } else {
            // Text that is not part of a dump (log output interleaved with the dump, or after a dump cut short):
            // frames after it are not attributed to the thread before it.
            threadList.finishThread();
            if (skippedFrom < 0) skippedFrom = c.line();
            skippedCount++;
            c.next();
        }
    }

    private void tailLine() {
        if (c.blank() || c.startsWith(JNI_REFS)) {
            c.next();
        } else if (c.startsWith(DeadlockSectionParser.SECTION)) {
            dump.deadlocks.add(deadlocks.parse(c));
        } else if (isDeadlockLine()) {
            c.next();
        } else if (isHeapLine()) {
            dump.heap = true;
            c.next();
            while (!c.atEnd() && !c.blank() && t.at(c.pos()) == ' ') c.next();
        } else {
            endDump();
        }
    }

    /** "Found one Java-level deadlock:" or the summary "Found 3 deadlocks.". */
    private boolean isDeadlockLine() {
        return c.startsWith(FOUND) && t.indexOf(DEADLOCK, c.pos(), c.end()) >= 0;
    }

    private boolean isHeapLine() {
        return t.equalsLiteral(c.pos(), t.trimEnd(c.pos(), c.end()), HEAP);
    }

    /** Whether this line is the timestamp or pid line of a dump whose banner follows within two lines. */
    private boolean bannerFollows() {
        if (timestamp(c.pos(), c.end()) == null && pid(c.pos(), c.end()) == null) return false;
        int p = c.pos();
        for (int i = 0; i < 2; i++) {
            p = t.newline(p) + 1;
            if (p >= t.length()) return false;
            if (t.startsWith(p, t.contentEnd(p, t.newline(p)), BANNER)) return true;
        }
        return false;
    }

    private void startDump(boolean banner) {
        dump = new Draft(drafts.size(), c.line());
        if (banner) {
            int s = c.pos() + BANNER.length;
            int e = t.trimEnd(s, c.end());
            if (e > s && t.at(e - 1) == ':') e--;
            dump.banner = t.decode(t.skipBlanks(s, e), e);
            readLinesBefore(c.pos());
        }
        mode = Mode.THREADS;
    }

    /** The timestamp line and jcmd's "pid:" line just before the banner. */
    private void readLinesBefore(int bannerPos) {
        int prevEnd = bannerPos - 1;
        if (prevEnd < 0) return;
        int prevStart = t.lastIndexOf((byte) '\n', 0, prevEnd) + 1;
        int prevContent = t.contentEnd(prevStart, prevEnd);
        dump.timestamp = timestamp(prevStart, prevContent);
        if (dump.timestamp != null) {
            prevEnd = prevStart - 1;
            if (prevEnd < 0) return;
            prevStart = t.lastIndexOf((byte) '\n', 0, prevEnd) + 1;
            prevContent = t.contentEnd(prevStart, prevEnd);
        }
        dump.processId = pid(prevStart, prevContent);
    }

    private void endDump() {
        threadList.finishThread();
        flushSkipped();
        dump.threads = threadList.takeThreads();
        drafts.add(dump);
        dump = null;
        mode = Mode.OUTSIDE;
    }

    private void flushSkipped() {
        if (skippedFrom < 0) return;
        warn(skippedFrom, skippedCount == 1 ? "skipped a line that is not part of a thread entry"
                : "skipped " + skippedCount + " lines that are not part of a thread entry");
        skippedFrom = -1;
        skippedCount = 0;
    }

    private void warn(long line, String message) {
        ParseWarning w = ParseWarning.atLine(source, line, message);
        if (dump != null) dump.warnings.add(w);
        else fileWarnings.add(w);
    }

    /** Number of the last line, once the cursor is past it. */
    private long lastLine() {
        return Math.max(1, c.line() - 1);
    }

    /** "2026-11-26 17:56:19" exactly (trailing blanks allowed), or null. */
    private LocalDateTime timestamp(int from, int to) {
        int end = t.trimEnd(from, to);
        if (end - from != 19) return null;
        for (int i = 0; i < 19; i++) {
            byte b = t.at(from + i);
            boolean ok;
            switch (i) {
                case 4: case 7: ok = b == '-'; break;
                case 10: ok = b == ' '; break;
                case 13: case 16: ok = b == ':'; break;
                default: ok = ByteText.isDigit(b);
            }
            if (!ok) return null;
        }
        int year = (int) t.decimal(from, from + 4);
        int month = (int) t.decimal(from + 5, from + 7);
        int day = (int) t.decimal(from + 8, from + 10);
        int hour = (int) t.decimal(from + 11, from + 13);
        int minute = (int) t.decimal(from + 14, from + 16);
        int second = (int) t.decimal(from + 17, from + 19);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** jcmd's first line "12345:", or null. */
    private Long pid(int from, int to) {
        int end = t.trimEnd(from, to);
        int digits = t.digitsEnd(from, end);
        if (digits == from || digits != end - 1 || t.at(end - 1) != ':' || digits - from > 18) return null;
        return t.decimal(from, digits);
    }

    private ParseResult result() {
        List<ThreadDump> dumps = new ArrayList<>(drafts.size());
        List<ParseWarning> all = new ArrayList<>(fileWarnings);
        for (Draft d : drafts) {
            String format = d.processId != null ? FORMAT_JCMD : d.heap || logText ? FORMAT_SIGQUIT_LOG : FORMAT_JSTACK;
            dumps.add(new ThreadDump(source, d.index, d.line, format, d.timestamp, d.banner, d.processId,
                    d.threads, d.deadlocks, d.warnings));
            all.addAll(d.warnings);
        }
        all.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ParseResult(source, HotSpotFormat.ID, dumps, all);
    }

    /** A dump being read. */
    private static final class Draft {
        final int index;
        final long line;
        LocalDateTime timestamp;
        String banner = "";
        Long processId;
        boolean heap;
        List<DumpThread> threads = List.of();
        final List<JvmDeadlock> deadlocks = new ArrayList<>();
        final List<ParseWarning> warnings = new ArrayList<>();

        Draft(int index, long line) {
            this.index = index;
            this.line = line;
        }
    }
}
