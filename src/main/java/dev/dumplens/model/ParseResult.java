package dev.dumplens.model;

import java.util.List;

/** What one file yielded: its dumps in file order, plus file-level warnings (e.g. truncation). */
public record ParseResult(String source, String format, List<ThreadDump> dumps, List<ParseWarning> warnings) {
    public ParseResult {
        dumps = List.copyOf(dumps);
        warnings = List.copyOf(warnings);
    }
}
