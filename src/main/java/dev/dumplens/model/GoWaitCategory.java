package dev.dumplens.model;

import java.util.List;
import java.util.Locale;

/**
 * What a goroutine waits for, folded from the wait reason its header prints ({@code [chan receive]}), which
 * differs between Go versions ({@code [semacquire]} in Go 1.19 where 1.20+ prints {@code [sync.Mutex.Lock]} or
 * {@code [sync.WaitGroup.Wait]}), and from its frames where the reason is ambiguous or absent (a {@code debug=1}
 * goroutine profile prints no reasons). The original text stays in {@link DumpThread#stateDetail()}.
 *
 * <p>The table, in matching order (the first row whose wait reasons or marker functions match wins):
 * <pre>
 * category       ThreadState    wait reasons                                  marker functions (top first)
 * RUNNING        RUNNABLE       running, runnable, preempted                  -
 * SYSCALL        RUNNABLE       syscall                                       syscall.Syscall, syscall.Syscall6, …
 * CHAN_RECEIVE   WAITING        chan receive, chan receive (nil chan)         runtime.chanrecv1, runtime.chanrecv2
 * CHAN_SEND      WAITING        chan send, chan send (nil chan)               runtime.chansend1
 * SELECT         WAITING        select, select (no cases)                     runtime.selectgo, runtime.block
 * MUTEX          WAITING        sync.Mutex.Lock, sync.RWMutex.Lock, .RLock    sync.(*Mutex).Lock, sync.(*RWMutex).Lock, …
 * WAITGROUP      WAITING        sync.WaitGroup.Wait                           sync.(*WaitGroup).Wait
 * COND           WAITING        sync.Cond.Wait                                sync.(*Cond).Wait
 * SEMAPHORE      WAITING        semacquire (when no marker above matches)     -
 * IO_WAIT        WAITING        IO wait                                       internal/poll.runtime_pollWait
 * SLEEP          TIMED_WAITING  sleep                                         time.Sleep
 * RUNTIME        NONE           GC and scheduler goroutines ("GC sweep wait", "finalizer wait", "force gc (idle)",
 *                               "idle" of goroutine 0, …): the runtime's own, like a JVM's VM threads
 * OTHER          WAITING        any other wait reason
 * UNKNOWN        NONE           no wait reason and no marker function (a debug=1 record of user frames only)
 * </pre>
 * A {@code semacquire} goroutine is MUTEX, WAITGROUP or COND when such a marker function is on its stack.
 */
public enum GoWaitCategory {
    RUNNING("running", ThreadState.RUNNABLE, List.of("running", "runnable", "preempted"), List.of()),
    SYSCALL("syscall", ThreadState.RUNNABLE, List.of("syscall"),
            List.of("syscall.Syscall", "syscall.Syscall6", "syscall.RawSyscall", "syscall.RawSyscall6",
                    "syscall.syscall", "runtime/internal/syscall.Syscall6")),
    CHAN_RECEIVE("channel receive", ThreadState.WAITING, List.of("chan receive", "chan receive (nil chan)"),
            List.of("runtime.chanrecv1", "runtime.chanrecv2", "runtime.chanrecv")),
    CHAN_SEND("channel send", ThreadState.WAITING, List.of("chan send", "chan send (nil chan)"),
            List.of("runtime.chansend1", "runtime.chansend")),
    SELECT("select", ThreadState.WAITING, List.of("select", "select (no cases)"),
            List.of("runtime.selectgo", "runtime.block")),
    MUTEX("mutex", ThreadState.WAITING, List.of("sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock"),
            List.of("sync.(*Mutex).Lock", "sync.(*Mutex).lockSlow", "sync.runtime_SemacquireMutex",
                    "sync.(*RWMutex).Lock", "sync.(*RWMutex).RLock", "sync.runtime_SemacquireRWMutex",
                    "sync.runtime_SemacquireRWMutexR")),
    WAITGROUP("waitgroup", ThreadState.WAITING, List.of("sync.WaitGroup.Wait"), List.of("sync.(*WaitGroup).Wait")),
    COND("condition", ThreadState.WAITING, List.of("sync.Cond.Wait"),
            List.of("sync.(*Cond).Wait", "sync.runtime_notifyListWait")),
    SEMAPHORE("semaphore", ThreadState.WAITING, List.of("semacquire"), List.of()),
    IO_WAIT("IO wait", ThreadState.WAITING, List.of("IO wait"), List.of("internal/poll.runtime_pollWait")),
    SLEEP("sleep", ThreadState.TIMED_WAITING, List.of("sleep"), List.of("time.Sleep")),
    RUNTIME("runtime", ThreadState.NONE, List.of("idle", "GC sweep wait", "GC scavenge wait", "GC worker (idle)",
            "GC assist wait", "GC assist marking", "GC background sweeper wait", "GC mark termination",
            "finalizer wait", "force gc (idle)", "garbage collection", "garbage collection scan",
            "wait for GC cycle", "stopping the world", "dumping heap", "trace reader (blocked)",
            "timer goroutine (idle)", "sleep for stop-the-world", "debug call", "wait until GC ends",
            "GC weak to strong wait", "synctest"), List.of()),
    OTHER("other wait", ThreadState.WAITING, List.of(), List.of()),
    UNKNOWN("unknown", ThreadState.NONE, List.of(), List.of());

    private final String label;
    private final ThreadState state;
    private final List<String> reasons;
    private final List<String> markers;

    GoWaitCategory(String label, ThreadState state, List<String> reasons, List<String> markers) {
        this.label = label;
        this.state = state;
        this.reasons = reasons;
        this.markers = markers;
    }

    /** Plain words for views and explanations: "channel receive", "mutex", "IO wait". */
    public String label() { return label; }

    /** The state a goroutine of this category gets in the model. */
    public ThreadState threadState() { return state; }

    /** The wait reasons of this row of the table, as Go prints them. */
    public List<String> waitReasons() { return reasons; }

    /** The functions whose presence on a stack puts a goroutine in this category. */
    public List<String> markerFunctions() { return markers; }

    /** The category of a goroutine of the model (its {@code stateDetail} and frames). */
    public static GoWaitCategory of(DumpThread goroutine) {
        return of(goroutine.stateDetail(), goroutine.frames());
    }

    /**
     * The category of a goroutine whose header printed {@code waitReason} ("" when none was printed) and whose
     * frames are {@code frames} (top first).
     */
    public static GoWaitCategory of(String waitReason, List<StackFrame> frames) {
        String reason = waitReason == null ? "" : waitReason.strip();
        if (reason.isEmpty()) {
            GoWaitCategory byFrames = byMarker(frames, values());
            return byFrames == null ? UNKNOWN : byFrames;
        }
        if (SEMAPHORE.reasons.contains(reason)) {
            GoWaitCategory byFrames = byMarker(frames, MUTEX, WAITGROUP, COND);
            return byFrames == null ? SEMAPHORE : byFrames;
        }
        for (GoWaitCategory c : values()) {
            if (c.reasons.contains(reason)) return c;
        }
        return reason.toLowerCase(Locale.ROOT).startsWith("gc ") ? RUNTIME : OTHER;
    }

    private static GoWaitCategory byMarker(List<StackFrame> frames, GoWaitCategory... candidates) {
        for (StackFrame f : frames) {
            if (f.isCreatedBy()) continue;
            String function = f.qualifiedMethod();
            for (GoWaitCategory c : candidates) {
                if (c.markers.contains(function)) return c;
            }
        }
        return null;
    }
}
