package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.TextLines;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockAction.Kind;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one text {@code Thread.dump_to_file} file (see {@link JdkThreadDumpText} for the forms it accepts).
 * One instance per file.
 */
final class TextDumpReader {
    /**
     * A thread header: {@code #tid "name"}, then {@code virtual}, then the state and the time (JDK 25) or nothing
     * more (JDK 21). The name is greedy so that names containing quotes keep them; DOTALL lets it span lines.
     * Numbers have at most 18 digits, so that they fit a long.
     */
    static final Pattern HEADER = Pattern.compile(
            "#(\\d{1,18}) \"(.*)\"( virtual)?(?: (NEW|RUNNABLE|BLOCKED|WAITING|TIMED_WAITING|TERMINATED) (\\S+))?",
            Pattern.DOTALL);
    private static final Pattern HEADER_START = Pattern.compile("#\\d{1,18} \".*", Pattern.DOTALL);
    private static final Pattern PROCESS_ID = Pattern.compile("-?\\d{1,18}");
    /** A thread name may contain newlines; a header is looked for over at most this many lines. */
    private static final int MAX_HEADER_LINES = 16;
    private static final int MAX_LINE_WARNINGS = 20;

    private final DumpText text;
    private final ProgressMonitor progress;
    private final DumpAssembly dump;
    private final TextLines lines;
    private DumpThread.Builder current;
    /** Lock lines of the {@code // …} form, which precede the frame they belong to. */
    private final List<LockAction> pending = new ArrayList<>(2);
    private int unrecognized;
    private boolean preamble;

    TextDumpReader(DumpText text, ProgressMonitor progress) {
        this.text = text;
        this.progress = progress;
        this.dump = new DumpAssembly(text.source(), JdkThreadDumpText.ID);
        this.lines = new TextLines(text);
    }

    ParseResult read() throws DumpParseException {
        progress.phase("Reading " + text.source(), text.length());
        progress.checkCancelled();
        while (lines.next(progress)) {
            if (!lines.terminated()) {
                cutLastLine();
                break;
            }
            readLine();
        }
        if (current != null) {
            dump.warnFile(ParseWarning.atLine(text.source(), current.line, "the file ends inside the entry of thread \""
                    + current.name + "\" (no closing blank line): truncated? its stack may be incomplete"));
            finishThread();
        }
        if (unrecognized > MAX_LINE_WARNINGS) {
            dump.warnAtLine(-1, (unrecognized - MAX_LINE_WARNINGS) + " more unrecognized lines not listed");
        }
        if (dump.threadCount() == 0 && !preamble) {
            throw new DumpParseException(text.source(), 1, -1,
                    "not a jcmd Thread.dump_to_file text dump: no '#<tid> \"<name>\"' thread entry found");
        }
        progress.worked(text.length());
        return dump.result();
    }

    private void readLine() {
        if (lines.isBlank()) {
            finishThread();
        } else if (!lines.isIndented()) {
            readUnindented(lines.text());
        } else if (current == null) {
            unrecognized(lines.text());
        } else {
            readBodyLine(lines.text().strip());
        }
    }

    /** A thread header, or before the first thread the pid / time / runtime version lines. */
    private void readUnindented(String line) {
        if (HEADER_START.matcher(line).matches() && startThread(line)) return;
        if (current == null && dump.threadCount() == 0 && readPreambleLine(line)) return;
        unrecognized(line);
    }

    private boolean readPreambleLine(String line) {
        long number = lines.number();
        if (number == 1 && PROCESS_ID.matcher(withoutBom(line)).matches()) {
            long pid = Long.parseLong(withoutBom(line));
            dump.processId = pid >= 0 ? pid : null;
        } else if (number == 2 && Character.isDigit(line.charAt(0))) {
            dump.timestamp = dump.instant(line, number);
        } else if (number == 3) {
            dump.runtimeVersion = line.strip();
        } else {
            return false;
        }
        preamble = true;
        return true;
    }

    /**
     * Starts a thread at a header line, joining following lines for names with newlines; false if none fits.
     * A following line that is a complete header by itself is never joined: a cut header line must not swallow
     * the next thread.
     */
    private boolean startThread(String firstLine) {
        long headerLine = lines.number();
        int resumeAt = lines.nextStart();
        StringBuilder header = new StringBuilder(firstLine);
        Matcher m = HEADER.matcher(header);
        for (int extra = 0; !m.matches(); extra++) {
            if (extra == MAX_HEADER_LINES || !lines.next() || !lines.terminated()
                    || HEADER.matcher(lines.text()).matches()) {
                lines.rewind(resumeAt, headerLine + 1);
                return false;
            }
            header.append('\n').append(lines.text());
            m = HEADER.matcher(header);
        }
        finishThread();
        DumpThread.Builder t = new DumpThread.Builder(m.group(2));
        t.javaId = Long.parseLong(m.group(1));
        t.virtual = m.group(3) != null;
        if (m.group(4) != null) {
            t.state = ThreadState.fromJava(m.group(4));
            t.stateDetail = m.group(4);
        }
        t.line = headerLine;
        current = t;
        return true;
    }

