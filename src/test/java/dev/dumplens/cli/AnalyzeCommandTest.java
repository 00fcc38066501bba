package dev.dumplens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze} on real JDK 25 {@code Thread.dump_to_file} captures (text and JSON of one process, see
 * src/test/resources/dumps/jdk/README.md); the expected numbers come from the scenario program's design.
 */
class AnalyzeCommandTest {
    private static final String TXT = "src/test/resources/dumps/jdk/jdk25-scenario.txt";
    private static final String JSON = "src/test/resources/dumps/jdk/jdk25-scenario.json";

    @Test
    void jsonDocumentForEachFileAndBadInputStillExits2(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("readme.md"), "# not a dump\n");
        byte[] before = Files.readAllBytes(Path.of(TXT));

        CliRun run = CliRun.of("analyze", "--json", TXT, bad.toString(), JSON);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith(bad + ":"));
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("dumps")).hasSize(2);
        assertThat(doc.get("dumps").get(0).get("file").asText()).isEqualTo(TXT);
        assertThat(doc.get("dumps").get(1).get("file").asText()).isEqualTo(JSON);
        for (JsonNode d : doc.get("dumps")) checkScenario(d);
        assertThat(doc.get("errors")).singleElement()
                .satisfies(e -> assertThat(e.get("file").asText()).isEqualTo(bad.toString()));
        assertThat(Files.readAllBytes(Path.of(TXT))).isEqualTo(before);
    }

    private static void checkScenario(JsonNode d) {
        String file = d.get("file").asText();
        assertThat(d.get("index").asInt()).isZero();
        assertThat(d.get("timestamp").asText()).startsWith("2026-11-26T19:41:");
        assertThat(d.get("format").asText()).startsWith("jdk-thread-dump-");
        assertThat(d.get("threadCount").asInt()).as(file).isEqualTo(77);
        assertThat(d.get("virtualThreadCount").asInt()).as(file).isEqualTo(49);
        assertThat(d.get("states").toString()).as(file)
                .isEqualTo("{\"RUNNABLE\":7,\"BLOCKED\":13,\"WAITING\":43,\"TIMED_WAITING\":14}");

        JsonNode top = d.get("groups").get(0);
        assertThat(top.get("size").asInt()).isEqualTo(20);
        assertThat(top.get("state").asText()).isEqualTo("WAITING");
        assertThat(top.get("nameTemplate").asText()).isEqualTo("vt-parked-*");
        assertThat(texts(top.get("frames"))).contains("JdkDumpScenario.awaitNever(JdkDumpScenario.java:121)");
        JsonNode unnamed = group(d, "TIMED_WAITING", "");
        assertThat(unnamed.get("size").asInt()).isEqualTo(6);
        int members = 0;
        for (JsonNode g : d.get("groups")) members += g.get("size").asInt();
        assertThat(members).isEqualTo(77);

        JsonNode platform = lock(d, "JdkDumpScenario$PlatformMonitor");
        assertThat(platform.get("owner").asText()).isEqualTo("monitor-holder");
        assertThat(texts(platform.get("blocked"))).containsExactly("monitor-blocked-1", "monitor-blocked-2",
                "monitor-blocked-3");
        JsonNode virtual = lock(d, "JdkDumpScenario$VirtualMonitor");
        assertThat(virtual.get("owner").asText()).isEqualTo("vt-holder");
        assertThat(virtual.get("blocked")).hasSize(10);
        JsonNode room = lock(d, "JdkDumpScenario$WaitRoom");
        assertThat(room.get("owner").isNull()).as("wait()ers released the monitor").isTrue();
        assertThat(room.get("ownerStatus").asText()).isEqualTo("none");
        assertThat(texts(room.get("waiting"))).hasSize(7).contains("platform-waiter-1", "vt-waiter-5");
        JsonNode lock = lock(d, "java.util.concurrent.locks.ReentrantLock$NonfairSync");
        assertThat(lock.get("owner").isNull()).isTrue();
        assertThat(lock.get("ownerStatus").asText()).isEqualTo("unknown");
        assertThat(texts(lock.get("parked"))).hasSize(8).contains("lock-parked-1", "vt-lock-parked-5");
        JsonNode latch = lock(d, "java.util.concurrent.CountDownLatch$Sync");
        assertThat(latch.get("ownerStatus").asText()).isEqualTo("none");
        assertThat(latch.get("parked")).hasSize(25);
        assertThat(d.get("deadlocks")).isEmpty();
    }

    @Test
    void textSummaryOfEachFileAndDumpOrder() {
        CliRun run = CliRun.of("analyze", "--similarity", "method", TXT, JSON);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).startsWith("== " + TXT + "  [jdk-thread-dump-text]  2026-11-26T19:41:52");
        assertThat(out).contains("\n== " + JSON + "  [jdk-thread-dump-json]  2026-11-26T19:41:");
        assertThat(out).contains("77 threads (49 virtual): RUNNABLE 7, BLOCKED 13, WAITING 43, TIMED_WAITING 14\n");
        assertThat(out).contains("Stack groups (method similarity): ");
        assertThat(out).contains("     20  WAITING       vt-parked-*\n");
        assertThat(out).contains("  <JdkDumpScenario$PlatformMonitor@27182119>\n      owner: \"monitor-holder\"\n");
        assertThat(out).doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    }

    @Test
    void similarityChangesTheGroups() throws Exception {
        JsonNode exact = new ObjectMapper().readTree(CliRun.of("analyze", "--json", "--similarity", "exact", TXT).out());
        JsonNode top1 = new ObjectMapper().readTree(CliRun.of("analyze", "--json", "--similarity", "top:1", TXT).out());
        JsonNode e = exact.get("dumps").get(0);
        JsonNode t = top1.get("dumps").get(0);
        assertThat(e.get("similarity").asText()).isEqualTo("exact");
        assertThat(t.get("similarity").asText()).isEqualTo("top:1");
        assertThat(t.get("groups").size()).isLessThan(e.get("groups").size());
        for (JsonNode g : t.get("groups")) assertThat(g.get("frames").size()).isLessThanOrEqualTo(1);
    }

    private static JsonNode group(JsonNode dump, String state, String template) {
        for (JsonNode g : dump.get("groups")) {
            if (g.get("state").asText().equals(state) && g.get("nameTemplate").asText().equals(template)) return g;
        }
        throw new AssertionError("no group " + state + " " + template);
    }

    private static JsonNode lock(JsonNode dump, String className) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode l : dump.get("locks")) if (l.get("className").asText().equals(className)) found.add(l);
        assertThat(found).as(className).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
