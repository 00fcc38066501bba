package dev.dumplens.formats.javacore;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.TextLines;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one javacore (see {@link JavacoreFormat}). One instance per file.
 *
 * <p>States: the javacore's letter is kept in {@code stateDetail} and mapped as follows.
 * <pre>
 * letter  meaning           ThreadState
 * R       runnable          RUNNABLE
 * CW      condition wait    WAITING; TIMED_WAITING when the top frame is Thread.sleep
 * P       parked            WAITING; TIMED_WAITING when LockSupport.parkNanos/parkUntil is among the top frames
 * B       blocked           BLOCKED
 * S       suspended         RUNNABLE (what HotSpot reports for a suspended thread)
 * Z       zombie            TERMINATED
 * -       "Anonymous native thread" (no Java thread), or an unknown letter: NONE
 * </pre>
 * <p>Frames: {@code at java/lang/Object.wait(Object.java:218(Compiled Code))} becomes the jstack form
 * {@code java.lang.Object.wait(Object.java:218)}, so that grouping and normalization treat it like a HotSpot
 * frame (the JIT note says how the frame runs, not where). Locks: {@code 3XMTHREADBLOCK Blocked on: X} is
 * "waiting to lock X", {@code Waiting on: X} "waiting on X" ({@code Object.wait()}), {@code Parked on: X}
 * "parking to wait for X", each on the top frame; {@code (entered lock: X, entry count: N)} is "locked X" on the
 * frame above it. A synchronizer "Owned by" a thread is listed among that thread's owned synchronizers; a monitor
 * the LOCKS section or a blocked thread names as owned by a thread whose frames show no entered lock for it is
 * recorded as locked on that thread's bottom frame (the javacore does not say which frame entered it). Lock ids
 * are the object addresses as printed ({@code 0x0000000116CBCC20}), class names dotted.
 */
final class JavacoreReader {
    /** Sections read; the others (MEMINFO, CLASSES, NATIVEMEMINFO, GPINFO, HOOK, …) are skipped undecoded. */
    private static final Set<String> READ_SECTIONS = Set.of("TITLE", "ENVINFO", "LOCKS", "THREADS");
    private static final Pattern SECTION = Pattern.compile("0SECTION\\s+(\\S+).*");
    private static final Pattern DATE = Pattern.compile(
            ".*Date:\\s*(\\d{4})/(\\d{2})/(\\d{2}) at (\\d{2}):(\\d{2}):(\\d{2})(?::(\\d{1,3}))?.*");
    private static final Pattern PROCESS_ID = Pattern.compile(".*Process ID:\\s*(\\d{1,18}).*");
    private static final Pattern THREAD = Pattern.compile(
            "3XMTHREADINFO\\s+\"(.*)\" (?:J9VMThread|TID):(0x\\p{XDigit}+)(.*)", Pattern.DOTALL);
    private static final Pattern STATE = Pattern.compile("state:(\\w+)");
    private static final Pattern PRIORITY = Pattern.compile("prio=(\\d{1,9})");
    private static final Pattern JAVA_THREAD = Pattern.compile(".*getId:0x(\\p{XDigit}{1,15}), isDaemon:(\\w+).*");
    private static final Pattern NATIVE = Pattern.compile(
            ".*native thread ID:\\s*0x(\\p{XDigit}{1,15})(?:, native priority:\\s*0x(\\p{XDigit}{1,7}))?.*");
    private static final Pattern CPU = Pattern.compile(".*CPU usage total:\\s*([0-9]{1,12}(?:\\.[0-9]{1,12})?) secs.*");
    private static final Pattern BLOCK = Pattern.compile(
            "3XMTHREADBLOCK\\s+(Blocked on|Waiting on|Parked on): (\\S+)(?: Owned by: (.*))?");
    private static final Pattern OWNER = Pattern.compile("\"(.*)\" \\(J9VMThread:(0x\\p{XDigit}+).*", Pattern.DOTALL);
    private static final Pattern FRAME = Pattern.compile("4XESTACKTRACE\\s+at (.+?)\\s*");
    private static final Pattern ENTERED = Pattern.compile("5XESTACKTRACE\\s+\\(entered lock: (\\S+?),.*");
    private static final Pattern MONITOR = Pattern.compile(
            "3LKMONOBJECT\\s+(\\S+?): (?:Flat locked by|owner) (\".*)", Pattern.DOTALL);
    private static final Pattern DEADLOCK_THREAD = Pattern.compile("2LKDEADLOCKTHR\\s+Thread \"(.*)\" \\((0x\\p{XDigit}+)\\).*",
            Pattern.DOTALL);
    private static final Pattern COMPILED = Pattern.compile("\\((?:Compiled|JIT compiled) Code\\)(?=\\)$)");
    private static final int PROGRESS_EVERY_LINES = 8192;

