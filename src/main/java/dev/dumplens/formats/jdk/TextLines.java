package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpText;

/**
 * Reads a {@link DumpText} line by line without copying the file: {@link #next()} advances, then
 * {@link #text()}, {@link #number()} and {@link #start()} describe the current line. Line ends are LF or CRLF.
 */
final class TextLines {
    private final DumpText text;
    private final int length;
    private int start;
    private int end;
    private int next;
    private long number;
    private boolean terminated;

    TextLines(DumpText text) {
        this.text = text;
        this.length = text.length();
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() {
        if (next >= length) return false;
        start = next;
        int i = start;
        while (i < length && text.byteAt(i) != '\n') i++;
        terminated = i < length;
        next = terminated ? i + 1 : i;
        end = i > start && text.byteAt(i - 1) == '\r' ? i - 1 : i;
        number++;
        return true;
    }

    /** Positions the reader so that {@link #next()} reads the line starting at {@code offset} as line {@code lineNumber}. */
    void rewind(int offset, long lineNumber) {
        next = offset;
        number = lineNumber - 1;
    }

    /** Byte offset of the line after the current one. */
    int nextStart() { return next; }

    /** The current line without its line end, decoded leniently. */
    String text() { return text.decode(start, end); }

    /** 1-based number of the current line. */
    long number() { return number; }

    /** Byte offset where the current line starts. */
    int start() { return start; }

    /** Whether the current line ends with a line break (false for a last line cut off by truncation). */
    boolean terminated() { return terminated; }

    /** Whether the current line is empty or only blanks. */
    boolean isBlank() {
        for (int i = start; i < end; i++) {
            byte b = text.byteAt(i);
            if (b != ' ' && b != '\t') return false;
        }
        return true;
    }

    /** Whether the current line starts with a space or tab. */
    boolean isIndented() {
        if (start >= end) return false;
        byte b = text.byteAt(start);
        return b == ' ' || b == '\t';
    }
}
