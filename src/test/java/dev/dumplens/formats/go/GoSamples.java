package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Go captures in {@code sample-dumps/go/} (see the README there), read through format detection. */
final class GoSamples {
    static final Path DIR = Path.of("sample-dumps", "go");

    private GoSamples() { }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Detects the format by content and parses the file. */
    static ParseResult parse(String name) throws DumpParseException {
        DumpText text = DumpText.of(name, bytes(name));
        return Formats.detect(text).parse(text, ProgressMonitor.NONE);
    }

    static ThreadDump single(String name) throws DumpParseException {
        ParseResult r = parse(name);
        if (r.dumps().size() != 1) throw new AssertionError(name + " has " + r.dumps().size() + " dumps");
        return r.dumps().get(0);
    }

    /** Goroutines whose stack calls {@code function} (a frame's qualified method, created-by entries excluded). */
    static List<DumpThread> calling(ThreadDump dump, String function) {
        return dump.threads().stream().filter(t -> t.frames().stream()
                .anyMatch(f -> !f.isCreatedBy() && f.qualifiedMethod().equals(function))).toList();
    }

    /** The created-by entry of a goroutine, or null. */
    static StackFrame createdBy(DumpThread goroutine) {
        StackFrame last = goroutine.frames().isEmpty() ? null : goroutine.frames().get(goroutine.frames().size() - 1);
        return last != null && last.isCreatedBy() ? last : null;
    }
}
