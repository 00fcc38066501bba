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
 * {@code analyze} on real captures: JDK 25 {@code Thread.dump_to_file} text and JSON of one process (see
 * src/test/resources/dumps/jdk/README.md) and the HotSpot sample dumps (sample-dumps/README.md); the expected
 * numbers come from the scenario programs' design.
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

    @Test
    void hotspotDeadlocksIncludingOnesTheJvmDoesNotReport() throws Exception {
        CliRun run = CliRun.of("analyze", "--json", "sample-dumps/deadlocks-jdk17-jstack-l.txt",
                "sample-dumps/contention-jdk17-jstack.txt");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode deadlocks = new ObjectMapper().readTree(run.out()).get("dumps").get(0);
        assertThat(deadlocks.get("format").asText()).isEqualTo("hotspot-jstack");
        assertThat(deadlocks.get("threadCount").asInt()).isEqualTo(32);
        assertThat(deadlocks.get("states").toString())
                .isEqualTo("{\"RUNNABLE\":11,\"BLOCKED\":6,\"WAITING\":4,\"TIMED_WAITING\":2,\"NONE\":9}");
        List<String> cycles = new ArrayList<>();
        for (JsonNode d : deadlocks.get("deadlocks")) {
            cycles.add(texts(d.get("threads")) + " jvm=" + d.get("reportedByJvm").asBoolean()
                    + " classInit=" + d.get("classInit").asBoolean());
            assertThat(d.get("locks")).hasSameSizeAs(d.get("threads"));
        }
        assertThat(cycles).containsExactlyInAnyOrder(
                "[pair-alpha, pair-beta] jvm=true classInit=false",
                "[ring-1, ring-2, ring-3] jvm=true classInit=false",
                "[rlock-east, rlock-west] jvm=true classInit=false",
                "[clinit-alpha, clinit-beta] jvm=false classInit=true");
        JsonNode east = lockOwnedBy(deadlocks, "rlock-east");
        assertThat(east.get("kind").asText()).isEqualTo("synchronizer");
        assertThat(texts(east.get("parked"))).containsExactlyInAnyOrder("rlock-west", "rlock-bystander");
        JsonNode alphaInit = lockOwnedBy(deadlocks, "clinit-alpha");
        assertThat(alphaInit.get("kind").asText()).isEqualTo("class-init");
        assertThat(alphaInit.get("className").asText()).isEqualTo("scenario.Deadlocks$InitAlpha");
        assertThat(texts(alphaInit.get("blocked"))).containsExactly("clinit-beta");

        JsonNode contention = new ObjectMapper().readTree(run.out()).get("dumps").get(1);
        JsonNode vault = lock(contention, "java.util.concurrent.locks.ReentrantLock$NonfairSync", 9);
        assertThat(vault.get("owner").isNull()).as("jstack without -l cannot name it").isTrue();
        assertThat(vault.get("ownerStatus").asText()).isEqualTo("unknown");
        JsonNode registry = lock(contention, "scenario.Contention$Registry", 3);
        assertThat(registry.get("owner").asText()).isEqualTo("registry-owner");
        assertThat(registry.get("ownerWaitsFor").asText())
                .isEqualTo(lock(contention, "scenario.Contention$Ledger", 26).get("id").asText());
    }

    @Test
    void everyDumpOfAKill3LogIsSummarizedWithItsTimestamp() {
        CliRun run = CliRun.of("analyze", "sample-dumps/leak-jdk17-kill3.log");
        assertThat(run.exit()).isZero();
        List<String> headers = run.out().lines().filter(l -> l.startsWith("== ")).toList();
        assertThat(headers).containsExactly(
                "== sample-dumps/leak-jdk17-kill3.log#1  [hotspot-sigquit-log]  2026-11-26T19:45:03",
                "== sample-dumps/leak-jdk17-kill3.log#2  [hotspot-sigquit-log]  2026-11-26T19:45:07",
                "== sample-dumps/leak-jdk17-kill3.log#3  [hotspot-sigquit-log]  2026-11-26T19:45:10",
                "== sample-dumps/leak-jdk17-kill3.log#4  [hotspot-sigquit-log]  2026-11-26T19:45:13");
        assertThat(run.out()).contains("      owner: \"ledger-owner\"\n      blocked 8: \"ledger-waiter-1\"");
    }

    private static JsonNode lockOwnedBy(JsonNode dump, String owner) {
        for (JsonNode l : dump.get("locks")) if (owner.equals(l.get("owner").asText(null))) return l;
        throw new AssertionError("no lock owned by " + owner);
    }

    private static JsonNode lock(JsonNode dump, String className, int waiters) {
        for (JsonNode l : dump.get("locks")) {
            int n = l.get("blocked").size() + l.get("waiting").size() + l.get("parked").size();
            if (l.get("className").asText().equals(className) && n == waiters) return l;
        }
        throw new AssertionError("no lock " + className + " with " + waiters + " waiters");
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
