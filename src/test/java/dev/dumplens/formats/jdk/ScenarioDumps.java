package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dumps captured from {@code src/test/resources/dumps/jdk/JdkDumpScenario.java} (see the README there), and
 * what that program sets up, for the text and the JSON tests alike.
 */
final class ScenarioDumps {
    static final String TEXT = "jdk25-scenario.txt";
    static final String JSON = "jdk25-scenario.json";

    /** Thread names the scenario uses to break naive parsers. */
    static final List<String> TRICKY_NAMES = List.of(
            "odd \"quoted\" name", "#7 \"not a header\" RUNNABLE", "name with\nnewline",
            "\u00fcn\u00efc\u00f8d\u00e9-\u30b9\u30ec\u30c3\u30c9", "long-" + "x".repeat(300));

    /**
     * States of the 77 entries: 28 platform threads (JVM threads, the scenario's, 4 carriers, the delay scheduler)
     * and 49 virtual threads.
     */
    static final Map<ThreadState, Long> STATES = Map.of(
            ThreadState.BLOCKED, 13L,          // 3 monitor-blocked-N + 10 vt-blocked-N
            ThreadState.WAITING, 43L,          // parked, in Object.wait(), idle carriers, Finalizer
            ThreadState.TIMED_WAITING, 14L,    // sleepers incl. 6 unnamed executor threads, busy carrier
            ThreadState.RUNNABLE, 7L);         // JVM threads, vt-spinner and its carrier
    static final int THREADS = 77;
    static final int VIRTUAL = 49;

    private ScenarioDumps() { }

