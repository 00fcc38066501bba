package dev.dumplens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.heap.ScenarioDumpsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dumplens heap} on a scenario heap dump and the jstack dump taken of the same process. */
class HeapCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonListsThreadsFramesLocalsHistogramAndDominators() throws Exception {
        Path hprof = ScenarioDumpsAccess.current();
        CliRun run = CliRun.of("heap", "--json", "--top", "5", hprof.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode d = JSON.readTree(run.out());
        assertThat(d.get("file").asText()).isEqualTo(hprof.toString());
        assertThat(d.get("idSize").asInt()).isEqualTo(8);
        assertThat(d.get("objects").asLong()).isGreaterThan(10_000);
        JsonNode a = d.get("threads").get(0);
        assertThat(a.get("name").asText()).isEqualTo("payload-A");
        assertThat(a.get("tid").isIntegralNumber()).isTrue();
        assertThat(a.get("retainedBytes").asLong()).isGreaterThan(9L << 20);
        assertThat(a.get("groupKey").asText()).startsWith("WAITING/");
        JsonNode outer = null;
        for (JsonNode f : a.get("frames")) if (f.get("frame").asText().contains(".holdOuter(")) outer = f;
        assertThat(outer).isNotNull();
        assertThat(outer.get("retainedBytes").asLong()).isEqualTo((8L << 20) + 16);
        assertThat(outer.get("locals").get(0).get("className").asText()).isEqualTo("byte[]");
        assertThat(outer.get("locals").get(0).get("objectId").asText()).startsWith("0x");
        long previous = Long.MAX_VALUE;
        for (JsonNode t : d.get("threads")) {
            assertThat(t.get("retainedBytes").asLong()).isLessThanOrEqualTo(previous);
            previous = t.get("retainedBytes").asLong();
        }
        assertThat(d.get("histogram")).hasSize(5);
        assertThat(d.get("histogram").get(0).get("className").asText()).isEqualTo("byte[]");
        assertThat(d.get("dominators")).hasSize(5);
        assertThat(d.get("dominators").get(0).get("retainedBytes").asLong()).isEqualTo(a.get("retainedBytes").asLong());
        assertThat(d.get("warnings").isArray()).isTrue();
    }

    @Test
    void threadsFromJoinsTheJstackGroupsOfTheSameProcess() throws Exception {
        Path hprof = ScenarioDumpsAccess.current();
        Path jstack = ScenarioDumpsAccess.jstackOf(hprof);
        CliRun run = CliRun.of("heap", "--json", "--threads-from", jstack.toString(), hprof.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode d = JSON.readTree(run.out());
        JsonNode groups = d.get("threadDumps").get(0).get("groups");
        JsonNode first = groups.get(0);
        assertThat(first.get("nameTemplate").asText()).isEqualTo("payload-A");
        assertThat(first.get("matchedThreads").asInt()).isEqualTo(1);
        assertThat(first.get("retainedBytes").asLong()).isEqualTo(d.get("threads").get(0).get("retainedBytes").asLong());
        assertThat(first.get("groupKey").asText()).isEqualTo(d.get("threads").get(0).get("groupKey").asText());
        List<String> heapKeys = new ArrayList<>();
        for (JsonNode g : d.get("threadGroups")) heapKeys.add(g.get("groupKey").asText());
        int joined = 0;
        for (JsonNode g : groups) {
            if (g.get("matchedThreads").asInt() > 0 && g.get("nameTemplate").asText().matches("payload-.|shared-\\*")) {
                assertThat(heapKeys).contains(g.get("groupKey").asText());
                joined++;
            }
        }
        assertThat(joined).isGreaterThanOrEqualTo(4);
    }

    @Test
    void twoThreadDumpsGiveLeakSuspectsWithTheHeapTheirThreadsRetain() throws Exception {
        Path hprof = ScenarioDumpsAccess.current();
        Path latest = ScenarioDumpsAccess.jstackOf(hprof);
        Path earlier = Path.of(hprof + ".jstack-earlier.txt");
        CliRun run = CliRun.of("heap", "--json", "--threads-from", earlier.toString(), latest.toString(),
                hprof.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode d = JSON.readTree(run.out());
        assertThat(d.get("threadDumps")).hasSize(2);
        JsonNode suspects = d.get("suspects");
        assertThat(suspects.size()).isPositive();
        long payloadA = d.get("threads").get(0).get("retainedBytes").asLong();
        boolean found = false;
        for (JsonNode s : suspects) {
            assertThat(s.get("matchedThreads").asInt()).isLessThanOrEqualTo(s.get("threads").asInt());
            if (s.get("kind").asText().equals("stuck-threads") && s.get("summary").asText().contains("payload-A")) {
                assertThat(s.get("matchedThreads").asInt()).isPositive();
                assertThat(s.get("retainedBytes").asLong()).isGreaterThanOrEqualTo(payloadA);
                found = true;
            }
        }
        assertThat(found).as(suspects.toString()).isTrue();
    }

    @Test
    void threadsFromMayListTheHeapDumpLast() throws Exception {
        Path hprof = ScenarioDumpsAccess.current();
        Path jstack = ScenarioDumpsAccess.jstackOf(hprof);
        CliRun run = CliRun.of("heap", "--threads-from", jstack.toString(), hprof.toString(), "--top", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Threads by retained heap (3 of ").contains("payload-A #")
                .contains("Groups of " + jstack).contains("HeapScenario.holdOuter(HeapScenario.java:");
    }

    @Test
    void badHeapDumpIsOneLineAndExitTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("not-a-heap.hprof"), "hello\n");
        CliRun run = CliRun.of("heap", "--json", text.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(text + ":@0: not an HPROF heap dump (no \"JAVA PROFILE\" header)");
    }

    @Test
    void badThreadDumpStillWritesTheHeapAnalysis() throws Exception {
        Path hprof = ScenarioDumpsAccess.current();
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        CliRun run = CliRun.of("heap", "--json", "--threads-from", empty.toString(), "--", hprof.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(empty.toString()).doesNotContain("\n");
        assertThat(JSON.readTree(run.out()).get("threads").size()).isGreaterThan(8);
    }
}
