package dev.dumplens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dumplens compare} on the captured sample series. */
class CompareCommandTest {
    private static final String[] LEAK = files("leak-jdk17-jstack-1.txt", "leak-jdk17-jstack-2.txt",
            "leak-jdk17-jstack-3.txt", "leak-jdk17-jstack-4.txt");
    private static final String[] LEAK_LOG = files("leak-jdk17-kill3.log");
    private static final String[] BUSY = files("busy-jdk17-jstack-l-e-1.txt", "busy-jdk17-jstack-l-e-2.txt",
            "busy-jdk17-jstack-l-e-3.txt");

    @Test
    void jsonHasDumpsGroupsAndSuspects() throws Exception {
        CliRun run = run(args("--json"), LEAK);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode dumps = doc.get("dumps");
        assertThat(dumps).hasSize(4);
        assertThat(dumps.get(0).get("file").asText()).isEqualTo(LEAK[0]);
        assertThat(dumps.get(0).get("index").asInt()).isZero();
        assertThat(dumps.get(3).get("timestamp").asText()).isEqualTo("2026-11-26T19:45:00");
        assertThat(dumps.get(3).get("threadCount").asInt()).isEqualTo(88);
        JsonNode handlers = find(doc.get("groups"), "nameTemplate", "request-handler-*");
        assertThat(handlers.get("state").asText()).isEqualTo("WAITING");
        assertThat(ints(handlers.get("counts"))).containsExactly(5, 10, 15, 20);
        assertThat(handlers.get("trend").asText()).isEqualTo("growing");
        assertThat(handlers.get("key").asText()).startsWith("WAITING/");
        assertThat(handlers.get("frames").get(0).asText()).startsWith("jdk.internal.misc.Unsafe.park");
        assertThat(doc.get("suspects")).hasSize(4);
        JsonNode first = doc.get("suspects").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("growing-group");
        assertThat(first.get("summary").asText()).isNotBlank();
        assertThat(first.get("explanation").asText()).contains("per dump");
        assertThat(ints(first.get("counts"))).containsExactly(5, 10, 15, 20);
        assertThat(first.get("threads")).hasSize(20);
        assertThat(find(doc.get("groups"), "id", first.get("group").asText())).isNotNull();
        JsonNode lock = find(doc.get("suspects"), "kind", "lock-held-with-growing-waiters");
        assertThat(lock.get("lockClassName").asText()).isEqualTo("scenario.Leak$Ledger");
        assertThat(doc.get("warnings")).isEmpty();
        assertThat(doc.get("errors")).isEmpty();
    }

