package dev.dumplens.formats.hotspot;

import java.util.Arrays;

/**
 * The lines of one block of a dump file, classified by their own text alone (see {@link ChunkLexer}): one event per
 * line (a header spanning several lines is one event), with its position, its line number relative to the block
 * and its parsed value. Which dump, thread or section a line belongs to is decided later, in order, by
 * {@link DumpAssembler}.
 */
final class Events {
    /** A blank line. */
    static final byte BLANK = 0;
    /** A thread header; value: {@link ThreadHeader}. */
    static final byte HEADER = 1;
    /** An indented "at …" line; value: {@link dev.dumplens.model.StackFrame}. */
    static final byte FRAME = 2;
    /** An indented "- …" line; value: {@link LockLineParser.LockLine}. */
    static final byte LOCK = 3;
    /** "java.lang.Thread.State: …"; value: {@link StateLine}. */
    static final byte STATE = 4;
    /** "Locked ownable synchronizers:". */
    static final byte OWNABLE = 5;
    /** "Carrying virtual thread #N"; value: the id ({@link Long}) or null. */
    static final byte CARRYING = 6;
    /** "Mounted virtual thread #N"; value: the id ({@link Long}) or null. */
    static final byte MOUNTED = 7;
    /** Any other indented line. */
    static final byte INDENTED = 8;
    /** Any other line that is not indented: banners, section titles, log text. */
    static final byte OTHER = 9;

    private byte[] types;
    private int[] starts;
    private int[] ends;
    private int[] lines;
    private Object[] values;
    private int size;

    Events(int capacity) {
        int cap = Math.max(16, capacity);
        types = new byte[cap];
        starts = new int[cap];
        ends = new int[cap];
        lines = new int[cap];
        values = new Object[cap];
    }

    /**
     * Adds an event for the line starting at {@code start} whose content ends at {@code end}; {@code line} is the
     * 0-based line number within the block.
     */
    void add(byte type, int start, int end, int line, Object value) {
        if (size == types.length) grow();
        types[size] = type;
        starts[size] = start;
        ends[size] = end;
        lines[size] = line;
        values[size] = value;
        size++;
    }

    private void grow() {
        int cap = types.length * 2;
        types = Arrays.copyOf(types, cap);
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        lines = Arrays.copyOf(lines, cap);
        values = Arrays.copyOf(values, cap);
    }

    int size() { return size; }

    /** Empties the list for reuse with another block. */
    void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    byte type(int i) { return types[i]; }

    int start(int i) { return starts[i]; }

    int end(int i) { return ends[i]; }

    int line(int i) { return lines[i]; }

    Object value(int i) { return values[i]; }
}
