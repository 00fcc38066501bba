package dev.dumplens.analysis;

import dev.dumplens.formats.Formats;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DumpAnalysis#ofAll} analyzes the dumps of a file in parallel: on a real SIGQUIT log with four dumps (see
 * sample-dumps/README.md) each analysis equals the one made alone, in the file's order, with the file's warnings
 * where they belong.
 */
class ParallelAnalysisTest {
    private static final Path LOG = Path.of("sample-dumps/leak-jdk17-kill3.log");

    @Test
    void everyDumpOfALogIsAnalyzedAsIfAloneAndInOrder() throws Exception {
        ParseResult parsed = Formats.parse(LOG, LOG.toString(), ProgressMonitor.NONE);
        assertThat(parsed.dumps()).hasSize(4);

        List<DumpAnalysis> all = DumpAnalysis.ofAll(parsed, Similarity.NORMALIZED);

        assertThat(all).hasSize(4);
        for (int i = 0; i < all.size(); i++) {
            DumpAnalysis alone = DumpAnalysis.of(parsed.dumps().get(i), Similarity.NORMALIZED);
            DumpAnalysis a = all.get(i);
            assertThat(a.dump()).isSameAs(parsed.dumps().get(i));
            assertThat(a.stateCounts()).isEqualTo(alone.stateCounts());
            assertThat(a.groups()).isEqualTo(alone.groups());
            assertThat(a.deadlocks()).isEqualTo(alone.deadlocks());
            assertThat(a.locks().locks()).isEqualTo(alone.locks().locks());
            assertThat(a.warnings()).containsAll(alone.warnings());
        }
        // the leak grows from dump to dump: the analyses are not all the same one
        assertThat(all.get(3).threadCount()).isGreaterThan(all.get(0).threadCount());
        assertThat(all.stream().flatMap(a -> a.warnings().stream()).toList()).containsAll(parsed.warnings());
    }
}
