package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockAction.Kind;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static dev.dumplens.formats.hotspot.TestDumps.single;
import static dev.dumplens.formats.hotspot.TestDumps.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The tricky parts of HotSpot text dumps, on dumps captured from real JVMs (src/test/resources/dumps). */
class HotSpotFormatTest {
    private static final String LOCKS17 = "jdk17-locks-jstack-l.txt";
    private static final String FAKE_NAME = "fake\" #999 daemon prio=10 os_prio=0 cpu=0.00ms elapsed=0.00s "
            + "tid=0x0000000000000000 nid=0x0 runnable  [0x0000000000000000]";

    @Test
    void detectsEveryCapturedDumpByContent() {
        for (String name : TestDumps.ALL) {
            DumpText text = DumpText.of(name, TestDumps.bytes(name));
            assertThat(new HotSpotFormat().sniff(text)).as(name).isGreaterThanOrEqualTo(90);
        }
    }

    @Test
    void readsTheFieldsOfAJdk17Header() throws Exception {
        ThreadDump dump = single(LOCKS17);
        assertThat(dump.format()).isEqualTo("hotspot-jstack");
        assertThat(dump.line()).isEqualTo(2);
        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.of(2026, 11, 26, 19, 47, 57));
        assertThat(dump.vmBanner()).isEqualTo("OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing)");
        assertThat(dump.processId()).isNull();

        DumpThread t = thread(dump, "quoted \"name\" here");
        assertThat(t.javaId()).isEqualTo(12L);
        assertThat(t.daemon()).isFalse();
        assertThat(t.priority()).isEqualTo(5);
        assertThat(t.osPriority()).isZero();
        assertThat(t.cpuMillis()).isEqualTo(0.11);
        assertThat(t.elapsedSeconds()).isEqualTo(3.58);
        assertThat(t.address()).isEqualTo("0x00007f21981198a0");
        assertThat(t.nid()).isEqualTo(0x56b7L);
        assertThat(t.state()).isEqualTo(ThreadState.TIMED_WAITING);
        assertThat(t.stateDetail()).isEqualTo("TIMED_WAITING (sleeping)");
        assertThat(t.headerStatus()).isEqualTo("waiting on condition");
        assertThat(t.allocatedBytes()).isNull();
        assertThat(t.line()).isEqualTo(lineOf(LOCKS17, "\"quoted \"name\" here\" #12 "));
        assertThat(t.frames()).extracting(StackFrame::text).containsExactly(
                "java.lang.Thread.sleep(java.base@17.0.15/Native Method)",
                "Scenarios.sleepForever(Scenarios.java:31)",
                "Scenarios.lambda$locks$0(Scenarios.java:47)",
                "Scenarios$$Lambda$1/0x00007f2118000a08.run(Unknown Source)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
    }

    @Test
    void namesWithQuotesNewlinesUnicodeAndFakeHeaders() throws Exception {
        ThreadDump dump = single(LOCKS17);
        DumpThread fake = thread(dump, FAKE_NAME);
        assertThat(fake.javaId()).isEqualTo(13L);
        assertThat(fake.daemon()).isTrue();
        assertThat(fake.nid()).isEqualTo(0x56b8L);

        DumpThread twoLines = thread(dump, "line-one\nline-two");
        assertThat(twoLines.javaId()).isEqualTo(14L);
        assertThat(twoLines.line()).isEqualTo(lineOf(LOCKS17, "\"line-one"));
        assertThat(twoLines.state()).isEqualTo(ThreadState.BLOCKED);

        assertThat(thread(dump, "\u65e5\u672c\u8a9e-\u30b9\u30ec\u30c3\u30c9").javaId()).isEqualTo(15L);
        // jstack decodes the VM's modified UTF-8 as UTF-8: each half of the surrogate pair became U+FFFD
        assertThat(thread(dump, "emoji \uFFFD\uFFFD thread").javaId()).isEqualTo(16L);
        assertThat(thread(dump, "worker #1").javaId()).isEqualTo(17L);
        assertThat(thread(dump, "very-long-" + "x".repeat(300)).javaId()).isEqualTo(20L);

        long headerLines = Arrays.stream(TestDumps.text(LOCKS17).split("\n"))
                .filter(l -> l.startsWith("\"") && !l.endsWith("\":")).count();
        assertThat(dump.threads()).hasSize((int) headerLines);
    }

