package dev.dumplens.heap;

import dev.dumplens.model.StackFrame;

import java.util.List;

/**
 * One stack frame of a thread in a heap dump.
 *
 * @param depth         0 for the top frame
 * @param frame         the frame as jstack prints it, without module prefix ({@code pkg.Cls.method(File.java:12)})
 * @param retainedBytes what only this frame's locals keep alive (objects also reachable from another frame of the
 *                      same thread count for the thread, not for a frame)
 * @param locals        the objects the frame references, each once, with their own retained sizes
 */
public record HeapFrame(int depth, StackFrame frame, long retainedBytes, List<HeapLocal> locals) {
    public HeapFrame {
        locals = List.copyOf(locals);
    }

    /** The largest retained size of one local (MAT's "Max. Locals' Retained Heap"), or 0. */
    public long maxLocalRetainedBytes() {
        long max = 0;
        for (HeapLocal l : locals) max = Math.max(max, l.object().retainedBytes());
        return max;
    }
}
