package dev.dumplens.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the {@code series} facts of {@code ../shared/corpus/manifest.json} against comparisons of the series'
 * files. Each fact is a sentence in one of the forms below; a fact in another form fails the test, so that no fact
 * is silently skipped. Go series name goroutine groups by their first own function and wait reason
 * ({@code main.handleOrder [chan receive] grows 10 -> 20 -> 30}); "everything else stable" means that no other
 * group grows and every other group of application goroutines stays the same (net/http's own connection
 * goroutines come and go). Skipped when the corpus is absent.
 */
class CorpusSeriesTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final Pattern GROWS = Pattern.compile("(\\S+) grows (\\d+(?: -> \\d+)+)");
    private static final Pattern GO_GROWS = Pattern.compile("(\\S+) \\[(.+?)\\] grows (\\d+(?: -> \\d+)+)");
    private static final String EVERYTHING_ELSE_STABLE = "everything else stable";
    private static final Pattern STAYS = Pattern.compile("(\\S+) stays (\\d+)");
    private static final Pattern SAME_PROCESS = Pattern.compile("same process as (\\S+)");
    private static final Pattern SPINNING = Pattern.compile("(.+?) accumulate cpu= .*");
    private static final Pattern NOT_SPINNING = Pattern.compile("(.+?) cpu= do not grow.*");

    @TestFactory
    Stream<DynamicTest> seriesFactsHold() throws IOException {
        assumeTrue(Files.isRegularFile(CORPUS.resolve("manifest.json")), "no corpus at " + CORPUS);
        JsonNode manifest = new ObjectMapper().readTree(CORPUS.resolve("manifest.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode series : manifest.get("series")) {
            List<String> files = new ArrayList<>();
            series.get("files").forEach(f -> files.add(f.asText()));
            Comparison c = Comparison.of(Series.dumps(CORPUS, files), CompareOptions.DEFAULT);
            List<String> facts = new ArrayList<>();
            series.get("facts").forEach(f -> facts.add(f.asText()));
            for (String fact : facts) {
                tests.add(DynamicTest.dynamicTest(files.get(0) + "…: " + fact, () -> check(c, files, fact, facts)));
            }
        }
        assertThat(tests).as("series facts").isNotEmpty();
        return tests.stream();
    }

    private static void check(Comparison c, List<String> files, String fact, List<String> facts) {
        Matcher m;
        if ((m = GO_GROWS.matcher(fact)).matches()) {
            GroupTrend g = goGroup(c, m.group(1), m.group(2));
            assertThat(g.counts()).isEqualTo(Arrays.stream(m.group(3).split(" -> ")).map(Integer::valueOf).toList());
            assertThat(g.trend()).isEqualTo(Trend.GROWING);
            assertThat(Series.suspects(c, Suspect.Kind.GROWING_GROUP)).extracting(Suspect::group).contains(g);
        } else if (fact.equals(EVERYTHING_ELSE_STABLE)) {
            List<GroupTrend> named = new ArrayList<>();
            for (String other : facts) {
                Matcher grows = GO_GROWS.matcher(other);
                if (grows.matches()) named.add(goGroup(c, grows.group(1), grows.group(2)));
            }
            for (GroupTrend g : c.groups()) {
                if (named.contains(g)) continue;
                assertThat(g.trend()).as(g.label()).isNotEqualTo(Trend.GROWING);
                if (Wording.applicationFrame(g.frames(), 0) != null) assertThat(g.trend()).as(g.label()).isEqualTo(Trend.STABLE);
            }
            assertThat(Series.suspects(c, Suspect.Kind.GROWING_GROUP)).extracting(Suspect::group)
                    .containsExactlyInAnyOrderElementsOf(named);
        } else if ((m = GROWS.matcher(fact)).matches()) {
            GroupTrend g = groupOf(c, m.group(1));
            List<Integer> counts = Arrays.stream(m.group(2).split(" -> ")).map(Integer::valueOf).toList();
            assertThat(g.counts()).isEqualTo(counts);
            assertThat(g.trend()).isEqualTo(Trend.GROWING);
            assertThat(Series.suspects(c, Suspect.Kind.GROWING_GROUP)).extracting(Suspect::group).contains(g);
        } else if ((m = STAYS.matcher(fact)).matches()) {
            GroupTrend g = groupOf(c, m.group(1));
            assertThat(g.counts()).containsOnly(Integer.valueOf(m.group(2)));
            assertThat(g.trend()).isEqualTo(Trend.STABLE);
            assertThat(c.suspects()).noneMatch(s -> s.group() == g);
        } else if ((m = SAME_PROCESS.matcher(fact)).matches()) {
            List<String> all = new ArrayList<>(files);
            all.add(m.group(1));
            Comparison together = Comparison.of(Series.dumps(CORPUS, all), CompareOptions.DEFAULT);
            assertThat(together.warnings()).isEmpty();
            assertThat(together.dumps()).hasSize(c.dumps().size() + Series.dumps(CORPUS, List.of(m.group(1))).size());
        } else if ((m = SPINNING.matcher(fact)).matches()) {
            for (String name : m.group(1).split(" and ")) {
                assertThat(Series.suspects(c, Suspect.Kind.SPINNING_THREAD)).as(name)
                        .anyMatch(s -> s.threadNames().equals(List.of(name)));
            }
        } else if ((m = NOT_SPINNING.matcher(fact)).matches()) {
            for (String name : m.group(1).split("/")) {
                Pattern names = names(name);
                assertThat(c.spinning()).as(name).noneMatch(s -> names.matcher(s.track().name()).matches());
            }
        } else {
            fail("a series fact this test does not know how to check: " + fact);
        }
    }

    /** The one group of goroutines whose first own function is {@code function}, waiting for {@code reason}. */
    private static GroupTrend goGroup(Comparison c, String function, String reason) {
        List<GroupTrend> found = c.groups().stream()
                .filter(g -> g.label().equals(function) || g.label().startsWith(function + " ("))
                .filter(g -> g.latestThreads().stream().allMatch(t -> t.stateDetail().equals(reason))).toList();
        assertThat(found).as("groups of " + function + " [" + reason + "]").hasSize(1);
        return found.get(0);
    }

    /** The one group holding every thread named like {@code leaky-pool-N} (N: any number), and nothing else. */
    private static GroupTrend groupOf(Comparison c, String name) {
        Pattern names = names(name);
        List<GroupTrend> found = c.groups().stream().filter(g -> g.threadsPerDump().stream().flatMap(List::stream)
                .anyMatch(t -> names.matcher(t.name()).matches())).toList();
        assertThat(found).as("groups with threads named " + name).hasSize(1);
        assertThat(found.get(0).threadsPerDump().stream().flatMap(List::stream))
                .allMatch(t -> names.matcher(t.name()).matches());
        return found.get(0);
    }

    /** {@code leaky-pool-N} as a regular expression over whole names. */
    private static Pattern names(String name) {
        return Pattern.compile(Arrays.stream(name.split("N", -1)).map(Pattern::quote)
                .collect(Collectors.joining("\\d+")));
    }
}
