package dev.dumplens.formats.hotspot;

/**
 * What a thread header line says (see {@link HeaderParser}); the fields of {@link dev.dumplens.model.DumpThread}
 * that come from the header. Absent numbers are {@code null}.
 */
final class ThreadHeader {
    String name;
    Long javaId;
    String address;
    Long nid;
    boolean daemon;
    Integer priority;
    Integer osPriority;
    Double cpuMillis;
    Double elapsedSeconds;
    Long allocatedBytes;
    Long definedClasses;
    String status = "";
    /** How many lines the header spans (a name with newlines spans several). */
    int lines = 1;
}