    @Test
    void userThreadsNamedMainOrGcThreadStayBesideTheRealOnes() throws Exception {
        ThreadDump dump = single(LOCKS17);
        DumpThread realMain = thread(dump, "main", 1L);
        DumpThread userMain = thread(dump, "main", 18L);
        assertThat(realMain.daemon()).isFalse();
        assertThat(userMain.daemon()).isTrue();
        assertThat(userMain.state()).isEqualTo(ThreadState.WAITING);

        DumpThread vmGc = thread(dump, "GC Thread#0", null);
        DumpThread userGc = thread(dump, "GC Thread#0", 19L);
        assertThat(vmGc.state()).isEqualTo(ThreadState.NONE);
        assertThat(vmGc.frames()).isEmpty();
        assertThat(userGc.state()).isEqualTo(ThreadState.TIMED_WAITING);
        assertThat(userGc.frames()).isNotEmpty();
    }

    @Test
    void keepsEveryVmThreadAfterThePeriodicTaskThread() throws Exception {
        ThreadDump dump = single(LOCKS17);
        List<DumpThread> threads = dump.threads();
        int periodic = threads.indexOf(thread(dump, "VM Periodic Task Thread"));
        assertThat(threads.subList(periodic, threads.size()))
                .extracting(DumpThread::name, DumpThread::state, DumpThread::javaId)
                .containsExactly(
                        tuple("VM Periodic Task Thread", ThreadState.NONE, null),
                        tuple("VM Thread", ThreadState.NONE, null),
                        tuple("G1 Service", ThreadState.NONE, null),
                        tuple("G1 Refine#0", ThreadState.NONE, null),
                        tuple("G1 Conc#0", ThreadState.NONE, null),
                        tuple("G1 Main Marker", ThreadState.NONE, null),
                        tuple("GC Thread#0", ThreadState.NONE, null));
        DumpThread vm = thread(dump, "VM Thread");
        assertThat(vm.nid()).isEqualTo(0x56a7L);
        assertThat(vm.cpuMillis()).isEqualTo(1.66);
        assertThat(vm.headerStatus()).isEqualTo("runnable");
    }

    @Test
    void readsEveryKindOfLockLine() throws Exception {
        ThreadDump dump = single(LOCKS17);
        LockRef gate = thread(dump, "quoted \"name\" here").locks(Kind.LOCKED).get(0);
        assertThat(gate.className()).isEqualTo("java.lang.Object");
        assertThat(thread(dump, "line-one\nline-two").locks(Kind.WAITING_TO_LOCK)).containsExactly(gate);
        assertThat(thread(dump, "\u65e5\u672c\u8a9e-\u30b9\u30ec\u30c3\u30c9").locks(Kind.WAITING_TO_LOCK))
                .containsExactly(gate);

        DumpThread worker = thread(dump, "worker #1");
        assertThat(worker.locks()).extracting(LockAction::frameIndex, LockAction::kind).containsExactly(
                tuple(0, Kind.WAITING_ON), tuple(2, Kind.LOCKED));
        assertThat(worker.locks().get(0).lock()).isEqualTo(worker.locks().get(1).lock());

        DumpThread relocker = thread(dump, "relocker");
        LockRef bell = relocker.locks(Kind.WAITING_TO_RELOCK).get(0);
        assertThat(relocker.state()).isEqualTo(ThreadState.BLOCKED);
        assertThat(thread(dump, "notifier").locks(Kind.LOCKED)).containsExactly(bell);

        assertThat(thread(dump, "clinit-alpha").locks()).containsExactly(new LockAction(0, Kind.CLASS_INIT,
                new LockRef("class-init:Scenarios$Beta", "Scenarios$Beta")));
        assertThat(thread(dump, "clinit-beta").locks(Kind.CLASS_INIT)).extracting(LockRef::className)
                .containsExactly("Scenarios$Alpha");
    }

