package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small hand-built models for unit tests, shaped like what the parsers produce (frames interned). */
final class Threads {
    private final Map<String, StackFrame> interned = new HashMap<>();
    private long line = 1;

    /** A thread builder with interned frames, top frame first. */
    DumpThread.Builder thread(String name, ThreadState state, String... frames) {
        DumpThread.Builder b = DumpThread.builder(name);
        b.state = state;
        b.line = line += 10;
        for (String f : frames) b.frames.add(interned.computeIfAbsent(f, StackFrame::new));
        return b;
    }

    /** Adds a lock line after frame {@code frameIndex}. */
    static DumpThread.Builder lock(DumpThread.Builder b, int frameIndex, LockAction.Kind kind, String id, String cls) {
        b.locks.add(new LockAction(frameIndex, kind, new LockRef(id, cls)));
        return b;
    }

    static ThreadDump dump(List<DumpThread> threads, List<JvmDeadlock> jvmDeadlocks) {
        return new ThreadDump("test.txt", 0, 1, "test", null, "", null, threads, jvmDeadlocks, List.of());
    }

    static ThreadDump dump(DumpThread... threads) {
        return dump(List.of(threads), List.of());
    }
}
