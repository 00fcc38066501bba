package dev.dumplens.model;

/**
 * The coarse state of a thread entry. {@link #NONE} is an entry without a {@code java.lang.Thread.State}:
 * VM/native threads (GC, compiler, "VM Thread"), and carrier entries that only say "Carrying virtual thread".
 * Formats that are not HotSpot map their own states onto these and keep the original text in
 * {@link DumpThread#stateDetail()}.
 */
public enum ThreadState {
    NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED, NONE;

    /** Parses the {@code java.lang.Thread.State} word ("WAITING"); {@link #NONE} when it is not one. */
    public static ThreadState fromJava(String word) {
        if (word == null) return NONE;
        switch (word) {
            case "NEW": return NEW;
            case "RUNNABLE": return RUNNABLE;
            case "BLOCKED": return BLOCKED;
            case "WAITING": return WAITING;
            case "TIMED_WAITING": return TIMED_WAITING;
            case "TERMINATED": return TERMINATED;
            default: return NONE;
        }
    }
}