    static byte[] bytes(String name) {
        try (InputStream in = ScenarioDumps.class.getResourceAsStream("/dumps/jdk/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code content} after a UTF-8 byte order mark, as some editors save files. */
    static byte[] withBom(byte[] content) {
        byte[] out = new byte[content.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(content, 0, out, 3, content.length);
        return out;
    }

    static ParseResult parse(DumpFormat format, String name, byte[] content) throws DumpParseException {
        return format.parse(DumpText.of(name, content), ProgressMonitor.NONE);
    }

    static ThreadDump single(ParseResult result) {
        assertThat(result.dumps()).hasSize(1);
        return result.dumps().get(0);
    }

    static DumpThread thread(ThreadDump dump, String name) {
        List<DumpThread> found = dump.threads().stream().filter(t -> t.name().equals(name)).toList();
        assertThat(found).as("threads named %s", name).hasSize(1);
        return found.get(0);
    }

    static List<DumpThread> named(ThreadDump dump, String prefix) {
        return dump.threads().stream().filter(t -> t.name().startsWith(prefix)).toList();
    }

    static Map<ThreadState, Long> states(ThreadDump dump) {
        return dump.threads().stream().collect(Collectors.groupingBy(DumpThread::state,
                () -> new EnumMap<>(ThreadState.class), Collectors.counting()));
    }

    static LockAction only(DumpThread t, LockAction.Kind kind) {
        List<LockAction> found = t.locks().stream().filter(a -> a.kind() == kind).toList();
        assertThat(found).as("%s lock actions of %s", kind, t.name()).hasSize(1);
        return found.get(0);
    }

    /**
     * What both forms of the scenario dump must show: counts, states, names, and the lock actions the
     * scenario sets up, with lock ids kept as {@code Class@hash}.
     */
    static void assertScenario(ThreadDump dump) {
        assertThat(dump.threads()).hasSize(THREADS);
        assertThat(dump.virtualThreadCount()).isEqualTo(VIRTUAL);
        assertThat(states(dump)).isEqualTo(STATES);
        assertThat(dump.processId()).isPositive();
        assertThat(dump.timestamp()).isNotNull();
        assertThat(dump.vmBanner()).startsWith("25.");
        assertThat(dump.threads()).extracting(DumpThread::name).containsAll(TRICKY_NAMES);
        assertThat(dump.threads()).extracting(DumpThread::javaId).doesNotContainNull().doesNotHaveDuplicates();

        // platform monitor: one owner, three BLOCKED entering it
        DumpThread holder = thread(dump, "monitor-holder");
        LockAction held = only(holder, LockAction.Kind.LOCKED);
        assertThat(held.lock().className()).isEqualTo("JdkDumpScenario$PlatformMonitor");
        assertThat(held.lock().id()).matches("JdkDumpScenario\\$PlatformMonitor@[0-9a-f]+");
        assertThat(holder.frames().get(held.frameIndex()).qualifiedMethod()).startsWith("JdkDumpScenario.lambda$main$");
        assertBlockedOn(named(dump, "monitor-blocked-"), 3, false, held);

        // virtual monitor: owned by an unmounted virtual thread, ten virtual threads BLOCKED
        DumpThread vtHolder = thread(dump, "vt-holder");
        assertThat(vtHolder.virtual()).isTrue();
        LockAction vtHeld = only(vtHolder, LockAction.Kind.LOCKED);
        assertThat(vtHeld.lock().className()).isEqualTo("JdkDumpScenario$VirtualMonitor");
        assertBlockedOn(named(dump, "vt-blocked-"), 10, true, vtHeld);

        // ReentrantLock: 3 platform and 5 virtual threads parked on one synchronizer at their top frame
        List<DumpThread> parked = dump.threads().stream()
                .filter(t -> t.name().startsWith("lock-parked-") || t.name().startsWith("vt-lock-parked-")).toList();
        assertThat(parked).hasSize(8).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(ThreadState.WAITING);
            LockAction park = only(t, LockAction.Kind.PARKING);
            assertThat(park.frameIndex()).isZero();
            assertThat(park.lock().className()).isEqualTo("java.util.concurrent.locks.ReentrantLock$NonfairSync");
        });
        assertThat(parked).extracting(t -> only(t, LockAction.Kind.PARKING).lock().id()).containsOnly(
                only(parked.get(0), LockAction.Kind.PARKING).lock().id());

        // Object.wait(): WAITING_ON at the top frame plus the stale LOCKED entry deeper down, both recorded
        List<DumpThread> waiters = dump.threads().stream()
                .filter(t -> t.name().startsWith("platform-waiter-") || t.name().startsWith("vt-waiter-")).toList();
        assertThat(waiters).hasSize(7).allSatisfy(t -> {
            LockAction on = only(t, LockAction.Kind.WAITING_ON);
            LockAction stale = only(t, LockAction.Kind.LOCKED);
            assertThat(on.frameIndex()).isZero();
            assertThat(stale.lock()).isEqualTo(on.lock());
            assertThat(stale.lock().className()).isEqualTo("JdkDumpScenario$WaitRoom");
            assertThat(t.frames().get(stale.frameIndex()).methodName()).isEqualTo("waitForever");
        });

        assertThat(named(dump, "vt-parked-")).hasSize(20).allSatisfy(t -> {
            assertThat(t.virtual()).isTrue();
            assertThat(only(t, LockAction.Kind.PARKING).lock().className())
                    .isEqualTo("java.util.concurrent.CountDownLatch$Sync");
        });
        assertThat(dump.threads().stream().filter(t -> t.virtual() && t.name().isEmpty()))
                .hasSize(6).allSatisfy(t -> assertThat(t.state()).isEqualTo(ThreadState.TIMED_WAITING));
        DumpThread spinner = thread(dump, "vt-spinner");
        assertThat(spinner.state()).isEqualTo(ThreadState.RUNNABLE);
        assertThat(spinner.frames()).extracting(f -> f.qualifiedMethod())
                .containsExactly("JdkDumpScenario.spin", "java.lang.VirtualThread.run");
        assertThat(thread(dump, "vt-pinned-clinit").frames()).extracting(f -> f.methodName()).contains("<clinit>");

        // identical frames are shared instances
        DumpThread p1 = thread(dump, "vt-parked-1"), p2 = thread(dump, "vt-parked-2");
        assertThat(p1.frames()).hasSameSizeAs(p2.frames());
        for (int i = 0; i < p1.frames().size(); i++) assertThat(p1.frames().get(i)).isSameAs(p2.frames().get(i));
    }

    private static void assertBlockedOn(List<DumpThread> blocked, int count, boolean virtual, LockAction held) {
        assertThat(blocked).hasSize(count).allSatisfy(t -> {
            assertThat(t.virtual()).isEqualTo(virtual);
            assertThat(t.state()).isEqualTo(ThreadState.BLOCKED);
            assertThat(t.stateDetail()).isEqualTo("BLOCKED");
            LockAction wait = only(t, LockAction.Kind.WAITING_TO_LOCK);
            assertThat(wait.frameIndex()).isZero();
            assertThat(wait.lock()).isEqualTo(held.lock());
            assertThat(t.locks(LockAction.Kind.LOCKED)).isEmpty();
        });
    }
}
