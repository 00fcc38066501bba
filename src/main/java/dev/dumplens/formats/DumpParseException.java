package dev.dumplens.formats;

/**
 * The documented failure of reading a dump: the file is not a dump of a supported kind, is empty, or cannot be
 * read. The message names the file and, where it applies, the line or byte offset. Parsers never throw anything
 * else for bad input.
 */
public final class DumpParseException extends Exception {
    private final String file;
    private final long line;
    private final long offset;

    public DumpParseException(String file, long line, long offset, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.offset = offset;
    }

    public DumpParseException(String file, String message) {
        this(file, -1, -1, message);
    }

    public String file() { return file; }

    /** 1-based line, or -1. */
    public long line() { return line; }

    /** byte offset, or -1. */
    public long offset() { return offset; }

    /** One line for users: {@code file:line: message}. */
    public String userMessage() {
        String where = line >= 0 ? ":" + line : offset >= 0 ? ":@" + offset : "";
        return file + where + ": " + getMessage();
    }
}
