package dev.dumplens.formats;

import dev.dumplens.progress.ProgressMonitor;

import java.nio.charset.Charset;

/**
 * Reads a {@link DumpText} line by line without copying the file: {@link #next()} advances, then
 * {@link #text()}, {@link #number()} and {@link #start()} describe the current line. Line ends are LF or CRLF.
 */
public final class TextLines {
    private final DumpText text;
    private final int length;
    private int start;
    private int end;
    private int next;
    private long number;
    private boolean terminated;

    public TextLines(DumpText text) {
        this.text = text;
        this.length = text.length();
    }

    /** Moves to the next line; false at the end of the file. */
    public boolean next() {
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

    /**
     * {@link #next()}, reporting the position to {@code progress} and checking for cancellation every
     * {@value #PROGRESS_EVERY_LINES} lines.
     */
    public boolean next(ProgressMonitor progress) {
        if (!next()) return false;
        if (number % PROGRESS_EVERY_LINES == 0) {
            progress.checkCancelled();
            progress.worked(start);
        }
        return true;
    }

    private static final int PROGRESS_EVERY_LINES = 4096;

    /** Positions the reader so that {@link #next()} reads the line starting at {@code offset} as line {@code lineNumber}. */
    public void rewind(int offset, long lineNumber) {
        next = offset;
        number = lineNumber - 1;
    }

    /** Byte offset of the line after the current one. */
    public int nextStart() { return next; }

    /** The current line without its line end, decoded leniently. */
    public String text() { return text.decode(start, end); }

    /** 1-based number of the current line. */
    public long number() { return number; }

    /** Byte offset where the current line starts. */
    public int start() { return start; }

    /** Whether the current line ends with a line break (false for a last line cut off by truncation). */
    public boolean terminated() { return terminated; }

    /** Byte offset where the current line's content ends (before its line end). */
    public int end() { return end; }

    /** The current line from byte {@code offset} of it (0 = its start) to its end, decoded leniently. */
    public String text(int offset) { return text.decode(Math.min(start + offset, end), end); }

    /** The current line from byte {@code offset} of it, decoded with {@code charset}. */
    public String text(int offset, Charset charset) {
        return text.decode(Math.min(start + offset, end), end, charset);
    }

    /** Whether the current line starts with the ASCII text {@code prefix} (compared byte by byte, no decoding). */
    public boolean startsWith(String prefix) {
        int n = prefix.length();
        if (end - start < n) return false;
        for (int i = 0; i < n; i++) {
            if (text.byteAt(start + i) != (byte) prefix.charAt(i)) return false;
        }
        return true;
    }

    /** The current line's length in bytes, without its line end. */
    public int length() { return end - start; }

    /** Byte {@code i} of the current line. */
    public byte byteAt(int i) { return text.byteAt(start + i); }

    /** Whether the current line is empty or only blanks. */
    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            byte b = text.byteAt(i);
            if (b != ' ' && b != '\t') return false;
        }
        return true;
    }

    /** Whether the current line starts with a space or tab. */
    public boolean isIndented() {
        if (start >= end) return false;
        byte b = text.byteAt(start);
        return b == ' ' || b == '\t';
    }
}