    private final DumpText text;
    private final ProgressMonitor progress;
    private final TextLines lines;
    private final String source;
    private Charset charset = StandardCharsets.UTF_8;

    private final List<DumpThread.Builder> threads = new ArrayList<>();
    private final Map<String, DumpThread.Builder> byAddress = new HashMap<>();
    private final Map<String, StackFrame> frames = new HashMap<>();
    private final Map<String, LockRef> locks = new HashMap<>();
    /** Owners named by "Owned by" and the LOCKS section, resolved once every thread is read. */
    private final List<Ownership> ownerships = new ArrayList<>();
    private final List<List<String>> deadlockCycles = new ArrayList<>();
    private List<String> deadlockCycle;
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final List<ParseWarning> fileWarnings = new ArrayList<>();

    private DumpThread.Builder current;
    private String section = "";
    private boolean sawThreads;
    private long threadsLine;
    private boolean sawEnd;
    private LocalDateTime timestamp;
    private String banner = "";
    private String trigger;
    private Long processId;

    JavacoreReader(DumpText text, ProgressMonitor progress) {
        this.text = text;
        this.progress = progress;
        this.lines = new TextLines(text);
        this.source = text.source();
    }

    ParseResult read() throws DumpParseException {
        progress.phase("Reading " + source, text.length());
        boolean more = lines.next();
        while (more) {
            if (lines.number() % PROGRESS_EVERY_LINES == 0) {
                progress.checkCancelled();
                progress.worked(lines.start());
            }
            if (lines.startsWith("0SECTION")) {
                enterSection(lines.text());
                more = lines.next();
            } else if (!READ_SECTIONS.contains(section)) {
                do {
                    more = lines.next();
                } while (more && !lines.startsWith("0SECTION"));
            } else {
                readLine();
                more = lines.next();
            }
        }
        finishThread();
        if (!sawThreads) {
            throw new DumpParseException(source, 1, -1, "no THREADS section: not a complete javacore");
        }
        if (threads.isEmpty()) {
            throw new DumpParseException(source, threadsLine, -1, "the THREADS section lists no thread");
        }
        if (!sawEnd) {
            fileWarnings.add(ParseWarning.atLine(source, lines.number(),
                    "the file ends before \"Javadump End section\": truncated? the last thread may be incomplete"));
        }
        return result();
    }

    private void enterSection(String line) {
        finishThread();
        Matcher m = SECTION.matcher(line);
        section = m.matches() ? m.group(1) : "";
        if (section.equals("THREADS") && !sawThreads) {
            sawThreads = true;
            threadsLine = lines.number();
        }
        if (section.equals("Javadump")) sawEnd = true;
    }

    private void readLine() {
        if (lines.startsWith("4XESTACKTRACE")) frame();
        else if (lines.startsWith("5XESTACKTRACE")) entered();
        else if (lines.startsWith("3XMTHREADINFO ")) thread();
        else if (lines.startsWith("3XMJAVALTHREAD")) javaThread();
        else if (lines.startsWith("3XMTHREADINFO1")) nativeThread();
        else if (lines.startsWith("3XMCPUTIME")) cpu();
        else if (lines.startsWith("3XMTHREADBLOCK")) block();
        else if (lines.startsWith("3LKMONOBJECT")) monitor();
        else if (lines.startsWith("2LKDEADLOCKTHR")) deadlockThread();
        else if (lines.startsWith("1LKDEADLOCK")) deadlockCycle = null;
        else if (lines.startsWith("1TICHARSET")) charset(value());
        else if (lines.startsWith("1TIDATETIME ")) timestamp = date(value());
        else if (lines.startsWith("1TISIGINFO")) trigger = value();
        else if (lines.startsWith("1CIJAVAVERSION")) banner = value();
        else if (lines.startsWith("1CIPROCESSID")) processId = processId(value());
    }

    /** The line after its tag and the blanks that follow. */
    private String value() {
        int i = 0;
        int n = lines.length();
        while (i < n && lines.byteAt(i) != ' ' && lines.byteAt(i) != '\t') i++;
        while (i < n && (lines.byteAt(i) == ' ' || lines.byteAt(i) == '\t')) i++;
        return lines.text(i, charset).strip();
    }

    private String decoded() { return lines.text(0, charset); }

