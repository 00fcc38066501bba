package dev.dumplens.formats;

import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * One thread-dump format. Formats are detected by content, never by file name: {@link #sniff} looks at the
 * start of the decoded text and the format with the highest score parses the file.
 */
public interface DumpFormat {

    /** Stable id used in JSON output, e.g. {@code hotspot}, {@code jdk-thread-dump-json}. */
    String id();

    /** Human name, e.g. "HotSpot jstack / jcmd Thread.print". */
    String displayName();

    /**
     * How sure this format is that {@code text} (decoded text of the whole file) is its kind:
     * 0 = not at all, 100 = certain. Must be cheap: look at a bounded prefix.
     */
    int sniff(DumpText text);

    /** Parses every dump in the file. Bad or truncated content becomes warnings where something could be read. */
    ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException;
}
