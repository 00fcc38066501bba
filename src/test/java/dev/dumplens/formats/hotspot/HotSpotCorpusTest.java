package dev.dumplens.formats.hotspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the parser against the ground truth of the shared corpus ({@code ../shared/corpus/manifest.json}) for
 * every HotSpot text file in it. Skipped when the corpus is absent.
 */
class HotSpotCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("dumplens.corpus", "../shared/corpus"));
    private static final Map<String, String> DUMP_FORMAT = Map.of(
            "hotspot-jstack", DumpAssembler.FORMAT_JSTACK,
            "hotspot-jcmd-thread-print", DumpAssembler.FORMAT_JCMD,
            "application-log-with-sigquit-dumps", DumpAssembler.FORMAT_SIGQUIT_LOG);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TestFactory
    Stream<DynamicTest> everyHotSpotFileMatchesTheManifest() throws IOException {
        Path manifest = CORPUS.resolve("manifest.json");
        assumeTrue(Files.isRegularFile(manifest), "corpus not present at " + CORPUS.toAbsolutePath());
        JsonNode files = new ObjectMapper().readTree(manifest.toFile()).get("files");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode file : files) {
            String format = file.get("format").asText();
            if (!DUMP_FORMAT.containsKey(format)) continue;
            String name = file.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> checkFile(file, DUMP_FORMAT.get(format))));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void checkFile(JsonNode file, String dumpFormat) throws Exception {
        String name = file.get("file").asText();
        ParseResult result = Formats.parse(CORPUS.resolve(name), name, ProgressMonitor.NONE);
        assertThat(result.format()).isEqualTo(HotSpotFormat.ID);
        assertThat(result.dumps()).hasSize(file.get("number_of_dumps").asInt());
        assertThat(result.warnings()).as("warnings").isEmpty();
        for (JsonNode expected : file.get("dumps")) {
            int index = expected.get("index").asInt() - 1;
            ThreadDump dump = result.dumps().get(index);
            String where = name + " dump " + (index + 1) + ": ";
            assertThat(dump.index()).isEqualTo(index);
            assertThat(dump.format()).isEqualTo(dumpFormat);
            checkDump(where, expected, dump);
        }
    }

    private static void checkDump(String where, JsonNode expected, ThreadDump dump) {
        List<DumpThread> threads = dump.threads();
        assertThat(dump.line()).as(where + "line").isEqualTo(expected.get("line").asLong());
        assertThat(dump.timestamp()).as(where + "timestamp")
                .isEqualTo(LocalDateTime.parse(expected.get("timestamp").asText(), TIMESTAMP));
        assertThat(dump.vmBanner()).as(where + "banner").isEqualTo(expected.get("vm_banner").asText());
        assertThat(threads).as(where + "threads_total").hasSize(expected.get("threads_total").asInt());
        assertThat(stateCounts(threads)).as(where + "state_counts").isEqualTo(expectedStateCounts(expected));
        if (expected.hasNonNull("state_counts_detailed")) {
            Map<String, Integer> detailed = new TreeMap<>();
            expected.get("state_counts_detailed").fields()
                    .forEachRemaining(e -> detailed.put(e.getKey(), e.getValue().asInt()));
            assertThat(count(threads.stream().filter(t -> t.state() != ThreadState.NONE), DumpThread::stateDetail))
                    .as(where + "state_counts_detailed").isEqualTo(detailed);
        }
        assertThat(threads.stream().filter(t -> t.state() != ThreadState.NONE).count())
                .as(where + "java_threads_with_state").isEqualTo(expected.get("java_threads_with_state").asLong());
        assertThat(dump.virtualThreadCount()).as(where + "virtual_threads")
                .isEqualTo(expected.get("virtual_threads").asLong());
        assertThat(threads.stream().filter(DumpThread::daemon).count()).as(where + "daemon_threads")
                .isEqualTo(expected.get("daemon_threads").asLong());
        assertThat(threads.stream().filter(t -> t.name().contains("\n")).count())
                .as(where + "threads_with_multiline_header")
                .isEqualTo(expected.get("threads_with_multiline_header").asLong());
        assertThat(threads.stream().filter(t -> t.mountedVirtualId() != null).count())
                .as(where + "carrier_threads_with_mounted_vthread")
                .isEqualTo(expected.get("carrier_threads_with_mounted_vthread").asLong());
        checkDeadlocks(where, expected.get("jvm_reported_deadlocks"), dump);
        checkTopCpu(where, expected.get("top_cpu_threads"), threads);
        checkMonitors(where, expected.get("contended_monitors"), threads);
        checkLargestGroups(where, expected.get("largest_identical_stack_groups"), threads);
        for (JsonNode truth : expected.get("ground_truth")) checkGroundTruth(where, truth, threads);
    }

    private static Map<String, Integer> expectedStateCounts(JsonNode expected) {
        Map<String, Integer> out = new TreeMap<>();
        expected.get("state_counts").fields().forEachRemaining(e ->
                out.put(e.getKey().startsWith("NONE") ? "NONE" : e.getKey(), e.getValue().asInt()));
        return out;
    }

    private static Map<String, Integer> stateCounts(List<DumpThread> threads) {
        return count(threads.stream(), t -> t.state().name());
    }

    private static Map<String, Integer> count(Stream<DumpThread> threads,
                                              java.util.function.Function<DumpThread, String> key) {
        return threads.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingInt(t -> 1)));
    }

    private static void checkDeadlocks(String where, JsonNode expected, ThreadDump dump) {
        List<Set<String>> want = new ArrayList<>();
        for (JsonNode cycle : expected) {
            Set<String> names = new HashSet<>();
            cycle.forEach(n -> names.add(n.asText()));
            want.add(names);
        }
        List<Set<String>> got = dump.jvmDeadlocks().stream().map(d -> Set.copyOf(d.threads())).collect(Collectors.toList());
        assertThat(got).as(where + "jvm_reported_deadlocks").isEqualTo(want);
    }

    private static void checkTopCpu(String where, JsonNode expected, List<DumpThread> threads) {
        List<DumpThread> byCpu = threads.stream().filter(t -> t.cpuMillis() != null)
                .sorted(Comparator.comparingDouble(DumpThread::cpuMillis).reversed()).collect(Collectors.toList());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            DumpThread t = byCpu.get(i);
            String what = where + "top cpu #" + (i + 1);
            assertThat(t.name()).as(what).isEqualTo(e.get("name").asText());
            assertThat(t.cpuMillis()).as(what + " cpu").isCloseTo(e.get("cpu_ms").asDouble(), within(1e-9));
            assertThat(t.elapsedSeconds()).as(what + " elapsed").isCloseTo(e.get("elapsed_s").asDouble(), within(1e-9));
            if (e.hasNonNull("allocated")) {
                assertThat(t.allocatedBytes()).as(what + " allocated").isEqualTo(bytes(e.get("allocated").asText()));
            } else {
                assertThat(t.allocatedBytes()).as(what + " allocated").isNull();
            }
        }
    }

    private static long bytes(String printed) {
        char unit = printed.charAt(printed.length() - 1);
        long v = Long.parseLong(printed.substring(0, printed.length() - 1));
        switch (unit) {
            case 'K': return v << 10;
            case 'M': return v << 20;
            case 'G': return v << 30;
            default: return v;
        }
    }

    /** Counts of lock lines per monitor, as printed (owners: "locked" without a wait() on the same object). */
    private static void checkMonitors(String where, JsonNode expected, List<DumpThread> threads) {
        for (JsonNode m : expected) {
            String id = m.get("lock").asText();
            String what = where + "monitor " + id;
            assertThat(holders(threads, id, LockAction.Kind.WAITING_TO_LOCK)).as(what + " blocked")
                    .hasSize(m.get("blocked").asInt());
            assertThat(holders(threads, id, LockAction.Kind.WAITING_ON)).as(what + " waiting_on")
                    .hasSize(m.get("waiting_on").asInt());
            assertThat(holders(threads, id, LockAction.Kind.PARKING)).as(what + " parked")
                    .hasSize(m.get("parked").asInt());
            List<String> owners = new ArrayList<>(holders(threads, id, LockAction.Kind.LOCKED));
            owners.removeAll(holders(threads, id, LockAction.Kind.WAITING_ON));
            List<String> wantOwners = new ArrayList<>();
            m.get("owners").forEach(n -> wantOwners.add(n.asText()));
            assertThat(owners).as(what + " owners").containsExactlyInAnyOrderElementsOf(wantOwners);
            for (DumpThread t : threads) {
                for (LockAction a : t.locks()) {
                    if (a.lock() != null && a.lock().id().equals(id)) {
                        assertThat(a.lock().className()).as(what + " class").isEqualTo(m.get("class").asText());
                    }
                }
            }
            List<String> ownable = threads.stream()
                    .filter(t -> t.ownedSynchronizers().stream().map(LockRef::id).anyMatch(id::equals))
                    .map(DumpThread::name).collect(Collectors.toList());
            List<String> wantOwnable = new ArrayList<>();
            if (m.hasNonNull("ownable_owner")) m.get("ownable_owner").forEach(n -> wantOwnable.add(n.asText()));
            assertThat(ownable).as(what + " ownable owner").isEqualTo(wantOwnable);
        }
    }

    private static List<String> holders(List<DumpThread> threads, String id, LockAction.Kind kind) {
        return threads.stream().filter(t -> t.locks(kind).stream().anyMatch(l -> l.id().equals(id)))
                .map(DumpThread::name).collect(Collectors.toList());
    }

    /** Groups by state and every frame's text: the sizes of the largest groups and their top frames. */
    private static void checkLargestGroups(String where, JsonNode expected, List<DumpThread> threads) {
        Map<List<Object>, List<DumpThread>> groups = new LinkedHashMap<>();
        for (DumpThread t : threads) {
            if (t.frames().isEmpty()) continue;
            List<Object> key = new ArrayList<>();
            key.add(t.state());
            key.addAll(t.frames());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<List<DumpThread>> bySize = groups.values().stream()
                .sorted(Comparator.comparingInt((List<DumpThread> g) -> g.size()).reversed())
                .collect(Collectors.toList());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            String what = where + "group #" + (i + 1);
            List<DumpThread> group = bySize.stream()
                    .filter(g -> g.stream().anyMatch(t -> t.name().equals(e.get("example_names").get(0).asText())))
                    .filter(g -> g.size() == e.get("size").asInt())
                    .findFirst().orElse(null);
            assertThat(group).as(what + " with " + e.get("example_names").get(0).asText()).isNotNull();
            assertThat(bySize.get(i).size()).as(what + " size").isEqualTo(e.get("size").asInt());
            assertThat(group.get(0).state().name()).as(what + " state").isEqualTo(e.get("state").asText());
            assertThat(topFrames(group.get(0), e.get("top_frames").size())).as(what + " frames")
                    .isEqualTo(texts(e.get("top_frames")));
            Set<String> names = group.stream().map(DumpThread::name).collect(Collectors.toSet());
            assertThat(names).as(what + " names").containsAll(texts(e.get("example_names")));
        }
    }

    private static void checkGroundTruth(String where, JsonNode truth, List<DumpThread> threads) {
        switch (truth.get("type").asText()) {
            case "stack_group": {
                Pattern p = Pattern.compile(truth.get("threads").asText());
                List<DumpThread> matched = threads.stream().filter(t -> p.matcher(t.name()).matches())
                        .collect(Collectors.toList());
                String what = where + truth.get("threads").asText();
                assertThat(matched).as(what).hasSize(truth.get("expected_count").asInt());
                assertThat(matched).as(what + " state")
                        .allMatch(t -> t.state().name().equals(truth.get("expected_state").asText()));
                JsonNode evidence = truth.get("evidence");
                assertThat(matched.stream().map(DumpThread::frames).distinct().count()).as(what + " stacks")
                        .isEqualTo(evidence.get("distinct_stacks").asLong());
                List<String> top = texts(evidence.get("top_frames"));
                assertThat(topFrames(matched.get(0), top.size())).as(what + " top frames").isEqualTo(top);
                break;
            }
            case "thread_name": {
                long tid = truth.get("java_tid").asLong();
                DumpThread t = threads.stream().filter(x -> Long.valueOf(tid).equals(x.javaId())).findFirst()
                        .orElseThrow();
                String printed = truth.get("name_as_printed_json").asText();
                try {
                    printed = new ObjectMapper().readValue(printed, String.class);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                String what = where + "thread #" + tid;
                assertThat(t.name()).as(what + " name").isEqualTo(printed);
                assertThat(t.daemon()).as(what + " daemon").isEqualTo(truth.get("daemon").asBoolean());
                assertThat(t.priority()).as(what + " priority").isEqualTo(truth.get("priority").asInt());
                assertThat(t.state().name()).as(what + " state").isEqualTo(truth.get("expected_state").asText());
                break;
            }
            default:
                // monitors, locks and deadlocks are checked through contended_monitors and jvm_reported_deadlocks
        }
    }

    private static List<String> topFrames(DumpThread t, int n) {
        return t.frames().stream().limit(n).map(StackFrame::text).collect(Collectors.toList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