    private void thread() {
        finishThread();
        String line = decoded();
        Matcher m = THREAD.matcher(line);
        if (m.matches()) {
            if (byAddress.containsKey(m.group(2))) return; // the current thread, listed once more
            current = DumpThread.builder(m.group(1));
            current.address = m.group(2);
            byAddress.put(current.address, current);
            Matcher state = STATE.matcher(m.group(3));
            current.stateDetail = state.find() ? state.group(1) : "";
            Matcher prio = PRIORITY.matcher(m.group(3));
            if (prio.find()) current.priority = Integer.parseInt(prio.group(1));
        } else if (line.contains("Anonymous native thread")) {
            current = DumpThread.builder("Anonymous native thread");
        } else {
            warnings.add(ParseWarning.atLine(source, lines.number(), "unreadable thread line: " + abbreviate(line)));
            return;
        }
        current.line = lines.number();
        threads.add(current);
    }

    private void javaThread() {
        Matcher m = current == null ? null : JAVA_THREAD.matcher(decoded());
        if (m == null || !m.matches()) return;
        current.javaId = Long.parseLong(m.group(1), 16);
        current.daemon = Boolean.parseBoolean(m.group(2));
    }

    private void nativeThread() {
        Matcher m = current == null ? null : NATIVE.matcher(decoded());
        if (m == null || !m.matches()) return;
        current.nid = Long.parseLong(m.group(1), 16);
        if (m.group(2) != null) current.osPriority = Integer.parseInt(m.group(2), 16);
    }

    private void cpu() {
        Matcher m = current == null ? null : CPU.matcher(decoded());
        if (m != null && m.matches()) current.cpuMillis = Double.parseDouble(m.group(1)) * 1000;
    }

    private void block() {
        if (current == null) return;
        Matcher m = BLOCK.matcher(decoded());
        if (!m.matches()) return;
        LockRef lock = lock(m.group(2));
        if (lock == null) return;
        LockAction.Kind kind = switch (m.group(1)) {
            case "Blocked on" -> LockAction.Kind.WAITING_TO_LOCK;
            case "Waiting on" -> LockAction.Kind.WAITING_ON;
            default -> LockAction.Kind.PARKING;
        };
        current.locks.add(new LockAction(0, kind, lock));
        Matcher owner = m.group(3) == null ? null : OWNER.matcher(m.group(3));
        if (owner != null && owner.matches()) {
            ownerships.add(new Ownership(owner.group(2), lock, kind == LockAction.Kind.PARKING));
        }
    }

    private void frame() {
        if (current == null) return;
        Matcher m = FRAME.matcher(decoded());
        if (m.matches()) current.frames.add(frames.computeIfAbsent(m.group(1), JavacoreReader::jstackFrame));
    }

