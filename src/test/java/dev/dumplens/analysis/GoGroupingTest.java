package dev.dumplens.analysis;

import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Grouping goroutines of the sample-dumps/go captures at each similarity. */
class GoGroupingTest {

    static ThreadDump go(String name) throws Exception {
        Path p = Path.of("sample-dumps", "go", name);
        DumpText text = DumpText.of(name, Files.readAllBytes(p));
        return Formats.detect(text).parse(text, ProgressMonitor.NONE).dumps().get(0);
    }

    private static List<StackGroup> calling(List<StackGroup> groups, String function) {
        return groups.stream().filter(g -> g.frames().stream()
                .anyMatch(f -> !f.isCreatedBy() && f.qualifiedMethod().equals(function))).toList();
    }

    @Test
    void argumentsAreIgnoredByDefaultPointersOnRequestAndEverythingAtExact() throws Exception {
        ThreadDump d = go("leak-debug2-3.txt");
        // each batch's pollJobs got its own context and channel: pointers differ between batches only
        assertThat(calling(StackGrouper.group(d.threads(), Similarity.NORMALIZED), "main.pollJobs"))
                .singleElement().satisfies(g -> assertThat(g.size()).isEqualTo(12));
        assertThat(calling(StackGrouper.group(d.threads(), Similarity.ANY_POINTER), "main.pollJobs"))
                .singleElement().satisfies(g -> assertThat(g.size()).isEqualTo(12));
        assertThat(calling(StackGrouper.group(d.threads(), Similarity.EXACT), "main.pollJobs"))
                .extracting(StackGroup::size).containsExactly(4, 4, 4);
        // publishResult(results, n) with n = 0, 1, 2: values, not pointers
        assertThat(calling(StackGrouper.group(d.threads(), Similarity.NORMALIZED), "main.publishResult"))
                .extracting(StackGroup::size).containsExactly(6, 3); // blocked at the first and at the second send
        assertThat(calling(StackGrouper.group(d.threads(), Similarity.ANY_POINTER), "main.publishResult"))
                .extracting(StackGroup::size).containsExactlyInAnyOrder(3, 2, 2, 1, 1); // (line, n) pairs in this capture
        // the five mutex waiters share their mutex: one group at every level
        for (Similarity s : List.of(Similarity.EXACT, Similarity.ANY_POINTER, Similarity.NORMALIZED)) {
            assertThat(calling(StackGrouper.group(d.threads(), s), "main.mutexWaiter")).as(s.toString())
                    .singleElement().satisfies(g -> assertThat(g.size()).isEqualTo(5));
        }
    }

    @Test
    void goroutineIdsAreNeverPartOfTheKeyAndTheCreatorIs() throws Exception {
        ThreadDump d = go("leak-debug2-2.txt");
        StackGroup receivers = calling(StackGrouper.group(d.threads(), Similarity.NORMALIZED), "main.handleOrder").get(0);
        assertThat(receivers.size()).isEqualTo(20);
        assertThat(receivers.nameTemplate()).isEqualTo("goroutine *");
        assertThat(receivers.frames().get(receivers.frames().size() - 1).text())
                .isEqualTo("created by main.leak(leakserver/main.go:73)");
        // one receiver's argument was printed as 0xc000094f90? instead of 0x0?: only exact tells them apart
        assertThat(calling(StackGrouper.group(d.threads(), Similarity.EXACT), "main.handleOrder"))
                .extracting(StackGroup::size).containsExactly(19, 1);
        // the same function started by two different go statements is two groups
        List<StackGroup> crash = StackGrouper.group(go("crash-deadlock.txt").threads(), Similarity.NORMALIZED);
        assertThat(calling(crash, "main.transfer")).hasSize(2);
        assertThat(calling(StackGrouper.group(go("crash-deadlock.txt").threads(), Similarity.METHOD), "main.transfer"))
                .singleElement().satisfies(g -> assertThat(g.size()).isEqualTo(2));
    }

    @Test
    void groupKeysOfOneStackAgreeAcrossCaptures() throws Exception {
        StackSignatures signatures = new StackSignatures(Similarity.NORMALIZED);
        String[] keys = new String[3];
        for (int n = 1; n <= 3; n++) {
            StackGroup g = calling(StackGrouper.group(go("leak-debug2-" + n + ".txt").threads(), signatures),
                    "main.handleOrder").get(0);
            assertThat(g.size()).isEqualTo(10 * n);
            assertThat(g.state()).isEqualTo(ThreadState.WAITING);
            keys[n - 1] = g.key();
        }
        assertThat(keys[1]).isEqualTo(keys[0]);
        assertThat(keys[2]).isEqualTo(keys[0]);
        // debug=1 records of the same moment: the stack without creator and runtime frames, so another key
        StackGroup profile = calling(StackGrouper.group(go("leak-debug1-3.txt").threads(), signatures),
                "main.handleOrder").get(0);
        assertThat(profile.size()).isEqualTo(30);
        assertThat(profile.frames()).extracting(StackFrame::qualifiedMethod).containsExactly("main.handleOrder");
    }
}
