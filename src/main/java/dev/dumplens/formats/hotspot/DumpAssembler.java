package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Puts the lexed lines of a file together, in order, into thread dumps: jstack/jcmd output (one dump) or an
 * application log with SIGQUIT dumps between log lines (several). A dump starts at its "Full thread dump" banner
 * (the timestamp line and jcmd's "pid:" line before it belong to it) and ends after its "JNI global refs" line and
 * the deadlock and Heap sections that may follow; everything else is log text.
 */
final class DumpAssembler {
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

    private final String source;
    private final EventCursor ev;
    private final ThreadAssembler threads = new ThreadAssembler();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<ParseWarning> fileWarnings = new ArrayList<>();

    private Mode mode = Mode.OUTSIDE;
    private Draft dump;
    private boolean logText;
    private long skippedFrom = -1;
    private long skippedCount;
    /** The timestamp and pid of the line just before the current one, and the pid of the line before that. */
    private LocalDateTime prevTimestamp;
    private Long prevPid;
    private Long prevPrevPid;

    DumpAssembler(String source, EventCursor events) {
        this.source = source;
        this.ev = events;
    }

    ParseResult run() throws DumpParseException {
        while (ev.next()) handle();
        if (mode == Mode.THREADS) {
            flushSkipped();
            warn(ev.lastLine(), "the file ends inside the thread list: the dump is truncated; "
                    + "threads up to this line were read");
        }
        if (dump != null) endDump();
        if (drafts.isEmpty()) {
            throw new DumpParseException(source, "not a thread dump: no \"Full thread dump\" banner "
                    + "or thread entry found");
        }
        return result();
    }

    private void handle() throws DumpParseException {
        switch (mode) {
            case OUTSIDE: outside(); break;
            case THREADS: inThreads(); break;
            default: tail(); break;
        }
    }

    private void outside() throws DumpParseException {
        byte type = ev.type();
        if (type == Events.OTHER && ev.startsWith(BANNER)) {
            startDump(true);
        } else if (type == Events.HEADER && startsThreadsWithoutBanner()) {
            startDump(false);
            warn(ev.line(), "thread entries without a \"Full thread dump\" banner");
            handle();
            return;
        } else if (type == Events.BLANK) {
            forgetTimestampAndPid();
        } else if (!rememberTimestampOrPid()) {
            logText = true;
        }
    }

    /** A one-line thread header followed by a state or frame line: a dump whose banner is missing. */
    private boolean startsThreadsWithoutBanner() throws DumpParseException {
        if (((ThreadHeader) ev.value()).lines != 1) return false;
        ev.mark();
        boolean entry = ev.next() && (ev.type() == Events.STATE || ev.type() == Events.FRAME);
        ev.reset();
        return entry;
    }

    private void inThreads() throws DumpParseException {
        switch (ev.type()) {
            case Events.HEADER:
                threads.start((ThreadHeader) ev.value(), ev.line());
                flushSkipped();
                return;
            case Events.BLANK:
                threads.blank();
                return;
            case Events.OTHER:
                otherLineInThreads();
                return;
            default:
                if (threads.open()) threadLine();
                else skip();
        }
    }

    private void threadLine() {
        switch (ev.type()) {
            case Events.FRAME: threads.frame((StackFrame) ev.value()); break;
            case Events.LOCK: threads.lock((LockLineParser.LockLine) ev.value()); break;
            case Events.STATE: threads.state((StateLine) ev.value()); break;
            case Events.OWNABLE: threads.ownableSection(); break;
            case Events.CARRYING: threads.carrying((Long) ev.value()); break;
            case Events.MOUNTED: threads.mounted((Long) ev.value()); break;
            default: // other indented lines of an entry ("No compile task", "Compiling: …") carry nothing we keep
        }
    }

    /** A line in the thread list that is no thread line: a section after it, the next dump, or text to skip. */
    private void otherLineInThreads() throws DumpParseException {
        if (ev.startsWith(SMR_INFO)) {
            flushSkipped();
            skipSmrBlock();
        } else if (ev.startsWith(JNI_REFS) || isDeadlockLine() || isHeapLine()) {
            flushSkipped();
            threads.finish();
            mode = Mode.TAIL;
            tail();
        } else if (ev.startsWith(BANNER) || bannerFollows()) {
            flushSkipped();
            warn(ev.line(), "a new dump starts before the end of the previous one (no \"JNI global refs\" line): "
                    + "the previous dump may be incomplete");
            endDump();
            outside();
        } else {
            // Text that is not part of a dump (log output interleaved with it, or after a dump cut short):
            // lines after it are not attributed to the thread before it.
            threads.finish();
            skip();
        }
    }

    private void skip() {
        if (skippedFrom < 0) skippedFrom = ev.line();
        skippedCount++;
    }

    /** Skips the lines after "Threads class SMR info:" up to a blank line or a thread header. */
    private void skipSmrBlock() throws DumpParseException {
        while (true) {
            ev.mark();
            if (!ev.next() || ev.type() == Events.BLANK || ev.firstByte() == '"') break;
        }
        ev.reset();
    }

    private void tail() throws DumpParseException {
        byte type = ev.type();
        if (type == Events.BLANK || type == Events.OTHER && ev.startsWith(JNI_REFS)) {
            return;
        } else if (type == Events.OTHER && ev.startsWith(DeadlockSectionParser.SECTION)) {
            dump.deadlocks.add(DeadlockSectionParser.parse(ev));
        } else if (type == Events.OTHER && isDeadlockLine()) {
            return;
        } else if (type == Events.OTHER && isHeapLine()) {
            dump.heap = true;
            skipHeapSection();
        } else {
            endDump();
            outside();
        }
    }

    /** Skips the indented lines of the "Heap" section. */
    private void skipHeapSection() throws DumpParseException {
        while (true) {
            ev.mark();
            if (!ev.next() || ev.firstByte() != ' ') break;
        }
        ev.reset();
    }

    /** "Found one Java-level deadlock:" or the summary "Found 3 deadlocks.". */
    private boolean isDeadlockLine() {
        return ev.startsWith(FOUND) && ev.text().indexOf(DEADLOCK, ev.start(), ev.end()) >= 0;
    }

    private boolean isHeapLine() {
        ByteText t = ev.text();
        return t.equalsLiteral(ev.start(), t.trimEnd(ev.start(), ev.end()), HEAP);
    }

    /** Whether this is the timestamp or pid line of a dump whose banner follows within two lines. */
    private boolean bannerFollows() throws DumpParseException {
        if (timestamp() == null && pid() == null) return false;
        ev.mark();
        boolean found = false;
        for (int i = 0; i < 2 && !found && ev.next(); i++) found = ev.type() == Events.OTHER && ev.startsWith(BANNER);
        ev.reset();
        return found;
    }

    private void startDump(boolean banner) {
        dump = new Draft(drafts.size(), ev.line());
        if (banner) {
            ByteText t = ev.text();
            int s = ev.start() + BANNER.length;
            int e = t.trimEnd(s, ev.end());
            if (e > s && t.at(e - 1) == ':') e--;
            dump.banner = t.decode(t.skipBlanks(s, e), e);
            dump.timestamp = prevTimestamp;
            dump.processId = prevTimestamp != null ? prevPrevPid : prevPid;
        }
        forgetTimestampAndPid();
        mode = Mode.THREADS;
    }

    private void endDump() {
        flushSkipped();
        dump.threads = threads.take();
        drafts.add(dump);
        dump = null;
        mode = Mode.OUTSIDE;
    }

    /** Notes the line's timestamp or pid for a banner on the next line; false when it is neither. */
    private boolean rememberTimestampOrPid() {
        LocalDateTime ts = timestamp();
        Long pid = ts == null ? pid() : null;
        prevPrevPid = prevPid;
        prevTimestamp = ts;
        prevPid = pid;
        return ts != null || pid != null;
    }

    private void forgetTimestampAndPid() {
        prevTimestamp = null;
        prevPid = null;
        prevPrevPid = null;
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

    /** "2026-11-26 17:56:19" exactly (trailing blanks allowed) on the current line, or null. */
    private LocalDateTime timestamp() {
        ByteText t = ev.text();
        int from = ev.start();
        int end = t.trimEnd(from, ev.end());
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
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** jcmd's first line "12345:" on the current line, or null. */
    private Long pid() {
        ByteText t = ev.text();
        int from = ev.start();
        int end = t.trimEnd(from, ev.end());
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