    private void readBodyLine(String body) {
        if (body.startsWith("at ")) {
            addFrame(body.substring(3));
        } else if (body.startsWith("- ")) {
            readLockLine(body.substring(2));
        } else if (body.startsWith("// ")) {
            readCommentLockLine(body.substring(3));
        } else {
            addFrame(body); // JDK 21: frames indented, without "at "
        }
    }

    private void addFrame(String frame) {
        current.frames.add(dump.frame(frame));
        int index = current.frames.size() - 1;
        for (LockAction a : pending) current.locks.add(new LockAction(index, a.kind(), a.lock()));
        pending.clear();
    }

    /** JDK 25: {@code - locked <X@hash>} and friends, after the frame they belong to. */
    private void readLockLine(String line) {
        if (line.equals("lock is eliminated")) {
            current.lock(Kind.ELIMINATED, null);
            return;
        }
        for (LockLine form : LockLine.values()) {
            if (line.startsWith(form.prefix)) {
                current.lock(form.kind, dump.lock(unbracket(line.substring(form.prefix.length()))));
                return;
            }
        }
        unrecognized(lines.text());
    }

    /**
     * The {@code // parked on X, owned by #N} / {@code // blocked on X} / {@code // waiting on X} /
     * {@code // locked X} lines of a JDK development version of the format; they precede their frame.
     */
    private void readCommentLockLine(String line) {
        for (CommentLine form : CommentLine.values()) {
            if (!line.startsWith(form.prefix)) continue;
            String object = line.substring(form.prefix.length());
            int owned = object.indexOf(", owned by #");
            Long owner = null;
            if (owned >= 0) {
                owner = parseLongOrNull(object.substring(owned + ", owned by #".length()));
                object = object.substring(0, owned);
            }
            LockRef lock = dump.lock(object.strip());
            pending.add(new LockAction(current.frames.size(), form.kind, lock));
            if (owner != null) dump.ownedBy(owner, lock);
            return;
        }
        unrecognized(lines.text());
    }

    private void finishThread() {
        if (current == null) return;
        for (LockAction a : pending) current.locks.add(new LockAction(0, a.kind(), a.lock()));
        pending.clear();
        dump.add(current);
        current = null;
    }

    private void cutLastLine() {
        String rest = lines.text();
        if (rest.isBlank()) return;
        dump.warnFile(new ParseWarning(text.source(), lines.number(), lines.start(),
                "the file ends in the middle of this line (truncated?); ignored: "
                        + (rest.length() > 80 ? rest.substring(0, 80) + "…" : rest)));
    }

    private void unrecognized(String line) {
        if (++unrecognized <= MAX_LINE_WARNINGS) {
            dump.warnAtLine(lines.number(), "unrecognized line skipped: "
                    + (line.length() > 80 ? line.substring(0, 80) + "…" : line));
        }
    }

    /** The line stripped of blanks and of a UTF-8 byte order mark some editors add. */
    static String withoutBom(String line) {
        String s = line.strip();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String unbracket(String object) {
        String s = object.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static Long parseLongOrNull(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Lock lines as JDK 25 prints them, after their frame. */
    private enum LockLine {
        LOCKED("locked ", Kind.LOCKED),
        WAITING_TO_LOCK("waiting to lock ", Kind.WAITING_TO_LOCK),
        WAITING_ON("waiting on ", Kind.WAITING_ON),
        PARKING("parking to wait for ", Kind.PARKING);

        final String prefix;
        final Kind kind;

        LockLine(String prefix, Kind kind) {
            this.prefix = prefix;
            this.kind = kind;
        }
    }

    /** Lock comments as a JDK development version prints them, before their frame. */
    private enum CommentLine {
        PARKED("parked on ", Kind.PARKING),
        BLOCKED("blocked on ", Kind.WAITING_TO_LOCK),
        WAITING("waiting on ", Kind.WAITING_ON),
        LOCKED("locked ", Kind.LOCKED);

        final String prefix;
        final Kind kind;

        CommentLine(String prefix, Kind kind) {
            this.prefix = prefix;
            this.kind = kind;
        }
    }
}
