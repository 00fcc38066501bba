package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.Damage;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
 * Random truncations and byte damage of real dumps (the captured test dumps, plus the shared corpus when present)
 * never make the parser throw anything but {@link DumpParseException}, never hang, keep line numbers valid, and
 * give the same result whether the file is read in one block or in many small ones.
 */
class HotSpotFuzzTest {
    private static final long SEED = 20261126L;
    private static final int ITERATIONS = 500;
    private static final int MAX_CORPUS_FILE = 300_000;

    @Test
    void damagedDumpsOnlyEverFailWithTheDocumentedException() throws Exception {
        List<byte[]> inputs = inputs();
        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] original = inputs.get(random.nextInt(inputs.size()));
            byte[] damaged = Damage.damage(original, random);
            String source = "fuzz-" + i;
            int blockSize = 16 + random.nextInt(4000);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(source, damaged, blockSize),
                    "iteration " + i + " (seed " + SEED + ") did not finish");
        }
    }

    private static void check(String source, byte[] damaged, int blockSize) {
        HotSpotFormat format = new HotSpotFormat();
        DumpText text = DumpText.of(source, damaged);
        try {
            format.sniff(text);
            ParseResult result = format.parse(text, ProgressMonitor.NONE);
            try (ChunkPipeline blocks = new ChunkPipeline(text, ProgressMonitor.NONE, blockSize, 2)) {
                assertThat(HotSpotRobustnessTest.fingerprint(HotSpotFormat.parse(text, blocks, ProgressMonitor.NONE)))
                        .as(source + " in blocks of " + blockSize)
                        .isEqualTo(HotSpotRobustnessTest.fingerprint(result));
            }
            long lines = countLines(text);
            for (ThreadDump d : result.dumps()) {
                assertThat(d.line()).isBetween(1L, lines);
                for (DumpThread t : d.threads()) assertThat(t.line()).isBetween(d.line(), lines);
            }
            for (ParseWarning w : result.warnings()) {
                assertThat(w.file()).isEqualTo(source);
                assertThat(w.line()).isBetween(1L, lines);
            }
        } catch (DumpParseException expected) {
            assertThat(expected.userMessage()).startsWith(source);
        } catch (RuntimeException | Error e) {
            fail(source + ": " + e, e);
        }
    }

    private static long countLines(DumpText text) {
        byte[] b = text.decode(0, text.length()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long n = 1;
        for (byte x : b) if (x == '\n') n++;
        return n;
    }

    private static List<byte[]> inputs() throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        for (String name : TestDumps.ALL) inputs.add(TestDumps.bytes(name));
        Path corpus = Path.of(System.getProperty("dumplens.corpus", "../shared/corpus"));
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith("jdk") && !name.startsWith("public-")) continue;
                    if (Files.size(p) > MAX_CORPUS_FILE || name.endsWith(".json")) continue;
                    inputs.add(Files.readAllBytes(p));
                }
            }
        }
        return inputs;
    }
}
