package dev.dumplens.heap;

/** An object a thread references from one of its stack frames or holds itself, and the GC-root record saying so. */
public record HeapLocal(HeapObject object, GcRootKind kind) { }
