package dev.dumplens.formats;

import dev.dumplens.formats.go.GoProfileFormat;
import dev.dumplens.formats.go.GoTracebackFormat;
import dev.dumplens.formats.hotspot.HotSpotFormat;
import dev.dumplens.formats.javacore.JavacoreFormat;
import dev.dumplens.formats.jdk.JdkThreadDumpJson;
import dev.dumplens.formats.jdk.JdkThreadDumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.Path;
import java.util.List;

/** The known thread-dump formats and content-based detection. */
public final class Formats {
    private static final List<DumpFormat> ALL = List.of(
            new HotSpotFormat(),
            new JdkThreadDumpText(),
            new JdkThreadDumpJson(),
            new GoTracebackFormat(),
            new GoProfileFormat(),
            new JavacoreFormat());

    private Formats() { }

    public static List<DumpFormat> all() { return ALL; }

    /** The format that claims {@code text} with the highest score, or an exception naming the file. */
    public static DumpFormat detect(DumpText text) throws DumpParseException {
        DumpFormat best = null;
        int bestScore = 0;
        for (DumpFormat f : ALL) {
            int s = f.sniff(text);
            if (s > bestScore) { best = f; bestScore = s; }
        }
        if (best == null) throw new DumpParseException(text.source(), "not a thread dump in a supported format");
        return best;
    }

    /** Opens {@code path} read-only, detects its format by content and parses every dump in it. */
    public static ParseResult parse(Path path, String source, ProgressMonitor progress) throws DumpParseException {
        DumpText text = DumpText.open(path, source);
        return detect(text).parse(text, progress);
    }
}
