package dev.dumplens.model;

/**
 * Something the parser skipped or could not read. {@code line} is 1-based; where a byte offset is more useful
 * (binary or truncated input) {@code line} is -1 and {@code offset} is set.
 */
public record ParseWarning(String file, long line, long offset, String message) {

    public static ParseWarning atLine(String file, long line, String message) {
        return new ParseWarning(file, line, -1, message);
    }

    public static ParseWarning atOffset(String file, long offset, String message) {
        return new ParseWarning(file, -1, offset, message);
    }

    /** {@code file:line: message} or {@code file:@offset: message}. */
    @Override public String toString() {
        String where = line >= 0 ? ":" + line : offset >= 0 ? ":@" + offset : "";
        return file + where + ": " + message;
    }
}
