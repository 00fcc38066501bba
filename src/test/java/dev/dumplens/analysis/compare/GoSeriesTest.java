package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparing the Go captures of sample-dumps/go (leakserver after 1..4 GET /leak, debug=2 and debug=1, a
 * SIGQUIT traceback): growing groups matched by stack and creator, Go explanations, idle goroutines, stuck
 * goroutines with their wait minutes, and no identities for the goroutines of a debug=1 profile.
 */
class GoSeriesTest {
    private static final Path GO = Path.of("sample-dumps", "go");
    private static final List<String> DEBUG2 = List.of("leak-debug2-1.txt", "leak-debug2-2.txt", "leak-debug2-3.txt",
            "leak-debug2-4.txt");
    private static final List<String> DEBUG1 = List.of("leak-debug1-1.txt", "leak-debug1-2.txt", "leak-debug1-3.txt",
            "leak-debug1-4.txt");

    private static Comparison compare(List<String> files) {
        return Comparison.of(Series.dumps(GO, files), CompareOptions.DEFAULT);
    }

    private static GroupTrend group(Comparison c, String label) {
        List<GroupTrend> found = c.groups().stream().filter(g -> g.label().equals(label)).toList();
        assertThat(found).as("groups labelled " + label).hasSize(1);
        return found.get(0);
    }

    @Test
    void theThreeLeaksGrowAndSpeakGo() {
        Comparison c = compare(DEBUG2);
        assertThat(c.warnings()).containsExactly("goroutine dumps show no CPU times: spinning goroutines cannot be "
                + "recognized");
        List<Suspect> growing = Series.suspects(c, Suspect.Kind.GROWING_GROUP);
        assertThat(growing).extracting(Suspect::counts).containsExactly(List.of(10, 20, 30, 40), List.of(4, 8, 12, 16),
                List.of(2, 4, 6, 8), List.of(1, 2, 3, 4));
        Suspect receivers = growing.get(0);
        assertThat(receivers.group().label()).isEqualTo("main.handleOrder (created by main.leak)");
        assertThat(receivers.summary()).isEqualTo("main.handleOrder (created by main.leak): 10 → 20 → 30 → 40 "
                + "goroutines (+10 per dump), waiting to receive from a channel");
        assertThat(receivers.explanation()).startsWith("40 goroutines created by main.leak are waiting to receive "
                + "from a channel at main.handleOrder (main.go:47), and the group grew by 10 per dump")
                .contains("nobody sends on and nobody closes — a read with no writer")
                .contains("Usual fix: close the channel when the sender is done");
        assertThat(growing.get(1).explanation()).contains("a select without a ctx.Done() case")
                .contains("cancelled (defer cancel())");
        assertThat(growing.get(2).explanation()).contains("a write with no reader")
                .contains("give the channel a buffer big enough for every send");
        for (String stable : List.of("main.mutexWaiter (created by main.startBackground)",
                "main.groupWaiter (created by main.startBackground)", "main.napper (created by main.startBackground)",
                "main.condWaiter (created by main.startBackground)", "main.forever (created by main.startBackground)")) {
            assertThat(group(c, stable).trend()).as(stable).isEqualTo(Trend.STABLE);
        }
    }