    @Test
    void theLogGivesTheSameSuspectsAsTheFourFiles() throws Exception {
        JsonNode files = new ObjectMapper().readTree(run(args("--json"), LEAK).out()).get("suspects");
        JsonNode log = new ObjectMapper().readTree(run(args("--json"), LEAK_LOG).out()).get("suspects");
        assertThat(log).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            for (String field : List.of("kind", "nameTemplate", "counts", "threads", "lockClassName")) {
                assertThat(log.get(i).get(field)).as(i + " " + field).isEqualTo(files.get(i).get(field));
            }
        }
    }

    @Test
    void failOnGivesExitCode3OnlyForItsKinds() {
        assertThat(run(args("--fail-on", "growing"), LEAK).exit()).isEqualTo(3);
        assertThat(run(args("--fail-on", "stuck"), LEAK).exit()).isEqualTo(3);
        assertThat(run(args("--fail-on", "spinning"), LEAK).exit()).isZero();
        assertThat(run(args("--fail-on", "deadlock"), LEAK).exit()).isZero();
        assertThat(run(args("--fail-on", "spinning,deadlock"), BUSY).exit()).isEqualTo(3);
        assertThat(run(args("--fail-on", "growing"), BUSY).exit()).isZero();
        assertThat(run(args("--fail-on", "any"), BUSY).exit()).isEqualTo(3);
        assertThat(run(args("--fail-on", "deadlock"), files("deadlocks-jdk25-jstack-l.txt",
                "deadlocks-jdk25-dump-to-file.json")).exit()).isEqualTo(3);
    }

    @Test
    void unknownFailOnKindIsAUsageError() {
        CliRun run = run(args("--fail-on", "leaky"), LEAK);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("expected growing, stuck, spinning, deadlock or any");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void ignoredThreadsLeaveTheComparison() throws Exception {
        CliRun run = run(args("--json", "--fail-on", "stuck", "--ignore", "^request-handler-",
                "--ignore", "Leak\\$Ledger\\."), LEAK);
        assertThat(run.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("suspects")).singleElement()
                .satisfies(s -> assertThat(s.get("nameTemplate").asText()).isEqualTo("pool-*-thread-1"));
        // dump 4: 20 request handlers by name; 8 ledger waiters and the ledger owner by frame
        assertThat(doc.get("dumps").get(3).get("ignoredThreads").asInt()).isEqualTo(29);
        assertThat(doc.get("dumps").get(3).get("threadCount").asInt()).isEqualTo(88);

        CliRun byFrame = run(args("--fail-on", "growing", "--ignore", "ThreadPoolExecutor\\.getTask",
                "--ignore", "SynchronousQueue", "--ignore", "Ledger"), LEAK);
        assertThat(byFrame.exit()).isZero();
        assertThat(byFrame.out()).contains("No leak suspects.");
    }

    @Test
    void unreadableFilesAreReportedAndTheOthersCompared(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a dump\n");
        String missing = dir.resolve("missing.txt").toString();
        List<String> all = new ArrayList<>(List.of("--json", notes.toString()));
        all.addAll(List.of(LEAK));
        all.add(missing);
        CliRun run = CliRun.of(Stream.concat(Stream.of("compare"), all.stream()).toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err().lines().toList().get(0)).startsWith(notes + ":");
        assertThat(run.err().lines().toList().get(1)).startsWith(missing + ":");
        assertThat(run.err()).doesNotContain("Exception");
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("dumps")).hasSize(4);
        assertThat(doc.get("suspects")).hasSize(4);
        assertThat(doc.get("errors")).hasSize(2);
        assertThat(doc.get("errors").get(0).get("file").asText()).isEqualTo(notes.toString());
    }

    @Test
    void oneDumpIsNotEnough() {
        CliRun run = run(args(), files("leak-jdk17-jstack-1.txt"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("compare needs at least two dumps; only one could be read");
    }

    @Test
    void badIgnorePatternIsAUsageError() {
        CliRun run = run(args("--ignore", "pool-(["), LEAK);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not a valid regular expression");
    }

    @Test
    void textReportListsSuspectsThenGroups() {
        CliRun run = run(args(), LEAK_LOG);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("== Comparing 4 dumps (normalized similarity)")
                .contains("leak-jdk17-kill3.log#4")
                .contains("Leak suspects (4), most serious first:")
                .contains("[growing-group] request-handler-*: 5 → 10 → 15 → 20 threads (+5 per dump)")
                .contains("[stuck-threads] request-handler-1..5")
                .contains("Groups that change (3):")
                .contains("Stable groups");
        assertThat(run.out().indexOf("Leak suspects")).isLessThan(run.out().indexOf("Groups that change"));
    }

    private static CliRun run(List<String> options, String... files) {
        List<String> all = new ArrayList<>();
        all.add("compare");
        all.addAll(options);
        all.addAll(List.of(files));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> args(String... options) {
        return List.of(options);
    }

    private static String[] files(String... names) {
        return Stream.of(names).map(n -> Path.of("sample-dumps", n).toString()).toArray(String[]::new);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.get(field).asText().equals(value)) return n;
        throw new AssertionError("no entry with " + field + " = " + value);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
