package dev.dumplens.formats.javacore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The public OpenJ9 javacore of the shared corpus (IBM Java 8, Windows, 201 threads, a reported deadlock) against
 * the facts of {@code manifest.json}, and what the analysis makes of it. Skipped when the corpus is absent.
 * {@code monitors_in_use_listed} (the LOCKS section's monitor pool) is not checked: the model keeps the monitors
 * threads use, not the pool.
 */
class JavacoreCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final String FILE = "public-openj9-javacore.20220606.114458.32888.0001-trimmed.txt";

    private static JsonNode facts;
    private static ThreadDump dump;

    @BeforeAll
    static void read() throws Exception {
        Path manifest = CORPUS.resolve("manifest.json");
        assumeTrue(Files.isRegularFile(manifest) && Files.isRegularFile(CORPUS.resolve(FILE)), "no corpus");
        for (JsonNode f : new ObjectMapper().readTree(manifest.toFile()).path("files")) {
            if (f.path("file").asText().equals(FILE)) facts = f;
        }
        assumeTrue(facts != null, "the manifest does not describe " + FILE);
        ParseResult r = Formats.parse(CORPUS.resolve(FILE), FILE, ProgressMonitor.NONE);
        assertThat(r.format()).isEqualTo(JavacoreFormat.ID);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.dumps()).hasSize(facts.path("number_of_dumps").asInt());
        dump = r.dumps().get(0);
    }

    @Test
    void manifestCountsHold() {
        JsonNode d = facts.path("dumps").get(0);
        assertThat(dump.warnings()).isEmpty();
        assertThat(dump.threads()).hasSize(d.path("threads_total").asInt());
        assertThat(dump.threads().stream().filter(t -> t.javaId() != null).count())
                .isEqualTo(d.path("java_threads").asLong());
        assertThat(dump.threads().stream().filter(t -> t.name().equals("Anonymous native thread")).count())
                .isEqualTo(d.path("anonymous_native_threads").asLong());
        Map<String, Integer> letters = new TreeMap<>(dump.threads().stream().collect(Collectors.groupingBy(
                t -> t.stateDetail().isEmpty() ? "none" : t.stateDetail(), Collectors.summingInt(t -> 1))));
        Map<String, Integer> expected = new TreeMap<>();
        d.path("state_counts_j9_codes").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
        assertThat(letters).isEqualTo(expected);
        assertThat(dump.threads().stream().filter(JavacoreCorpusTest::hasBlockLine).count())
                .isEqualTo(d.path("threads_with_blocked_on").asLong());
        assertThat(dump.threads().stream().filter(DumpThread::daemon).count())
                .isEqualTo(d.path("daemon_threads").asLong());
        assertThat(dump.jvmDeadlocks().isEmpty()).isNotEqualTo(d.path("deadlock_section_present").asBoolean());
    }

    /** A 3XMTHREADBLOCK line becomes the first lock action, on the top frame, of a kind other than "locked". */
    private static boolean hasBlockLine(DumpThread t) {
        return !t.locks().isEmpty() && t.locks().get(0).frameIndex() == 0
                && t.locks().get(0).kind() != LockAction.Kind.LOCKED;
    }

    @Test
    void headerFieldsAndStatesMapOntoTheModel() {
        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.of(2022, 6, 6, 11, 44, 58, 407_000_000));
        assertThat(dump.vmBanner()).startsWith("JRE 1.8.0 Windows 10 amd64-64 (build 8.0.6.15");
        assertThat(dump.processId()).isEqualTo(32888L);
        assertThat(dump.fatalError()).isNull(); // requested through com.ibm.jvm.Dump.javaDumpToFile
        DumpThread main = dump.threads().stream().filter(t -> t.name().equals("main")).findFirst().orElseThrow();
        assertThat(main.javaId()).isEqualTo(1L);
        assertThat(main.nid()).isEqualTo(0x3CD4L);
        assertThat(main.address()).isEqualTo("0x0000000000A89A00");
        assertThat(main.priority()).isEqualTo(5);
        assertThat(main.cpuMillis()).isEqualTo(2671.875);
        assertThat(main.stateDetail()).isEqualTo("CW");
        assertThat(main.state()).isEqualTo(ThreadState.WAITING);
        assertThat(main.frames()).extracting(StackFrame::text).startsWith(
                "java.lang.Object.wait(Native Method)", "java.lang.Object.wait(Object.java:218)",
                "org.eclipse.osgi.container.SystemModule.waitForStop(SystemModule.java:173)");
        assertThat(main.locks(LockAction.Kind.WAITING_ON)).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("0x000000010038DBD8");
            assertThat(l.className()).isEqualTo("java.util.concurrent.atomic.AtomicReference");
        });
        assertThat(dump.threads()).filteredOn(t -> t.stateDetail().equals("B"))
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(ThreadState.BLOCKED));
        assertThat(dump.threads()).filteredOn(t -> t.stateDetail().isEmpty())
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(ThreadState.NONE));
        // JIT notes are dropped from locations: no "(Compiled Code)" is left in any frame
        assertThat(dump.threads()).flatMap(DumpThread::frames).extracting(StackFrame::text)
                .noneMatch(f -> f.contains("Compiled Code") || f.contains("/"));
    }

    @Test
    void theReportedDeadlockIsFoundInTheStacksWithItsOwners() {
        DumpAnalysis a = DumpAnalysis.of(dump, Similarity.DEFAULT);
        String executor = dump.jvmDeadlocks().get(0).threads().get(0);
        assertThat(dump.jvmDeadlocks()).singleElement()
                .satisfies(d -> assertThat(d.threads()).containsExactly(executor, "JTS Status check"));
        assertThat(executor).startsWith("Default Executor-thread-51 @@ 11:44");
        assertThat(a.deadlocks()).singleElement().satisfies(d -> {
            assertThat(d.reportedByJvm()).isTrue();
            assertThat(d.threadNames()).containsExactlyInAnyOrder(executor, "JTS Status check");
        });
        LockInfo rwLock = a.locks().lock("0x000000010ACF5158");
        assertThat(rwLock.className()).isEqualTo("java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync");
        assertThat(rwLock.owner().name()).isEqualTo("JTS Status check");
        assertThat(rwLock.parked()).extracting(DumpThread::name).containsExactly(executor);
        LockInfo container = a.locks().lock("0x0000000116CBCC20");
        assertThat(container.owner().name()).isEqualTo(executor);
        assertThat(container.blocked()).extracting(DumpThread::name).containsExactly("JTS Status check");
        // Object.wait() waiters released their monitors: no monitor has them as owner
        assertThat(a.locks().locks()).filteredOn(l -> !l.waiting().isEmpty())
                .allSatisfy(l -> assertThat(l.waiting()).doesNotContain(l.owner()));
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void ownersNamedOnlyByTheLocksSectionAreRare() throws IOException {
        long fromFrames = dump.threads().stream().flatMap(t -> t.locks().stream())
                .filter(l -> l.kind() == LockAction.Kind.LOCKED).count();
        assertThat(fromFrames).isEqualTo(Files.readAllLines(CORPUS.resolve(FILE)).stream()
                .filter(l -> l.startsWith("5XESTACKTRACE") && l.contains("(entered lock:")).count());
    }
}
