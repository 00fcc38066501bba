package dev.dumplens.heap;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadState;

import java.util.List;

/**
 * A thread found in a heap dump (one ROOT_THREAD_OBJECT record) with what it keeps alive.
 *
 * @param name          from the {@code Thread} object ("" when unreadable)
 * @param tid           {@code Thread.tid}, the id jstack prints as {@code #N}; null when unreadable
 * @param daemon        the thread's daemon flag
 * @param priority      the Java priority, or null
 * @param state         from {@code threadStatus}, or {@link ThreadState#NONE}
 * @param threadObject  the {@code Thread} object
 * @param retainedBytes the thread's retained heap: the thread object and everything that only it, its fields and its
 *                      frames' locals keep alive (MAT's semantics)
 * @param frames        top frame first
 * @param heldLocals    objects the thread holds outside any frame (JNI locals without frame, native stack, thread
 *                      block)
 */
public record HeapThread(String name, Long tid, boolean daemon, Integer priority, ThreadState state,
                         HeapObject threadObject, long retainedBytes, List<HeapFrame> frames,
                         List<HeapLocal> heldLocals) {
    public HeapThread {
        frames = List.copyOf(frames);
        heldLocals = List.copyOf(heldLocals);
    }

    /** The thread as a thread-dump entry, so grouping and joins can treat the heap dump like a thread dump. */
    public DumpThread toDumpThread() {
        DumpThread.Builder b = DumpThread.builder(name);
        b.javaId = tid;
        b.daemon = daemon;
        b.priority = priority;
        b.state = state;
        b.stateDetail = state == ThreadState.NONE ? "" : state.name();
        for (HeapFrame f : frames) b.frames.add(f.frame());
        return b.build();
    }
}
