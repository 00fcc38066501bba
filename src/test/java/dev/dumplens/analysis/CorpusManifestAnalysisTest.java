package dev.dumplens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the analysis against every fact the corpus manifest states for HotSpot text (jstack, jcmd Thread.print,
 * SIGQUIT logs) and JDK 21+ dump_to_file (text, JSON) files: totals and states, the largest groups at
 * {@code exact} similarity, contended monitors with owners and waiter counts, JVM-reported deadlocks, and each
 * designed ground-truth entry. Read the manifest's "conventions" for the meaning of the facts.
 */
class CorpusManifestAnalysisTest {
    private static final Set<String> FORMATS = Set.of("hotspot-jstack", "hotspot-jcmd-thread-print",
            "application-log-with-sigquit-dumps", "jdk21+-thread-dump-text", "jdk21+-thread-dump-json");
    /** Ground truth of other formats (Go, javacore) belongs to a later issue. */
    private static final Set<String> OTHER_FORMAT_TYPES = Set.of("goroutine_group", "panic", "note");

    @TestFactory
    Stream<DynamicTest> everyFactOfEveryThreadDumpFile() {
        JsonNode manifest = Corpus.manifest();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode file : manifest.get("files")) {
            if (!FORMATS.contains(file.get("format").asText())) continue;
            String name = file.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> checkFile(name, file)));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void checkFile(String name, JsonNode file) throws Exception {
        ParseResult result = Corpus.parse(name);
        assertThat(result.dumps()).as("dumps in " + name).hasSize(file.get("number_of_dumps").asInt());
        boolean dashL = file.get("capture_command").asText().matches(".*\\s-l\\b.*");
        for (JsonNode facts : file.get("dumps")) {
            ThreadDump dump = result.dumps().get(facts.get("index").asInt() - 1);
            DumpAnalysis exact = DumpAnalysis.of(dump, Similarity.EXACT);
            String where = name + " dump " + facts.get("index").asInt();
            checkTotals(exact, facts, where);
            if (file.get("format").asText().startsWith("hotspot") || file.get("format").asText().startsWith("application")) {
                assertThat(exact.locks().warnings()).as(where + ": a safepoint snapshot never shows a monitor held twice")
                        .isEmpty();
            }
            checkLargestGroups(exact, facts.get("largest_identical_stack_groups"), where);
            checkContendedMonitors(exact.locks(), facts.get("contended_monitors"), where);
            checkJvmDeadlocks(exact, facts.get("jvm_reported_deadlocks"), where);
            for (JsonNode truth : facts.get("ground_truth")) {
                checkGroundTruth(exact, truth, dashL, where + " " + truth.get("type").asText());
            }
        }
    }

    private static void checkTotals(DumpAnalysis a, JsonNode facts, String where) {
        assertThat(a.threadCount()).as(where + " threads").isEqualTo(facts.get("threads_total").asInt());
        assertThat(a.virtualThreadCount()).as(where + " virtual").isEqualTo(facts.get("virtual_threads").asLong());
        Map<ThreadState, Integer> expected = new EnumMap<>(ThreadState.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.get("state_counts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            expected.put(ThreadState.valueOf(e.getKey().split(" ")[0]), e.getValue().asInt());
        }
        assertThat(a.stateCounts()).as(where + " states").isEqualTo(expected);
    }

    /**
     * The manifest lists groups of threads with identical stacks, largest first, leaving out threads without
     * frames; ours at exact similarity must match them one by one in size, state, top frames and members.
     */
    private static void checkLargestGroups(DumpAnalysis a, JsonNode expected, String where) {
        if (expected == null) return;
        List<StackGroup> ours = a.groups().stream().filter(g -> !g.frames().isEmpty()).toList();
        List<Integer> expectedSizes = new ArrayList<>();
        expected.forEach(g -> expectedSizes.add(g.get("size").asInt()));
        assertThat(ours.stream().limit(expectedSizes.size()).map(StackGroup::size).toList())
                .as(where + " largest group sizes").isEqualTo(expectedSizes);
        for (JsonNode g : expected) {
            List<String> top = texts(g.get("top_frames"));
            List<String> names = texts(g.get("example_names"));
            assertThat(ours).as(where + " group " + g).anySatisfy(o -> {
                assertThat(o.size()).isEqualTo(g.get("size").asInt());
                assertThat(o.state().name()).isEqualTo(g.get("state").asText());
                assertThat(frameTexts(o.frames()).subList(0, Math.min(top.size(), o.frames().size()))).isEqualTo(top);
                assertThat(o.threads().stream().map(DumpThread::name).toList()).containsAll(names);
            });
        }
    }

    private static void checkContendedMonitors(LockGraph graph, JsonNode expected, String where) {
        if (expected == null) return;
        for (JsonNode m : expected) {
            String id = m.get("lock").asText();
            LockInfo lock = graph.lock(id);
            String what = where + " lock " + id;
            assertThat(lock).as(what).isNotNull();
            assertThat(lock.className()).as(what).isEqualTo(m.get("class").asText());
            assertThat(lock.blocked()).as(what + " blocked").hasSize(m.get("blocked").asInt());
            assertThat(lock.waiting()).as(what + " waiting").hasSize(m.get("waiting_on").asInt());
            assertThat(lock.parked()).as(what + " parked").hasSize(m.get("parked").asInt());
            List<String> owners = texts(m.get("owners"));
            if (m.hasNonNull("ownable_owner")) owners.addAll(texts(m.get("ownable_owner")));
            assertThat(owners).as(what + " manifest owners").hasSizeLessThanOrEqualTo(1);
            assertThat(ownerName(lock)).as(what + " owner").isEqualTo(owners.isEmpty() ? null : owners.get(0));
        }
    }

    private static void checkJvmDeadlocks(DumpAnalysis a, JsonNode expected, String where) {
        if (expected == null) return;
        List<Set<String>> reported = new ArrayList<>();
        expected.forEach(cycle -> reported.add(Set.copyOf(texts(cycle))));
        List<Set<String>> parsed = a.dump().jvmDeadlocks().stream().map(d -> Set.copyOf(d.threads())).toList();
        assertThat(parsed).as(where + " JVM deadlock sections").containsExactlyInAnyOrderElementsOf(reported);
        List<Set<String>> ours = a.deadlocks().stream().filter(Deadlock::reportedByJvm)
                .map(d -> Set.copyOf(d.threadNames())).toList();
        assertThat(ours).as(where + " deadlocks marked reportedByJvm").containsExactlyInAnyOrderElementsOf(reported);
    }

    private static void checkGroundTruth(DumpAnalysis a, JsonNode t, boolean dashL, String where) {
        switch (t.get("type").asText()) {
            case "stack_group" -> checkStackGroup(a, t, where);
            case "monitor" -> checkMonitor(a.locks(), t, where);
            case "juc_lock" -> checkJucLock(a.locks(), t, where);
            case "deadlock" -> checkDeadlock(a, t, dashL, where);
            case "jvm_deadlock_report" -> checkDeadlockReport(a, t, where);
            case "thread_name" -> checkThreadName(a, t, where);
            case "carrier" -> assertThat(a.dump().threads()).as(where)
                    .anySatisfy(th -> assertThat(th.carrierId()).isEqualTo(t.get("evidence").get("carrier_tid").asLong()));
            case "virtual_threads" -> {
                assertThat(a.virtualThreadCount()).as(where).isZero();
                assertThat(a.dump().threads()).as(where).anySatisfy(th -> assertThat(th.mountedVirtualId()).isNotNull());
            }
            case "monitor_set" -> checkMonitorSet(a.locks(), t, where);
            default -> assertThat(OTHER_FORMAT_TYPES).as(where + ": unknown ground truth type").contains(t.get("type").asText());
        }
    }

    /**
     * The matching threads have the expected state; with identical stacks they all share one exact group whose
     * frames start with the evidence's.
     */
    private static void checkStackGroup(DumpAnalysis a, JsonNode t, String where) {
        Predicate<DumpThread> selected = selector(t.get("threads").asText());
        List<DumpThread> matched = a.dump().threads().stream().filter(selected).toList();
        assertThat(matched).as(where + " matching threads").hasSize(t.get("expected_count").asInt());
        assertThat(matched).as(where + " states")
                .allSatisfy(th -> assertThat(th.state().name()).isEqualTo(t.get("expected_state").asText()));
        if (!t.path("identical_stacks").asBoolean(false)) return;
        List<StackGroup> holding = a.groups().stream().filter(g -> g.threads().stream().anyMatch(selected)).toList();
        assertThat(holding).as(where + " groups holding them").singleElement().satisfies(g -> {
            List<String> top = texts(t.get("evidence").get("top_frames"));
            assertThat(frameTexts(g.frames()).subList(0, top.size())).isEqualTo(top);
            assertThat(g.threads().stream().filter(selected).count()).isEqualTo(matched.size());
        });
    }

    /** A name regex, or the manifest's "(unnamed virtual threads)". */
    private static Predicate<DumpThread> selector(String threads) {
        if (threads.equals("(unnamed virtual threads)")) return th -> th.virtual() && th.name().isEmpty();
        Pattern names = Pattern.compile(threads);
        return th -> names.matcher(th.name()).matches();
    }

    private static void checkMonitor(LockGraph graph, JsonNode t, String where) {
        LockInfo lock = graph.lock(t.get("evidence").get("monitor").asText());
        assertThat(lock).as(where).isNotNull();
        assertThat(lock.kind()).as(where).isEqualTo(LockInfo.Kind.MONITOR);
        assertThat(lock.className()).as(where).endsWith(t.get("lock_class").asText());
        assertThat(ownerName(lock)).as(where + " owner").isEqualTo(t.get("owner").isNull() ? null : t.get("owner").asText());
        assertCountsByName(lock.blocked(), t.get("expected_blocked"), where + " blocked");
        int waiting = t.get("expected_waiting_on").isNull() ? 0 : t.get("expected_waiting_on").asInt();
        assertThat(lock.waiting()).as(where + " waiting").hasSize(waiting);
    }

    private static void checkJucLock(LockGraph graph, JsonNode t, String where) {
        LockInfo lock = graph.lock(t.get("evidence").get("synchronizer").asText());
        assertThat(lock).as(where).isNotNull();
        assertThat(lock.kind()).as(where).isEqualTo(LockInfo.Kind.SYNCHRONIZER);
        assertThat(lock.className()).as(where).endsWith(t.get("lock_class").asText());
        assertCountsByName(lock.parked(), t.get("expected_parked"), where + " parked");
        if (t.get("owner_visible_in_this_format").asBoolean()) {
            assertThat(ownerName(lock)).as(where + " owner").isEqualTo(t.get("owner").asText());
        } else {
            assertThat(lock.owner()).as(where + " owner").isNull();
            assertThat(lock.ownerStatus()).as(where).isEqualTo(LockInfo.OwnerStatus.UNKNOWN);
            assertThat(lock.ownerNote()).as(where).contains("-l");
        }
    }

    /**
     * The cycle is found once, marked as the manifest says; monitor cycles, and j.u.c. cycles in dumps with
     * "Locked ownable synchronizers", must also be found from the stacks alone, without the JVM's report.
     */
    private static void checkDeadlock(DumpAnalysis a, JsonNode t, boolean dashL, String where) {
        Set<String> cycle = Set.copyOf(texts(t.get("cycle")));
        assertThat(a.deadlocks()).as(where + " " + cycle).filteredOn(d -> Set.copyOf(d.threadNames()).equals(cycle))
                .singleElement().satisfies(d -> {
                    assertThat(d.reportedByJvm()).isEqualTo(t.get("reported_by_jvm_in_this_file").asBoolean());
                    assertThat(d.threads()).hasSize(cycle.size());
                    assertThat(d.locks()).hasSize(cycle.size());
                    for (int i = 0; i < d.locks().size(); i++) {
                        assertThat(d.locks().get(i).owner()).isSameAs(d.threads().get((i + 1) % cycle.size()));
                    }
                });
        boolean visibleInStacks = t.get("lock_kind").asText().startsWith("synchronized") || dashL;
        if (!visibleInStacks) return;
        ThreadDump d = a.dump();
        ThreadDump unreported = new ThreadDump(d.source(), d.index(), d.line(), d.format(), d.timestamp(),
                d.vmBanner(), d.processId(), d.threads(), List.of(), d.warnings());
        assertThat(DumpAnalysis.of(unreported, Similarity.EXACT).deadlocks()).as(where + " from stacks alone " + cycle)
                .filteredOn(dl -> Set.copyOf(dl.threadNames()).equals(cycle)).singleElement()
                .satisfies(dl -> assertThat(dl.reportedByJvm()).isFalse());
    }

    private static void checkDeadlockReport(DumpAnalysis a, JsonNode t, String where) {
        Matcher m = Pattern.compile("Found (\\d+) deadlocks?\\.|Found one Java-level deadlock").matcher(t.get("expected").asText());
        assertThat(m.find()).as(where).isTrue();
        int n = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        assertThat(a.dump().jvmDeadlocks()).as(where).hasSize(n);
        assertThat(a.deadlocks().stream().filter(Deadlock::reportedByJvm)).as(where).hasSize(n);
    }

    private static void checkThreadName(DumpAnalysis a, JsonNode t, String where) {
        long tid = t.get("java_tid").asLong();
        String name = readJsonString(t.get("name_as_printed_json").asText());
        assertThat(a.dump().threads()).as(where + " tid " + tid).filteredOn(th -> Long.valueOf(tid).equals(th.javaId()))
                .singleElement().satisfies(th -> {
                    assertThat(th.name()).isEqualTo(name);
                    assertThat(th.state().name()).isEqualTo(t.get("expected_state").asText());
                    assertThat(th.daemon()).isEqualTo(t.get("daemon").asBoolean());
                    assertThat(th.priority()).isEqualTo(t.get("priority").asInt());
                    assertThat(a.groups().stream().filter(g -> g.threads().contains(th))).hasSize(1);
                });
    }

    /** "50 distinct Large$Shard monitors, each with exactly 1 owner (owner-K) and 9 blocked". */
    private static void checkMonitorSet(LockGraph graph, JsonNode t, String where) {
        Matcher m = Pattern.compile("(\\d+) distinct (\\S+) monitors, each with exactly 1 owner \\((\\S+)-K\\) and (\\d+) blocked")
                .matcher(t.get("description").asText());
        assertThat(m.find()).as(where + " description format").isTrue();
        List<LockInfo> set = graph.locks().stream().filter(l -> l.className().endsWith(m.group(2))).toList();
        assertThat(set).as(where).hasSize(Integer.parseInt(m.group(1)));
        Set<String> owners = new HashSet<>();
        for (LockInfo l : set) {
            assertThat(ownerName(l)).as(where + " " + l.id()).matches(Pattern.quote(m.group(3)) + "-\\d+");
            assertThat(l.blocked()).as(where + " " + l.id()).hasSize(Integer.parseInt(m.group(4)));
            owners.add(ownerName(l));
        }
        assertThat(owners).as(where + " distinct owners").hasSize(set.size());
    }

    private static void assertCountsByName(List<DumpThread> threads, JsonNode expected, String where) {
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Pattern p = Pattern.compile(e.getKey());
            assertThat(threads.stream().filter(th -> p.matcher(th.name()).matches()).count())
                    .as(where + " " + e.getKey()).isEqualTo(e.getValue().asLong());
            total += e.getValue().asInt();
        }
        assertThat(threads).as(where + " total").hasSize(total);
    }

    private static String ownerName(LockInfo lock) {
        return lock.owner() == null ? null : lock.owner().name();
    }

    private static String readJsonString(String json) {
        try {
            return new ObjectMapper().readValue(json, String.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static List<String> frameTexts(List<StackFrame> frames) {
        return frames.stream().map(StackFrame::text).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
