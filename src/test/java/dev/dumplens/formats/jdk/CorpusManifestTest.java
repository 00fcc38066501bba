package dev.dumplens.formats.jdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the facts of {@code ../shared/corpus/manifest.json} for the files of the two JDK 21+
 * {@code Thread.dump_to_file} formats against what the parsers read: totals, state counts, virtual threads,
 * timestamp and runtime, the largest groups of identical stacks, the designed ground truth (stack groups,
 * monitors with owners and waiters, {@code java.util.concurrent} locks, carriers) and the thread containers' total.
 * Skipped when the corpus is absent.
 */
class CorpusManifestTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final Map<String, String> FORMATS = Map.of(
            "jdk21+-thread-dump-text", JdkThreadDumpText.ID,
            "jdk21+-thread-dump-json", JdkThreadDumpJson.ID);
    /** Fact kinds this test checks; other manifest keys are about other formats or not about the parser. */
    private static final Set<String> GROUND_TRUTH_TYPES = Set.of("stack_group", "monitor", "juc_lock", "carrier");

    @TestFactory
    Stream<DynamicTest> manifestFactsHold() throws IOException {
        Path manifest = CORPUS.resolve("manifest.json");
        assumeTrue(Files.isRegularFile(manifest), "no corpus manifest at " + manifest);
        JsonNode files = new ObjectMapper().readTree(manifest.toFile()).path("files");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode file : files) {
            String format = FORMATS.get(file.path("format").asText());
            if (format == null) continue;
            String name = file.path("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> checkFile(CORPUS.resolve(name), format, file)));
        }
        assertThat(tests).as("manifest entries of the JDK 21+ dump_to_file formats").isNotEmpty();
        return tests.stream();
    }

    /** The JDK 25 bug that cuts the JSON half-way, on the big corpus dump: the first half is kept. */
    @Test
    void corpusJsonCutInHalfKeepsTheFirstHalf() throws Exception {
        Path json = CORPUS.resolve("jdk25-vthreads-dump_to_file.json");
        assumeTrue(Files.isRegularFile(json), "no corpus file " + json);
        byte[] full = Files.readAllBytes(json);
        JdkThreadDumpJson format = new JdkThreadDumpJson();
        ThreadDump whole = format.parse(DumpText.of("full", full), ProgressMonitor.NONE).dumps().get(0);
        ParseResult half = format.parse(DumpText.of("half.json", Arrays.copyOf(full, full.length / 2)),
                ProgressMonitor.NONE);
        List<DumpThread> kept = half.dumps().get(0).threads();
        assertThat(half.warnings()).singleElement().satisfies(w -> {
            assertThat(w.offset()).isBetween(full.length / 2L - 200, full.length / 2L);
            assertThat(w.message()).contains("truncated");
        });
        String firstHalf = new String(full, 0, full.length / 2, StandardCharsets.UTF_8);
        int started = firstHalf.split("\"tid\"", -1).length - 1;
        assertThat(kept.size()).isBetween(started - 1, started);
        assertThat(kept).containsExactlyElementsOf(whole.threads().subList(0, kept.size()));
    }

    private static void checkFile(Path path, String format, JsonNode facts) throws Exception {
        ParseResult result = Formats.parse(path, path.getFileName().toString(), ProgressMonitor.NONE);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.format()).as("detected format").isEqualTo(format);
        soft.assertThat(result.warnings()).as("file warnings").isEmpty();
        soft.assertThat(result.dumps()).as("number_of_dumps").hasSize(facts.path("number_of_dumps").asInt());
        Iterator<JsonNode> expected = facts.path("dumps").elements();
        for (ThreadDump dump : result.dumps()) {
            if (expected.hasNext()) checkDump(soft, dump, expected.next());
        }
        soft.assertAll();
    }

    private static void checkDump(SoftAssertions soft, ThreadDump dump, JsonNode facts) {
        List<DumpThread> threads = dump.threads();
        soft.assertThat(dump.warnings()).as("dump warnings").isEmpty();
        soft.assertThat(threads.size()).as("threads_total").isEqualTo(facts.path("threads_total").asInt());
        soft.assertThat(counts(threads, t -> t.state().name())).as("state_counts")
                .isEqualTo(intMap(facts.path("state_counts")));
        soft.assertThat(counts(threads, t -> t.stateDetail().isEmpty() ? "NONE" : t.stateDetail()))
                .as("state_counts_detailed").isEqualTo(intMap(facts.path("state_counts_detailed")));
        soft.assertThat(dump.virtualThreadCount()).as("virtual_threads").isEqualTo(facts.path("virtual_threads").asLong());
        soft.assertThat(threads.stream().filter(t -> t.state() != ThreadState.NONE).count())
                .as("java_threads_with_state").isEqualTo(facts.path("java_threads_with_state").asLong());
        if (facts.path("daemon_threads").isNumber()) {
            soft.assertThat(threads.stream().filter(DumpThread::daemon).count()).as("daemon_threads")
                    .isEqualTo(facts.path("daemon_threads").asLong());
        }
        if (facts.path("timestamp").isTextual()) {
            soft.assertThat(dump.timestamp()).as("timestamp").isEqualTo(
                    LocalDateTime.ofInstant(Instant.parse(facts.path("timestamp").asText()), ZoneOffset.UTC));
        }
        if (facts.path("runtime").isTextual()) {
            soft.assertThat(dump.vmBanner()).as("runtime").isEqualTo(facts.path("runtime").asText());
        }
        if (facts.path("thread_containers").isArray()) {
            int listed = 0;
            for (JsonNode c : facts.path("thread_containers")) listed += c.path("threads_listed").asInt();
            soft.assertThat(threads.size()).as("threads listed in thread_containers").isEqualTo(listed);
        }
        checkLargestGroups(soft, threads, facts.path("largest_identical_stack_groups"));
        for (JsonNode truth : facts.path("ground_truth")) {
            String type = truth.path("type").asText();
            if (!GROUND_TRUTH_TYPES.contains(type)) continue;
            String what = type + ": " + truth.path("description").asText();
            switch (type) {
                case "stack_group" -> checkStackGroup(soft, threads, truth, what);
                case "monitor" -> checkMonitor(soft, threads, truth, what);
                case "juc_lock" -> checkJucLock(soft, threads, truth, what);
                default -> checkCarrier(soft, threads, truth, what);
            }
        }
    }

    /** Groups of identical stacks (state and every frame's text), largest first, as in "exact" grouping. */
    private static void checkLargestGroups(SoftAssertions soft, List<DumpThread> threads, JsonNode groups) {
        Map<List<Object>, List<DumpThread>> byStack = threads.stream().collect(Collectors.groupingBy(
                t -> List.of(t.state(), t.frames()), LinkedHashMap::new, Collectors.toList()));
        List<List<DumpThread>> sorted = byStack.values().stream()
                .sorted(Comparator.comparingInt((List<DumpThread> g) -> g.size()).reversed()).toList();
        int i = 0;
        for (JsonNode group : groups) {
            String what = "largest_identical_stack_groups[" + i + "]";
            int size = group.path("size").asInt();
            List<String> top = texts(group.path("top_frames"));
            List<String> examples = texts(group.path("example_names"));
            soft.assertThat(sorted.size()).as(what).isGreaterThan(i);
            if (sorted.size() <= i) break;
            soft.assertThat(sorted.get(i).size()).as(what + " size").isEqualTo(size);
            soft.assertThat(sorted.stream().filter(g -> g.size() == size
                    && g.get(0).state().name().equals(group.path("state").asText())
                    && startsWith(frameTexts(g.get(0)), top)
                    && g.stream().map(DumpThread::name).toList().containsAll(examples)))
                    .as(what + ": a group of %d %s threads with top frames %s and names %s", size,
                            group.path("state").asText(), top, examples).isNotEmpty();
            i++;
        }
    }

    private static void checkStackGroup(SoftAssertions soft, List<DumpThread> threads, JsonNode truth, String what) {
        String pattern = truth.path("threads").asText();
        Predicate<DumpThread> member = pattern.equals("(unnamed virtual threads)")
                ? t -> t.virtual() && t.name().isEmpty()
                : t -> Pattern.compile(pattern).matcher(t.name()).matches();
        List<DumpThread> group = threads.stream().filter(member).toList();
        soft.assertThat(group.size()).as(what + " count").isEqualTo(truth.path("expected_count").asInt());
        soft.assertThat(group.stream().map(t -> t.state().name()).distinct()).as(what + " state")
                .containsOnly(truth.path("expected_state").asText());
        if (truth.path("identical_stacks").asBoolean(false)) {
            soft.assertThat(group.stream().map(DumpThread::frames).distinct().count()).as(what + " distinct stacks")
                    .isEqualTo(1);
        }
        List<String> top = texts(truth.path("evidence").path("top_frames"));
        if (!top.isEmpty()) {
            soft.assertThat(group.stream().filter(t -> !startsWith(frameTexts(t), top)).map(DumpThread::name))
                    .as(what + ": threads whose stack does not start with " + top).isEmpty();
        }
    }

    private static void checkMonitor(SoftAssertions soft, List<DumpThread> threads, JsonNode truth, String what) {
        JsonNode evidence = truth.path("evidence");
        String id = evidence.path("monitor").asText();
        List<DumpThread> lockers = holding(threads, LockAction.Kind.LOCKED, id);
        List<DumpThread> blocked = holding(threads, LockAction.Kind.WAITING_TO_LOCK, id);
        List<DumpThread> waiting = holding(threads, LockAction.Kind.WAITING_ON, id);
        List<String> owners = texts(evidence.path("owners"));
        soft.assertThat(lockers.stream().map(DumpThread::name)).as(what + " owners").containsAll(owners);
        // every other "locked" line for it is the stale one of a thread in Object.wait() on it, kept as printed
        soft.assertThat(lockers.stream().filter(t -> !owners.contains(t.name()) && !waiting.contains(t))
                .map(DumpThread::name)).as(what + " threads with a locked line that neither own nor wait").isEmpty();
        soft.assertThat(lockers.stream().flatMap(t -> t.locks(LockAction.Kind.LOCKED).stream())
                .filter(l -> l.id().equals(id)).map(LockRef::className).distinct())
                .as(what + " lock class").containsOnly(evidence.path("class").asText());
        soft.assertThat(blocked.size()).as(what + " blocked").isEqualTo(evidence.path("blocked_count").asInt());
        soft.assertThat(waiting.size()).as(what + " waiting on").isEqualTo(evidence.path("waiting_on_count").asInt());
        truth.path("expected_blocked").fields().forEachRemaining(e -> soft.assertThat(matching(blocked, e.getKey()))
                .as(what + " blocked " + e.getKey()).isEqualTo(e.getValue().asInt()));
        if (truth.path("expected_waiting_on").isNumber()) {
            soft.assertThat(waiting.size()).as(what + " expected_waiting_on")
                    .isEqualTo(truth.path("expected_waiting_on").asInt());
        }
    }

    private static void checkJucLock(SoftAssertions soft, List<DumpThread> threads, JsonNode truth, String what) {
        JsonNode evidence = truth.path("evidence");
        String id = evidence.path("synchronizer").asText();
        List<DumpThread> parked = holding(threads, LockAction.Kind.PARKING, id);
        soft.assertThat(parked.size()).as(what + " parked").isEqualTo(evidence.path("parked_count").asInt());
        truth.path("expected_parked").fields().forEachRemaining(e -> soft.assertThat(matching(parked, e.getKey()))
                .as(what + " parked " + e.getKey()).isEqualTo(e.getValue().asInt()));
        List<String> owners = threads.stream().filter(t -> t.ownedSynchronizers().stream()
                .anyMatch(l -> l.id().equals(id))).map(DumpThread::name).toList();
        if (truth.path("owner_visible_in_this_format").isBoolean()
                && !truth.path("owner_visible_in_this_format").asBoolean()) {
            soft.assertThat(owners).as(what + " owner not shown by this format").isEmpty();
        } else if (truth.path("owner").isTextual()) {
            soft.assertThat(owners).as(what + " owner").containsExactly(truth.path("owner").asText());
        }
    }

    private static void checkCarrier(SoftAssertions soft, List<DumpThread> threads, JsonNode truth, String what) {
        long carrier = truth.path("evidence").path("carrier_tid").asLong();
        soft.assertThat(threads.stream().filter(t -> t.virtual() && Long.valueOf(carrier).equals(t.carrierId()))
                .count()).as(what + ": virtual threads carried by #" + carrier).isEqualTo(1);
        soft.assertThat(threads.stream().filter(t -> Long.valueOf(carrier).equals(t.javaId())
                && t.mountedVirtualId() != null).count()).as(what + ": carrier #" + carrier + " knows its virtual thread")
                .isEqualTo(1);
    }

    private static long matching(List<DumpThread> threads, String nameRegex) {
        Pattern p = Pattern.compile(nameRegex);
        return threads.stream().filter(t -> p.matcher(t.name()).matches()).count();
    }

    private static List<DumpThread> holding(List<DumpThread> threads, LockAction.Kind kind, String id) {
        return threads.stream().filter(t -> t.locks(kind).stream().anyMatch(l -> l.id().equals(id))).toList();
    }

    private static Map<String, Integer> counts(List<DumpThread> threads,
                                               java.util.function.Function<DumpThread, String> key) {
        Map<String, Integer> out = new TreeMap<>();
        for (DumpThread t : threads) out.merge(key.apply(t), 1, Integer::sum);
        return out;
    }

    private static Map<String, Integer> intMap(JsonNode node) {
        Map<String, Integer> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean startsWith(List<String> list, List<String> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> frameTexts(DumpThread t) {
        return t.frames().stream().map(StackFrame::text).toList();
    }
}
