package dev.dumplens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared reference corpus ({@code ../shared/corpus}): tests skip when it is absent. Files are only read. */
final class Corpus {
    static final Path DIR = Path.of("..", "shared", "corpus");
    static final Path MANIFEST = DIR.resolve("manifest.json");

    private Corpus() { }

    static JsonNode manifest() {
        assumeTrue(Files.isRegularFile(MANIFEST), "no corpus manifest at " + MANIFEST.toAbsolutePath());
        try {
            return new ObjectMapper().readTree(MANIFEST.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        Path p = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(p), "corpus file missing: " + p);
        return p;
    }

    static ParseResult parse(String name) throws DumpParseException {
        Path p = file(name);
        return Formats.parse(p, p.toString(), ProgressMonitor.NONE);
    }
}
