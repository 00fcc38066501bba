package dev.dumplens.heap;

import dev.dumplens.model.ThreadState;

import java.util.function.LongToIntFunction;

/**
 * Reads name, id, daemon flag, priority and state from {@code java.lang.Thread} objects of JDK 8–25: the name as a
 * {@code String} (compact or not) or, on JDK 8, a {@code char[]}; {@code tid}; and {@code daemon}, {@code priority}
 * and {@code threadStatus} either in the thread itself or, from JDK 19 on, in its {@code Thread.FieldHolder}
 * {@code holder}.
 */
final class ThreadDecoder {
    /** What a thread object says about itself. */
    record Facts(String name, Long tid, boolean daemon, Integer priority, ThreadState state) { }

    private static final int ALIVE = 0x0001;
    private static final int TERMINATED = 0x0002;
    private static final int RUNNABLE = 0x0004;
    private static final int WAITING_INDEFINITELY = 0x0010;
    private static final int WAITING_WITH_TIMEOUT = 0x0020;
    private static final int BLOCKED_ON_MONITOR_ENTER = 0x0400;

    private final ObjectReader reader;
    private final LongToIntFunction indexOfId;

    ThreadDecoder(ObjectReader reader, LongToIntFunction indexOfId) {
        this.reader = reader;
        this.indexOfId = indexOfId;
    }

    Facts read(int fileIndex) {
        ObjectReader.Instance t = reader.instance(fileIndex);
        if (t == null) return new Facts("", null, false, null, ThreadState.NONE);
        long nameId = reader.value(t, "name", 0);
        String name = nameId == 0 ? null : reader.string(indexOfId.applyAsInt(nameId), indexOfId);
        ObjectReader.Field tidField = reader.field(t, "tid");
        Long tid = tidField == null ? null : reader.value(t, "tid", 0);
        ObjectReader.Instance holder = null;
        long holderId = reader.value(t, "holder", 0);
        if (holderId != 0) holder = reader.instance(indexOfId.applyAsInt(holderId));
        ObjectReader.Instance state = holder != null ? holder : t;
        boolean daemon = reader.value(state, "daemon", 0) != 0;
        ObjectReader.Field prio = reader.field(state, "priority");
        Integer priority = prio == null ? null : (int) reader.value(state, "priority", 0);
        ObjectReader.Field status = reader.field(state, "threadStatus");
        ThreadState ts = status == null ? ThreadState.NONE : toState((int) reader.value(state, "threadStatus", 0));
        return new Facts(name == null ? "" : name, tid, daemon, priority, ts);
    }

    /** {@code jdk.internal.misc.VM.toThreadState}: JVMTI thread status bits to {@link Thread.State}. */
    static ThreadState toState(int status) {
        if ((status & RUNNABLE) != 0) return ThreadState.RUNNABLE;
        if ((status & BLOCKED_ON_MONITOR_ENTER) != 0) return ThreadState.BLOCKED;
        if ((status & WAITING_INDEFINITELY) != 0) return ThreadState.WAITING;
        if ((status & WAITING_WITH_TIMEOUT) != 0) return ThreadState.TIMED_WAITING;
        if ((status & TERMINATED) != 0) return ThreadState.TERMINATED;
        if ((status & ALIVE) == 0) return ThreadState.NEW;
        return ThreadState.RUNNABLE;
    }
}