    @Test
    void jdk17EliminatedLockLineWithTheNextFrameOnTheSameLine() throws Exception {
        DumpThread eliminator = thread(single(LOCKS17), "eliminator");
        assertThat(eliminator.locks()).containsExactly(new LockAction(2, Kind.ELIMINATED, null));
        assertThat(eliminator.frames()).extracting(StackFrame::text).containsExactly(
                "java.lang.Thread.sleep(java.base@17.0.15/Native Method)",
                "Scenarios.pause(Scenarios.java:35)",
                "Scenarios.eliminatedLock(Scenarios.java:81)",
                "Scenarios$$Lambda$16/0x00007f2118003528.run(Unknown Source)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
    }

    @Test
    void ownableSynchronizersAndParkedWaiters() throws Exception {
        ThreadDump dump = single(LOCKS17);
        List<LockRef> owned = thread(dump, FAKE_NAME).ownedSynchronizers();
        assertThat(owned).extracting(LockRef::className)
                .containsExactly("java.util.concurrent.locks.ReentrantLock$NonfairSync");
        assertThat(thread(dump, "main", 18L).locks(Kind.PARKING)).containsExactly(owned.get(0));
        assertThat(dump.threads().stream().filter(t -> !t.ownedSynchronizers().isEmpty())).hasSize(1);
    }

    @Test
    void jvmReportedDeadlockNamesItsThreads() throws Exception {
        ThreadDump dump = single(LOCKS17);
        assertThat(dump.jvmDeadlocks()).hasSize(1);
        assertThat(dump.jvmDeadlocks().get(0).threads()).containsExactly("deadlock-left", "deadlock-right");
        DumpThread left = thread(dump, "deadlock-left");
        DumpThread right = thread(dump, "deadlock-right");
        assertThat(left.locks(Kind.WAITING_TO_LOCK)).isEqualTo(right.locks(Kind.LOCKED));
        assertThat(right.locks(Kind.WAITING_TO_LOCK)).isEqualTo(left.locks(Kind.LOCKED));
        // the deadlock section repeats the stacks: they must not become extra threads or frames
        assertThat(dump.threads().stream().filter(t -> t.name().startsWith("deadlock-"))).hasSize(2);
        assertThat(left.frames()).hasSize(3);
    }

    @Test
    void jcmdThreadPrintWithAllocationAndClassCounts() throws Exception {
        ThreadDump dump = single("jdk17-locks-jcmd-thread-print-l-e.txt");
        assertThat(dump.format()).isEqualTo("hotspot-jcmd-thread-print");
        assertThat(dump.processId()).isEqualTo(22156L);
        assertThat(dump.line()).isEqualTo(3);
        DumpThread main = thread(dump, "main", 1L);
        assertThat(main.allocatedBytes()).isEqualTo(334L * 1024);
        assertThat(main.definedClasses()).isEqualTo(31L);
        DumpThread userMain = thread(dump, "main", 18L);
        assertThat(userMain.allocatedBytes()).isEqualTo(64L);
        assertThat(userMain.definedClasses()).isZero();
        assertThat(thread(dump, "VM Thread").allocatedBytes()).isNull();
    }

    @Test
    void jdk25HeadersWithNativeTidAndDecimalNid() throws Exception {
        ThreadDump dump = single("jdk25-locks-jstack-e.txt");
        DumpThread main = thread(dump, "main", 3L);
        assertThat(main.nid()).isEqualTo(22358L);
        assertThat(main.allocatedBytes()).isEqualTo(677L * 1024);
        assertThat(main.definedClasses()).isEqualTo(27L);
        assertThat(thread(dump, "VM Thread").nid()).isEqualTo(22368L);
        assertThat(thread(dump, "eliminator").locks()).extracting(LockAction::kind).containsExactly(Kind.ELIMINATED);
        assertThat(thread(dump, "clinit-alpha").locks(Kind.CLASS_INIT)).extracting(LockRef::className)
                .containsExactly("Scenarios$Beta");
    }

    @Test
    void carrierWithAMountedVirtualThread() throws Exception {
        for (String name : List.of("jdk25-vthreads-jstack-l.txt", "jdk25-vthreads-jcmd-thread-print.txt")) {
            ThreadDump dump = single(name);
            DumpThread carrier = thread(dump, "ForkJoinPool-1-worker-1");
            assertThat(carrier.state()).as(name).isEqualTo(ThreadState.NONE);
            assertThat(carrier.mountedVirtualId()).as(name).isEqualTo(22L);
            assertThat(carrier.nid()).as(name + ": nid from [tid] when nid= is missing").isEqualTo(22638L);
            List<String> frames = carrier.frames().stream().map(StackFrame::text).collect(Collectors.toList());
            assertThat(frames).as(name).hasSize(17);
            assertThat(frames.get(0)).isEqualTo("VirtualThreads.lambda$main$0(VirtualThreads.java:4)");
            assertThat(frames.get(6)).isEqualTo("jdk.internal.vm.Continuation.enter(java.base@25.0.3/Continuation.java:316)");
            assertThat(frames.get(7)).isEqualTo("jdk.internal.vm.Continuation.run(java.base@25.0.3/Continuation.java:251)");
            assertThat(frames.get(16)).isEqualTo(
                    "java.util.concurrent.ForkJoinWorkerThread.run(java.base@25.0.3/ForkJoinWorkerThread.java:187)");
            assertThat(dump.threads().stream().filter(t -> t.mountedVirtualId() != null)).hasSize(1);
            assertThat(dump.virtualThreadCount()).isZero();
        }
        assertThat(thread(single("jdk25-vthreads-jstack-l.txt"), "platform-owner").ownedSynchronizers())
                .extracting(LockRef::className).containsExactly("java.util.concurrent.locks.ReentrantLock$NonfairSync");
    }

    @Test
    void sigquitDumpsInsideAnApplicationLogAreSeparateDumps() throws Exception {
        ParseResult result = TestDumps.parse("jdk17-sigquit.log");
        assertThat(result.warnings()).isEmpty();
        List<ThreadDump> dumps = result.dumps();
        assertThat(dumps).hasSize(2);
        assertThat(dumps).extracting(ThreadDump::index, ThreadDump::line, ThreadDump::format).containsExactly(
                tuple(0, lineOf("jdk17-sigquit.log", "Full thread dump", 1), "hotspot-sigquit-log"),
                tuple(1, lineOf("jdk17-sigquit.log", "Full thread dump", 2), "hotspot-sigquit-log"));
        assertThat(Duration.between(dumps.get(0).timestamp(), dumps.get(1).timestamp()).toSeconds()).isBetween(1L, 2L);
        // round 2 started a thread between the dumps
        assertThat(dumps.get(0).threads().stream().map(DumpThread::name)).contains("request-1").doesNotContain("request-2");
        assertThat(dumps.get(1).threads().stream().map(DumpThread::name)).contains("request-1", "request-2");
        for (ThreadDump d : dumps) {
            // the exception traces in the log ("\tat Scenarios.log(...)") are not frames of any thread
            DumpThread main = thread(d, "main", 1L);
            assertThat(main.frames()).extracting(StackFrame::text).containsExactly(
                    "java.lang.Thread.sleep(java.base@17.0.15/Native Method)",
                    "Scenarios.pause(Scenarios.java:35)",
                    "Scenarios.log(Scenarios.java:109)",
                    "Scenarios.main(Scenarios.java:15)");
            assertThat(d.threads()).noneMatch(t -> t.name().equals("quoted log line"));
            assertThat(d.threads().get(d.threads().size() - 1).name()).isEqualTo("G1 Main Marker");
        }
    }

    @Test
    void sigquitOutputWithModifiedUtf8NamesDecodesToReplacementCharacters() throws Exception {
        ThreadDump dump = single("jdk17-locks-sigquit.log");
        assertThat(dump.format()).isEqualTo("hotspot-sigquit-log");
        DumpThread emoji = dump.threads().stream().filter(t -> Long.valueOf(16).equals(t.javaId())).findFirst().orElseThrow();
        assertThat(emoji.name()).startsWith("emoji ").endsWith(" thread").contains("\uFFFD");
        assertThat(emoji.name().chars().filter(c -> Character.isSurrogate((char) c))).isEmpty();
        assertThat(dump.threads()).hasSize(single(LOCKS17).threads().size() - 1); // no Attach Listener
        assertThat(thread(dump, "\u65e5\u672c\u8a9e-\u30b9\u30ec\u30c3\u30c9").state()).isEqualTo(ThreadState.BLOCKED);
    }

    @Test
    void formatsRegistryDetectsHotSpot() throws Exception {
        DumpText text = DumpText.of(LOCKS17, TestDumps.bytes(LOCKS17));
        assertThat(Formats.detect(text)).isInstanceOf(HotSpotFormat.class);
        assertThat(Formats.all()).anyMatch(f -> f.id().equals(HotSpotFormat.ID));
    }

    /** 1-based number of the {@code n}-th line of a test dump that starts with {@code prefix}. */
    static long lineOf(String dump, String prefix, int n) {
        String[] lines = TestDumps.text(dump).split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix) && ++seen == n) return i + 1;
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    static long lineOf(String dump, String prefix) {
        return lineOf(dump, prefix, 1);
    }
}