    @Test
    void goroutinesThatNeverMoveAreStuckWithTheirMinutesButIdleOnesAreNot() {
        Comparison c = compare(DEBUG2);
        List<Suspect> stuck = Series.suspects(c, Suspect.Kind.STUCK_THREADS);
        assertThat(stuck).anySatisfy(s -> {
            assertThat(s.threadNames()).hasSize(5);
            assertThat(s.summary()).isEqualTo("goroutine 5..9: waiting to lock a mutex in sync.(*Mutex).Lock in every dump");
            assertThat(s.explanation()).contains("called from main.mutexWaiter (main.go:92) in all 4 dumps")
                    .contains("the last dump says blocked for 1 minute")
                    .contains("Go dumps do not say which goroutine holds it");
        });
        assertThat(stuck).anySatisfy(s -> assertThat(s.summary()).startsWith("goroutine 39..48: waiting to receive"));
        // idle by design: the accept loop and the sleepers
        assertThat(stuck).flatExtracting(Suspect::threads).extracting(t -> t.latest().frames().toString())
                .noneMatch(f -> f.contains("time.Sleep") || f.contains("net/http.(*Server).Serve"));
        assertThat(IdleFrames.match(thread(c, "goroutine 1"))).extracting(IdleFrames.Rule::reason)
                .isEqualTo("a server waiting for connections");
    }

    @Test
    void profilesWithoutIdsCompareByStackAndNobodyIsStuck() {
        Comparison c = compare(DEBUG1);
        assertThat(c.warnings()).containsExactly("goroutine dumps show no CPU times: spinning goroutines cannot be "
                + "recognized");
        assertThat(Series.suspects(c, Suspect.Kind.GROWING_GROUP)).extracting(Suspect::counts)
                .containsExactly(List.of(10, 20, 30, 40), List.of(4, 8, 12, 16), List.of(2, 4, 6, 8), List.of(1, 2, 3, 4));
        assertThat(Series.suspects(c, Suspect.Kind.STUCK_THREADS)).isEmpty();
        assertThat(c.threads()).allSatisfy(t -> assertThat(t.perDump().stream().filter(x -> x != null)).hasSize(1));
        Suspect first = c.suspects().get(0);
        assertThat(first.threadsInShort()).isEqualTo("40 × goroutine (profile record, no id)");
        assertThat(first.explanation()).contains("are parked at main.handleOrder (main.go:47)")
                .contains("Goroutines with this stack keep being started and never return");
        // the mutex waiters are recognized from the frames the profile does show
        assertThat(group(c, "main.mutexWaiter").trend()).isEqualTo(Trend.STABLE);
    }

    @Test
    void exactSimilarityTellsBatchesApartByTheirArguments() {
        Comparison c = Comparison.of(Series.dumps(GO, DEBUG2), new CompareOptions(Similarity.EXACT, List.of()));
        // every batch's pollJobs got its own context: at exact similarity each batch is a group of its own (4 each)
        assertThat(c.groups()).filteredOn(g -> g.label().startsWith("main.pollJobs"))
                .hasSize(4).allSatisfy(g -> assertThat(g.maxCount()).isEqualTo(4));
        Comparison anyPointer = Comparison.of(Series.dumps(GO, DEBUG2), new CompareOptions(Similarity.ANY_POINTER,
                List.of()));
        assertThat(anyPointer.groups()).filteredOn(g -> g.label().startsWith("main.pollJobs")).singleElement()
                .satisfies(g -> assertThat(g.counts()).containsExactly(4, 8, 12, 16));
    }

    @Test
    void dumpsOfAnotherProcessAreFlaggedByTheirGoroutinesCreators() {
        Comparison c = compare(List.of("leak-debug2-1.txt", "crash-deadlock.txt"));
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("seem to come from different processes")
                .contains("was created by main.startBackground, then by main.deadlock"));
    }

    @Test
    void ignoringByCreatorLeavesThoseGoroutinesOut() {
        Comparison c = Comparison.of(Series.dumps(GO, DEBUG2), new CompareOptions(Similarity.DEFAULT,
                List.of(java.util.regex.Pattern.compile("^created by main\\.leak\\("))));
        assertThat(Series.suspects(c, Suspect.Kind.GROWING_GROUP)).isEmpty();
        assertThat(c.dumps().get(3).ignoredThreads()).isEqualTo(40 + 16 + 12);
    }

    private static DumpThread thread(Comparison c, String name) {
        ThreadDump last = c.dumps().get(c.dumps().size() - 1).analysis().dump();
        return last.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
