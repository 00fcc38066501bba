package dev.dumplens.heap;

import java.util.List;
import java.util.Set;

/**
 * A shortest chain of references from an object to a GC root: {@code steps.get(0)} is the object, each further step
 * references the previous one, and the last step is a GC root.
 */
public record GcRootPath(List<Step> steps) {
    public GcRootPath {
        steps = List.copyOf(steps);
    }

    /**
     * @param object     the object
     * @param via        how the next step references this one: a field name, {@code [i]} for an array slot,
     *                   {@code static name}, or "local variable in …" for a thread's frame; null for the root
     * @param rootKinds  why this object is a GC root; empty except for the last step
     */
    public record Step(HeapObject object, String via, Set<GcRootKind> rootKinds) {
        public Step {
            rootKinds = Set.copyOf(rootKinds);
        }
    }
}
