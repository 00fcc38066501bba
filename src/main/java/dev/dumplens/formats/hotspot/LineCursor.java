package dev.dumplens.formats.hotspot;

/** A position in a {@link ByteText} at the start of a line, with that line's bounds and 1-based number. */
final class LineCursor {
    private final ByteText t;
    private int pos;
    private long line;
    private int newline;
    private int end;

    LineCursor(ByteText t) {
        this.t = t;
        moveTo(0, 1);
    }

    /** Moves to the line starting at {@code pos} with number {@code line}. */
    void moveTo(int pos, long line) {
        this.pos = pos;
        this.line = line;
        this.newline = t.newline(pos);
        this.end = t.contentEnd(pos, newline);
    }

    /** Moves to the next line. */
    void next() {
        moveTo(Math.min(newline + 1, t.length()), line + 1);
    }

    boolean atEnd() { return pos >= t.length(); }

    /** Start of the line. */
    int pos() { return pos; }

    /** End of the line's content (before "\r\n" or "\n"). */
    int end() { return end; }

    long line() { return line; }

    boolean blank() { return t.isBlank(pos, end); }

    boolean startsWith(byte[] literal) { return t.startsWith(pos, end, literal); }

    /** The line as text (for the rare lines whose text is needed). */
    String text() { return t.decode(pos, end); }
}