    /**
     * {@code com/ibm/Foo$Bar.run(Foo.java:12(Compiled Code))} to {@code com.ibm.Foo$Bar.run(Foo.java:12)}; a
     * hidden class's {@code /0x…} suffix keeps its slash, as jstack prints it.
     */
    static StackFrame jstackFrame(String printed) {
        int paren = printed.indexOf('(');
        String method = paren < 0 ? printed : printed.substring(0, paren);
        String location = paren < 0 ? "" : COMPILED.matcher(printed.substring(paren)).replaceFirst("");
        StringBuilder dotted = new StringBuilder(method.length());
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            dotted.append(c == '/' && !method.startsWith("0x", i + 1) ? '.' : c);
        }
        return new StackFrame(dotted.append(location).toString());
    }

    private void entered() {
        if (current == null || current.frames.isEmpty()) return;
        Matcher m = ENTERED.matcher(decoded());
        LockRef lock = m.matches() ? lock(m.group(1)) : null;
        if (lock != null) current.lock(LockAction.Kind.LOCKED, lock);
    }

    private void monitor() {
        Matcher m = MONITOR.matcher(decoded());
        if (!m.matches()) return;
        Matcher owner = OWNER.matcher(m.group(2));
        LockRef lock = lock(m.group(1));
        if (owner.matches() && lock != null) ownerships.add(new Ownership(owner.group(2), lock, false));
    }

    /** The deadlock report lists each thread, what it waits for and who owns that, back to the first thread. */
    private void deadlockThread() {
        Matcher m = DEADLOCK_THREAD.matcher(decoded());
        if (!m.matches()) return;
        String name = m.group(1);
        if (deadlockCycle == null) {
            deadlockCycle = new ArrayList<>();
            deadlockCycles.add(deadlockCycle);
        }
        if (!deadlockCycle.isEmpty() && deadlockCycle.get(0).equals(name)) {
            deadlockCycle = null; // the cycle is closed
        } else {
            deadlockCycle.add(name);
        }
    }

    /** {@code java/lang/Object@0x00000001F3CFEA10}: the object's address as id, its class dotted; else null. */
    private LockRef lock(String printed) {
        int at = printed.lastIndexOf('@');
        if (at <= 0 || !printed.startsWith("0x", at + 1)) return null;
        return locks.computeIfAbsent(printed,
                p -> new LockRef(p.substring(at + 1), p.substring(0, at).replace('/', '.')));
    }

    private void finishThread() {
        if (current == null) return;
        current.state = state(current.stateDetail, current.frames);
        current = null;
    }

    /** The mapping documented on this class. */
    static ThreadState state(String letter, List<StackFrame> frames) {
        switch (letter) {
            case "R":
            case "S":
                return ThreadState.RUNNABLE;
            case "B":
                return ThreadState.BLOCKED;
            case "Z":
                return ThreadState.TERMINATED;
            case "CW":
                return topFrameIs(frames, 1, "java.lang.Thread.sleep") ? ThreadState.TIMED_WAITING : ThreadState.WAITING;
            case "P":
                return topFrameIs(frames, 3, "java.util.concurrent.locks.LockSupport.parkNanos",
                        "java.util.concurrent.locks.LockSupport.parkUntil")
                        ? ThreadState.TIMED_WAITING : ThreadState.WAITING;
            default:
                return ThreadState.NONE;
        }
    }

    private static boolean topFrameIs(List<StackFrame> frames, int depth, String... methods) {
        for (int i = 0; i < Math.min(depth, frames.size()); i++) {
            for (String m : methods) if (frames.get(i).qualifiedMethod().equals(m)) return true;
        }
        return false;
    }

    private void charset(String declared) {
        if (text.transcodedFrom() != null) return; // already transcoded to UTF-8
        for (String name : declared.matches("\\d+")
                ? List.of("windows-" + declared, "Cp" + declared, "IBM" + declared) : List.of(declared)) {
            try {
                if (Charset.isSupported(name)) {
                    charset = Charset.forName(name);
                    return;
                }
            } catch (IllegalArgumentException e) {
                break; // an illegal charset name
            }
        }
        warnings.add(ParseWarning.atLine(source, lines.number(), "unknown character set \"" + declared
                + "\": names and frames are read as UTF-8"));
    }

    /** {@code Date: 2022/06/06 at 11:44:58:407}, local time of the dumped process. */
    private LocalDateTime date(String value) {
        Matcher m = DATE.matcher(value);
        if (m.matches()) {
            try {
                int millis = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
                return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)), millis * 1_000_000);
            } catch (DateTimeException e) {
                // fall through to the warning
            }
        }
        warnings.add(ParseWarning.atLine(source, lines.number(), "unreadable date \"" + value + "\""));
        return null;
    }

    private static Long processId(String value) {
        Matcher m = PROCESS_ID.matcher(value);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    /** Owners resolved by J9VMThread address (names are not unique), then the dump is built. */
    private ParseResult result() {
        for (Ownership o : ownerships) {
            DumpThread.Builder owner = byAddress.get(o.ownerAddress);
            if (owner == null) continue;
            if (o.synchronizer) {
                if (!owner.ownedSynchronizers.contains(o.lock)) owner.ownedSynchronizers.add(o.lock);
            } else if (!holds(owner, o.lock)) {
                owner.locks.add(new LockAction(Math.max(0, owner.frames.size() - 1), LockAction.Kind.LOCKED, o.lock));
            }
        }
        List<DumpThread> built = new ArrayList<>(threads.size());
        for (DumpThread.Builder b : threads) built.add(b.build());
        List<JvmDeadlock> deadlocks = new ArrayList<>();
        for (List<String> cycle : deadlockCycles) if (!cycle.isEmpty()) deadlocks.add(new JvmDeadlock(cycle));
        String fatal = trigger == null || isUserRequest(trigger) ? null : trigger;
        ThreadDump dump = new ThreadDump(source, 0, 1, JavacoreFormat.ID, timestamp, banner, processId, built,
                deadlocks, warnings, fatal);
        return new ParseResult(source, JavacoreFormat.ID, List.of(dump), fileWarnings);
    }

    private static boolean holds(DumpThread.Builder thread, LockRef lock) {
        for (LockAction a : thread.locks) {
            if (a.kind() == LockAction.Kind.LOCKED && lock.equals(a.lock())) return true;
        }
        return false;
    }

    /** A dump taken on request (jcmd, kill -3, com.ibm.jvm.Dump) rather than on an event such as an OOM or crash. */
    private static boolean isUserRequest(String trigger) {
        return trigger.startsWith("Dump Requested By User") || trigger.contains("Dump Event \"user\"");
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /** A lock the dump names as owned by the thread at {@code ownerAddress}. */
    private record Ownership(String ownerAddress, LockRef lock, boolean synchronizer) { }
}
