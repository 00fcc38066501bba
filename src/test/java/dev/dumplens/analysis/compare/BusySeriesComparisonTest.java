package dev.dumplens.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.dumplens.analysis.compare.Series.BUSY_FILES;
import static dev.dumplens.analysis.compare.Series.suspects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The busy series of {@code sample-dumps/} (README section 5): two spinners beside a RUNNABLE socket reader whose
 * cpu= stays flat, and an idle pool.
 */
class BusySeriesComparisonTest {
    private final Comparison busy = Series.compare(BUSY_FILES);

    @Test
    void spinnersAreSpinningAndTheSocketReaderIsNot() {
        assertThat(busy.spinning()).extracting(s -> s.track().name())
                .containsExactlyInAnyOrder("spinner-1", "regex-backtrack");
        assertThat(suspects(busy, Suspect.Kind.SPINNING_THREAD)).extracting(s -> s.threadNames().get(0))
                .containsExactlyInAnyOrder("spinner-1", "regex-backtrack");
        assertThat(busy.spinning()).allSatisfy(s -> assertThat(s.coreShare()).isGreaterThan(0.1));
        assertThat(busy.warnings()).isEmpty();
    }

    @Test
    void spinningCountsAreTheObservedCpuTimes() throws IOException {
        JsonNode files = new ObjectMapper().readTree(Series.SAMPLES.resolve("expected.json").toFile()).get("files");
        for (Suspect s : suspects(busy, Suspect.Kind.SPINNING_THREAD)) {
            String name = s.threadNames().get(0);
            List<Double> observed = BUSY_FILES.stream().map(f -> files.get(f).get("dumps").get(0)
                    .get("observed").get(name).get("cpuMillis").asDouble()).toList();
            assertThat(s.cpuMillis()).as(name).isEqualTo(observed);
            assertThat(s.counts()).as(name).containsExactly(1, 1, 1);
        }
    }

    @Test
    void socketReaderWithFlatCpuIsStuckInItsReadNotSpinning() {
        List<Suspect> stuck = suspects(busy, Suspect.Kind.STUCK_THREADS);
        assertThat(stuck).singleElement().satisfies(s -> {
            assertThat(s.threadNames()).containsExactly("socket-reader");
            assertThat(s.explanation()).contains("blocked in a socket read (Socket$SocketInputStream.read)")
                    .contains("scenario.Busy.readForever").contains("read timeout");
        });
    }

    @Test
    void idlePoolAndJvmThreadsAreNoSuspects() {
        assertThat(busy.suspects()).hasSize(3);
        GroupTrend pool = Series.group(busy, "pool-*-thread-*");
        assertThat(pool.counts()).isEqualTo(List.of(4, 4, 4));
        assertThat(pool.trend()).isEqualTo(Trend.STABLE);
    }

    @Test
    void spinnerExplanationsNameTheLoopAndTheBacktracking() {
        Suspect spinner = suspects(busy, Suspect.Kind.SPINNING_THREAD).stream()
                .filter(s -> s.threadNames().equals(List.of("spinner-1"))).findFirst().orElseThrow();
        assertThat(spinner.explanation()).contains("was RUNNABLE in all 3 dumps").contains("scenario.Busy.spin")
                .contains("no exit condition");
        Suspect regex = suspects(busy, Suspect.Kind.SPINNING_THREAD).stream()
                .filter(s -> s.threadNames().equals(List.of("regex-backtrack"))).findFirst().orElseThrow();
        assertThat(regex.explanation()).contains("matching a regular expression")
                .contains("scenario.Busy.backtrack").contains("Catastrophic backtracking");
    }
}
