package dev.dumplens.analysis;

import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.dumplens.analysis.GoGroupingTest.go;
import static org.assertj.core.api.Assertions.assertThat;

/** Single-dump stuck detection and Go lock wording on the sample-dumps/go captures. */
class GoroutineWaitsTest {

    @Test
    void aMinuteLaterTheLeakedAndStuckGroupsShowTheirWaitTimes() throws Exception {
        List<StackGroup> groups = StackGrouper.group(go("leak-debug2-4.txt").threads(), Similarity.NORMALIZED);
        List<GoroutineWaits> blocked = GoroutineWaits.longBlocked(groups, 1);
        assertThat(blocked).first().satisfies(w -> {
            assertThat(w.category()).isEqualTo(GoWaitCategory.CHAN_RECEIVE);
            assertThat(w.group().size()).isEqualTo(40);
            assertThat(w.withMinutes()).isEqualTo(30); // batch 4 is new
            assertThat(w.minutesText()).isEqualTo("1 minute");
            assertThat(w.firstOwnFrame().qualifiedMethod()).isEqualTo("main.handleOrder");
            assertThat(w.createdBy().qualifiedMethod()).isEqualTo("main.leak");
        });
        assertThat(blocked).extracting(w -> w.firstOwnFrame().qualifiedMethod())
                .contains("main.pollJobs", "main.publishResult", "main.mutexWaiter", "main.groupWaiter",
                        "main.condWaiter", "main.connReader", "main.pinned")
                .doesNotContain("main.napper"); // sleeping is not being stuck
        assertThat(blocked).filteredOn(w -> w.firstOwnFrame().qualifiedMethod().equals("main.mutexWaiter"))
                .singleElement().satisfies(w -> assertThat(w.category()).isEqualTo(GoWaitCategory.MUTEX));
        assertThat(GoroutineWaits.longBlocked(groups, 2)).isEmpty();
        // a minute earlier nothing was that old
        assertThat(GoroutineWaits.longBlocked(
                StackGrouper.group(go("leak-debug2-3.txt").threads(), Similarity.NORMALIZED), 1)).isEmpty();
    }

    @Test
    void javaThreadsHaveNoGoroutineFacts() throws Exception {
        ThreadDump d = dev.dumplens.formats.Formats.parse(java.nio.file.Path.of("sample-dumps/contention-jdk17-jstack.txt"),
                "c", dev.dumplens.progress.ProgressMonitor.NONE).dumps().get(0);
        assertThat(StackGrouper.group(d.threads(), Similarity.NORMALIZED)).allSatisfy(g -> assertThat(GoroutineWaits.of(g)).isNull());
    }

    @ParameterizedTest
    @CsvSource({"runtime.gopark, true", "net/http.(*conn).serve, true", "sync.(*Mutex).Lock, true",
            "main.handleOrder, false", "main.main.func1, false", "github.com/acme/api.(*Server).Run, false",
            "gopkg.in/yaml.v3.Unmarshal, false", "internal/poll.runtime_pollWait, true"})
    void standardLibraryByTheFirstPathElement(String function, boolean standard) {
        assertThat(GoroutineWaits.isStandardLibrary(function)).isEqualTo(standard);
    }

    @Test
    void goLocksSayThatGoDumpsShowNoOwners() throws Exception {
        LockGraph graph = LockGraph.of(go("leak-debug2-2.txt"));
        assertThat(graph.locks()).singleElement().satisfies(l -> {
            assertThat(l.className()).isEqualTo("sync.Mutex");
            assertThat(l.parked()).hasSize(5);
            assertThat(l.owner()).isNull();
            assertThat(l.ownerStatus()).isEqualTo(LockInfo.OwnerStatus.UNKNOWN);
            assertThat(l.ownerNote()).isEqualTo("Go dumps show no mutex or channel owners");
        });
        LockGraph sigquit = LockGraph.of(go("leak-sigquit.txt"));
        // SIGQUIT names the channels: each batch's 10 receivers and 3 senders share their request's channel
        assertThat(sigquit.locks()).filteredOn(l -> l.className().equals("chan"))
                .extracting(LockInfo::waiterCount).containsExactly(10, 10, 10, 10, 3, 3, 3, 3, 1);
        assertThat(sigquit.locks()).allSatisfy(l -> {
            assertThat(l.ownerStatus()).isEqualTo(LockInfo.OwnerStatus.UNKNOWN);
            assertThat(l.ownerNote()).isEqualTo("Go dumps show no mutex or channel owners");
        });
        assertThat(DumpAnalysis.of(go("crash-deadlock.txt"), Similarity.DEFAULT).deadlocks()).isEmpty();
    }
}
