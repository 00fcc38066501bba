package dev.dumplens.analysis.compare;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.dumplens.analysis.compare.Series.suspects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlock scenario (README section 2) captured from one JDK 25 process three ways: jstack -l, and
 * Thread.dump_to_file as text and JSON, which show only the monitor cycles.
 */
class DeadlockComparisonTest {
    private final Comparison c = Series.compare(List.of("deadlocks-jdk25-jstack-l.txt",
            "deadlocks-jdk25-dump-to-file.txt", "deadlocks-jdk25-dump-to-file.json"));

    @Test
    void everyCycleIsOneDeadlockVerdictWithTheDumpsThatShowIt() {
        List<Suspect> deadlocks = suspects(c, Suspect.Kind.DEADLOCK);
        Map<String, List<Integer>> counts = deadlocks.stream().collect(Collectors.toMap(
                s -> String.join(",", s.threadNames().stream().sorted().toList()), Suspect::counts));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pair-alpha,pair-beta", List.of(2, 2, 2),
                "ring-1,ring-2,ring-3", List.of(3, 3, 3),
                "rlock-east,rlock-west", List.of(2, 0, 0),
                "clinit-alpha,clinit-beta", List.of(2, 0, 0)));
        assertThat(c.suspects().subList(0, 4)).allMatch(s -> s.kind() == Suspect.Kind.DEADLOCK);
        assertThat(deadlocks).filteredOn(s -> s.threadNames().contains("clinit-alpha")).singleElement()
                .satisfies(s -> assertThat(s.summary()).startsWith("class initialization deadlock"));
    }

    @Test
    void bystandersAreNamedWithTheirDeadlockNotReportedAsStuck() {
        assertThat(c.suspects()).filteredOn(s -> s.kind() != Suspect.Kind.DEADLOCK)
                .noneMatch(s -> s.threadNames().contains("pair-bystander")
                        || s.threadNames().contains("rlock-bystander"));
        assertThat(suspects(c, Suspect.Kind.DEADLOCK)).filteredOn(s -> s.threadNames().contains("pair-alpha"))
                .singleElement().satisfies(s -> assertThat(s.explanation()).contains("already pair-bystander")
                        .contains("pair-alpha waits for scenario.Deadlocks$PairLockB held by pair-beta"));
    }

    @Test
    void oneProcessInThreeFormatsIsNotTakenForSeveral() {
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void dumpsOfDifferentJvmsAreFlagged() {
        Comparison mixed = Series.compare(List.of("deadlocks-jdk17-jstack-l.txt", "deadlocks-jdk25-jstack-l.txt"));
        assertThat(mixed.warnings()).singleElement().asString().contains("different processes")
                .contains("17.0.15").contains("25.0.3");
    }
}
