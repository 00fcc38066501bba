package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.FrameNormalizer;
import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.NameTemplates;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small pieces of the verdicts' wording: numbers, name lists, frames and what a thread is doing. */
final class Wording {
    private static final int LISTED_NAMES = 4;
    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private Wording() { }

    /** Whether the dumps are goroutine dumps (their first entry is a goroutine). */
    static boolean isGo(List<ThreadDump> dumps) {
        for (ThreadDump d : dumps) {
            if (!d.threads().isEmpty()) return GoroutineWaits.isGoroutine(d.threads().get(0));
        }
        return false;
    }

    /** "thread"/"threads", or "goroutine"/"goroutines" for goroutines. */
    static String unit(DumpThread t, int n) {
        String one = GoroutineWaits.isGoroutine(t) ? "goroutine" : "thread";
        return n == 1 ? one : one + "s";
    }

    /** {@code 5 → 10 → 15 → 20}. */
    static String counts(List<? extends Number> counts) {
        return counts.stream().map(Wording::number).collect(Collectors.joining(" → "));
    }

    /** A number without a needless fraction: {@code 5}, {@code 2.5}, {@code 0.33}. */
    static String number(Number n) {
        double v = n.doubleValue();
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v).replaceAll("0+$", "");
    }

    /**
     * Names in short form: {@code request-handler-1..5} for consecutive numbers under one template,
     * {@code 40 × goroutine (profile record, no id)} for one name repeated, otherwise up to
     * {@value #LISTED_NAMES} names and how many more.
     */
    static String names(List<String> names) {
        if (names.size() > 1 && names.stream().distinct().count() == 1) return names.size() + " × " + names.get(0);
        if (names.size() > 1) {
            String range = numberRange(names);
            if (range != null) return range;
        }
        if (names.size() <= LISTED_NAMES) return String.join(", ", names);
        return String.join(", ", names.subList(0, LISTED_NAMES - 1)) + " and " + (names.size() - LISTED_NAMES + 1)
                + " more";
    }

    private static String numberRange(List<String> names) {
        String template = NameTemplates.of(names.get(0));
        if (template.chars().filter(c -> c == '*').count() != 1) return null;
        List<Long> numbers = new ArrayList<>();
        for (String name : names) {
            List<String> v = NameTemplates.values(name);
            if (!NameTemplates.of(name).equals(template) || v.size() != 1 || !v.get(0).matches("\\d{1,18}")) return null;
            numbers.add(Long.parseLong(v.get(0)));
        }
        numbers.sort(Comparator.naturalOrder());
        for (int i = 1; i < numbers.size(); i++) if (numbers.get(i) != numbers.get(i - 1) + 1) return null;
        return template.replace("*", numbers.get(0) + ".." + numbers.get(numbers.size() - 1));
    }

    /**
     * {@code SynchronousQueue.take}: the frame's simple class name and method; for Go the function without its
     * import path's directories ({@code sync.(*Mutex).Lock}, {@code http.(*conn).serve}).
     */
    static String method(StackFrame frame) {
        if (frame.isGo()) {
            String function = frame.qualifiedMethod();
            return function.substring(function.lastIndexOf('/') + 1);
        }
        StackFrame f = normalized(frame);
        String cls = f.className();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.methodName();
    }

    /** {@code scenario.Leak.awaitHandOff (Leak.java:166)}. */
    static String where(StackFrame frame) {
        StackFrame f = normalized(frame);
        String loc = f.location();
        return f.qualifiedMethod() + (loc.isEmpty() ? "" : " (" + loc + ")");
    }

    /**
     * The frame without module, loader and hidden-class noise ({@link FrameNormalizer}): a lambda's
     * {@code Main$$Lambda$32/0x00007f65….run} would otherwise read as a method of class {@code 0x00007f65…}. A Go
     * frame stays a Go frame (its source file without directory).
     */
    private static StackFrame normalized(StackFrame frame) {
        if (frame.isGo()) return StackFrame.go(FrameNormalizer.normalize(frame, Similarity.NORMALIZED));
        return new StackFrame(FrameNormalizer.normalize(frame.text()));
    }

    /**
     * Whether the frame belongs to the runtime's library rather than to the application: the JDK, or Go's
     * standard library ({@link GoroutineWaits#isStandardLibrary}).
     */
    static boolean isJdk(StackFrame frame) {
        if (frame.isGo()) return GoroutineWaits.isStandardLibrary(frame.qualifiedMethod());
        String qm = normalized(frame).qualifiedMethod();
        for (String p : JDK_PREFIXES) if (qm.startsWith(p)) return true;
        return false;
    }

    /** The first application frame at or below {@code from}, or {@code null}; a goroutine's creator does not count. */
    static StackFrame applicationFrame(List<StackFrame> frames, int from) {
        for (int i = Math.max(0, from); i < frames.size(); i++) {
            StackFrame f = frames.get(i);
            if (!isJdk(f) && !f.isCreatedBy()) return f;
        }
        return null;
    }

    /** {@code v} to one decimal below 10, whole above: {@code 2.3}, {@code 91}. */
    static String rounded(double v) {
        return number(Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10.0);
    }

    /**
     * A table wording as the start of a sentence; for several threads a leading "it " becomes "each " ("each
     * waits for a hand-off …").
     */
    static String sentence(String text, boolean plural) {
        return capitalized(plural && text.startsWith("it ") ? "each " + text.substring(3) : text);
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** What a thread is doing, read from its stack with {@link StackExplanations}. */
    record Reading(DumpThread thread, StackExplanations.Explanation row, int frameIndex) {

        static Reading of(DumpThread thread) {
            StackExplanations.Match m = StackExplanations.match(thread);
            return m == null ? new Reading(thread, null, 0) : new Reading(thread, m.explanation(), m.frameIndex());
        }

        /**
         * "parked in SynchronousQueue.take, called from scenario.Leak.awaitHandOff (Leak.java:137)", or "blocked
         * entering a synchronized block at scenario.Leak$Ledger.post (Leak.java:50)" when the telling frame is the
         * application's own.
         */
        String activity() {
            List<StackFrame> frames = thread.frames();
            if (frames.isEmpty()) return what();
            StackFrame at = frames.get(frameIndex);
            if (!isJdk(at)) return what() + " at " + where(at);
            StackFrame caller = applicationFrame(frames, frameIndex + 1);
            return caller == null ? what() : what() + ", called from " + where(caller);
        }

        /** "parked in SynchronousQueue.take": the activity without the application frame. */
        String what() {
            List<StackFrame> frames = thread.frames();
            if (frames.isEmpty()) return stateWords(thread.state());
            StackFrame at = frames.get(frameIndex);
            if (row != null) return row.activity().replace("{method}", method(at));
            String state = GoroutineWaits.isGoroutine(thread) ? goroutineWords(thread) : stateWords(thread.state());
            return state + (isJdk(at) ? " in " + method(at) : "");
        }

        String leak() {
            if (row != null && row.leak() != null) return row.leak();
            return GoroutineWaits.isGoroutine(thread) ? StackExplanations.GENERIC_LEAK_GO : StackExplanations.GENERIC_LEAK;
        }

        String stuck() { return row == null || row.stuck() == null ? StackExplanations.GENERIC_STUCK : row.stuck(); }

        String spinning() {
            return row == null || row.spinning() == null ? StackExplanations.GENERIC_SPINNING : row.spinning();
        }

        /** " Usual fix: …." or "". */
        String fix() {
            return row == null || row.fix().isEmpty() ? "" : " Usual fix: " + row.fix() + ".";
        }
    }

    /**
     * A goroutine no table row describes: "waiting (wait reason)", "running", or "parked" when a debug=1 profile
     * printed no reason (every goroutine that is not running is parked).
     */
    static String goroutineWords(DumpThread goroutine) {
        if (goroutine.state() == ThreadState.RUNNABLE) return "running";
        String reason = goroutine.stateDetail();
        return reason.isEmpty() ? "parked" : "waiting (" + reason + ")";
    }

    /**
     * Who the members of a group are: the name template, or for goroutines (whose names are only ids) their
     * first own function and creator, {@code main.handleOrder (created by main.leak)}.
     */
    static String who(GroupTrend g) {
        List<DumpThread> members = g.latestThreads();
        if (members.isEmpty() || !GoroutineWaits.isGoroutine(members.get(0))) return g.nameTemplate();
        return GoroutineWaits.label(g.frames());
    }

    static String stateWords(ThreadState state) {
        switch (state) {
            case RUNNABLE: return "running";
            case BLOCKED: return "blocked";
            case WAITING: return "waiting";
            case TIMED_WAITING: return "waiting with a timeout";
            default: return state == ThreadState.NONE ? "(no state)" : state.name().toLowerCase(Locale.ROOT);
        }
    }
}
