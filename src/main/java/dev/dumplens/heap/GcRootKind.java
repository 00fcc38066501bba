package dev.dumplens.heap;

/** Why an object is a GC root, by HPROF root record (names as MAT shows them). */
public enum GcRootKind {
    UNKNOWN("Unknown"),
    JNI_GLOBAL("JNI Global"),
    JNI_LOCAL("JNI Local"),
    JAVA_FRAME("Java Local"),
    NATIVE_STACK("Native Stack"),
    STICKY_CLASS("Sticky Class"),
    THREAD_BLOCK("Thread Block"),
    MONITOR_USED("Busy Monitor"),
    THREAD_OBJECT("Thread"),
    INTERNED_STRING("Interned String"),
    FINALIZING("Finalizing"),
    DEBUGGER("Debugger"),
    REFERENCE_CLEANUP("Reference Cleanup"),
    VM_INTERNAL("VM Internal"),
    JNI_MONITOR("JNI Monitor"),
    UNREACHABLE("Unreachable"),
    /** A class of the boot class loader that the dump does not mark as a root (MAT treats those as roots too). */
    SYSTEM_CLASS("System Class");

    private final String label;

    GcRootKind(String label) { this.label = label; }

    public String label() { return label; }

    static GcRootKind ofTag(int tag) {
        switch (tag) {
            case Hprof.ROOT_JNI_GLOBAL: return JNI_GLOBAL;
            case Hprof.ROOT_JNI_LOCAL: return JNI_LOCAL;
            case Hprof.ROOT_JAVA_FRAME: return JAVA_FRAME;
            case Hprof.ROOT_NATIVE_STACK: return NATIVE_STACK;
            case Hprof.ROOT_STICKY_CLASS: return STICKY_CLASS;
            case Hprof.ROOT_THREAD_BLOCK: return THREAD_BLOCK;
            case Hprof.ROOT_MONITOR_USED: return MONITOR_USED;
            case Hprof.ROOT_THREAD_OBJECT: return THREAD_OBJECT;
            case Hprof.ROOT_INTERNED_STRING: return INTERNED_STRING;
            case Hprof.ROOT_FINALIZING: return FINALIZING;
            case Hprof.ROOT_DEBUGGER: return DEBUGGER;
            case Hprof.ROOT_REFERENCE_CLEANUP: return REFERENCE_CLEANUP;
            case Hprof.ROOT_VM_INTERNAL: return VM_INTERNAL;
            case Hprof.ROOT_JNI_MONITOR: return JNI_MONITOR;
            case Hprof.ROOT_UNREACHABLE: return UNREACHABLE;
            default: return UNKNOWN;
        }
    }

    /** Whether the root belongs to a thread (a local of one of its frames or held by it). */
    boolean threadContext() {
        return this == JNI_LOCAL || this == JAVA_FRAME || this == NATIVE_STACK || this == THREAD_BLOCK;
    }
}
