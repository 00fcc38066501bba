package dev.dumplens.report;

import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.StackFrame;

import java.util.List;

/**
 * Plain-text forms of stacks for people: one thread the way jstack prints it (header, state, frames with their
 * lock lines, owned synchronizers), and a whole group (its size, state, name template, a member's stack and the
 * member names). Used by the desktop app's stack panes and clipboard, and by the reports.
 */
public final class StackFormat {
    private StackFormat() { }

    /** jstack-like text of one thread; a goroutine the way Go prints it. */
    public static String thread(DumpThread t) {
        if (GoroutineWaits.isGoroutine(t)) return goroutine(t);
        StringBuilder sb = new StringBuilder();
        sb.append('"').append(Text.oneLine(t.name())).append('"');
        if (t.javaId() != null) sb.append(" #").append(t.javaId());
        if (t.virtual()) sb.append(" virtual");
        if (t.daemon()) sb.append(" daemon");
        if (t.cpuMillis() != null) sb.append(" cpu=").append(Text.number(t.cpuMillis())).append("ms");
        if (t.elapsedSeconds() != null) sb.append(" elapsed=").append(Text.number(t.elapsedSeconds())).append('s');
        if (!t.headerStatus().isEmpty()) sb.append(' ').append(t.headerStatus());
        sb.append('\n');
        if (!t.stateDetail().isEmpty()) sb.append("   java.lang.Thread.State: ").append(t.stateDetail()).append('\n');
        int next = 0;
        for (int i = 0; i < t.frames().size(); i++) {
            sb.append("\tat ").append(t.frames().get(i).text()).append('\n');
            while (next < t.locks().size() && t.locks().get(next).frameIndex() == i) {
                sb.append("\t- ").append(lockLine(t.locks().get(next++))).append('\n');
            }
        }
        while (next < t.locks().size()) sb.append("\t- ").append(lockLine(t.locks().get(next++))).append('\n');
        if (t.frames().isEmpty()) sb.append("\t(no Java frames)\n");
        if (!t.ownedSynchronizers().isEmpty()) {
            sb.append("\n   Locked ownable synchronizers:\n");
            t.ownedSynchronizers().forEach(l -> sb.append("\t- ").append(l.display()).append('\n'));
        }
        return sb.toString();
    }

    /** A goroutine as Go prints it: {@code goroutine 39 [chan receive, 1 minutes]:}, then its frames. */
    private static String goroutine(DumpThread t) {
        StringBuilder sb = new StringBuilder("goroutine ");
        sb.append(t.javaId() != null ? t.javaId().toString() : Text.oneLine(t.name()));
        if (!t.stateDetail().isEmpty()) sb.append(" [").append(t.stateDetail()).append(']');
        sb.append(":\n");
        for (StackFrame f : t.frames()) sb.append(f.isCreatedBy() ? "" : "  ").append(f.text()).append('\n');
        return sb.toString();
    }

    /**
     * A group as text: "N threads STATE name-template", the stack of its first member with lock lines, then every
     * member's name.
     */
    public static String group(StackGroup g) {
        StringBuilder sb = new StringBuilder();
        sb.append(g.size()).append(g.size() == 1 ? " thread " : " threads ").append(g.state()).append("  ")
                .append(Text.label(g)).append("\n\n");
        sb.append(thread(g.threads().get(0)));
        sb.append("\nMembers:\n");
        for (DumpThread t : g.threads()) sb.append("  \"").append(Text.oneLine(t.name())).append("\"\n");
        return sb.toString();
    }

    /** The lock line as jstack prints it, without the leading "- ". */
    public static String lockLine(LockAction a) {
        String lock = a.lock() == null ? "<no object reference available>" : a.lock().display();
        return switch (a.kind()) {
            case LOCKED -> "locked " + lock;
            case WAITING_TO_LOCK -> "waiting to lock " + lock;
            case WAITING_ON -> "waiting on " + lock;
            case WAITING_TO_RELOCK -> "waiting to re-lock in wait() " + lock;
            case PARKING -> "parking to wait for  " + lock;
            case ELIMINATED -> "eliminated " + lock;
            case CLASS_INIT -> "waiting on the Class initialization monitor for "
                    + (a.lock() == null ? "?" : a.lock().className());
        };
    }

    /** Several threads' stacks, separated by blank lines. */
    public static String threads(List<DumpThread> threads) {
        StringBuilder sb = new StringBuilder();
        for (DumpThread t : threads) sb.append(thread(t)).append('\n');
        return sb.toString();
    }
}
