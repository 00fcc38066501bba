package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.dumplens.formats.go.GoSamples.calling;
import static dev.dumplens.formats.go.GoSamples.createdBy;
import static dev.dumplens.formats.go.GoSamples.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Goroutine tracebacks captured from sample-dumps/go/leakserver and crashers (Go 1.19). */
class GoTracebackFormatTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void leakServerCapturesHoldTheDesignedGoroutines(int n) throws Exception {
        ThreadDump d = single("leak-debug2-" + n + ".txt");
        assertThat(d.format()).isEqualTo(GoTracebackFormat.ID);
        assertThat(calling(d, "main.handleOrder")).hasSize(10 * n)
                .allSatisfy(g -> assertThat(g.stateDetail()).isEqualTo("chan receive"));
        assertThat(calling(d, "main.pollJobs")).hasSize(4 * n)
                .allSatisfy(g -> assertThat(g.stateDetail()).isEqualTo("select"));
        assertThat(calling(d, "main.publishResult")).hasSize(3 * n)
                .allSatisfy(g -> assertThat(g.stateDetail()).isEqualTo("chan send"));
        assertThat(calling(d, "main.mutexWaiter")).hasSize(5);
        assertThat(calling(d, "main.groupWaiter")).hasSize(3);
        assertThat(calling(d, "main.napper")).hasSize(4);
        assertThat(calling(d, "main.forever")).hasSize(2);
        assertThat(calling(d, "main.condWaiter")).hasSize(2);
        assertThat(calling(d, "main.connReader")).hasSize(1);
        assertThat(calling(d, "main.pinned")).singleElement()
                .satisfies(g -> assertThat(g.headerStatus()).contains("locked to thread"));
        assertThat(d.threads()).filteredOn(g -> g.javaId() == 1).singleElement()
                .satisfies(g -> assertThat(g.stateDetail()).isEqualTo("IO wait"));
        // besides: the pprof handler serving the request, and net/http's own goroutines of the open connections
        assertThat(d.threads()).hasSize(headerLines(GoSamples.bytes("leak-debug2-" + n + ".txt")))
                .hasSizeGreaterThan(17 * n + 5 + 3 + 4 + 2 + 2 + 1 + 1 + 1);
    }

    /** Lines starting with "goroutine " counted independently of the parser. */
    private static int headerLines(byte[] file) {
        return (int) new String(file, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("goroutine ")).count();
    }

    @Test
    void waitReasonsFoldIntoCategoriesAndStates() throws Exception {
        ThreadDump d = single("leak-debug2-1.txt");
        Map<GoWaitCategory, Long> categories = d.threads().stream()
                .collect(Collectors.groupingBy(GoWaitCategory::of, Collectors.counting()));
        assertThat(categories).containsEntry(GoWaitCategory.CHAN_RECEIVE, 11L) // 10 handleOrder + pinned
                .containsEntry(GoWaitCategory.SELECT, 6L)                       // 4 pollJobs + 2 select {}
                .containsEntry(GoWaitCategory.CHAN_SEND, 3L)
                .containsEntry(GoWaitCategory.MUTEX, 5L)      // printed [semacquire] by Go 1.19
                .containsEntry(GoWaitCategory.WAITGROUP, 3L)  // printed [semacquire] by Go 1.19
                .containsEntry(GoWaitCategory.COND, 2L)
                .containsEntry(GoWaitCategory.SLEEP, 4L)
                .containsEntry(GoWaitCategory.IO_WAIT, 2L);    // main accepting, connReader
        assertThat(calling(d, "main.mutexWaiter")).allSatisfy(g -> {
            assertThat(g.stateDetail()).isEqualTo("semacquire");
            assertThat(g.state()).isEqualTo(ThreadState.WAITING);
        });
        assertThat(calling(d, "main.napper")).allSatisfy(g -> assertThat(g.state()).isEqualTo(ThreadState.TIMED_WAITING));
        assertThat(d.threads()).filteredOn(g -> g.stateDetail().equals("running")).singleElement()
                .satisfies(g -> assertThat(g.frames().get(0).qualifiedMethod()).startsWith("runtime/pprof."))
                .satisfies(g -> assertThat(g.state()).isEqualTo(ThreadState.RUNNABLE));
    }

    @Test
    void framesReadFunctionAndPositionWithArgumentsApart() throws Exception {
        ThreadDump d = single("leak-debug2-2.txt");
        DumpThread waiter = calling(d, "main.mutexWaiter").get(0);
        assertThat(waiter.frames()).extracting(StackFrame::text).containsExactly(
                "sync.runtime_SemacquireMutex(runtime/sema.go:77)",
                "sync.(*Mutex).lockSlow(sync/mutex.go:171)",
                "sync.(*Mutex).Lock(sync/mutex.go:90)",
                "main.mutexWaiter(leakserver/main.go:92)",
                "created by main.startBackground(leakserver/main.go:136)");
        assertThat(waiter.callArgs()).hasSize(5);
        assertThat(waiter.callArgs().get(2)).isEqualTo("...");
        StackFrame lockSlow = waiter.frames().get(1);
        assertThat(lockSlow.isGo()).isTrue();
        assertThat(lockSlow.qualifiedMethod()).isEqualTo("sync.(*Mutex).lockSlow");
        assertThat(lockSlow.className()).isEqualTo("sync.(*Mutex)");
        assertThat(lockSlow.methodName()).isEqualTo("lockSlow");
        assertThat(lockSlow.location()).isEqualTo("mutex.go:171");
        assertThat(lockSlow.lineNumber()).isEqualTo(171);
        assertThat(lockSlow.module()).isEmpty();
        StackFrame created = createdBy(waiter);
        assertThat(created.qualifiedMethod()).isEqualTo("main.startBackground");
        // goroutines with the same stack share the frame instances; only their arguments differ
        List<DumpThread> waiters = calling(d, "main.mutexWaiter");
        assertThat(waiters).allSatisfy(g -> assertThat(g.frames().get(1)).isSameAs(lockSlow));
    }

    @Test
    void mutexWaitersParkOnTheMutexTheirCallsName() throws Exception {
        ThreadDump d = single("leak-debug2-3.txt");
        List<DumpThread> waiters = calling(d, "main.mutexWaiter");
        assertThat(waiters).allSatisfy(g -> assertThat(g.locks()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(LockAction.Kind.PARKING);
            assertThat(a.lock().className()).isEqualTo("sync.Mutex");
            assertThat(g.frames().get(a.frameIndex()).qualifiedMethod()).isEqualTo("sync.(*Mutex).lockSlow");
        }));
        assertThat(waiters.stream().map(g -> g.locks().get(0).lock().id()).distinct()).hasSize(1);
        // WaitGroup.Wait(0x0?) prints no reliable address: no lock is made up
        assertThat(calling(d, "main.groupWaiter")).allSatisfy(g -> assertThat(g.locks()).isEmpty());
    }

    @Test
    void headersGiveIdsMinutesAndTheWholeBracket() throws Exception {
        ThreadDump d = single("leak-debug2-4.txt");
        assertThat(d.threads()).allSatisfy(g -> {
            assertThat(g.name()).isEqualTo("goroutine " + g.javaId());
            assertThat(g.headerStatus()).startsWith(g.stateDetail());
        });
        // batches 1-3 and the background goroutines are over a minute old, batch 4 is new
        Map<Integer, Long> handleOrderByMinutes = calling(d, "main.handleOrder").stream()
                .collect(Collectors.groupingBy(g -> g.waitMinutes() == null ? 0 : g.waitMinutes(), Collectors.counting()));
        assertThat(handleOrderByMinutes).containsExactlyInAnyOrderEntriesOf(Map.of(1, 30L, 0, 10L));
        assertThat(calling(d, "main.napper")).allSatisfy(g -> assertThat(g.waitMinutes()).isEqualTo(1));
        assertThat(single("leak-debug2-3.txt").threads()).allSatisfy(g -> assertThat(g.waitMinutes()).isNull());
    }

    @Test
    void sigquitTracebackHasRuntimeFramesGoroutineZeroAndNoRegisterLines() throws Exception {
        ThreadDump d = single("leak-sigquit.txt");
        assertThat(d.fatalError()).startsWith("SIGQUIT: quit\nPC=0x");
        DumpThread zero = d.threads().get(0);
        assertThat(zero.javaId()).isZero();
        assertThat(zero.stateDetail()).isEqualTo("idle");
        assertThat(zero.state()).isEqualTo(ThreadState.NONE);
        assertThat(GoWaitCategory.of(zero)).isEqualTo(GoWaitCategory.RUNTIME);
        assertThat(calling(d, "main.handleOrder")).hasSize(40);
        DumpThread receiver = calling(d, "main.handleOrder").get(0);
        assertThat(receiver.frames()).extracting(StackFrame::qualifiedMethod)
                .startsWith("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1", "main.handleOrder")
                .contains("runtime.goexit");
        assertThat(receiver.frames()).extracting(StackFrame::text).noneMatch(t -> t.contains("fp=") || t.contains("+0x"));
        // SIGQUIT shows the channel each receiver waits on
        assertThat(receiver.locks()).singleElement().satisfies(a -> assertThat(a.lock().className()).isEqualTo("chan"));
        // runtime goroutines (GC, finalizer) that debug=2 hides
        assertThat(d.threads()).filteredOn(g -> GoWaitCategory.of(g) == GoWaitCategory.RUNTIME).hasSizeGreaterThanOrEqualTo(4);
        assertThat(d.threads()).extracting(DumpThread::name).doesNotHaveDuplicates();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void runtimeDeadlockIsRecordedOnTheDump() throws Exception {
        ThreadDump d = single("crash-deadlock.txt");
        assertThat(d.fatalError()).isEqualTo("fatal error: all goroutines are asleep - deadlock!");
        assertThat(d.threads()).extracting(DumpThread::javaId).hasSize(4);
        assertThat(calling(d, "main.transfer")).hasSize(2).allSatisfy(g -> {
            assertThat(GoWaitCategory.of(g)).isEqualTo(GoWaitCategory.CHAN_RECEIVE);
            assertThat(createdBy(g).qualifiedMethod()).isEqualTo("main.deadlock");
        });
        assertThat(calling(d, "main.deadlock.func1")).singleElement()
                .satisfies(g -> assertThat(GoWaitCategory.of(g)).isEqualTo(GoWaitCategory.WAITGROUP));
    }

    @Test
    void panicIsRecordedAndTheInlinedFrameKept() throws Exception {
        ThreadDump d = single("crash-panic.txt");
        assertThat(d.fatalError()).isEqualTo("panic: assignment to entry in nil map");
        DumpThread panicking = d.threads().get(0);
        assertThat(panicking.stateDetail()).isEqualTo("running");
        assertThat(panicking.frames()).extracting(StackFrame::qualifiedMethod)
                .containsExactly("main.(*registry).register", "main.worker", "main.crash");
        assertThat(panicking.callArgs().get(0)).isEqualTo("...");
        assertThat(d.threads()).hasSize(5);
    }

    @Test
    void goOneTwentyOneFormsAndAFileCutMidGoroutine() throws Exception {
        String text = """
                goroutine 7 gp=0xc000007180 m=nil [chan receive, 12 minutes]:
                main.worker(0xc00001c0c0)
                \t/src/app/main.go:21 +0x30
                ...12 frames elided...
                created by main.main in goroutine 1
                \t/src/app/main.go:40 +0x4f

                goroutine 8 [sync.Mutex.Lock, 3 minutes]:
                sync.runtime_SemacquireMutex(0xc000014098, 0x0, 0x1)
                \t/usr/local/go/src/runtime/sema.go:95 +0x25
                sync.(*Mutex).lockSlow(0xc000014090)
                """;
        var result = new GoTracebackFormat().parse(DumpText.of("t.txt", text.getBytes()), ProgressMonitor.NONE);
        ThreadDump d = result.dumps().get(0);
        DumpThread first = d.threads().get(0);
        assertThat(first.javaId()).isEqualTo(7);
        assertThat(first.waitMinutes()).isEqualTo(12);
        assertThat(first.frames()).extracting(StackFrame::text).containsExactly("main.worker(/src/app/main.go:21)",
                "...12 frames elided...", "created by main.main(/src/app/main.go:40)");
        DumpThread second = d.threads().get(1);
        assertThat(GoWaitCategory.of(second)).isEqualTo(GoWaitCategory.MUTEX);
        assertThat(second.frames()).extracting(StackFrame::qualifiedMethod)
                .containsExactly("sync.runtime_SemacquireMutex", "sync.(*Mutex).lockSlow");
        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("truncated"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TAB/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc0000c5b90 sp=0xc0000c5b70 pc=0x43b256|/usr/lib/go-1.19/src/runtime/proc.go:363",
        "TABleakserver/main.go:47 +0x2b|leakserver/main.go:47",
        "TABcrashers/main.go:20|crashers/main.go:20",
        "TAB<autogenerated>:1 +0x2a|<autogenerated>:1",
        "TABC:/Program Files/Go/src/net/http/server.go:3102 +0x4db|C:/Program Files/Go/src/net/http/server.go:3102",
        "TAB/src/app/main.go:12 +0x1fCR|/src/app/main.go:12",
    })
    void positionLinesLoseOffsetAndFrameRegisters(String line, String location) {
        assertThat(TracebackReader.location(line.replace("TAB", "\t").replace("CR", "\r"))).isEqualTo(location);
    }

    @Test
    void capturesAppendedToOneFileAndALogOfTwoCrashesAreSeveralDumps() throws Exception {
        byte[] one = GoSamples.bytes("leak-debug2-1.txt");
        byte[] two = GoSamples.bytes("leak-debug2-2.txt");
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        var appended = new GoTracebackFormat().parse(DumpText.of("both.txt", both), ProgressMonitor.NONE);
        assertThat(appended.dumps()).extracting(d -> d.threads().size())
                .containsExactly(single("leak-debug2-1.txt").threads().size(), single("leak-debug2-2.txt").threads().size());
        assertThat(appended.dumps().get(1).line()).isEqualTo(one.length == 0 ? 1
                : new String(one, java.nio.charset.StandardCharsets.UTF_8).lines().count() + 1);
        String log = "starting\n" + new String(GoSamples.bytes("crash-panic.txt"), java.nio.charset.StandardCharsets.UTF_8)
                + "exit status 2\nrestarted\n" + new String(GoSamples.bytes("crash-deadlock.txt"), java.nio.charset.StandardCharsets.UTF_8);
        var crashes = new GoTracebackFormat().parse(DumpText.of("log.txt", log.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ProgressMonitor.NONE);
        assertThat(crashes.dumps()).extracting(ThreadDump::fatalError).containsExactly(
                "panic: assignment to entry in nil map", "fatal error: all goroutines are asleep - deadlock!");
        assertThat(crashes.dumps()).extracting(d -> d.threads().size()).containsExactly(5, 4);
        assertThat(crashes.dumps().get(0).line()).isEqualTo(2);
    }

    @Test
    void textThatHasNoGoroutineIsRejected() {
        var format = new GoTracebackFormat();
        DumpText text = DumpText.of("log.txt", "just a log\npanic: nothing follows\n".getBytes());
        assertThat(format.sniff(text)).isZero();
        assertThatThrownBy(() -> format.parse(text, ProgressMonitor.NONE))
                .isInstanceOf(DumpParseException.class).hasMessageContaining("no goroutine");
    }
}
