package dev.dumplens.heap;

/** Record tags, sub-record tags and basic types of the HPROF binary format (JDK 6–25, plus Android's extensions). */
final class Hprof {
    private Hprof() { }

    // top-level records
    static final int UTF8 = 0x01;
    static final int LOAD_CLASS = 0x02;
    static final int UNLOAD_CLASS = 0x03;
    static final int STACK_FRAME = 0x04;
    static final int STACK_TRACE = 0x05;
    static final int ALLOC_SITES = 0x06;
    static final int HEAP_SUMMARY = 0x07;
    static final int START_THREAD = 0x0A;
    static final int END_THREAD = 0x0B;
    static final int HEAP_DUMP = 0x0C;
    static final int CPU_SAMPLES = 0x0D;
    static final int CONTROL_SETTINGS = 0x0E;
    static final int HEAP_DUMP_SEGMENT = 0x1C;
    static final int HEAP_DUMP_END = 0x2C;

    // heap-dump sub-records
    static final int ROOT_UNKNOWN = 0xFF;
    static final int ROOT_JNI_GLOBAL = 0x01;
    static final int ROOT_JNI_LOCAL = 0x02;
    static final int ROOT_JAVA_FRAME = 0x03;
    static final int ROOT_NATIVE_STACK = 0x04;
    static final int ROOT_STICKY_CLASS = 0x05;
    static final int ROOT_THREAD_BLOCK = 0x06;
    static final int ROOT_MONITOR_USED = 0x07;
    static final int ROOT_THREAD_OBJECT = 0x08;
    static final int ROOT_INTERNED_STRING = 0x89;
    static final int ROOT_FINALIZING = 0x8A;
    static final int ROOT_DEBUGGER = 0x8B;
    static final int ROOT_REFERENCE_CLEANUP = 0x8C;
    static final int ROOT_VM_INTERNAL = 0x8D;
    static final int ROOT_JNI_MONITOR = 0x8E;
    static final int ROOT_UNREACHABLE = 0x90;
    static final int CLASS_DUMP = 0x20;
    static final int INSTANCE_DUMP = 0x21;
    static final int OBJ_ARRAY_DUMP = 0x22;
    static final int PRIM_ARRAY_DUMP = 0x23;
    static final int PRIM_ARRAY_NODATA = 0xC3;
    static final int HEAP_DUMP_INFO = 0xFE;

    // basic types
    static final int OBJECT = 2;
    static final int BOOLEAN = 4;
    static final int CHAR = 5;
    static final int FLOAT = 6;
    static final int DOUBLE = 7;
    static final int BYTE = 8;
    static final int SHORT = 9;
    static final int INT = 10;
    static final int LONG = 11;

    /** Bytes a value of {@code type} takes in the dump, or -1 for an unknown type. */
    static int typeSize(int type, int idSize) {
        switch (type) {
            case OBJECT: return idSize;
            case BOOLEAN: case BYTE: return 1;
            case CHAR: case SHORT: return 2;
            case FLOAT: case INT: return 4;
            case DOUBLE: case LONG: return 8;
            default: return -1;
        }
    }

    /** The Java name of a primitive array's element type ({@code byte}), or null for a non-primitive type. */
    static String primitiveName(int type) {
        switch (type) {
            case BOOLEAN: return "boolean";
            case CHAR: return "char";
            case FLOAT: return "float";
            case DOUBLE: return "double";
            case BYTE: return "byte";
            case SHORT: return "short";
            case INT: return "int";
            case LONG: return "long";
            default: return null;
        }
    }

    static String tagName(int tag) {
        return String.format("0x%02X", tag);
    }

    /**
     * A class name as Java shows it: {@code java/lang/String} → {@code java.lang.String}, {@code [B} →
     * {@code byte[]}, {@code [[Ljava/lang/Object;} → {@code java.lang.Object[][]}; a hidden class
     * {@code Foo$$Lambda$1+0x0000…} → {@code Foo$$Lambda$1/0x0000…}, as {@code Class.getName()} and jstack
     * print it.
     */
    static String javaClassName(String vmName) {
        String n = vmName.replace('/', '.');
        int hidden = n.lastIndexOf("+0x");
        if (hidden > 0) n = n.substring(0, hidden) + "/" + n.substring(hidden + 1);
        int dims = 0;
        while (dims < n.length() && n.charAt(dims) == '[') dims++;
        if (dims == 0) return n;
        String elem = n.substring(dims);
        String base;
        if (elem.startsWith("L") && elem.endsWith(";")) base = elem.substring(1, elem.length() - 1);
        else if (elem.length() == 1) base = primitiveOfDescriptor(elem.charAt(0));
        else base = elem;
        return base + "[]".repeat(dims);
    }

    private static String primitiveOfDescriptor(char c) {
        switch (c) {
            case 'Z': return "boolean";
            case 'C': return "char";
            case 'F': return "float";
            case 'D': return "double";
            case 'B': return "byte";
            case 'S': return "short";
            case 'I': return "int";
            case 'J': return "long";
            default: return String.valueOf(c);
        }
    }
}
