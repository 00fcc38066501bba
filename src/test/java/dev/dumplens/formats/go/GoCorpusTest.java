package dev.dumplens.formats.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.analysis.StackGrouper;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The facts of {@code ../shared/corpus/manifest.json} for the Go files: totals, wait-reason counts, goroutines
 * with minutes, the largest groups of goroutines with the same functions, wait reason and creator, the designed
 * goroutine groups, and the panicking goroutine. Skipped when the corpus is absent.
 */
class GoCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    /** The corpus' format names for what this project reads as {@link GoTracebackFormat#ID}. */
    private static final List<String> TRACEBACK_FORMATS = List.of("go-pprof-goroutine-debug2", "go-panic-traceback");

    @TestFactory
    Stream<DynamicTest> manifestFactsHold() throws IOException {
        Path manifest = CORPUS.resolve("manifest.json");
        assumeTrue(Files.isRegularFile(manifest), "no corpus manifest at " + manifest);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode file : new ObjectMapper().readTree(manifest.toFile()).path("files")) {
            if (!TRACEBACK_FORMATS.contains(file.path("format").asText())) continue;
            String name = file.path("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(CORPUS.resolve(name), file)));
        }
        assertThat(tests).as("Go entries of the manifest").isNotEmpty();
        return tests.stream();
    }

    private static void check(Path path, JsonNode facts) throws Exception {
        assumeTrue(Files.isRegularFile(path), "corpus file missing: " + path);
        ParseResult result = Formats.parse(path, path.getFileName().toString(), ProgressMonitor.NONE);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.format()).isEqualTo(GoTracebackFormat.ID);
        soft.assertThat(result.warnings()).isEmpty();
        soft.assertThat(result.dumps()).hasSize(facts.path("number_of_dumps").asInt());
        ThreadDump dump = result.dumps().get(0);
        JsonNode d = facts.path("dumps").get(0);
        soft.assertThat(dump.warnings()).isEmpty();
        soft.assertThat(dump.threads()).as("goroutines_total").hasSize(d.path("goroutines_total").asInt());
        soft.assertThat(new TreeMap<>(dump.threads().stream()
                        .collect(Collectors.groupingBy(DumpThread::stateDetail, Collectors.summingInt(t -> 1)))))
                .as("wait_reason_counts").isEqualTo(intMap(d.path("wait_reason_counts")));
        soft.assertThat(dump.threads().stream().filter(t -> t.waitMinutes() != null).count())
                .as("goroutines_with_minutes").isEqualTo(d.path("goroutines_with_minutes").asLong());
        List<StackGroup> groups = StackGrouper.group(dump.threads(), Similarity.METHOD);
        for (JsonNode g : d.path("largest_groups_same_functions")) {
            soft.assertThat(groups).as("group " + g).anySatisfy(group -> {
                assertThat(group.size()).isEqualTo(g.path("size").asInt());
                assertThat(functions(group.threads().get(0))).isEqualTo(strings(g.path("funcs")));
                assertThat(creator(group.threads().get(0))).isEqualTo(g.path("created_by").asText());
                assertThat(group.threads()).allSatisfy(t -> assertThat(t.stateDetail()).isEqualTo(g.path("state").asText()));
            });
        }
        for (JsonNode truth : d.path("ground_truth")) {
            switch (truth.path("type").asText()) {
                case "goroutine_group" -> soft.assertThat(dump.threads().stream()
                                .filter(t -> functions(t).contains(truth.path("function").asText())
                                        && t.stateDetail().equals(truth.path("wait_reason").asText())).count())
                        .as(truth.path("description").asText()).isEqualTo(truth.path("expected_count").asLong());
                case "panic" -> {
                    DumpThread first = dump.threads().get(0);
                    soft.assertThat(first.javaId()).as("panicking goroutine listed first")
                            .isEqualTo(truth.path("evidence").path("panicking_goroutine_id").asLong());
                    soft.assertThat(first.stateDetail()).isEqualTo("running");
                    soft.assertThat(dump.fatalError()).startsWith("panic: ");
                }
                default -> { }
            }
        }
        soft.assertAll();
    }

    private static List<String> functions(DumpThread t) {
        return t.frames().stream().filter(f -> !f.isCreatedBy()).map(StackFrame::qualifiedMethod).toList();
    }

    private static String creator(DumpThread t) {
        StackFrame c = GoSamples.createdBy(t);
        return c == null ? "" : c.qualifiedMethod();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, Integer> intMap(JsonNode object) {
        Map<String, Integer> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }
}
