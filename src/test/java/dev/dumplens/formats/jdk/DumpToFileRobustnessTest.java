package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.CancelledException;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random truncations and byte flips of the captured dumps: the parsers return a result or throw the documented
 * {@link DumpParseException} naming the file, never anything else (seeds are fixed, so failures reproduce).
 * A cancelled progress monitor stops reading.
 */
class DumpToFileRobustnessTest {
    private static final int ROUNDS = 150;

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(new JdkThreadDumpText(), ScenarioDumps.TEXT),
                Arguments.of(new JdkThreadDumpJson(), ScenarioDumps.JSON));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aCancelledReadStopsWithCancelledException(DumpFormat format, String name) {
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override public void phase(String phase, long totalWork) { }
            @Override public void worked(long done) { }
            @Override public boolean isCancelled() { return true; }
        };
        assertThatThrownBy(() -> format.parse(DumpText.of(name, ScenarioDumps.bytes(name)), cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void truncationsAndByteFlipsGiveAResultOrTheDocumentedError(DumpFormat format, String name) {
        byte[] original = ScenarioDumps.bytes(name);
        Random random = new Random(name.hashCode());
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutated = Arrays.copyOf(original, 1 + random.nextInt(original.length));
            int flips = random.nextInt(4);
            for (int i = 0; i < flips; i++) mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            String label = name + " round " + round + " (" + mutated.length + " bytes, " + flips + " flips)";
            try {
                ParseResult result = format.parse(DumpText.of("fuzzed", mutated), ProgressMonitor.NONE);
                assertThat(result.dumps()).as(label).hasSize(1);
                assertThat(result.dumps().get(0).threads().size()).as(label).isLessThanOrEqualTo(ScenarioDumps.THREADS);
            } catch (DumpParseException e) {
                assertThat(e.userMessage()).as(label).startsWith("fuzzed");
            }
        }
    }
}
