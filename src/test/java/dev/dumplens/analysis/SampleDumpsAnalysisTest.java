package dev.dumplens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis of every captured dump in {@code sample-dumps/} against the designed facts of its
 * {@code expected.json} (see the README there): totals and states, designed groups, locks with owners and
 * blocked/waiting/parked threads, chains, and deadlocks — including the class-initialization and virtual-thread
 * deadlocks the JVM does not report, and the cycles a format cannot show.
 */
class SampleDumpsAnalysisTest {
    private static final Path DIR = Path.of("sample-dumps");

    @TestFactory
    Stream<DynamicTest> everyDesignedFactOfEverySampleDump() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            tests.add(DynamicTest.dynamicTest(file.getKey(), () -> checkFile(file.getKey(), file.getValue())));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
        return tests.stream();
    }

    private static void checkFile(String name, JsonNode file) throws Exception {
        Path path = DIR.resolve(name);
        ParseResult result = Formats.parse(path, path.toString(), ProgressMonitor.NONE);
        JsonNode dumps = file.get("dumps");
        assertThat(result.dumps()).as(name).hasSize(dumps.size());
        for (int i = 0; i < dumps.size(); i++) {
            String where = name + " dump " + (i + 1);
            DumpAnalysis a = DumpAnalysis.of(result.dumps().get(i), Similarity.NORMALIZED);
            JsonNode facts = dumps.get(i);
            checkTotals(a, facts, where);
            assertThat(a.locks().warnings()).as(where + ": no monitor is held by two threads in these captures").isEmpty();
            for (JsonNode g : facts.path("groups")) checkGroup(a, g, where);
            for (JsonNode l : facts.path("locks")) checkLock(a.locks(), l, where);
            for (JsonNode c : facts.path("chains")) checkChain(a, c, where);
            checkDeadlocks(a, facts, where);
        }
    }

    private static void checkTotals(DumpAnalysis a, JsonNode facts, String where) {
        assertThat(a.threadCount()).as(where + " threads").isEqualTo(facts.get("threadCount").asInt());
        assertThat(a.virtualThreadCount()).as(where + " virtual").isEqualTo(facts.get("virtualThreadCount").asLong());
        Map<ThreadState, Integer> states = new EnumMap<>(ThreadState.class);
        facts.get("states").fields().forEachRemaining(e -> states.put(ThreadState.valueOf(e.getKey()), e.getValue().asInt()));
        assertThat(a.stateCounts()).as(where + " states").isEqualTo(states);
        if (facts.has("jvmReportedDeadlocks")) {
            assertThat(a.dump().jvmDeadlocks()).as(where + " JVM sections").hasSize(facts.get("jvmReportedDeadlocks").asInt());
        }
    }

    /**
     * The designed threads (by "namePattern", or by a "frame" on their stack) are there in the designed state
     * and share one group: their stacks are identical by design.
     */
    private static void checkGroup(DumpAnalysis a, JsonNode g, String where) {
        Predicate<DumpThread> designed;
        if (g.has("namePattern")) {
            Pattern p = Pattern.compile(g.get("namePattern").asText());
            designed = t -> p.matcher(t.name()).matches();
        } else {
            String frame = g.get("frame").asText();
            designed = t -> t.frames().stream().anyMatch(f -> f.text().contains(frame + "("));
        }
        String what = where + " group " + g;
        List<DumpThread> matched = a.dump().threads().stream().filter(designed).toList();
        assertThat(matched).as(what).hasSize(g.get("count").asInt());
        assertThat(matched).as(what).allSatisfy(t -> assertThat(t.state().name()).isEqualTo(g.get("state").asText()));
        List<StackGroup> holding = a.groups().stream().filter(sg -> sg.threads().stream().anyMatch(designed)).toList();
        assertThat(holding).as(what + " groups holding them").hasSize(1);
    }

    /** Some lock of the dump has the designed class, kind, owner and waiters. */
    private static void checkLock(LockGraph graph, JsonNode l, String where) {
        String cls = l.get("className").asText();
        String owner = l.get("owner").isNull() ? null : l.get("owner").asText();
        LockInfo.Kind kind = l.get("kind").asText().equals("monitor") ? LockInfo.Kind.MONITOR : LockInfo.Kind.SYNCHRONIZER;
        List<String> blocked = texts(l.get("blocked"));
        List<String> waiting = texts(l.get("waiting"));
        List<String> parked = texts(l.get("parked"));
        assertThat(graph.locks()).as(where + " lock " + l).filteredOn(x -> x.className().equals(cls)
                        && names(x.parked()).containsAll(parked) && names(x.blocked()).containsAll(blocked)
                        && names(x.waiting()).containsAll(waiting))
                .singleElement().satisfies(x -> {
                    assertThat(x.kind()).isEqualTo(kind);
                    assertThat(x.owner() == null ? null : x.owner().name()).isEqualTo(owner);
                    if (owner == null) assertThat(x.ownerStatus()).isNotEqualTo(LockInfo.OwnerStatus.OWNED);
                    assertThat(names(x.blocked())).containsExactlyInAnyOrderElementsOf(blocked);
                    assertThat(names(x.waiting())).containsExactlyInAnyOrderElementsOf(waiting);
                    assertThat(names(x.parked())).containsExactlyInAnyOrderElementsOf(parked);
                });
    }

    /** Every thread named like "from" waits for a lock whose chain of owners is the designed one. */
    private static void checkChain(DumpAnalysis a, JsonNode c, String where) {
        String from = c.get("from").asText();
        List<DumpThread> starts = a.dump().threads().stream()
                .filter(t -> NameTemplates.of(t.name()).equals(from)).toList();
        assertThat(starts).as(where + " chain from " + from).isNotEmpty();
        for (DumpThread t : starts) {
            List<String> owners = a.locks().chain(a.locks().waitsFor(t)).stream()
                    .map(l -> l.owner() == null ? null : l.owner().name()).toList();
            assertThat(owners).as(where + " chain from " + t.name()).isEqualTo(texts(c.get("chain")));
        }
    }

    /**
     * Exactly the designed deadlocks that the file can show are found, once each, with their locks and whether
     * the JVM reported them; the ones it cannot show ("visibleInFile": false, "undetectable") are not invented.
     */
    private static void checkDeadlocks(DumpAnalysis a, JsonNode facts, String where) {
        List<Set<String>> visible = new ArrayList<>();
        for (JsonNode d : facts.path("deadlocks")) {
            Set<String> threads = Set.copyOf(texts(d.get("threads")));
            List<Deadlock> found = a.deadlocks().stream().filter(x -> Set.copyOf(x.threadNames()).equals(threads)).toList();
            if (!d.path("visibleInFile").asBoolean(true)) {
                assertThat(found).as(where + " invisible deadlock " + threads).isEmpty();
                continue;
            }
            visible.add(threads);
            assertThat(found).as(where + " deadlock " + threads).singleElement().satisfies(x -> {
                assertThat(x.reportedByJvm()).isEqualTo(d.get("reportedByJvm").asBoolean());
                List<String> lockClasses = x.locks().stream().map(LockInfo::className).toList();
                boolean classInit = d.path("kind").asText().equals("class-initialization");
                assertThat(x.involvesClassInit()).isEqualTo(classInit);
                assertThat(lockClasses).containsExactlyInAnyOrderElementsOf(texts(d.get(classInit ? "classes" : "lockClasses")));
                for (int i = 0; i < x.locks().size(); i++) {
                    assertThat(x.locks().get(i).owner()).isSameAs(x.threads().get((i + 1) % x.threads().size()));
                }
            });
        }
        for (JsonNode u : facts.path("undetectable")) {
            Set<String> threads = Set.copyOf(texts(u.get("threads")));
            assertThat(a.deadlocks()).as(where + " undetectable " + threads)
                    .noneMatch(x -> Set.copyOf(x.threadNames()).equals(threads));
        }
        if (facts.has("deadlocks")) {
            assertThat(a.deadlocks().stream().map(x -> Set.copyOf(x.threadNames())).toList())
                    .as(where + " deadlocks").containsExactlyInAnyOrderElementsOf(visible);
        }
    }

    private static List<String> names(List<DumpThread> threads) {
        return threads.stream().map(DumpThread::name).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
