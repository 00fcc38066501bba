package dev.dumplens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DumpInputs}: a prefetched parse gives what a direct read gives (dumps, or the same one-line error), and a
 * prefetch of another file is never used for a read.
 */
class DumpInputsTest {
    private static final String LOG = "sample-dumps/leak-jdk17-kill3.log";
    private static final String OTHER = "sample-dumps/deadlocks-jdk17-jstack-l.txt";

    @Test
    void prefetchedReadEqualsADirectRead() {
        DumpInputs.Read direct = DumpInputs.read(LOG);

        DumpInputs.prefetch(new String[] {"analyze", "--json", "--similarity", "exact", LOG, OTHER});
        DumpInputs.Read prefetched = DumpInputs.read(LOG);

        assertThat(prefetched.failed()).isFalse();
        assertThat(prefetched.result().dumps()).hasSize(4);
        assertThat(prefetched.result().dumps()).isEqualTo(direct.result().dumps());
        assertThat(prefetched.result().warnings()).isEqualTo(direct.result().warnings());
        // the prefetch was taken: the next read of the same file parses it again
        assertThat(DumpInputs.read(LOG).result()).isNotSameAs(prefetched.result());
    }

    @Test
    void aPrefetchOfAnotherFileIsNotUsed() {
        DumpInputs.prefetch(new String[] {"analyze", LOG});
        DumpInputs.Read read = DumpInputs.read(OTHER);

        assertThat(read.result().source()).isEqualTo(OTHER);
        assertThat(read.result().dumps()).singleElement()
                .satisfies(d -> assertThat(d.jvmDeadlocks()).isNotEmpty());
        assertThat(DumpInputs.read(LOG).result().source()).isEqualTo(LOG);
    }

    @Test
    void aBadFileGivesTheSameMessageWhenPrefetched(@TempDir Path dir) throws Exception {
        String bad = Files.writeString(dir.resolve("notes.txt"), "no dump in here\n").toString();
        DumpInputs.Read direct = DumpInputs.read(bad);

        DumpInputs.prefetch(new String[] {"compare", bad});
        DumpInputs.Read prefetched = DumpInputs.read(bad);

        assertThat(direct.failed()).isTrue();
        assertThat(prefetched.error()).isEqualTo(direct.error()).startsWith(bad + ":");
        assertThat(prefetched.exitCode()).isEqualTo(direct.exitCode()).isEqualTo(Cli.EXIT_INPUT);
    }
}
