package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.dumplens.analysis.compare.Series.LEAK_FILES;
import static dev.dumplens.analysis.compare.Series.LEAK_LOG;
import static dev.dumplens.analysis.compare.Series.group;
import static dev.dumplens.analysis.compare.Series.suspects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak series of {@code sample-dumps/} (README section 4): four jstack files of one run, and a kill -3 log with
 * four dumps of a second run. Both must give the designed groups and verdicts.
 */
class LeakSeriesComparisonTest {
    private static final List<Integer> GROWTH = List.of(5, 10, 15, 20);

    private final Comparison files = Series.compare(LEAK_FILES);
    private final Comparison log = Series.compare(List.of(LEAK_LOG));

    @Test
    void filesAndLogGiveTheSameVerdicts() {
        assertThat(files.dumps()).hasSize(4);
        assertThat(log.dumps()).hasSize(4);
        assertThat(files.suspects()).extracting(Series::verdict)
                .containsExactlyElementsOf(log.suspects().stream().map(Series::verdict).toList());
        assertThat(files.warnings()).isEmpty();
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void designedGroupsHaveTheirCountsAndTrends() {
        for (Comparison c : List.of(files, log)) {
            assertGroup(c, "pool-1-thread-*", List.of(8, 8, 8, 8), Trend.STABLE);
            assertGroup(c, "pool-*-thread-1", GROWTH, Trend.GROWING);
            assertGroup(c, "http-nio-*-exec-*", List.of(10, 10, 10, 10), Trend.STABLE);
            assertGroup(c, "request-handler-*", GROWTH, Trend.GROWING);
            assertGroup(c, "ledger-waiter-*", List.of(2, 4, 6, 8), Trend.GROWING);
            assertGroup(c, "ledger-owner", List.of(1, 1, 1, 1), Trend.STABLE);
            assertThat(group(c, "ledger-waiter-*").state()).isEqualTo(ThreadState.BLOCKED);
            assertThat(group(c, "request-handler-*").growthPerDump()).isEqualTo(5.0);
        }
    }

    @Test
    void leakedPoolIsToldApartFromTheHealthyPoolWithTheSameStack() {
        for (Similarity similarity : List.of(Similarity.EXACT, Similarity.NORMALIZED, Similarity.METHOD)) {
            Comparison c = Series.compare(similarity, LEAK_FILES);
            GroupTrend healthy = group(c, "pool-1-thread-*");
            GroupTrend leaked = group(c, "pool-*-thread-1");
            assertThat(leaked.key()).as(similarity + ": same stack and state").isEqualTo(healthy.key());
            assertThat(healthy.counts()).isEqualTo(List.of(8, 8, 8, 8));
            assertThat(leaked.counts()).isEqualTo(GROWTH);
            assertThat(leaked.threads(3)).extracting(t -> t.name())
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 21)
                            .mapToObj(i -> "pool-" + i + "-thread-1").toList());
            assertThat(healthy.threads(3)).extracting(t -> t.name()).allMatch(n -> n.startsWith("pool-1-thread-"));
        }
    }

    @Test
    void suspectsAreTheDesignedOnes() {
        for (Comparison c : List.of(files, log)) {
            List<Suspect> growing = suspects(c, Suspect.Kind.GROWING_GROUP);
            assertThat(growing).extracting(Suspect::nameTemplate)
                    .containsExactlyInAnyOrder("pool-*-thread-1", "request-handler-*");
            assertThat(growing).allSatisfy(s -> assertThat(s.counts()).isEqualTo(GROWTH));

            List<Suspect> stuck = suspects(c, Suspect.Kind.STUCK_THREADS);
            assertThat(stuck).hasSize(1);
            assertThat(stuck.get(0).threadNames()).containsExactlyInAnyOrder(
                    "request-handler-1", "request-handler-2", "request-handler-3", "request-handler-4",
                    "request-handler-5");

            List<Suspect> locks = suspects(c, Suspect.Kind.LOCK_HELD_WITH_GROWING_WAITERS);
            assertThat(locks).hasSize(1);
            assertThat(locks.get(0).lockClassName()).isEqualTo("scenario.Leak$Ledger");
            assertThat(locks.get(0).threadNames().get(0)).isEqualTo("ledger-owner");
            assertThat(locks.get(0).counts()).isEqualTo(List.of(2, 4, 6, 8));
            assertThat(locks.get(0).threads()).hasSize(9);

            assertThat(c.suspects()).hasSize(4);
            assertThat(c.suspects()).noneMatch(s -> s.nameTemplate().startsWith("pool-1-")
                    || s.nameTemplate().startsWith("http-nio") || s.threadNames().contains("main"));
        }
    }

    @Test
    void suspectsAreRankedAndPointAtTheirGroup() {
        assertThat(files.suspects()).extracting(Suspect::kind).containsExactly(Suspect.Kind.GROWING_GROUP,
                Suspect.Kind.GROWING_GROUP, Suspect.Kind.LOCK_HELD_WITH_GROWING_WAITERS, Suspect.Kind.STUCK_THREADS);
        for (Suspect s : files.suspects()) {
            assertThat(files.groups()).contains(s.group());
            assertThat(s.group().threads(3)).extracting(files::track).containsAnyElementsOf(s.threads());
        }
        Suspect lock = suspects(files, Suspect.Kind.LOCK_HELD_WITH_GROWING_WAITERS).get(0);
        assertThat(lock.group().nameTemplate()).isEqualTo("ledger-waiter-*");
    }

    @Test
    void explanationsSayWhatTheStacksSay() {
        Suspect handlers = suspects(files, Suspect.Kind.GROWING_GROUP).stream()
                .filter(s -> s.nameTemplate().equals("request-handler-*")).findFirst().orElseThrow();
        assertThat(handlers.explanation())
                .contains("20 threads named request-handler-* are parked in SynchronousQueue.take")
                .contains("scenario.Leak.awaitHandOff")
                .contains("grew by 5 per dump (5 → 10 → 15 → 20")
                .contains("hand-off that no other thread makes — a read with no writer");
        Suspect pools = suspects(files, Suspect.Kind.GROWING_GROUP).stream()
                .filter(s -> s.nameTemplate().equals("pool-*-thread-1")).findFirst().orElseThrow();
        assertThat(pools.explanation()).contains("ThreadPoolExecutor.getTask")
                .contains("a pool is created per request").contains("never shut down")
                .contains("pool-1-thread-* (8 threads) has the same stack");
        Suspect lock = suspects(files, Suspect.Kind.LOCK_HELD_WITH_GROWING_WAITERS).get(0);
        assertThat(lock.explanation()).contains("held by ledger-owner in all 4 dumps").contains("2 → 4 → 6 → 8")
                .contains("sleeping in Thread.sleep").contains("scenario.Leak$Ledger.hold");
        Suspect stuck = suspects(files, Suspect.Kind.STUCK_THREADS).get(0);
        assertThat(stuck.summary()).startsWith("request-handler-1..5");
        assertThat(stuck.explanation()).contains("in all 4 dumps");
    }

    @Test
    void dumpsAreOrderedByTheirTimestamps() {
        List<ThreadDump> reversed = new ArrayList<>(Series.samples(LEAK_FILES));
        Collections.reverse(reversed);
        Comparison c = Comparison.of(reversed, CompareOptions.DEFAULT);
        assertThat(c.dumps()).extracting(ComparedDump::label).containsExactlyElementsOf(LEAK_FILES);
        assertThat(group(c, "request-handler-*").counts()).isEqualTo(GROWTH);
        assertThat(c.timeline().source()).isEqualTo("uptime");
        assertThat(c.timeline().offsetSeconds(3)).isBetween(9.0, 11.0);
        assertThat(group(c, "request-handler-*").growthPerMinute()).isBetween(80.0, 100.0);
    }

    @Test
    void dumpsOfTwoRunsAreFlaggedNotSilentlyMixed() {
        List<String> both = new ArrayList<>(LEAK_FILES);
        both.add(LEAK_LOG);
        Comparison c = Series.compare(both);
        assertThat(c.dumps()).hasSize(8);
        assertThat(c.warnings()).singleElement().asString()
                .startsWith("leak-jdk17-jstack-4.txt and leak-jdk17-kill3.log#1 seem to come from different processes")
                .contains("JVM uptime goes down");
        assertThat(c.timeline().source()).isEqualTo("timestamps");
    }

    private static void assertGroup(Comparison c, String template, List<Integer> counts, Trend trend) {
        GroupTrend g = group(c, template);
        assertThat(g.counts()).as(template).isEqualTo(counts);
        assertThat(g.trend()).as(template).isEqualTo(trend);
    }
}
