package dev.dumplens.formats;

import dev.dumplens.formats.go.GoProfileFormat;
import dev.dumplens.formats.go.GoTracebackFormat;
import dev.dumplens.formats.javacore.JavacoreFormat;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random truncations and byte damage of the Go captures (sample-dumps/go), the javacore excerpt and, when present,
 * the corpus' Go files and javacore never make the Go and javacore parsers throw anything but
 * {@link DumpParseException}, whether the damaged file is given to its own format or to the one detection picks.
 */
class NewFormatsFuzzTest {
    private static final long SEED = 20261127L;
    private static final int ITERATIONS = 600;

    private record Input(String name, byte[] bytes, DumpFormat format) { }

    @Test
    void damagedDumpsOnlyEverFailWithTheDocumentedException() throws Exception {
        List<Input> inputs = inputs();
        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            Input original = inputs.get(random.nextInt(inputs.size()));
            byte[] damaged = Damage.damage(original.bytes(), random);
            String source = "fuzz-" + i + "-" + original.name();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                check(source, damaged, original.format());
                DumpText text = DumpText.of(source, damaged);
                DumpFormat detected;
                try {
                    detected = Formats.detect(text);
                } catch (DumpParseException e) {
                    return;
                }
                check(source, damaged, detected);
            }, "iteration " + i + " (seed " + SEED + ") did not finish");
        }
    }

    private static void check(String source, byte[] damaged, DumpFormat format) {
        DumpText text = DumpText.of(source, damaged);
        try {
            format.sniff(text);
            ParseResult result = format.parse(text, ProgressMonitor.NONE);
            long lines = damaged.length + 1L;
            for (ThreadDump d : result.dumps()) {
                assertThat(d.threads()).isNotEmpty();
                for (DumpThread t : d.threads()) assertThat(t.line()).isBetween(1L, lines);
            }
            for (ParseWarning w : result.warnings()) assertThat(w.file()).isEqualTo(source);
        } catch (DumpParseException expected) {
            assertThat(expected.userMessage()).startsWith(source);
        } catch (RuntimeException | Error e) {
            fail(source + " as " + format.id() + ": " + e, e);
        }
    }

    private static List<Input> inputs() throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("sample-dumps", "go"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".txt")).sorted()::iterator) {
                String name = p.getFileName().toString();
                inputs.add(new Input(name, Files.readAllBytes(p),
                        name.contains("debug1") ? new GoProfileFormat() : new GoTracebackFormat()));
            }
        }
        try (InputStream in = NewFormatsFuzzTest.class.getResourceAsStream("/dumps/javacore/openj9-excerpt-cp1252.txt")) {
            inputs.add(new Input("excerpt", in.readAllBytes(), new JavacoreFormat()));
        }
        Path corpus = Path.of("..", "shared", "corpus");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("go-")) inputs.add(new Input(name, Files.readAllBytes(p), new GoTracebackFormat()));
                    if (name.startsWith("public-openj9")) inputs.add(new Input(name, Files.readAllBytes(p), new JavacoreFormat()));
                }
            }
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(12);
        return inputs;
    }
}
